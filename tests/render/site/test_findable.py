"""What the site's search knows of a role or vacancy page: references as people type them,
salary bands, and every value escaped."""

from __future__ import annotations

import pytest

from generator.model import Salary
from generator.render.site.findable import role_block, salary_bands, vacancy_block, variants
from tests.conftest import CONTENT
from tests.support.site import load_site


def test_a_reference_has_its_parts_and_its_unhyphenated_forms() -> None:
    assert variants("SS-BR-0107") == ["SS-BR-0107", "SSBR0107", "BR-0107", "BR0107", "0107"]
    assert variants("D13002") == ["D13002"]
    assert variants(" FL/CC 2024 ") == ["FL/CC 2024", "FL-CC-2024", "FLCC2024", "CC-2024",
                                        "CC2024", "2024"]


@pytest.mark.parametrize(("low", "high", "period", "bands"), [
    (19500, None, "year", ["Under £20,000"]), (20000, 20000, "year", ["£20,000 to £29,999"]),
    (39862, 42839, "year", ["£30,000 to £39,999", "£40,000 to £49,999"]),
    (None, 45000, "year", ["£40,000 to £49,999"]),
    (18000, 61000, "year", ["Under £20,000", "£20,000 to £29,999", "£30,000 to £39,999",
                            "£40,000 to £49,999", "£50,000 and over"]),
    (12.5, 14.0, "hour", []), (None, None, "year", []),
])
def test_salary_bands_reach_from_the_lowest_figure_to_the_highest(
        low: float | None, high: float | None, period: str, bands: list[str]) -> None:
    assert salary_bands(Salary("text", min=low, max=high, period=period)) == bands


def test_blocks_carry_metadata_filters_and_weighted_references() -> None:
    site = load_site(CONTENT)
    vacancy = site.vacancies["supervised-contact-co-ordinator-2027"]
    block = vacancy_block(vacancy)
    assert '<span data-pagefind-meta="closes">30 September 2027 at 12:00</span>' in block
    assert '<span data-pagefind-filter="vacancy">Open</span>' in block
    said = "DBC-PG-0412 DBCPG0412 PG-0412 PG0412 0412"
    assert f'data-pagefind-weight="10">{said}</p>' in block
    assert f'<span data-pagefind-meta="variants">{said}</span>' in block
    role = role_block(vacancy.role, vacancy)
    assert "D13002" in role and '<span data-pagefind-filter="vacancy">Open</span>' in role


def test_values_are_escaped() -> None:
    site = load_site(CONTENT)
    role = next(iter(site.roles.values()))
    hostile = type(role.organisation)(**{**role.organisation.__dict__,
                                         "name": "A <b onmouseover=x>&amp; B"})
    block = role_block(type(role)(**{**role.__dict__, "organisation": hostile}), None)
    assert "A &lt;b onmouseover=x&gt;&amp;amp; B" in block and "<b " not in block
