"""Write the collated figures: `collated.xlsx`, `moderation-collated.html` and `.pdf`, and with
`feedback`, `feedback/feedback-c1.html` (and `.pdf`) … for each candidate."""

from __future__ import annotations

from pathlib import Path

from generator.collate.figures import Figures
from generator.collate.pages import feedback_page, moderation_page
from generator.collate.workbook import book_spec
from generator.scoring.campaign import Campaign


def write_all(campaign: Campaign, figures: Figures, out: Path, notice: str, *,
              feedback: bool, pdf: bool = True) -> list[Path]:
    """Write every file into `out`; return them."""
    from generator.core.clock import source_date
    from generator.render.exports.excel import xlsx_bytes

    out.mkdir(parents=True, exist_ok=True)
    book = out / "collated.xlsx"
    book.write_bytes(xlsx_bytes(book_spec(figures, notice), source_date()))
    pages = [(out / "moderation-collated.html", moderation_page(campaign, figures, notice))]
    if feedback:
        (out / "feedback").mkdir(exist_ok=True)
        pages += [(out / "feedback" / f"feedback-{cand.code.lower()}.html",
                   feedback_page(campaign, figures, cand, notice))
                  for cand in figures.candidates]
    written = [book]
    for path, html in pages:
        path.write_text(html, encoding="utf-8")
        written.append(path)
        if pdf:
            from generator.render.forms.pdf import render_pdf  # WeasyPrint: a second to import

            written.append(render_pdf(html, path.with_suffix(".pdf"), created=source_date()))
    return written
