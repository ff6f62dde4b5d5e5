"""Issue 28, problem 9 follow-up: where a source is silent, the model says so and makes no
value up (a family criterion's methods, a criterion's category, a vacancy's country, a known
risk's answer, a framework level).

Each case in tests/model/made-up/ is laid over the base fixture.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.load import load
from generator.model import Site
from generator.render.site.pages import render_all
from tests.conftest import FIXTURES, ROOT, overlay
from tests.model.test_faithful import TODAY, report

CASES = Path(__file__).resolve().parent / "made-up"


@pytest.fixture(autouse=True)
def build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEPRINT_TODAY", TODAY)


def content_of(tmp: Path, case: str) -> Path:
    return overlay(FIXTURES / "base", CASES / case / "content", tmp)


def site_from(content: Path) -> Site:
    site = load(content).site
    assert site is not None
    return site


def _row(page: str, crit_id: str) -> str:
    """The table row (pipe table or stacked HTML row) of one criterion."""
    for row in page.split("<tr markdown>")[1:] + page.splitlines():
        if re.search(rf"(^\| {crit_id} \||>{crit_id}<)", row):
            return row
    raise AssertionError(f"no row for {crit_id}")


def test_a_family_criterion_without_methods_is_not_stated_unless_the_role_gives_a_default(
        tmp_path: Path) -> None:
    content = content_of(tmp_path, "family-methods")
    site = site_from(content)
    ward = {c.id: c for c in site.roles["ward-assistant"].person_spec.criteria}
    # The article never says how the work is judged: no application and interview made up.
    assert not ward["H1"].methods_stated and ward["H1"].assessed_by == ()
    assert not ward["H2"].methods_stated
    assert [m.id for m in ward["E1"].assessed_by] == ["interview"]
    porter = {c.id: c for c in site.roles["porter"].person_spec.criteria}
    assert [m.id for m in porter["H1"].assessed_by] == ["application"]  # the role's default
    family = {c.id: c for c in site.families["healthcare-support"].criteria}
    assert not family["H1"].methods_stated
    pages = render_all(site)
    page = pages["roles/ward-assistant/index.md"]
    assert "Not stated" in _row(page, "H1") and "Application" not in _row(page, "H1")
    assert "criterion is on no scoring sheet: H1, H2." in " ".join(page.split())
    assert "| H1 | Caring and able to work as part of a team. | Personal qualities | Essential " \
        "| Not stated |" in pages["families/healthcare-support.md"]
    code, text = report(content)
    assert code == 0
    warning = ("content/families/healthcare-support.yaml:4:5: warning: $.criteria[0]: family "
               "criterion 'H1' does not say how it is assessed, so it is on no scoring sheet of "
               "a role whose person specification does not say either")
    assert warning in text
    hint = text.split(warning, 1)[1].splitlines()[1]
    assert hint.startswith("    hint: when the source gives the method, copy it")
    assert "application" not in hint and "interview" not in hint  # no method offered
    assert "$.criteria[1]: family criterion 'H2'" in text


def test_the_shipped_family_says_its_article_never_gives_the_methods() -> None:
    site = site_from(ROOT / "content")
    family = site.families["prison-recovery-worker"]
    assert family.criteria and all(not c.methods_stated for c in family.criteria)
    page = render_all(site)["families/prison-recovery-worker.md"]
    assert "Application" not in page and "Interview" not in page
    assert page.count("| Not stated |") == len(family.criteria)
