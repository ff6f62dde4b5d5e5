"""Issue 28, point 4: pay as it is written. A salary keeps every rate the source gives, each in
its own words ("HEO - £32,460 - £39,690" then "£31,210"), and its supplements and allowances
("Level 2 Flexibility Payment", London weighting, on-call pay) beside it; terms keep the
pension's paragraphs, the source's labels and its own groups of benefits ("Benefits", "Other
benefits"). Each fixture in tests/model/pay_fixtures is typed from the public shape of a kind
of advert (see the comment at its top), laid over the base fixture."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.load import load
from generator.model import PayFigure, Salary, Site
from generator.model.filters import salary_text
from generator.model.terms import BenefitGroup, Terms
from generator.render.exports.catalogue import COLUMNS, catalogue_rows
from generator.render.site.findable import salary_bands
from generator.render.site.jsonld import base_salary, job_benefits, job_posting
from generator.render.site.pages import render_all
from tests.conftest import FIXTURES, INVALID, overlay
from tests.model.test_faithful import _terms_section, build_date, report, word_text

__all__ = ["build_date"]  # the build's date, pinned for every test here

PAY = Path(__file__).resolve().parent / "pay_fixtures"


def site_of(tmp: Path, case: str) -> Site:
    site = load(overlay(FIXTURES / "base", PAY / case / "content", tmp)).site
    assert site is not None
    return site


def summary_row(page: str, label: str) -> str:
    """One row of a page's summary: its label and what follows, up to the blank line."""
    start = page.index(f"\n{label}\n:   ") + 1
    return page[start:page.index("\n\n", start)]


def word_row(site: Site, role_id: str, label: str) -> str:
    """What the Word file's summary table says beside a label."""
    texts = word_text(site, role_id)
    return texts[texts.index(("", label)) + 1][1]


def test_two_figures_are_both_shown_as_written_and_none_is_picked(tmp_path: Path) -> None:
    site = site_of(tmp_path, "two-figures")
    pages = render_all(site)
    both = "Salary\n:   HEO - £32,460 - £39,690<br>\n    £31,210"
    assert summary_row(pages["roles/compliance-caseworker/index.md"], "Salary") == both
    assert summary_row(pages["vacancies/compliance-caseworker-2027/index.md"], "Salary") == both
    listed = "  Salary: HEO - £32,460 - £39,690; £31,210<br>\n"
    assert listed in pages["vacancies/index.md"]
    assert listed in pages["roles/compliance-caseworker/index.md"]  # its vacancies list
    assert "Salary: HEO - £32,460 - £39,690; £31,210" in pages["roles/index.md"]
    assert word_row(site, "compliance-caseworker", "Salary") == \
        "HEO - £32,460 - £39,690\n£31,210"
    for page in pages.values():  # nothing the advert does not say
        assert "Supplements and allowances" not in page
        assert "£31,210 a year" not in page and "£32,460 to" not in page


def test_job_posting_sorting_and_filtering_use_the_range_the_figures_cover(
        tmp_path: Path) -> None:
    site = site_of(tmp_path, "two-figures")
    data = job_posting(site.vacancies["compliance-caseworker-2027"])
    assert data is not None
    # Google: the base salary as the employer gives it; a range is minValue and maxValue. The
    # ends are the source's own lowest and highest figures, nothing in between is made up.
    assert data["baseSalary"] == {"@type": "MonetaryAmount", "currency": "GBP", "value": {
        "@type": "QuantitativeValue", "minValue": 31210, "maxValue": 39690,
        "unitText": "YEAR"}}
    role = site.roles["compliance-caseworker"]
    assert salary_bands(role.salary) == ["£30,000 to £39,999"]
    row = next(r for r in catalogue_rows(site) if r[0] == "compliance-caseworker")
    cells = dict(zip((name for name, _width in COLUMNS), row, strict=True))
    assert (cells["Salary"], cells["Salary from (£)"], cells["Salary to (£)"],
            cells["Salary period"]) == ("HEO - £32,460 - £39,690; £31,210", 31210, 39690,
                                        "a year")


def test_the_pension_keeps_its_two_paragraphs(tmp_path: Path) -> None:
    site = site_of(tmp_path, "two-figures")
    pages = render_all(site)
    expected = (
        "## Terms and benefits\n\n### Pension\n\n"
        "Alongside your salary of £31,210, the department contributes £9,041 towards you being a\n"
        "member of the Civil Service Defined Benefit Pension scheme.\n\n"
        "Find out what benefits a Civil Service Pension provides.\n")
    assert _terms_section(pages["roles/compliance-caseworker/index.md"]) == expected
    assert _terms_section(pages["vacancies/compliance-caseworker-2027/index.md"]) == expected
    word = word_text(site, "compliance-caseworker")
    start = word.index(("h2", "Terms and benefits"))
    assert word[start:start + 5] == [
        ("h2", "Terms and benefits"), ("h3", "Pension"),
        ("", "Alongside your salary of £31,210, the department contributes £9,041 towards you "
             "being a member of the Civil Service Defined Benefit Pension scheme."),
        ("", "Find out what benefits a Civil Service Pension provides."),
        ("h2", "Example Council: values and statements")]
    data = job_posting(site.vacancies["compliance-caseworker-2027"])
    assert data is not None
    assert data["jobBenefits"] == (
        "Pension: Alongside your salary of £31,210, the department contributes £9,041 towards "
        "you being a member of the Civil Service Defined Benefit Pension scheme. Find out what "
        "benefits a Civil Service Pension provides.")


def test_supplements_are_shown_as_worded_and_never_made_base_salary(tmp_path: Path) -> None:
    site = site_of(tmp_path, "weighting-and-on-call")
    pages = render_all(site)
    supplements = ("Supplements and allowances\n:   London Weighting: £4,023 per annum<br>\n"
                   "    Plus an on-call supplement<br>\n"
                   "    Standby allowance (£34.20 a day)")  # its figure, given beside its name
    for name in ("roles/environmental-health-officer/index.md",
                 "vacancies/environmental-health-officer-2027/index.md"):
        assert summary_row(pages[name], "Salary") == "Salary\n:   £41,418 - £44,373 per annum"
        assert summary_row(pages[name], "Supplements and allowances") == supplements
    assert ("  Salary: £41,418 - £44,373 per annum<br>\n  Supplements and allowances: London "
            "Weighting: £4,023 per annum; Plus an on-call supplement; Standby allowance "
            "(£34.20 a day)<br>\n") in pages["vacancies/index.md"]
    assert word_row(site, "environmental-health-officer", "Supplements and allowances") == (
        "London Weighting: £4,023 per annum\nPlus an on-call supplement\n"
        "Standby allowance (£34.20 a day)")
    data = job_posting(site.vacancies["environmental-health-officer-2027"])
    assert data is not None
    assert data["baseSalary"]["value"] == {"@type": "QuantitativeValue", "minValue": 41418,
                                           "maxValue": 44373, "unitText": "YEAR"}
    assert "jobBenefits" not in data and "4,023" not in str(data)
    assert salary_bands(site.roles["environmental-health-officer"].salary) == [
        "£40,000 to £49,999"]


def test_a_flexibility_payment_without_a_figure_gets_none(tmp_path: Path) -> None:
    site = site_of(tmp_path, "flexibility-payment")
    page = render_all(site)["roles/theatre-practitioner/index.md"]
    # "pro rata" is in the words already, so it is not added again
    assert summary_row(page, "Salary") == \
        "Salary\n:   £29,970 to £36,483 a year per annum pro rata"
    assert summary_row(page, "Supplements and allowances") == \
        "Supplements and allowances\n:   Level 2 Flexibility Payment"
    assert word_row(site, "theatre-practitioner", "Supplements and allowances") == \
        "Level 2 Flexibility Payment"
    assert "## Terms and benefits" not in page  # the advert gave no terms here


def test_benefits_keep_the_sources_groups_and_labels(tmp_path: Path) -> None:
    site = site_of(tmp_path, "benefit-groups")
    page = render_all(site)["roles/fundraising-officer/index.md"]
    assert _terms_section(page) == (
        "## Terms and benefits\n\n"
        "- **Holiday:** 25 days plus bank holidays, rising to 28 days after three years\n"
        "- **Pension scheme:** 5% employer contribution to a group personal pension\n\n"
        "### Benefits\n\n- Flexible working hours\n- Life assurance at three times salary\n\n"
        "### Other benefits\n\n- Cycle to work scheme\n- Free eye tests\n")
    word = word_text(site, "fundraising-officer")
    start = word.index(("h2", "Terms and benefits"))
    assert word[start + 1:start + 9] == [
        ("bullet:1", "Holiday: 25 days plus bank holidays, rising to 28 days after three years"),
        ("bullet:1", "Pension scheme: 5% employer contribution to a group personal pension"),
        ("h3", "Benefits"), ("bullet:1", "Flexible working hours"),
        ("bullet:1", "Life assurance at three times salary"),
        ("h3", "Other benefits"), ("bullet:1", "Cycle to work scheme"),
        ("bullet:1", "Free eye tests")]
    assert job_benefits(site.roles["fundraising-officer"].terms) == (
        "Holiday: 25 days plus bank holidays, rising to 28 days after three years; "
        "Pension scheme: 5% employer contribution to a group personal pension; "
        "Benefits: Flexible working hours; Life assurance at three times salary; "
        "Other benefits: Cycle to work scheme; Free eye tests.")


def test_without_the_sources_labels_todays_are_kept() -> None:
    terms = Terms(annual_leave="27 days", pension="NHS Pension Scheme")
    assert (terms.annual_leave_heading, terms.pension_heading) == ("Annual leave", "Pension")
    assert not terms.pension_in_paragraphs  # one paragraph stays on its labelled line
    assert Terms(pension="First.\n\nSecond.").pension_in_paragraphs
    assert Terms(pension="- Alpha\n- Beta").pension_in_paragraphs


def test_the_covering_range_never_mixes_periods_or_invents_an_end() -> None:
    hourly = PayFigure("£12.50 an hour for bank shifts", 12.5, 12.5, "hour")
    salary = Salary("£24,000 to £26,000", 24000, 26000, "year", rates=(hourly,))
    assert (salary.span.min, salary.span.max, salary.span.period) == (24000, 26000, "year")
    from_only = Salary("From £20,000", 20000, None, "year")
    assert base_salary(from_only) == {"@type": "MonetaryAmount", "currency": "GBP", "value": {
        "@type": "QuantitativeValue", "minValue": 20000, "unitText": "YEAR"}}
    words_only = Salary("Band 5", rates=(PayFigure("Outer London: 15% of basic salary"),))
    assert base_salary(words_only) is None


@pytest.mark.parametrize("text", [
    "£18,500 - £19,167 (Dependant on experience)",
    "£18,500 - £19,167 (dependent on skills and experience)",
    "£18,500 - £19,167, experience-dependent",
    "£18,500 - £19,167 (depends on experience)",
    "£18,500 - £19,167 commensurate with experience",
])
def test_experience_is_never_noted_twice_whatever_the_spelling(text: str) -> None:
    assert salary_text(Salary(text, 18500, 19167, "year", depends_on_experience=True)) == text


def test_a_salary_whose_words_do_not_say_it_still_gets_the_note() -> None:
    shown = salary_text(Salary("£18,500 (experience of care welcome)", 18500, 18500, "year",
                               depends_on_experience=True))
    assert shown == "£18,500 (experience of care welcome) (dependent on experience)"


def test_validate_locates_each_pay_problem_and_never_offers_a_figure_to_copy(
        tmp_path: Path) -> None:
    content = overlay(FIXTURES / "base", INVALID / "pay-as-written" / "content", tmp_path)
    code, out = report(content)
    assert code == 1
    located = re.findall(r"^content/roles/tax-caseworker\.yaml:\d+:\d+: (\S+):", out, re.M)
    assert located == [
        "$.salary.rates[0]", "$.salary.rates[1].min", "$.salary.rates[1].period",
        "$.salary.supplements[0]", "$.salary.supplements[1].min", "$.salary.supplement",
        "$.terms.pension", "$.terms.pension_label", "$.terms.annual_leave_label",
        "$.terms.benefit_groups[0]",
        "$.terms.benefit_groups[1].heading", "$.terms.benefit_groups[2]"]
    source = (content / "roles" / "tax-caseworker.yaml").read_text(encoding="utf-8")
    hints = [line for line in out.splitlines() if line.startswith("    hint:")]
    assert hints and not [h for h in hints if "such as" in h]
    quoted = {q for h in hints for q in re.findall(r'"([^"]*)"', h)}
    assert quoted == {"London weighting", "7"} and all(q in source for q in quoted)


def test_a_vacancys_terms_replace_the_roles_field_by_field() -> None:
    role = Terms(pension="Local Government Pension Scheme", pension_label="Pension scheme",
                 benefit_groups=(BenefitGroup("Benefits", ("Free parking",)),))
    vacancy = Terms(benefit_groups=(BenefitGroup("Other benefits", ("Cycle to work scheme",)),))
    merged = role.merged(vacancy)
    assert (merged.pension, merged.pension_heading) == (
        "Local Government Pension Scheme", "Pension scheme")
    assert merged.benefit_groups == (BenefitGroup("Other benefits", ("Cycle to work scheme",)),)
