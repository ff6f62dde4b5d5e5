"""Issue 28, point 9: the source's own words are printed once. A workplace label is not put in
front of words that already say it ("On site: On-site"), and a salary flag is not added after
words that already carry it ("(Dependant on experience) (dependent on experience)")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.content.load import load
from generator.model import Salary
from generator.model.filters import salary_text
from generator.model.terms import Terms
from generator.render.exports.profile import profile_blocks
from generator.render.site.pages import render_all

ROLE = """\
title: Kitchen Porter
organisation: example-council
salary:
  text: "£18,500 - £19,167 (Dependant on experience)"
  min: 18500
  max: 19167
  period: year
  depends_on_experience: true
terms:
  workplace: on-site
  workplace_text: On-site
"""


@pytest.mark.parametrize(("text", "shown"), [
    ("£18,500 - £19,167 (Dependant on experience)",
     "£18,500 - £19,167 (Dependant on experience)"),
    ("£18,500 - £19,167 DOE", "£18,500 - £19,167 DOE"),
    ("£18,500 - £19,167 depending on experience", "£18,500 - £19,167 depending on experience"),
    ("£18,500 - £19,167", "£18,500 - £19,167 (dependent on experience)"),
    # A word that merely contains the letters is no wording of the flag.
    ("£18,500 (see Doevale allowance)", "£18,500 (see Doevale allowance) (dependent on "
     "experience)"),
])
def test_a_salary_flag_is_added_only_where_the_words_lack_it(text: str, shown: str) -> None:
    assert salary_text(Salary(text, 18500, 19167, "year", depends_on_experience=True)) == shown


def test_pro_rata_written_with_a_hyphen_is_not_added_again() -> None:
    assert salary_text(Salary("£20,000 pro-rata", pro_rata=True)) == "£20,000 pro-rata"


@pytest.mark.parametrize(("workplace", "text", "label"), [
    ("on-site", "On-site", None),
    ("on-site", "On site at the Leeds depot", None),
    ("hybrid", "Hybrid: two days in the office", None),
    ("remote", "Remote", None),
    ("on-site", "At the Leeds depot", "On site"),
    ("hybrid", "Two days a week in the Bristol office", "Hybrid (some on site, some remote)"),
    ("remote", None, "Remote"),
])
def test_a_workplace_label_is_left_out_where_the_words_say_it(
        workplace: str, text: str | None, label: str | None) -> None:
    assert Terms(workplace=workplace, workplace_text=text).workplace_label_shown == label


def test_the_page_and_word_file_say_each_thing_once(base_content: Path) -> None:
    (base_content / "roles" / "kitchen-porter.yaml").write_text(ROLE, encoding="utf-8")
    site = load(base_content).site
    assert site is not None
    page = render_all(site)["roles/kitchen-porter/index.md"]
    assert "- **Where the work is done:** On-site\n" in page
    assert "On site: On-site" not in page
    assert "(Dependant on experience)" in page and "(dependent on experience)" not in page
    word = json.dumps(list(profile_blocks(site, site.roles["kitchen-porter"])),
                      ensure_ascii=False)
    assert "On site: On-site" not in word and "On-site" in word
    assert "(Dependant on experience)" in word and "(dependent on experience)" not in word
