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

identity.py     what a sheet says it is (written by `roleprint forms`, read back here)
read_pdf.py     a filled PDF's identity and field values (pypdf)
read_workbook.py  a filled workbook's scores (openpyxl)
filled.py       Filled: one member's values, as read
run.py          the command: read every file, check they belong together, rebuild the sheet
                from the content, collate, write
figures.py      each member's score, mean, spread, flags; totals, gate, rank
workbook.py, pages.py, write.py   the workbook, the moderation and feedback pages, the files
retention.py    where collate may write, the delete-by date, and what purge deletes
"""
