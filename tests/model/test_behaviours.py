"""Issue 28, point 3: behaviours in the person specification.

A role's competency may be essential or desirable, name its assessment methods (or "not
stated") and name no level, as a Northern Ireland care provider's person specification ("Yes"
under Essential beside a behavioural competency, with its assessment method) and a Civil
Service Success Profiles advert (behaviours named with no level) write them. The fixtures are
typed from those public shapes (tests/model/fixtures/behaviours-*), not from the shipped roles.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.load import load
from generator.model import Site
from generator.render.exports.formdoc import application_document
from generator.render.exports.shortlist import shortlisting_book
from generator.render.site.pages import render_all
from tests.model.test_faithful import (
    _block_texts,
    content_of,
    forms_of,
    give_vacancy,
    report,
    word_text,
)

CARE = "relief-care-worker"
POLICY = "policy-officer"

CARE_SECTION = """## Competencies

The behaviours this role needs, from the organisation's competency framework.

### Meeting Service User Needs

From the [Behavioural Competencies](../../frameworks/care-behaviours.md).
**Essential or desirable:** Essential.
Assessed by: Interview, Practical Assessment.

- Places the service user's needs at the centre of all activities.
- Gives support and care as the care plan sets out.

### Respect for Diversity and Equality

From the [Behavioural Competencies](../../frameworks/care-behaviours.md).
**Essential or desirable:** Essential.
Assessed by: Interview.

- Treats everyone with respect.
- Takes account of the opinions of others.

"""

POLICY_SECTION = """## Behaviours

The behaviours this role needs, from the organisation's framework.

### Working Together

From the [Civil Service Success Profiles behaviours](../../frameworks/civil-service-behaviours.md).
Assessed by: Application, Interview.

### Delivering at Pace

From the [Civil Service Success Profiles behaviours](../../frameworks/civil-service-behaviours.md).
Assessed by: Not stated.

"""

SUCCESS_PROFILES = ("This vacancy is using Success Profiles, and will assess your Behaviours, "
                    "Experience and Technical skills.")


def _site(tmp: Path, case: str, role_id: str) -> Site:
    content = content_of(tmp, case)
    give_vacancy(content, role_id)
    site = load(content).site
    assert site is not None
    return site


def _section(page: str, heading: str) -> str:
    start = page.index(heading)
    return page[start:page.index("## Forms for candidates", start)]


def _block(form: str, block_id: str) -> str:
    """One criterion or competency block (an interview question block, an application form
    entry) of a form, up to the next."""
    start = form.index(f'id="{block_id}"')
    end = min(i for i in (form.find('<div class="qblock"', start + 1),
                           form.find('<div class="criterion', start + 1),
                           form.find("</section>", start)) if i > 0)
    return form[start:end]


def test_an_essential_behaviour_with_its_methods_as_the_care_provider_writes_it(
        tmp_path: Path) -> None:
    site = _site(tmp_path, "behaviours-care", CARE)
    page = render_all(site)[f"roles/{CARE}/index.md"]
    assert _section(page, "## Competencies") == CARE_SECTION  # no level: none is shown
    word = word_text(site, CARE)
    start = word.index(("h3", "Meeting Service User Needs"))
    assert word[start:start + 6] == [
        ("h3", "Meeting Service User Needs"), ("", "From the Behavioural Competencies."),
        ("", "Essential or desirable: Essential."),
        ("", "Assessed by: Interview, Practical Assessment."),
        ("bullet:1", "Places the service user's needs at the centre of all activities."),
        ("bullet:1", "Gives support and care as the care plan sets out.")]
    assert not any("level" in text.lower() for _, text in word[word.index(("h2", "Competencies")):])
    forms = forms_of(site, CARE)
    for key in ("meeting-service-user-needs", "respect-for-diversity"):
        block = _block(forms["interview"], f"row-comp-{key}")
        assert '<span class="kind">Essential</span>' in block
        assert "level" not in block.lower()
        assert f'name="score-comp-{key}"' in block
    assert "Treats everyone with respect." in _block(forms["interview"],
                                                     "row-comp-respect-for-diversity")
    moderation = forms["moderation"]
    assert ('<th scope="row" colspan="2">Meeting Service User Needs <span class="kind">'
            "Essential</span></th>") in moderation
    # Assessed at interview only: the application form and the shortlisting sheet leave them out.
    for stem in ("application-form", "shortlisting"):
        assert "comp-" not in forms[stem] and "Meeting Service User Needs" not in forms[stem]


def test_success_profiles_behaviours_with_no_level_and_the_elements_assessed(
        tmp_path: Path) -> None:
    site = _site(tmp_path, "behaviours-success-profiles", POLICY)
    page = render_all(site)[f"roles/{POLICY}/index.md"]
    # The advert's statement of what is assessed is the person specification's introduction.
    assert f"## Person specification\n\n{SUCCESS_PROFILES}\n" in page
    assert _section(page, "## Behaviours") == POLICY_SECTION
    word = word_text(site, POLICY)
    assert word[word.index(("h2", "Person specification")) + 1] == ("", SUCCESS_PROFILES)
    assert word[word.index(("h2", "Behaviours")):] == [
        ("h2", "Behaviours"), ("", "The behaviours this role needs, from the organisation's "
                                   "framework."),
        ("h3", "Working Together"), ("", "From the Civil Service Success Profiles behaviours."),
        ("", "Assessed by: Application, Interview."),
        ("h3", "Delivering at Pace"), ("", "From the Civil Service Success Profiles behaviours."),
        ("", "Assessed by: Not stated.")]
    forms = forms_of(site, POLICY)
    application = forms["application-form"]
    assert f"<p>{SUCCESS_PROFILES}</p>" in application
    entry = _block(application, "competency-working-together")
    assert '<h3>Working Together <span class="kind">Behaviour</span></h3>' in entry
    assert 'name="statement-comp-working-together"' in entry and "level" not in entry.lower()
    form_word = [text for _, text in _block_texts(application_document(application)["blocks"])]
    assert form_word[form_word.index("Working Together Behaviour") + 1] == (
        "Your evidence for the behaviour Working Together")
    shortlisting = forms["shortlisting"]
    assert ('<tr class="group"><th scope="colgroup" colspan="8">Behaviours</th></tr>\n<tr>\n'
            '<th scope="row" class="cid">Working Together</th>\n'
            '<td><span class="kind">Behaviour</span> </td>') in shortlisting
    assert 'name="score-c1-comp-working-together"' in shortlisting
    assert "Only the criteria and behaviours that can be judged" in shortlisting
    interview = _block(forms["interview"], "row-comp-working-together")
    assert "<h3>Working Together</h3>" in interview and "level" not in interview.lower()
    # Its method is not stated: on no sheet and not asked about, never guessed.
    for stem in ("application-form", "shortlisting", "interview", "moderation"):
        assert "Delivering at Pace" not in forms[stem] and "delivering-at-pace" not in forms[stem]
    book = shortlisting_book(site, site.roles[POLICY])
    criteria = next(s for s in book["sheets"] if s["name"] == "Criteria")
    assert criteria["rows"][-1] == ["Working Together", "", "Behaviour", "Score 0 to 3",
                                    "Application, Interview", None]


def test_a_behaviours_weight_counts_at_each_stage_that_scores_it(tmp_path: Path) -> None:
    content = content_of(tmp_path, "behaviours-success-profiles")
    give_vacancy(content, POLICY)
    role = content / "roles" / f"{POLICY}.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "    competency: working-together\n",
        "    competency: working-together\n    weight: 2\n"), encoding="utf-8")
    site = load(content).site
    assert site is not None
    forms = forms_of(site, POLICY)
    assert 'name="weighted-c1-comp-working-together"' in forms["shortlisting"]
    assert "Working Together: weighted score (score ×2)" in forms["shortlisting"]
    assert ('<h3>Working Together <span class="weight">weight ×2</span></h3>'
            in forms["interview"])
    # E1 ×1 and Working Together ×2, each scored 0 to 3
    assert "Weighted total (score × weight), 0 to 9" in forms["interview"]


def test_validate_locates_behaviour_mistakes_and_never_suggests_a_guess(
        tmp_path: Path) -> None:
    content = content_of(tmp_path, "behaviours-success-profiles")
    role = content / "roles" / f"{POLICY}.yaml"
    text = role.read_text(encoding="utf-8")
    text = text.replace("    competency: working-together\n",
                        "    competency: working-together\n    requirement: \"Yes\"\n"
                        "    level: not stated\n    weight: 5\n")
    # A requirement for the framework as a whole, with no level to say what is required.
    text = text.replace("competencies:\n",
                        "competencies:\n  - framework: civil-service-behaviours\n")
    role.write_text(text, encoding="utf-8")
    code, out = report(content)
    assert code == 1
    assert out.splitlines() == [
        "content/roles/policy-officer.yaml:10:5: $.competencies[0]: a requirement for the "
        "framework 'civil-service-behaviours' as a whole needs the level the source names",
        "    hint: write the level the source gives as 'level', or name the competency the "
        "source lists as 'competency'",
        "content/roles/policy-officer.yaml:13:18: $.competencies[1].requirement: the text 'Yes' "
        "is not one of: essential, desirable",
        "    hint: write essential or desirable as the source marks the competency (\"Yes\" "
        "under Essential is essential), or delete the line if the source does not say",
        "content/roles/policy-officer.yaml:14:12: $.competencies[1].level: 'not stated' is "
        "not a level of the competency 'working-together'",
        "    hint: write the level the source names (its number or its name), or delete the "
        "line if it names none: no level is then shown",
        "content/roles/policy-officer.yaml:15:13: $.competencies[1].weight: the competency "
        "'working-together' has the weight 5, which the interview and shortlisting scale "
        "'zero-to-three' does not allow (it allows 1, 2, 3)",
        "    hint: copy the weight the source gives; if it gives this one, add it to the scale's "
        "weights",
        "content/roles/policy-officer.yaml:19:18: warning: $.competencies[2].assessed_by: the "
        "competency 'delivering-at-pace' does not say how it is assessed, so it is on no "
        "scoring sheet and the application form does not ask about it",
        "    hint: when the source gives the method, copy it into assessed_by; until then it "
        "cannot be scored",
        "Found 5 problems in 1 file (12 files checked).",
    ]
