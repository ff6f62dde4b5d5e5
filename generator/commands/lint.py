"""The `lint` subcommand: run the rules, print one report, return the exit status."""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, version

from generator.lint import lint, report
from generator.lint.registry import all_rules


def _version() -> str:
    try:
        return version("roleprint")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout not installed
        return "0"


def run_lint(args: argparse.Namespace) -> int:
    """0 clean (or only warnings and notes), 1 errors (with --strict, warnings too), 2 misuse."""
    rules = all_rules()
    if args.rules:
        print(report.rules_table(rules))
        return 0
    if args.config is not None and not args.config.is_file():
        print(f"roleprint: the settings file '{args.config}' does not exist", file=sys.stderr)
        return 2
    result = lint(args.content, config_file=args.config, today=args.today)
    if result.problems:
        print(report.problems_text(result.problems, result.files))
        return 1
    if args.format == "sarif":
        out = report.sarif(result.findings, rules, _version())
    elif args.format == "json":
        out = report.as_json(result.findings, result.files)
    else:
        out = report.text(result.findings, result.files)
    if args.output is not None:
        args.output.write_text(out + "\n", encoding="utf-8")
        print(report.text(result.findings, result.files).splitlines()[-1])
    else:
        print(out)
    return result.exit_code(strict=args.strict)
