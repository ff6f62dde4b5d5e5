"""What every stage uses and nothing of Roleprint's own: no stage is imported from here.

Takes in nothing from the pipeline; gives out problems as values (`problems`), content-addressed
caches (`cache`) and work spread over processes with them (`batch`), the build's date
(`clock`), text made safe for each output format (`text`), helper processes that end with
their parent (`lifeline`), and who may talk to the local servers (`loopback`).
"""
