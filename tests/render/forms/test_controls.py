"""The form controls written in Python escape exactly as the templates would."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import Markup, escape

from generator.content.load import load
from generator.model import (
    AssessmentMethod,
    Competency,
    CompetencyRequirement,
    Framework,
    Level,
    Scale,
)
from generator.render.forms import controls
from generator.render.forms.render import css_string
from generator.render.forms.rows import interview_row
from generator.render.templating import environment
from generator.scoring import sheets
from generator.scoring.campaign import campaign
from generator.scoring.sheets import Row, competency_row
from tests.conftest import scored_content

HOSTILE = ['<script>alert("x")</script>', "Tom & Jerry's \"quote\"", "&amp; already",
           "right-to-left \u202e text", "", "  spaced  ", 7, 0, None, Markup("<b>safe</b>")]


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_controls_escape_like_the_templates(value: object) -> None:
    template = environment().from_string("{{ value }}")
    template.environment.autoescape = True
    try:
        assert controls.esc(value) == template.render(value=value)
    finally:
        template.environment.autoescape = environment().autoescape


@pytest.mark.parametrize("value", [v for v in HOSTILE if type(v) is str], ids=repr)
def test_the_fallback_escape_matches_markupsafe(value: str) -> None:
    """Without MarkupSafe's C escaping, the replacements in Python give the same text."""
    assert controls._replace(value) == str(escape(value))


class _Controls(HTMLParser):
    """The labels (by `for`) and the fields (by id) of a fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: dict[str, str] = {}
        self.ids: list[str] = []
        self._label: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "label":
            self._label = attr["for"]
            self.labels[self._label or ""] = ""
        if tag in ("input", "textarea"):
            self.ids.append(attr["id"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label = None

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self.labels[self._label] += data


def parsed(html: str) -> _Controls:
    parser = _Controls()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize("text", [t for t in HOSTILE if type(t) is str and t.strip()])
def test_hostile_text_stays_text(text: str) -> None:
    name = "q-" + text  # names come from our keys, but must not break out either
    for html in (controls.field(name, text), controls.area(name, text, hint=text),
                 controls.cell(name, text), controls.tick(name, "Yes", text)):
        found = parsed(str(html))
        assert found.ids == [name]
        assert text in found.labels[name]
        assert "<script" not in str(html)


def test_boxes_give_one_named_labelled_cell_per_candidate() -> None:
    html = str(controls.boxes(["C1", "C2", "C10"], ("score-", "-e1"),
                              ("Score, candidate ", ", criterion E1 <b>")))
    found = parsed(html)
    assert found.ids == ["score-c1-e1", "score-c2-e1", "score-c10-e1"]
    assert found.labels["score-c10-e1"] == "Score, candidate C10, criterion E1 <b>"
    assert html.count('<td class="box">') == 3
    assert 'maxlength="8"' in html


@pytest.mark.parametrize("text", [t for t in HOSTILE if type(t) is str and t.strip()])
def test_met_ticks_keep_hostile_text_as_text(text: str) -> None:
    html = str(controls.met("met-" + text, text, words=True))
    found = parsed(html)
    assert found.ids == [f"met-{text}-met", f"met-{text}-not-met"]
    assert found.labels[f"met-{text}-not-met"] == f"{text}: ✗ Not met"
    assert "<script" not in html and html.count('type="radio"') == 2


def test_met_boxes_give_one_pair_of_ticks_per_candidate() -> None:
    html = str(controls.met_boxes(["C1", "C10"], ("met-", "-E1"),
                                  ("Criterion E1 <b> met or not met, candidate ", "")))
    found = parsed(html)
    assert found.ids == ["met-c1-E1-met", "met-c1-E1-not-met", "met-c10-E1-met",
                         "met-c10-E1-not-met"]
    # ✓ and ✗ printed, "Met" and "Not met" read out; the candidate in every label
    assert found.labels["met-c10-E1-met"] == "Criterion E1 <b> met or not met, candidate C10: ✓ Met"
    assert html.count('<td class="box">') == 2 and html.count('name="met-c1-E1"') == 2


def test_yes_no_and_signoff_are_complete() -> None:
    found = parsed(str(controls.yes_no("rtw", "Right to work?", hint="Say yes or no")))
    assert found.ids == ["rtw-yes", "rtw-no"]
    found = parsed(str(controls.signoff("panel", "Panel member")))
    assert found.ids == ["panel-name", "panel-signature", "panel-date"]
    assert found.labels["panel-date"] == "Panel member: date"


@pytest.mark.parametrize("text", ['Officer "A" </style><script>x</script> & \\ more',
                                  "Zero\u200bwidth and \u202e turned", "plain text", ""])
def test_running_header_text_cannot_leave_its_css_string(text: str) -> None:
    quoted = str(css_string(text))
    inner = quoted[1:-1]
    assert quoted[0] == quoted[-1] == '"'
    assert not any(ch in inner for ch in '"<>&') and "\\\\" not in inner
    assert all(ch.isprintable() for ch in inner)
    # CSS escapes read back as the text (each `\hex ` is one character)
    decoded = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), inner)
    assert decoded == " ".join(text.split())


# The interview sheet's question block as the Jinja loop it was, kept to check the Python that
# replaced it (`generator/render/forms/rows.py`) against.
ROWS_AS_TEMPLATE = Path(__file__).parent / "interview-rows.jinja"


def _hostile_rows() -> list[Row]:
    text = '<script>alert("x")</script> & "quoted" \'text\''
    level = Level(number=3, name="Leads <others>", indicators=(text, "Plain & simple"))
    described = Level(number=2, name="Does", description="**Bold** and <i>markup</i> & more")
    framework = Framework(id="fw", name="Framework & <Co>", levels=(level,), competencies=())
    competency = Competency(id="c<1>", name='Works "well"', levels=(level,))
    stage = AssessmentMethod(id="int", name="Interview", abbreviation=None, stage="interview")
    reqs = [CompetencyRequirement(framework=framework, competency=competency, level=level,
                                  assessed_by=(stage,), entry_level=described,
                                  exceptional_level=level),
            CompetencyRequirement(framework=framework, competency=None, level=described,
                                  assessed_by=(stage,), exceptional_level=level)]
    rows = [competency_row(req) for req in reqs]
    rows += [replace(row, weight=2) for row in rows]
    rows += [Row(key="E1-a", label="E1 <a>", text=text, weight=3, essential=True),
             Row(key="E2", label="E2", text=text, mode="met", essential=True),
             Row(key="D2", label="D2", text="Tom & Jerry", essential=False)]
    return rows


def _rows_of(content: Path) -> list[tuple[Row, Scale]]:
    site = load(content).site
    assert site is not None
    found = []
    for role in site.roles.values():
        scale = campaign(site, role).scale
        found += [(row, scale) for row in sheets.interview(role, scale).rows]
    return found


def test_interview_rows_match_the_template_they_replaced(tmp_path: Path) -> None:
    from benchmarks.synthetic import write

    write(tmp_path / "synthetic", 40, seed=5)
    template = environment().overlay(autoescape=True).from_string(
        ROWS_AS_TEMPLATE.read_text(encoding="utf-8"))
    # the template they replaced always had a scale: the shipped content, each organisation
    # given one (their documents give none)
    shipped = _rows_of(scored_content(tmp_path / "scored"))
    scale = next(scale for _, scale in shipped)
    cases = (shipped + _rows_of(tmp_path / "synthetic")
             + [(row, scale) for row in _hostile_rows()])
    kinds = {(row.competency is not None, bool(row.weight),
              bool(row.level and row.level.indicators)) for row, _ in cases}
    assert len(kinds) == 6 and len(cases) > 300  # every shape of row, many times over
    for row, scale in cases:
        expected = template.render(rows=[row], scale=scale, area=controls.area)
        assert interview_row(row, scale) + "\n" == expected, row.key
