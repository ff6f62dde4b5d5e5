"""The shipped content: valid, complete against the seeds, and explained in the glossary."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from generator.cli import run
from generator.content.discover import KINDS
from generator.content.load import load
from generator.content.schemacheck import SCHEMA_DIR
from tests.conftest import CONTENT, ROOT
from tests.support.seedcheck import SEEDS, content_words, missing, values

# Headings and labels of the sources that the content holds as structure (a field, a level's
# name and number) rather than as text. Every other sentence of every seed must be in content/.
STRUCTURE = {
    "000": {"The Forward Trust Job Description", "Introducing Forward Trust", "Role/Team Overview"},
    "001": {"1.1 JOB CONTEXT", "1.2 JOB PURPOSE", "1.3 VALUES", "1.4 ORGANISATION",
            "1.5 JOB ACCOUNTABILITIES", "1.6 PERFORMANCE MEASURES", "2.1 PERSON SPECIFICATION",
            "2.2 COMPETENCIES"},
    "002": {"JOB EVALUATION NO."},
}
LEVEL_HEADING = re.compile(r"(Entry|Desired|Exceptional) Level \(\d\)")


def test_shipped_content_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "--content", str(CONTENT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # The prison recovery worker article never says how its criteria are assessed, so the family
    # says "not stated"; no role takes its criteria, so no sheet lacks them and no warning is due.
    assert [line for line in lines if ": warning: " in line] == []
    assert lines[-1].startswith("All ") and lines[-1].endswith(" valid.")


def test_a_family_not_stated_is_warned_of_once_a_role_takes_its_criteria(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 28, point 9: the family's "not stated" criteria are on no scoring sheet of a role
    of the family; validate says so at each, located in the family's file."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    role = content / "roles" / "recovery-navigator.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "\ntitle:", "\nfamily: prison-recovery-worker\ntitle:", 1), encoding="utf-8")
    assert run(["validate", "--content", str(content)]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if ": warning: " in line]
    assert len(warnings) == 9
    assert all(re.match(r".*families/prison-recovery-worker\.yaml:\d+:\d+: warning: "
                        r"\$\.criteria\[\d\]\.assessed_by: criterion 'PRW\d' does not say "
                        "how it is assessed", line) for line in warnings)


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_every_line_of_every_seed_is_in_the_content(seed: str) -> None:
    """The seeds are shipped in content/sources; a missing one fails."""
    found = sorted(SEEDS.glob(f"{seed}_*.txt"))
    assert len(found) == 1, f"seed {seed} not found in {SEEDS}"
    known = STRUCTURE.get(seed, set())
    lost = [f for f in missing(found[0], content_words(CONTENT))
            if f not in known and not LEVEL_HEADING.fullmatch(f)]
    assert lost == []


def test_all_five_seeds_are_represented() -> None:
    site = load(CONTENT).site
    assert site is not None
    assert set(site.roles) == {"recovery-coordinator-tier-4-lead", "recovery-navigator",
                               "supervised-contact-co-ordinator", "da-sv-case-coordinator"}
    assert "prison-recovery-worker" in site.families
    statuses = sorted(v.status for v in site.vacancies.values())
    assert statuses == ["closed", "open"]
    navigator = site.roles["recovery-navigator"]
    numbering = {c.competency.id: [lv.number for lv in c.competency.levels]
                 for c in navigator.competencies if c.competency}
    assert numbering["partnership-and-teamwork"] == [2, 3, 4]
    assert numbering["personal-and-professional-development"] == [1, 2, 3]
    assert numbering["working-with-change"] == [3, 4, 5]
    darlington = site.roles["supervised-contact-co-ordinator"]
    assert [i.number for i in darlington.accountabilities.items] == [str(n) for n in range(1, 30)]
    assert [i.number for i in darlington.accountabilities.items[8].items] == [
        "i", "ii", "iii", "iv", "v"]
    assert [c.id for c in darlington.person_spec.criteria] == [str(n) for n in range(1, 37)]
    answers = {a.item.id: a.answer for a in darlington.known_risks}
    assert answers["own-vehicle"] == "YES" and answers["asbestos"] == "NO"
    forward = site.roles["recovery-coordinator-tier-4-lead"]
    assert [g.heading for g in forward.accountabilities.groups][:2] == ["Strategy",
                                                                         "Service Delivery"]
    scale = site.scales["first-light-shortlisting"]
    assert [(p.score, p.descriptor) for p in scale.points_high_first] == [
        (3, "fully meets criteria"), (2, "mostly meets criteria"),
        (1, "partially meets criteria but falls short on key aspects"),
        (0, "does not meet criteria")]


def test_every_acronym_in_the_content_is_in_the_glossary() -> None:
    site = load(CONTENT).site
    assert site is not None
    terms = {t.term for t in site.glossary}
    text = " ".join(values([p.read_text(encoding="utf-8") for p in CONTENT.rglob("*.yaml")
                            if p.name != "glossary.yaml"]))
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    # Capitals only; codes with digits or hyphens (E1, D13002, DBC-PG-0412) are not acronyms.
    found = set(re.findall(r"(?<![-\w&])[A-Z][A-Z&]*[A-Z](?![-\w&])", text))
    # Words in capitals that are not acronyms: answers, and headings kept as the source has them.
    words = {"YES", "NO", "FORKLIFT", "TRUCKS"}
    assert sorted(found - terms - words) == []


@pytest.mark.parametrize("schema", sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")))
def test_schema_is_valid_draft_07_with_help_on_every_property(schema: str) -> None:
    body = json.loads((SCHEMA_DIR / schema).read_text(encoding="utf-8"))
    Draft7Validator.check_schema(body)
    assert body["$schema"] == "http://json-schema.org/draft-07/schema#"

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                assert node.get("additionalProperties") is False, where
                for name, prop in node["properties"].items():
                    assert prop.get("title") and prop.get("description"), f"{where}.{name}"
            for key, child in node.items():
                walk(child, f"{where}.{key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, f"{where}[{index}]")

    walk(body, schema)


@pytest.mark.parametrize("folder", sorted(KINDS))
def test_check_jsonschema_agrees(folder: str) -> None:
    """An independent validator reads the YAML its own way and must agree with ours."""
    files = sorted(str(p) for p in (CONTENT / folder).glob("*.yaml"))
    schema = SCHEMA_DIR / f"{KINDS[folder]}.schema.json"
    cmd = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *files]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_agrees_on_glossary() -> None:
    cmd = [sys.executable, "-m", "check_jsonschema", "--schemafile",
           str(SCHEMA_DIR / "glossary.schema.json"), str(CONTENT / "glossary.yaml")]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_vscode_settings_map_every_schema_to_its_folder() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for folder, kind in KINDS.items():
        globs = mapping[f"./schemas/{kind}.schema.json"]
        globs = [globs] if isinstance(globs, str) else globs
        assert any(folder in g for g in globs), kind
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]


def test_every_content_file_names_its_schema() -> None:
    for path in CONTENT.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), path


# Comments a shipped record may carry: only the schema line. Anything a reader needs goes in a
# field (`illustrative`, `internal_notes`), where the editor shows it and no save can drop it.
ALLOWED_COMMENTS = re.compile(r"# yaml-language-server: \$schema=\S+")


def comments(text: str) -> list[tuple[int, int, str]]:
    """Every comment in YAML text as (line, column, text), both 1-based: a # outside every
    scalar (so not one inside quotes or a block of text) that starts a line or follows a space."""
    inside = [(t.start_mark.index, t.end_mark.index) for t in yaml.scan(text)
              if isinstance(t, yaml.ScalarToken)]
    found = []
    for match in re.finditer(r"(?:^|(?<=[ \t]))#[^\n]*", text, re.MULTILINE):
        at = match.start()
        if not any(start <= at < end for start, end in inside):
            line = text.count("\n", 0, at)
            found.append((line + 1, at - (text.rfind("\n", 0, at) + 1) + 1, match.group()))
    return found


def test_comments_are_found_wherever_yaml_allows_them() -> None:
    text = ("# yaml-language-server: $schema=x\nname: A # after\nurl: 'a #b'\n"
            "text: |\n  # in a block\nlist:\n  # before an item\n  - one#two\n")
    assert comments(text) == [(1, 1, "# yaml-language-server: $schema=x"), (2, 9, "# after"),
                              (7, 3, "# before an item")]


def test_no_shipped_record_carries_a_comment_but_its_schema_line() -> None:
    """Point 4 of issue 17: a comment is lost when the editor saves a new record, so none may
    carry information; each note has a field (`illustrative`, `internal_notes`) instead."""
    found = [f"{path.relative_to(ROOT)}:{line}:{col}: {text}"
             for path in sorted(CONTENT.rglob("*.yaml"))
             for line, col, text in comments(path.read_text(encoding="utf-8"))
             if not (line == 1 and ALLOWED_COMMENTS.fullmatch(text))]
    assert found == []


def test_seed_check_notices_a_lost_line(tmp_path: Path) -> None:
    """The completeness test above would fail if a line went missing."""
    seed = tmp_path / "seed.txt"
    seed.write_text("To manage the budget effectively and if appropriate commission services\n"
                    "A sentence that is in no content file at all.\n", encoding="utf-8")
    haystack = content_words(CONTENT)
    assert missing(seed, haystack) == ["A sentence that is in no content file at all."]


def test_nothing_in_the_repository_reads_from_outside_the_checkout() -> None:
    """A clone stands alone: no tracked file names a folder beside the checkout."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split("\0")
    outside = re.compile(r"\.\./shared|parents\[2\]")
    offenders = [name for name in tracked
                 if name.endswith((".py", ".toml", ".yml", ".yaml", ".json", ".md", "Makefile",
                                   "run", ".cfg", ".sh"))
                 and name != "tests/content/test_shipped_content.py"
                 and outside.search((ROOT / name).read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []
