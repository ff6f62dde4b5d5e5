"""One recruitment: what a panel scores, on which scale, in what order, and how it adds up.

Takes in the model (a role, maybe opened as a vacancy, its scales and question plan) and the
options of `roleprint forms`. Gives out plain values the renderers and `collate` share: the
`Campaign` (`campaign`), each stage's rows and totals (`sheets`), the interview's question plan
(`plan`), what a filled sheet says it is (`identity`) and the command's checked options
(`options`). Nothing here writes a file.
"""
