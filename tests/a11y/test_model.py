"""The pages and forms the content-model fixtures make (sub-items in tables and on sheets,
terms, labels, method keys, notes on left-out sheets, closed banners) pass axe-core's WCAG 2.2
AA rules and the Nu HTML Checker, like the shipped site."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import run
from tests.a11y.test_forms import MATERIAL, url_file, vnu
from tests.conftest import ROOT
from tests.model.test_faithful import CASES, TODAY, content_of, give_vacancy
from tests.support.browser import axe_violations, describe, require_axe, serve_folder

pytestmark = pytest.mark.browser

PAGES = ["roles/band-4-administrator/", "roles/recovery-worker/", "roles/charity-support-worker/",
         "roles/social-worker/", "roles/checks-only/", "frameworks/digital-capability/",
         "vacancies/peer-mentor-2026/", "vacancies/peer-mentor-2027/",
         "vacancies/charity-support-worker-2027/"]
FORMS = ["roles/recovery-worker/forms/application-form.html",
         "roles/recovery-worker/forms/shortlisting.html",
         "roles/recovery-worker/forms/interview.html",
         "roles/essentials-met/forms/shortlisting.html",
         "roles/social-worker/forms/moderation.html"]


@pytest.fixture(scope="module")
def model_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every valid model fixture in one site (without PDFs: the forms' HTML is their source)."""
    where = tmp_path_factory.mktemp("model-a11y")
    content = content_of(where, *(c for c in CASES if not c.endswith("-invalid")))
    for role_id in {form.split("/")[1] for form in FORMS}:
        give_vacancy(content, role_id)
    cwd, before = os.getcwd(), os.environ["ROLEPRINT_TODAY"]  # pinned by tests/conftest.py
    os.chdir(ROOT)
    os.environ["ROLEPRINT_TODAY"] = TODAY
    try:
        assert run(["build", "--content", str(content), "--site-dir", str(where / "site"),
                    "--no-pdf"]) == 0
    finally:
        os.chdir(cwd)
        os.environ["ROLEPRINT_TODAY"] = before
    return where / "site"


@pytest.fixture(scope="module")
def model_url(model_site: Path) -> Iterator[str]:
    with serve_folder(model_site) as url:
        yield url


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES + FORMS)
def test_model_output_has_no_axe_violations(page: Any, model_url: str, path: str) -> None:
    page.goto(f"{model_url}/{path}")
    violations = axe_violations(page, require_axe())
    assert violations == [], describe(violations)


def test_model_output_passes_the_nu_html_checker(model_site: Path) -> None:
    files = [url_file(model_site, path) for path in PAGES + FORMS]
    assert all(f.is_file() for f in files)
    unexpected = [
        (name, e.get("lastLine"), e["message"])
        for name, found in vnu(files).items() for e in found
        if not any(e["message"].startswith(text) and pattern.search(e.get("extract", ""))
                   for text, pattern in MATERIAL)
    ]
    assert unexpected == []
