"""Helpers for the form tests: a hand-made Site, and a small reader for the rendered HTML."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

from generator.content.load import load
from generator.model import (
    Checks,
    Competency,
    CompetencyRequirement,
    Criterion,
    Framework,
    Level,
    Organisation,
    PersonSpec,
    Role,
    Scale,
    ScalePoint,
    Site,
    Vacancy,
)
from generator.model.assemble import form_wording
from generator.model.methods import BUILTIN_METHODS
from generator.render.forms.render import form_pages
from generator.render.forms.stylesheet import NAME, SITE_HREF
from generator.scoring.campaign import campaign
from tests.conftest import CONTENT, TESTS

METHODS = {m.id: m for m in BUILTIN_METHODS}


def scale(low: int, high: int, *, weights: tuple[int, ...] = (), gate: bool = True,
          desirable_only: bool = False, scale_id: str | None = None) -> Scale:
    points = tuple(ScalePoint(n, f"Descriptor for {n} points", f"Label {n}")
                   for n in range(low, high + 1))
    return Scale(id=scale_id or f"test-{low}-{high}", name=f"Test {low} to {high}", min=low,
                 max=high, points=points, weights=weights, essential_gate=gate,
                 score_desirable_only=desirable_only)


def criterion(cid: str, requirement: str, *methods: str, weight: int | None = None,
              guidance: str | None = None) -> Criterion:
    return Criterion(id=cid, category="Test", text=f"Criterion text {cid}",
                     requirement=requirement, assessed_by=tuple(METHODS[m] for m in methods),
                     weight=weight, guidance=guidance)


# Ids chosen so each stage has something only it assesses.
APPLICATION_ONLY = ("A1", "D1", "Q 7.b")
BOTH = ("AI1", "D2")
INTERVIEW_ONLY = ("I1", "T1")
PRE_APPOINTMENT_ONLY = ("C1",)

FRAMEWORK = Framework(
    id="test-framework", name="Test framework",
    competencies=(Competency(
        id="teamwork", name="Teamwork",
        levels=(Level(2, "Entry", ("Joins in",)),
                Level(3, "Expected", ("Shares information openly", "Helps colleagues")),
                Level(4, "Exceptional", ("Leads the team",)))),),
)


# Every statement an organisation may make on its application form (`application_form`), each
# in words no template holds, so a test can tell the organisation's words from anything else.
FORM_SETTINGS = {
    "anonymised_shortlisting": {
        "to_applicants": "Test Organisation hides section 1 from the panel.",
        "to_panel": "Test Organisation's HR hides names."},
    "guaranteed_interview": {"question": "Test scheme: do you want a guaranteed interview?",
                             "text": "Test scheme explanation.",
                             "to_panel": "Test scheme: invite those who meet the essentials."},
    "referees": {"number": 3, "text": "Test Organisation asks for **three** referees."},
    "evidence_guidance": "Test guidance: give the Situation, Task, Action and Result.",
    "equality_monitoring": "Test Organisation keeps the equality form apart.",
    "criminal_records": {"question": "Test question: any unspent convictions?",
                         "text": "Test wording for posts that are not exempt."},
    "criminal_records_exempt": {
        "question": "Test question: any convictions that are not protected?",
        "text": "Test wording: the Rehabilitation of Offenders Act 1974 (Exceptions) Order 1975."},
    "privacy_notice": "Test Organisation is the data controller; it keeps forms for 9 months.",
    "equality_privacy_notice": "Test Organisation keeps equality answers for 10 months.",
}
FORM_WORDING = form_wording(FORM_SETTINGS)


def hand_role(checks: Checks | None = None) -> Role:
    org = Organisation(id="test-org", name="Test Organisation", default_scale="test-0-3",
                       methods=BUILTIN_METHODS, address=("1 High Street", "Testtown TT1 1TT"),
                       form_wording=FORM_WORDING)
    comp = FRAMEWORK.competencies[0]
    criteria = (
        criterion("A1", "essential", "application"),
        criterion("AI1", "essential", "application", "interview", guidance="Say **how**."),
        criterion("I1", "essential", "interview"),
        criterion("C1", "essential", "certificates"),
        criterion("D1", "desirable", "application", weight=3),
        criterion("D2", "desirable", "application", "interview", weight=2),
        criterion("T1", "desirable", "test"),
        criterion("Q 7.b", "desirable", "application"),
    )
    return Role(
        id="test-role", title="Test Worker", organisation=org,
        person_spec=PersonSpec(introduction="Tell us how you meet each criterion.",
                               criteria=criteria),
        checks=checks or Checks(dbs="enhanced", rehabilitation_exemption=True),
        competencies=(CompetencyRequirement(
            framework=FRAMEWORK, competency=comp, level=comp.levels[1],
            assessed_by=(METHODS["interview"],), entry_level=comp.levels[0],
            exceptional_level=comp.levels[2]),),
    )


def hand_site(default: Scale | None = None, vacancy_scale: Scale | None = None) -> Site:
    role = hand_role()
    default = default or scale(0, 3, scale_id="test-0-3")
    vacancy = Vacancy(id="test-vacancy", role=role, reference="TV-001", status="open",
                      title="Test Worker", scale=vacancy_scale or default, candidates=4,
                      closing_date="2027-01-15", panel=("Pat Panel", "Robin Reviewer"))
    return Site(organisations={role.organisation.id: role.organisation},
                roles={role.id: role}, families={}, frameworks={FRAMEWORK.id: FRAMEWORK},
                scales={default.id: default}, vacancies={vacancy.id: vacancy},
                shared_criteria={}, glossary=())


class Page(HTMLParser):
    """The parts of a rendered form page the tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.title = ""
        self.fields: list[dict[str, str]] = []
        self.labels: dict[str, str] = {}
        self.regions: list[dict[str, str]] = []
        self.urls: list[str] = []
        self.tags: set[str] = set()
        self.text = ""
        self._in: list[str] = []
        self._label_for: str | None = None
        self._label_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("input", "textarea", "select"):
            self.fields.append({"tag": tag, **a})
        if tag == "label":
            self._label_for, self._label_text = a.get("for"), []
        if a.get("role") == "region":
            self.regions.append(a)
        self.urls += [a[k] for k in ("src", "href") if k in a]
        if tag not in ("input", "meta", "col", "br"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self._label_for:
            self.labels[self._label_for] = " ".join("".join(self._label_text).split())
            self._label_for = None
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "title":
            self.title += data
        if self._label_for is not None:
            self._label_text.append(data)
        if not (self._in and self._in[-1] in ("style", "title")):
            self.text += data

    @property
    def names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def ids(self) -> list[str]:
        """Field ids: a radio group's buttons share a name but each has its own id."""
        return [f["id"] for f in self.fields]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.text = " ".join(page.text.split())
    return page


FORMS_GOLDEN = TESTS / "render" / "forms" / "golden"
_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)


def golden_pages() -> dict[str, str]:
    """{"<set>/<stem>.html": HTML}: a shipped vacancy's set, as `roleprint forms` writes it
    (linking forms.css beside it), and a hand-made edge-case set, as the site has it (linking
    the site's one copy).

    The small inline base stylesheet is left out (it is its own file), so a CSS change does not
    touch every golden file.
    """
    result = load(CONTENT)
    assert result.site is not None, result.problems
    shipped = result.site
    vacancy = shipped.vacancies["supervised-contact-co-ordinator-2027"]
    hand = hand_site()
    campaigns = {
        vacancy.id: (campaign(shipped, vacancy.role, vacancy=vacancy, panel=["Panel Member A"]),
                     NAME),
        "test-role-weighted-desirable-only": (campaign(
            hand, hand.roles["test-role"], candidates=8,
            scale=scale(1, 7, weights=(1, 2, 3), desirable_only=True)), SITE_HREF),
    }
    return {f"{name}/{stem}.html": _STYLE.sub("<style>/* base.css */</style>", html)
            for name, (c, href) in campaigns.items() for stem, html in form_pages(c, href)}


def update_forms_golden() -> None:
    """tests/render/forms/golden/<set>/<stem>.html: the rendered form pages, without their CSS."""
    if FORMS_GOLDEN.exists():
        shutil.rmtree(FORMS_GOLDEN)
    for path, html in golden_pages().items():
        target = FORMS_GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8", newline="\n")
        print(f"wrote tests/render/forms/golden/{path}")
