"""The application form as a Word document, read from the form's own HTML page.

A candidate who would rather write in Word gets the very form the HTML page and its PDF are:
its headings, guidance, criteria, questions, references and declarations, in the same order,
because they are read from that page (`application_document(html)`), not written a second time.
Each place to write becomes a table of one column whose header row is the question (marked as a
header row) and whose cell is left empty; a yes / no question is a cell to delete the answer
that does not apply; the page's own tables keep their header rows with empty cells below.
Parts that only work in a browser (anything `hidden`, scripts) are left out.

The result is the plain document `word.docx_bytes` writes (see `docblocks` for the blocks).
"""

from __future__ import annotations

from typing import Any

from generator.render.exports.docblocks import Block
from generator.render.exports.richtext import Para, Reader, Run, tidy

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
BOXES = ("input", "textarea", "select")
WRITE_IN = ("text", "email", "tel", "number", "date", "")
MOST_LINES = 8  # a big box as empty lines: enough to show it is big
EMPTY: Para = ("", ())
YES_NO_NOTE = " (delete the answer that does not apply)"


def _text(runs: tuple[Run, ...]) -> str:
    return "".join(run[0] for run in runs)


class FormReader(Reader):
    """One form page read into Word blocks (the richtext reader does paragraphs and lists)."""

    def __init__(self) -> None:
        super().__init__(0)
        self.blocks: list[Block] = []
        self.title: list[str] = []
        self.in_form = self.in_title = False
        self.skip: list[str] = []      # the open elements whose content is left out
        self.label = ""                # the last label read, for the box after it
        self.capture: list[str] = []   # what the runs being read belong to (heading, label …)
        self.choice: list[Any] = []    # an open yes / no question: [question, options]
        self.table: dict[str, Any] | None = None
        self.region = ""               # the name of the scrolling region around a table

    # ---- the paragraphs the richtext reader makes go in order with everything else ----

    def flush(self) -> None:
        super().flush()
        self.blocks += [("p", style, runs) for style, runs in self.paras]
        self.paras = []

    def taken(self) -> tuple[Run, ...]:
        runs, self.runs = tidy(self.runs), []
        return runs

    def box(self, question: str, lines: int, answer: tuple[Run, ...] = ()) -> None:
        """A place to write: the question as the table's header row, an empty cell below."""
        cell = (("", answer),) if answer else (EMPTY,) * max(1, min(lines, MOST_LINES))
        self.blocks.append(("table", question, (question,), ((cell,),), (1.0,)))

    # ---- reading ----

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if self.skip:
            if tag == self.skip[0]:
                self.skip.append(tag)
            return
        if tag == "title":
            self.in_title = True
        if tag == "form":
            self.in_form = True
        if not self.in_form:
            return
        if tag in ("script", "style") or "hidden" in found or (tag == "span" and "vh" in classes):
            self.skip.append(tag)
        elif tag in HEADINGS or tag in ("label", "legend", "dt"):
            self.flush()
            self.capture.append(tag)
        elif tag == "fieldset" and "choice" in classes:
            self.flush()
            self.choice = ["", []]
        elif tag == "div" and found.get("role") == "region":
            self.region = found.get("aria-label") or ""
        elif tag == "table":
            self.flush()
            self.table = {"header": [], "rows": [], "row": None, "head": False}
        elif self.table is not None and tag in ("thead", "tr"):
            self.table["head" if tag == "thead" else "row"] = True if tag == "thead" else []
        elif self.table is not None and tag in ("th", "td"):
            self.runs = []
        elif tag in BOXES:
            self.field(tag, found)
        else:
            super().handle_starttag(tag, attrs)

    def field(self, tag: str, found: dict[str, str | None]) -> None:
        kind = found.get("type") or ""
        if self.table is not None:
            return  # a cell's box: the cell is left empty
        if self.choice and kind == "radio":
            return  # its words come with its label
        if tag == "textarea" or kind in WRITE_IN:
            self.flush()
            lines = int(found.get("rows") or 1) if tag == "textarea" else 1
            self.box(self.label, lines)
        elif kind == "checkbox":
            self.box(self.label, 1, (("\u2610 " + self.label, "", ""),))

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag == "title":
            self.in_title = False
        if not self.in_form:
            return
        if self.capture and tag == self.capture[-1]:
            self.captured(self.capture.pop())
        elif tag == "form":
            self.flush()
            self.in_form = False
        elif tag == "fieldset" and self.choice:
            question, options = self.choice
            self.choice = []
            answer = " / ".join(options) + YES_NO_NOTE if options else ""
            self.box(question, 1, ((answer, "", ""),) if answer else ())
        elif self.table is not None and tag in ("th", "td"):
            runs = self.taken()
            if self.table["head"]:
                self.table["header"].append(_text(runs))
            elif self.table["row"] is not None:
                self.table["row"].append((("", runs) if runs else EMPTY,))
        elif self.table is not None and tag == "thead":
            self.table["head"] = False
        elif self.table is not None and tag == "tr":
            if self.table["row"]:
                self.table["rows"].append(tuple(self.table["row"]))
            self.table["row"] = None
        elif self.table is not None and tag == "table":
            self.end_table()
        elif tag == "dd":
            self.flush()
        else:
            super().handle_endtag(tag)

    def captured(self, tag: str) -> None:
        runs = self.taken()
        if tag in HEADINGS:
            self.blocks.append(("h", HEADINGS[tag], runs))
        elif tag == "label":
            if self.choice:
                self.choice[1].append(_text(runs))
            else:
                self.label = _text(runs)
        elif tag == "legend":
            if self.choice:
                self.choice[0] = _text(runs)
            else:
                self.blocks.append(("h", 3, runs))
        elif tag == "dt":
            self.runs = [(_text(runs) + ": ", "b", "")]

    def end_table(self) -> None:
        table, self.table = self.table, None
        assert table is not None
        header = tuple(table["header"])
        if header:
            rows = tuple(row + ((EMPTY,),) * (len(header) - len(row)) for row in table["rows"])
            self.blocks.append(("table", self.region or header[0], header, rows,
                                (1 / len(header),) * len(header)))
        self.region = ""

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title.append(data)
        elif self.in_form:
            super().handle_data(data)


def application_document(html: str) -> dict[str, Any]:
    """The Word document (`word.docx_bytes`) of an application form's HTML page."""
    reader = FormReader()
    reader.feed(html)
    reader.close()
    reader.flush()
    title = " ".join("".join(reader.title).split())
    return {"title": title, "subject": "Application form", "keywords": "application form",
            "footer": title.split(",")[0], "blocks": reader.blocks}
