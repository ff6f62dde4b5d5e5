"""Structural checks on the generated Markdown: what every page must and must not contain."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
import yaml

from generator.build import build
from generator.core.settings import Settings
from generator.model import Site
from generator.model.filters import long_date
from generator.render.forms.stylesheet import SITE_PATH
from generator.render.links import panel_page, role_page, vacancy_page
from generator.render.site import assets
from generator.render.site.abbr import terms_used
from generator.render.site.feed import FEED_PATH, SiteAddress
from generator.render.site.jsonld import job_posting
from generator.render.site.pages import INDEX_PAGES, render_all
from generator.render.site.recruiting import page_folder
from tests.conftest import CONTENT, NOT_RECRUITING
from tests.support.site import body_of, load_site, read_back, stacked_rows


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(CONTENT)


@pytest.fixture(scope="module")
def pages(site: Site) -> dict[str, str]:
    return read_back(render_all(site))


def test_every_page_is_there(site: Site, pages: dict[str, str]) -> None:
    expected = {"index.md", "glossary.md", "tags/index.md", "accessibility.md", "content-health.md"}
    expected |= {f"{folder}/index.md" for folder in
                 ("roles", "organisations", "frameworks", "families", "vacancies")}
    expected |= {f"roles/{r}/index.md" for r in site.roles}
    expected |= {f"roles/{r}/panel/index.md" for r in site.roles if site.recruits(r)}
    expected |= {f"organisations/{o}.md" for o in site.organisations}
    expected |= {f"frameworks/{f}.md" for f in site.frameworks}
    expected |= {f"families/{f}.md" for f in site.families}
    expected |= {f"vacancies/{v.id}/index.md" for v in site.vacancies.values()
                 if v.status != "draft"}
    assert set(pages) == expected


def test_every_criterion_is_in_its_role_table(site: Site, pages: dict[str, str]) -> None:
    for role in site.roles.values():
        rows = {row[0]: row for row in stacked_rows(pages[f"roles/{role.id}/index.md"])}
        for crit in role.person_spec.criteria:
            row = rows[crit.id]
            assert row[2] == ("Essential" if crit.essential else "Desirable"), crit.id
            assert row[3] == crit.assessed_by_text
            assert crit.text.split()[0] in row[1]


def test_person_spec_groups_follow_categories(site: Site, pages: dict[str, str]) -> None:
    page = pages["roles/recovery-navigator/index.md"]
    headings = re.findall(r"^### (.+)$", page.split("## Person specification")[1].split(
        "\n## ")[0], re.MULTILINE)
    assert headings == [name for name, _ in site.roles["recovery-navigator"].person_spec
                        .by_category()]


def test_source_numbers_are_shown_not_renumbered(pages: dict[str, str]) -> None:
    page = pages["roles/supervised-contact-co-ordinator/index.md"]
    assert "- **9** To develop and facilitate training" in page
    assert "    - **i** An understanding of key issues" in page
    assert "    - **v** Observation and recoding skills" in page
    assert not re.search(r"^\s*\d+\. ", page, re.MULTILINE)  # no Markdown ordered list


def test_groups_keep_their_headings(pages: dict[str, str]) -> None:
    page = pages["roles/recovery-coordinator-tier-4-lead/index.md"]
    order = [page.index(f"### {h}\n") for h in
             ("Strategy", "Service Delivery", "Performance Management", "Administration")]
    assert order == sorted(order)


def test_summary_card_and_vacancy_reference(pages: dict[str, str]) -> None:
    page = pages["roles/supervised-contact-co-ordinator/index.md"]
    for term, value in (("Post number", "D13002"), ("Grade", "Band 9"),
                        ("DBS check", "Enhanced DBS check"),
                        ("Closing date", "30 September 2027 at 12:00")):
        assert f"{term}\n:   {value}" in page
    assert "DBC-PG-0412" in page
    assert "FL-CC-2024-07" in pages["roles/da-sv-case-coordinator/index.md"]  # a closed vacancy too
    assert "**Closed**" in pages["roles/da-sv-case-coordinator/index.md"]


def test_known_risks_show_answers_and_notes(pages: dict[str, str]) -> None:
    page = pages["roles/supervised-contact-co-ordinator/index.md"]
    assert "| Is required to drive their own vehicle for Council business | YES |" in page
    assert "| A | Is likely to be exposed to asbestos | NO |" in page
    assert "#### G. Drivers" in page


CANDIDATE_FORMS = ("application-form", "equality-monitoring")
PANEL_SHEETS = ("shortlisting", "interview", "moderation")


def test_forms_are_linked_relative_to_the_role_url(pages: dict[str, str]) -> None:
    """Candidates' forms on the role's page; the panel's sheets on its panel page only."""
    page = pages["roles/supervised-contact-co-ordinator/index.md"]
    for name in CANDIDATE_FORMS:
        assert f'href="forms/{name}.html"' in page
        assert f'href="forms/{name}.pdf"' in page
    assert "[For recruitment panels](panel/index.md)" in page
    panel = pages["roles/supervised-contact-co-ordinator/panel/index.md"]
    for name in PANEL_SHEETS:
        assert f'href="forms/{name}' not in page
        assert f'href="../forms/{name}.html"' in panel
        assert f'href="../forms/{name}.pdf"' in panel
    assert "-shortlisting.xlsx" not in page
    assert 'href="../supervised-contact-co-ordinator-shortlisting.xlsx"' in panel
    assert "application-form" not in panel


def test_candidates_are_offered_no_panel_sheet(site: Site, pages: dict[str, str]) -> None:
    """Every list of forms a candidate sees (role and open vacancy pages) holds only the
    candidates' forms, and every panel page says what each of its sheets is for."""
    from generator.render.site.recruiting import candidate_forms

    for vacancy in site.vacancies.values():
        page = pages[vacancy_page(vacancy.id)]
        role = vacancy.role.id
        listed = re.findall(r'href="[./]*roles/[^/]+/forms/([a-z-]+)\.html"', page)
        assert listed == (list(CANDIDATE_FORMS) if vacancy.is_open else []), vacancy.id
        assert [f.stem for f in candidate_forms(role, vacancy_page(vacancy.id),
                                                downloads=True)] == list(CANDIDATE_FORMS)
        role_page = pages[f"roles/{role}/index.md"]
        assert re.findall(r'href="forms/([a-z-]+)\.html"', role_page) == list(CANDIDATE_FORMS)
        panel = pages[f"roles/{role}/panel/index.md"]
        assert re.findall(r'href="\.\./forms/([a-z-]+)\.html"', panel) == list(PANEL_SHEETS)
        for what in ("to score each application", "one for each panel member",
                     "agreed scores and decisions"):
            assert what in panel


def test_a_role_with_no_vacancy_says_its_forms_come_with_one(pages: dict[str, str]) -> None:
    for role_id in NOT_RECRUITING:
        page = pages[f"roles/{role_id}/index.md"]
        assert 'href="forms/' not in page
        assert ("The application form and the panel's printable sheets are published with a "
                "vacancy for this role,\nand there is no vacancy for it yet.") in page


def test_role_front_matter_has_tags(site: Site, pages: dict[str, str]) -> None:
    page = pages["roles/recovery-navigator/index.md"]
    assert page.startswith("---\n")
    meta = yaml.safe_load(page.split("\n---\n", 1)[0][4:])
    assert meta["title"] == "Recovery Navigator"
    tags = meta["tags"]
    assert tags[:2] == ["Second Step", "Bristol"]
    assert "On-call" in tags
    assert "#location-bristol" in pages["tags/index.md"]
    assert "../roles/recovery-navigator/index.md" in pages["tags/index.md"]


def test_page_titles_are_html_escaped(pages: dict[str, str]) -> None:
    # Material writes a page's `title` into <title> unescaped: it must already be HTML.
    meta = yaml.safe_load(pages["roles/da-sv-case-coordinator/index.md"].split("\n---\n", 1)[0][4:])
    assert meta["title"] == "DA&amp;SV Case Coordinator"


def test_abbreviations_only_for_terms_on_the_page(site: Site, pages: dict[str, str]) -> None:
    for path, page in pages.items():
        defined = [line[2:].split("]:", 1)[0] for line in page.splitlines()
                   if line.startswith("*[")]
        used = [t.term for t in terms_used(body_of(page), site.glossary)]
        assert defined == used, path
        for term in defined:
            assert re.search(rf"\b{re.escape(term)}\b", body_of(page).replace("&amp;", "&")), \
                (path, term)
        tail = page.rstrip("\n").splitlines()[-len(defined):] if defined else []
        assert all(line.startswith("*[") for line in tail), path  # the page ends with them
    assert "*[IDVA]: Independent Domestic Violence Adviser" in pages[
        "roles/da-sv-case-coordinator/index.md"]
    assert "*[IDVA]" not in pages["roles/recovery-navigator/index.md"]


def test_open_vacancy_has_job_posting(site: Site, pages: dict[str, str]) -> None:
    """The shipped open vacancy is an example, offered to no job board: its page has no
    JobPosting. The same vacancy made real (`illustrative` deleted) has one, complete."""
    shipped = site.vacancies["supervised-contact-co-ordinator-2027"]
    assert shipped.illustrative and "ld+json" not in pages[vacancy_page(shipped.id)]
    real = dataclasses.replace(shipped, illustrative=None)
    page = render_all(dataclasses.replace(site, vacancies={**site.vacancies, real.id: real}))[
        vacancy_page(real.id)]
    raw = page.split('<script type="application/ld+json">\n', 1)[1].split("</script>", 1)[0]
    data = json.loads(raw)
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Supervised Contact Co-Ordinator"
    assert data["identifier"]["value"] == "DBC-PG-0412"
    assert data["datePosted"] == "2026-11-02"
    assert data["validThrough"] == "2027-09-30T12:00:00+01:00"  # British Summer Time
    assert data["jobLocation"][0]["address"]["addressCountry"] == "GB"
    assert data["hiringOrganization"]["name"] == "Darlington Borough Council"
    assert data["jobLocation"][0]["address"]["addressLocality"] == "Darlington"
    assert data["employmentType"] == "FULL_TIME"
    assert data["baseSalary"]["value"]["minValue"] == 39862
    assert data["baseSalary"]["value"]["maxValue"] == 42839
    assert data["description"].startswith("<p>To co-ordinate")
    assert not re.search("[<>&]", raw)
    shown = body_of(page)
    for value in (data["title"], data["identifier"]["value"], data["hiringOrganization"]["name"],
                  "Darlington", long_date(data["datePosted"]), "30 September 2027 at 12:00",
                  "Full time", "£39,862", "£42,839", "To co-ordinate, implement"):
        assert value in shown, value


def test_closed_and_draft_vacancies_have_no_job_posting(site: Site,
                                                        pages: dict[str, str]) -> None:
    assert "ld+json" not in pages["vacancies/da-sv-case-coordinator-2024/index.md"]
    assert "Closed" in pages["vacancies/da-sv-case-coordinator-2024/index.md"]
    index = pages["vacancies/index.md"]
    assert index.index("DBC-PG-0412") < index.index("FL-CC-2024-07")
    draft = dataclasses.replace(site.vacancies["supervised-contact-co-ordinator-2027"],
                                status="draft")
    assert job_posting(draft) is None
    hidden = dataclasses.replace(site, vacancies={draft.id: draft})
    assert not any(draft.reference in text for text in render_all(hidden).values())


def test_framework_shows_levels_and_roles(pages: dict[str, str]) -> None:
    page = pages["frameworks/first-light-behavioural-competencies.md"]
    assert "Not defined" in page
    assert "[DA&SV Case Coordinator](../roles/da-sv-case-coordinator/index.md): level 3" in page
    second = pages["frameworks/second-step-competencies.md"]
    assert "### Level 3: Desired Level" in second
    assert "entry level 2; exceptional level 4" in second


def test_generating_twice_gives_identical_bytes(site: Site, tmp_path: Path) -> None:
    """The one build's staging tree, made twice from two loads, is the same bytes: every page
    `render_all` gives, the site's assets and the forms, and no path of the machine's."""
    build(site, tmp_path / "one", Settings(pdf=False), engine=False)
    build(load_site(CONTENT), tmp_path / "two", Settings(pdf=False), engine=False)
    one = {p.relative_to(tmp_path / "one"): p.read_bytes()
           for p in sorted((tmp_path / "one").rglob("*")) if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes()
           for p in sorted((tmp_path / "two").rglob("*")) if p.is_file()}
    assert one == two
    pages = {f"staging/docs/{p}" for p in [*render_all(site), *assets(), SITE_PATH, FEED_PATH]}
    assert pages <= set(map(str, one))
    assert all("/forms/" in name for name in set(map(str, one)) - pages)
    assert not any(str(Path.cwd()).encode() in data or b"/tmp/" in data for data in one.values())


def test_an_example_vacancy_says_so_at_the_top_of_its_page(pages: dict[str, str]) -> None:
    """Point 4 of issue 17: the note that a vacancy's details are made up is a field, published."""
    page = pages["vacancies/supervised-contact-co-ordinator-2027/index.md"]
    notice = ('!!! note "Example vacancy"\n\n'
              "    The salary, hours, contact and application details are illustrative.\n")
    assert notice in page
    assert page.index(notice) < page.index("Open for applications")
    assert '!!! note "Example vacancy"' in pages["vacancies/da-sv-case-coordinator-2024/index.md"]


def test_no_shipped_internal_note_is_on_any_page(tmp_path: Path) -> None:
    """The notes moved out of comments (issue 17) stay unpublished, the framework's included:
    each shipped record's notes are marked, and no page holds a mark."""
    import shutil

    from ruamel.yaml import YAML

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    rt = YAML()
    marked = []
    for path in sorted(content.rglob("*.yaml")):
        found = rt.load(path)
        if isinstance(found, dict) and "internal_notes" in found:
            mark = f"NOTEMARK{len(marked)}"
            found["internal_notes"] = f"{found['internal_notes']} {mark}"
            rt.dump(found, path)
            marked.append(path.relative_to(content).as_posix())
    assert {"frameworks/second-step-competencies.yaml", "roles/recovery-navigator.yaml",
            "roles/supervised-contact-co-ordinator.yaml"} <= set(marked)
    pages = render_all(load_site(content))
    assert [name for name, page in pages.items() if "NOTEMARK" in page] == []


def test_only_the_wanted_pages_are_listed_and_worked_out(site: Site,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview asks for a changed record's page: what every other role's page is given
    (its vacancies, tags, forms) is not worked out, and the page is the one a build lists."""
    from generator.render import views
    from generator.render.site import pages as module

    role = sorted(site.roles)[1]
    vacancy = sorted(site.vacancies)[0]
    wanted = {f"roles/{role}/index.md", f"vacancies/{vacancy}/index.md", "glossary.md"}
    every = {p.path: p for p in module.pages(site, downloads=False)}
    asked: list[str] = []
    original = views.role_vacancies
    monkeypatch.setattr(views, "role_vacancies",
                        lambda s, r: asked.append(r.id) or original(s, r))
    only = list(module.pages(site, downloads=False, only=wanted))
    assert {p.path for p in only} == wanted
    assert all(p == every[p.path] for p in only)
    assert asked == [role]
    # Asking for no index page lists none: the list of their paths is the one pages() gives.
    records = {path for path in every if path not in module.INDEX_PAGES}
    assert len(every) - len(records) == len(module.INDEX_PAGES)
    monkeypatch.setattr(views, "tag_index", lambda s: pytest.fail("an index page was listed"))
    path = f"roles/{role}/index.md"
    assert [p.path for p in module.pages(site, only={path})] == [path]


def test_a_record_called_index_has_a_page_of_its_own() -> None:
    """Ids may be "index" (common.schema.json's pattern): a role, vacancy or panel page is an
    index.md in a folder named after its record, so it never takes a list page's file or
    address."""
    for path, address in ((role_page("index"), "roles/index/"),
                          (vacancy_page("index"), "vacancies/index/"),
                          (panel_page("index"), "roles/index/panel/")):
        assert path not in INDEX_PAGES
        assert SiteAddress().page(path) == address
        assert f"{page_folder(path)}/" == address
