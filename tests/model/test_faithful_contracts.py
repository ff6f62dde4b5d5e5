"""Issue 28, point 6: contracts and duties held as the source words them.

The fixture `tests/model/fixtures/contracts-and-duties` is typed from the public shapes of a
Welsh Government fixed-term advert ("Cyfnod penodol hyd at 19/09/2023"), a job evaluation form
with "Priority" and "% of Time" columns, and council and NHS job descriptions with a DIMENSIONS
section and a prose-only "Scope & Accountabilities". Each test checks that the page, the Word
file or JobPosting says what the source says and nothing it does not.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.load import load
from generator.render.site.jsonld import job_posting
from generator.render.site.pages import render_all
from tests.model.test_faithful import content_of, site_of, word_text
from tests.model.test_faithful_vetting import section

WELSH_CONTRACT = """Contract
:   Cyfnod penodol hyd at 19/09/2023

Kind of contract
:   Fixed term

Contract ends
:   19 September 2023

"""

DUTIES_TABLE = [
    ("th", "Main Duties and Responsibilities"), ("th", "Priority"), ("th", "% of Time"),
    ("", "1 Collect and check monitoring returns from funded projects."), ("", "1"), ("", "40%"),
    ("", "2 Write quarterly evaluation reports for the programme board."), ("", "2"),
    ("", "35%"),
    ("", "3 Any other duties commensurate with the grade of the post."), ("", "3"), ("", "")]

SCOPE = """## Scope & Accountabilities

The postholder leads the housing options service across the borough and is accountable
for its performance against the homelessness strategy.

They work with partner agencies to prevent homelessness wherever they can.
"""

DIMENSIONS = """## DIMENSIONS

- **Budget:** £1.2m revenue
- **Staff managed:** 14 FTE (3 direct reports)
- **Caseload:** Approx. 900 households a year
"""


def test_a_fixed_term_to_a_date_keeps_its_words_beside_its_facts(tmp_path: Path) -> None:
    site = site_of(tmp_path, "contracts-and-duties")
    page = render_all(site)["roles/swyddog-prosiect/index.md"]
    assert WELSH_CONTRACT + "</div>" in page  # nothing after them but the summary's end
    assert "Length of contract" not in page  # the source gives a date, not a length
    word = word_text(site, "swyddog-prosiect")
    start = word.index(("", "Contract"))
    assert word[start:start + 6] == [
        ("", "Contract"), ("", "Cyfnod penodol hyd at 19/09/2023"),
        ("", "Kind of contract"), ("", "Fixed term"),
        ("", "Contract ends"), ("", "19 September 2023")]


def test_job_posting_adds_temporary_for_a_fixed_term_contract(tmp_path: Path) -> None:
    site = site_of(tmp_path, "contracts-and-duties")
    vacancy = site.vacancies["housing-options-manager-2027"]
    data = job_posting(vacancy)
    assert data is not None
    assert data["employmentType"] == ["FULL_TIME", "TEMPORARY"]
    page = render_all(site)["vacancies/housing-options-manager-2027/index.md"]
    assert ("Contract\n:   Fixed term until 31 March 2028\n\nKind of contract\n:   Fixed term\n\n"
            "Contract ends\n:   31 March 2028\n\nEmployment type\n:   Full time\n") in page


def test_a_vacancys_own_contract_words_never_take_the_roles_kind(tmp_path: Path) -> None:
    content = content_of(tmp_path, "contracts-and-duties")
    (content / "vacancies" / "housing-options-manager-2027.yaml").write_text(
        "role: housing-options-manager\nreference: HOM-28\nstatus: open\nposted: 2027-01-04\n"
        "closing_date: 2027-02-01\nemployment_type: full-time\ncountry: GB\n"
        "contract: Permanent\n", encoding="utf-8")
    site = load(content).site
    assert site is not None
    vacancy = site.vacancies["housing-options-manager-2027"]
    assert not vacancy.contract_facts
    data = job_posting(vacancy)
    assert data is not None and data["employmentType"] == "FULL_TIME"
    page = render_all(site)["vacancies/housing-options-manager-2027/index.md"]
    assert "Kind of contract" not in page and "Contract ends" not in page


def test_priority_and_share_of_time_are_the_sources_columns(tmp_path: Path) -> None:
    site = site_of(tmp_path, "contracts-and-duties")
    page = render_all(site)["roles/evaluation-officer/index.md"]
    duties = section(page, "## Main Duties and Responsibilities")
    assert ('<thead markdown><tr markdown><th scope="col" markdown="span">Main Duties and '
            'Responsibilities</th><th scope="col" markdown="span">Priority</th><th scope="col" '
            'markdown="span">% of Time</th></tr></thead>') in duties
    assert ('<td data-label="Main Duties and Responsibilities" markdown="span">**1** Collect and '
            'check monitoring returns from funded projects.</td>\n<td data-label="Priority" '
            'markdown="span">1</td>\n<td data-label="% of Time" markdown="span">40%</td>') in duties
    # The third duty's share is blank in the source and stays blank: nothing is worked out.
    assert duties.endswith('<td data-label="% of Time" markdown="span"></td>\n</tr>\n</tbody>\n'
                           "</table>\n\n</div>\n")
    assert duties.count("<tr markdown>") == 4 and "Share of time" not in page
    word = word_text(site, "evaluation-officer")
    start = word.index(("h2", "Main Duties and Responsibilities"))
    assert word[start + 1:start + 1 + len(DUTIES_TABLE)] == DUTIES_TABLE
    assert word[start + 1 + len(DUTIES_TABLE)][0] == "h2"


def test_a_list_without_those_columns_stays_a_list(tmp_path: Path) -> None:
    site = site_of(tmp_path, "contracts-and-duties")
    page = render_all(site)["roles/support-worker/index.md"]
    assert "## Accountabilities\n\n- Support clients.\n" in page and "Priority" not in page


def test_dimensions_and_a_prose_only_section(tmp_path: Path) -> None:
    site = site_of(tmp_path, "contracts-and-duties")
    page = render_all(site)["roles/housing-options-manager/index.md"]
    assert section(page, "## Scope & Accountabilities") == SCOPE
    assert section(page, "## DIMENSIONS") == DIMENSIONS
    word = word_text(site, "housing-options-manager")
    start = word.index(("h2", "Scope & Accountabilities"))
    assert word[start:start + 7] == [
        ("h2", "Scope & Accountabilities"),
        ("", "The postholder leads the housing options service across the borough and is "
             "accountable for its performance against the homelessness strategy."),
        ("", "They work with partner agencies to prevent homelessness wherever they can."),
        ("h2", "DIMENSIONS"), ("bullet:1", "Budget: £1.2m revenue"),
        ("bullet:1", "Staff managed: 14 FTE (3 direct reports)"),
        ("bullet:1", "Caseload: Approx. 900 households a year")]
    assert word[start + 7][0] == "h2"
