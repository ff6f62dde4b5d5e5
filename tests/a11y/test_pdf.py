"""Every PDF the site links to, for every shipped role: tagged, titled (and the title shown),
in British English, and every field with a label (/TU) that matches the HTML form's.

tests/render/forms/test_pdf.py checks the same on hand-made edge cases and one vacancy's set; this
covers all that is published, field by field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.render.forms.test_pdf import words
from tests.support.browser import shipped_forms
from tests.support.forms import parse

pytestmark = pytest.mark.pdf

PDFS = [path.removesuffix(".html") + ".pdf" for path in shipped_forms()]


def is_true(value: Any) -> bool:
    return str(value) in ("True", "true", "1")


def fields(node: Any) -> list[Any]:
    """The terminal fields under a list of field dictionaries (a field with /Kids is a parent)."""
    found = []
    for ref in node:
        field = ref.get_object()
        kids = field.get("/Kids")
        if kids and any("/T" in kid.get_object() for kid in kids):
            found += fields(kids)
        else:
            found.append(field)
    return found


@pytest.mark.parametrize("path", PDFS)
def test_pdf_is_tagged_titled_and_labelled(built_site: Path, path: str) -> None:
    pdf = built_site / path
    html = parse(pdf.with_suffix(".html").read_text(encoding="utf-8"))
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]

    assert "/StructTreeRoot" in root
    assert is_true(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]) == "en-GB"
    assert reader.metadata is not None and reader.metadata.title == html.title
    assert is_true(root["/ViewerPreferences"]["/DisplayDocTitle"])

    assert_fields_labelled(root, html)


def assert_fields_labelled(root: Any, html: Any) -> None:
    """The PDF has one field for each of the HTML form's (a ✓ / ✗ or tick-one question's
    buttons, which share a name, are one radio group), each labelled as in the HTML."""
    found = fields(root["/AcroForm"]["/Fields"])
    names = [str(f["/T"]) for f in found]
    # a tick-one question's buttons share its name: one field, a radio group, in the PDF
    assert sorted(names) == sorted(set(html.names)) and len(set(names)) == len(names)
    labels = {name: words(f.get("/TU", "")) for name, f in zip(names, found, strict=True)}
    assert [name for name, label in labels.items() if not label] == [], (
        "fields without an accessible label (/TU)")
    radios: dict[str, list[str]] = {}
    for control in html.fields:
        if control.get("type") == "radio":
            radios.setdefault(control["name"], []).append(control["id"])
    wrong = [(name, label, html.labels[name]) for name, label in labels.items()
             if name not in radios and label != html.labels[name]]
    # a radio group's tooltip is its question; each button's is its option's label
    wrong += [(name, [words(k.get_object()["/TU"]) for k in f["/Kids"]])
              for name, f in zip(names, found, strict=True) if name in radios
              and [words(k.get_object()["/TU"]) for k in f["/Kids"]]
              != [html.labels[i] for i in radios[name]]]
    assert wrong == [], "PDF labels that differ from the HTML form's"
