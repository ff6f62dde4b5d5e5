"""The render stage: the model in, files' contents out (Markdown, HTML, PDF, Word, Excel, CSV).

`site/` gives the site's Markdown pages and assets, `forms/` the printable forms (HTML, and
PDFs from the same pages), `exports/` the Word and Excel files; the three do not import one
another. What they share sits here: the one Jinja environment (`templating`), words and
links for pages (`views`, `links`). Everything rendered is escaped or sanitised for its format.
`generator.output` decides where the results are written.
"""
