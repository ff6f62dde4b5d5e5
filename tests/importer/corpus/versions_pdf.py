"""The PDF layout of tests/importer/corpus/make_versions.py: HTML printed by WeasyPrint, with a
running header, "Page X of Y" in the footer and, for some, two columns."""

from __future__ import annotations

from tests.importer.corpus.make_versions import BULLET, Layout, Parts, _kind, html_text, spec_rows

CSS = """
@page { size: A4; margin: 22mm 18mm;
  @top-center { content: "%(title)s"; font-size: 9pt; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
body { font-family: "Liberation Sans", sans-serif; font-size: 10.5pt; %(columns)s }
h1 { font-size: 16pt; } h2 { font-size: 12pt; }
table { border-collapse: collapse; width: 100%%; margin: 6pt 0; }
td, th { border: 0.5pt solid #000; padding: 3pt; vertical-align: top; text-align: left; }
th, td.label { font-weight: bold; }
p.item { margin-left: 18pt; text-indent: -14pt; }
"""


def _lines(lines: list[str]) -> list[str]:
    html = []
    for text in lines:
        kind = _kind(text)
        if kind == "heading":
            html.append(f"<h2>{html_text(text)}</h2>")
        elif kind == "bullet":
            html.append(f"<ul><li>{html_text(BULLET.sub('', text))}</li></ul>")
        elif kind in ("number", "letter"):
            html.append(f'<p class="item">{html_text(text)}</p>')
        else:
            html.append(f"<p>{html_text(text)}</p>")
    return html


def _spec(parts: Parts, layout: Layout) -> list[str]:
    if not (layout.spec and parts.criteria):
        return []
    head, rows = spec_rows(layout.spec, parts.criteria)
    html = ["<h2>Person specification</h2>", "<table><tr>"
            + "".join(f"<th>{html_text(h)}</th>" for h in head) + "</tr>"]
    for row in rows:
        if row[0] == "" and len(row) == 2:
            html.append(f'<tr><th colspan="{len(head)}">{html_text(row[1])}</th></tr>')
        else:
            html.append("<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in row) + "</tr>")
    return [*html, "</table>"]


def build(parts: Parts, layout: Layout) -> bytes:
    from weasyprint import HTML

    css = CSS % {"title": parts.title.replace('"', "'"),
                 "columns": "column-count: 2; column-gap: 10mm;" if layout.two_columns else ""}
    body = [f"<h1>{html_text(parts.title)}</h1>"]
    if parts.header:
        body.append("<table>" + "".join(
            f'<tr><td class="label">{html_text(label)}</td><td>{html_text(value)}</td></tr>'
            for label, value in parts.header) + "</table>")
    body += _lines(parts.before) + _spec(parts, layout) + _lines(parts.after)
    html = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{html_text(parts.title)}</title><style>{css}</style></head>"
            f"<body>{''.join(body)}</body></html>")
    return bytes(HTML(string=html).write_pdf(metadata=None, identifier=b"roleprint-corpus"))
