"""`roleprint lint`: exit statuses, the report formats, the settings and the shipped content."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from generator.cli import run
from generator.lint import lint
from generator.lint.rules import all_rules
from tests.conftest import CONTENT, FIXTURES, INVALID, ROOT, overlay

LINT = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-12-02"
DAY = dt.date.fromisoformat(TODAY)


def triggers(tmp_path: Path, settings: str | None = None) -> Path:
    content = overlay(FIXTURES / "base", LINT / "triggers" / "content", tmp_path)
    target = tmp_path / "roleprint-lint.yaml"
    if settings is None:
        shutil.copy(LINT / "triggers" / "roleprint-lint.yaml", target)
    else:
        target.write_text(settings, encoding="utf-8")
    return content


def lint_cli(content: Path, *args: str) -> list[str]:
    return ["lint", "--content", str(content), "--today", TODAY, *args]


def test_errors_exit_1_and_are_printed_like_validate(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert run(lint_cli(triggers(tmp_path))) == 1
    out = capsys.readouterr().out
    assert ("content/vacancies/outreach-worker-2026.yaml:5:15: $.closing_date: the vacancy is "
            "open but closed on 1 November 2026 [currency-closed]") in out
    assert "outreach-worker.yaml:27:13: warning: $.person_specification.criteria[0].text:" in out
    assert out.rstrip().splitlines()[-1].startswith("Lint of ")


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    content = triggers(tmp_path, "disable: [currency-closed, spec-scale-mismatch]\n")
    assert run(lint_cli(content)) == 0
    assert run(lint_cli(content, "--strict")) == 1
    quiet = "disable: [" + ", ".join(sorted(
        r.id for r in all_rules().values() if r.severity != "info")) + "]\n"
    (tmp_path / "roleprint-lint.yaml").write_text(quiet, encoding="utf-8")
    assert run(lint_cli(content, "--strict")) == 0


def test_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(lint_cli(triggers(tmp_path), "--format", "json"))
    body = json.loads(capsys.readouterr().out)
    first = body["findings"][0]
    assert {"path", "line", "column", "json_path", "message", "hint", "severity", "rule",
            "record", "organisation", "accepted"} <= set(first)
    assert not first["message"].endswith("]")  # the rule id is its own field here


def test_sarif_report(tmp_path: Path) -> None:
    out = tmp_path / "lint.sarif"
    assert run(lint_cli(triggers(tmp_path), "--format", "sarif", "--output", str(out))) == 1
    log = json.loads(out.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ids) and all(r["shortDescription"]["text"] for r in driver["rules"])
    results = log["runs"][0]["results"]
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    for result in results:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_switched_off_per_file_role_and_organisation(tmp_path: Path) -> None:
    content = triggers(tmp_path, "")
    rule = "spec-years-experience"
    found = [f for f in lint(content, today=DAY).findings if f.rule == rule]
    assert found
    for settings in (f"roles: {{outreach-worker: {{disable: [{rule}]}}}}",
                     f"organisations: {{example-council: {{disable: [{rule}]}}}}",
                     f"files: {{{json.dumps(found[0].problem.path)}: {{disable: [{rule}]}}}}"):
        (tmp_path / "roleprint-lint.yaml").write_text(settings + "\n", encoding="utf-8")
        assert not any(f.rule == rule for f in lint(content, today=DAY).findings), settings


def test_accepted_findings_keep_their_reason_and_stop_failing(tmp_path: Path) -> None:
    content = triggers(tmp_path, "accept:\n  - {rule: currency-closed, record: "
                       "outreach-worker-2026, reason: kept open for late applicants}\n"
                       "disable: [spec-scale-mismatch]\n")
    result = lint(content, today=DAY)
    accepted = [f for f in result.findings if f.accepted]
    assert [(f.rule, f.accepted) for f in accepted] == [
        ("currency-closed", "kept open for late applicants")]
    assert result.exit_code() == 0


def test_bad_settings_are_located_problems(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    content = triggers(tmp_path, "disable: [no-such-rule]\nreview_interval_months: soon\n"
                       "accept:\n  - rule: spec-duplicate\n")
    assert run(lint_cli(content)) == 1
    out = capsys.readouterr().out
    assert "roleprint-lint.yaml:1:11: $.disable[0]: there is no rule 'no-such-rule'" in out
    assert "roleprint-lint.yaml:2:25: $.review_interval_months: this should be a whole number" \
        in out
    assert "$.accept[0]: an accepted finding needs a 'reason'" in out
    assert "Traceback" not in out


def test_settings_for_names_the_content_lacks_are_problems(tmp_path: Path) -> None:
    content = triggers(tmp_path, "roles:\n  outreach-wroker: {disable: [spec-duplicate]}\n"
                       "accept:\n  - {rule: spec-duplicate, organisation: nobody, reason: x}\n")
    result = lint(content, today=DAY)
    assert [(p.line, p.json_path, p.message) for p in result.problems] == [
        (2, "$.roles.outreach-wroker",
         "there is no role 'outreach-wroker' in the content"),
        (4, "$.accept[0].organisation", "there is no organisation 'nobody' in the content")]
    assert result.exit_code() == 1


def test_invalid_content_is_not_linted(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    content = overlay(FIXTURES / "base", INVALID / "duplicate-key", tmp_path)
    assert run(["lint", "--content", str(content)]) == 1
    assert "lint reads only valid content" in capsys.readouterr().out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(["lint", "--content", str(tmp_path / "missing")]) == 2
    assert run(["lint", "--content", str(CONTENT), "--config", str(tmp_path / "x.yaml")]) == 2
    with pytest.raises(SystemExit) as stop:
        run(["lint", "--format", "xml"])
    assert stop.value.code == 2


def test_shipped_content_passes_strict_with_every_acceptance_used() -> None:
    result = lint(CONTENT, config_file=ROOT / "roleprint-lint.yaml", today=DAY)
    assert result.problems == [] and result.exit_code(strict=True) == 0
    used = {(f.rule, f.accepted) for f in result.findings if f.accepted}
    for entry in result.config.accept:
        assert (entry.rule, entry.reason) in used, f"nothing left to accept: {entry}"
