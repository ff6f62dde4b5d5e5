"""`roleprint lint`: run the rules, print one report, return the exit status."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from generator.core import report
from generator.core.errors import UsageError
from generator.core.settings import Settings
from generator.lint import lint
from generator.lint import report as findings
from generator.lint.rules import all_rules


def _version() -> str:
    try:
        return version("roleprint")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout not installed
        return "0"


def run(settings: Settings) -> int:
    """0 clean (or only warnings and notes), 1 errors (with --strict, warnings too), 2 misuse."""
    rules = all_rules()
    if settings.rules:
        report.say(findings.rules_table(rules))
        return 0
    if settings.lint_config is not None and not settings.lint_config.is_file():
        raise UsageError(f"the settings file '{settings.lint_config}' does not exist")
    result = lint(settings.content, config_file=settings.lint_config, today=settings.today)
    if result.problems:
        report.say(findings.problems_text(result.problems, result.files))
        return 1
    if settings.format == "sarif":
        out = findings.sarif(result.findings, rules, _version())
    elif settings.format == "json":
        out = findings.as_json(result.findings, result.files)
    else:
        out = findings.text(result.findings, result.files)
    if settings.output is not None:
        settings.output.write_text(out + "\n", encoding="utf-8")
        report.say(findings.text(result.findings, result.files).splitlines()[-1])
    else:
        report.say(out)
    return result.exit_code(strict=settings.strict)
