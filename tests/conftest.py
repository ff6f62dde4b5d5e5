"""Shared fixtures: paths, and a copy of a content tree a test may change."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

pytest_plugins = ["tests.support.browser", "tests.support.editor_browser"]

# No property-based test may fail for being slow (Hypothesis's default deadline is 200 ms an
# example): CI machines are busy. A test that sets its own settings keeps this unless it says
# otherwise.
settings.register_profile("roleprint", deadline=None)
settings.load_profile("roleprint")

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
# Content trees used by the tests of several stages; a tree one stage's tests use alone is in
# that stage's folder (tests/lint/fixtures, tests/model/fixtures). tests/README.md has the map.
FIXTURES = TESTS / "fixtures"  # base: the small valid tree every overlay starts from
INVALID = TESTS / "content" / "fixtures" / "invalid"  # each case beside its expected report
CAMPAIGNS = TESTS / "scoring" / "fixtures" / "campaigns"  # five organisations' scoring schemes
QUESTIONS = TESTS / "scoring" / "fixtures" / "questions"  # a campaign with question plans
UNSAFE = TESTS / "render" / "fixtures" / "site-unsafe"  # hostile text in every field
CONTENT = ROOT / "content"
BUILD_DATE = "2026-12-01"
# The shipped roles with a vacancy: only these have forms on the site.
RECRUITING = ("da-sv-case-coordinator", "supervised-contact-co-ordinator")
NOT_RECRUITING = ("recovery-coordinator-tier-4-lead", "recovery-navigator")


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Caches go to a folder of the test run's own, never the project's `.cache/`."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("ROLEPRINT_CACHE")
    os.environ["ROLEPRINT_CACHE"] = str(folder)
    yield folder
    if before is None:
        del os.environ["ROLEPRINT_CACHE"]
    else:
        os.environ["ROLEPRINT_CACHE"] = before


@pytest.fixture(scope="session", autouse=True)
def build_date() -> Iterator[str]:
    """Every test builds as on one fixed day, so the shipped vacancy's closing date passing
    (it would then be shown as closed) never changes what the tests see."""
    before = os.environ.get("ROLEPRINT_TODAY")
    os.environ["ROLEPRINT_TODAY"] = BUILD_DATE
    yield BUILD_DATE
    if before is None:
        del os.environ["ROLEPRINT_TODAY"]
    else:
        os.environ["ROLEPRINT_TODAY"] = before


def overlay(base: Path, extra: Path, target: Path) -> Path:
    """Copy `base`, then `extra` on top, into target/content; return the content folder."""
    content = target / "content"
    shutil.copytree(base, content)
    if extra.exists():
        shutil.copytree(extra, content, dirs_exist_ok=True)
    return content


# The shipped organisations' documents give no scoring scale (only First Light's gives one), so
# their sheets print none. A test of scoring them gives each the scale it named before, in the
# test's own copy of the content: the shipped files never keep one for the tests' sake.
TEST_SCALES = {"darlington-borough-council": "standard-1-5", "second-step": "standard-1-5",
               "forward-trust": "standard-0-2"}


def scored_content(target: Path) -> Path:
    """Copy the shipped content into target/content, each organisation given its test scale."""
    content = target / "content"
    shutil.copytree(CONTENT, content)
    for org, scale in TEST_SCALES.items():
        path = content / "organisations" / f"{org}.yaml"
        text = path.read_text(encoding="utf-8")
        assert "default_scale:" not in text, f"{path.name} already names a scale"
        path.write_text(f"{text}default_scale: {scale}\n", encoding="utf-8")
    return content


@pytest.fixture
def base_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small valid fixture tree, with the working directory beside it."""
    monkeypatch.chdir(tmp_path)
    return overlay(FIXTURES / "base", FIXTURES / "none", tmp_path)
