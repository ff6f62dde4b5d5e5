"""`roleprint collate` and `roleprint purge`: a panel's filled scoring sheets, added up.

Takes in: the shortlisting or interview sheets the panel members filled in, as PDFs (the
fillable fields of `roleprint forms`) or as workbooks (`shortlisting.xlsx`,
`interview-scores.xlsx`), each saying which vacancy (or role), stage and scale it belongs to
(`identity.py`). The content folder gives the rows: which criteria are essential, weights, the
scale.

Gives out, into a folder outside the repository (or one git ignores), every file dated for
deletion by the organisation's retention period: per candidate and criterion each member's
score, the mean and the spread, flags where members differ by two points or more or disagree
on an essential criterion; totals and ranks (ties share a rank); a moderation sheet (HTML and
PDF), a workbook of the figures, and optionally a feedback summary per candidate; and a
manifest that `roleprint purge` reads to delete them once that date has passed.

read_pdf.py, read_workbook.py -> Filled (one member's scores) -> figures.py -> write.py;
retention.py says where collate may write, and what purge deletes.
"""
