"""`roleprint lint`: schema validity says a file is well formed; lint says it is good.

    result = lint(Path("content"))      # findings, sorted, each with its rule
    result.exit_code(strict=False)      # 0, or 1 for errors (and, with strict, warnings)

Content that does not validate is not linted: its problems are returned instead.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.core.problems import Problem
from generator.lint import settings
from generator.lint.context import Context, Finding
from generator.lint.registry import Rule
from generator.lint.rules import all_rules


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # content or settings that do not load
    files: int = 0
    config: settings.Config = field(default_factory=settings.Config)

    @property
    def active(self) -> list[Finding]:
        """The findings not accepted in the settings."""
        return [f for f in self.findings if f.accepted is None]

    def exit_code(self, *, strict: bool = False) -> int:
        if self.problems:
            return 1
        failing = {"error", "warning"} if strict else {"error"}
        return 1 if any(f.severity in failing for f in self.active) else 0


def build_date() -> dt.date:
    """SOURCE_DATE_EPOCH's date when set (a reproducible build), otherwise today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def run_rules(ctx: Context, rules: dict[str, Rule]) -> list[Finding]:
    """Every finding of every rule not switched off, with the accepted ones marked."""
    from generator.content.load import gc_paused

    ctx.severities = {r.id: r.severity for r in rules.values()}
    found: set[Finding] = set()
    cfg = ctx.config
    # The rules make many short-lived objects and no cycles, beside a model of a great many
    # long-lived ones that every collection would walk again: about a third of their time.
    with gc_paused():
        for rule in rules.values():
            if rule.id in cfg.disable:
                continue
            for finding in rule.check(ctx):
                role = finding.record if finding.kind == "role" else None
                if cfg.disabled(rule.id, file=finding.problem.path, role=role,
                                organisation=finding.organisation):
                    continue
                found.add(_accepted(cfg, finding))
    return sorted(found, key=_order)


def _order(f: Finding) -> tuple[str | int, ...]:
    """The problem's fields in its own order, then the rest of the finding's.

    Every field is in the key: a family's criterion gives one finding per organisation using
    it, alike but for that, and a set's order changes from one run to the next. The problem is
    spelt out field by field because comparing the dataclasses (in Python) cost a tenth of
    all the rules' time at 1,000 roles."""
    p = f.problem
    return (p.path, p.line, p.column, p.json_path, p.message, p.hint, p.severity, f.rule,
            f.kind, f.record, f.organisation or "", f.where, f.accepted or "")


def _accepted(cfg: settings.Config, finding: Finding) -> Finding:
    """The finding marked with the reason of the first acceptance that matches it."""
    for entry in cfg.accept:
        if entry.rule != finding.rule:
            continue
        if entry.role is not None and not (finding.kind == "role" and finding.record == entry.role):
            continue
        if entry.record is not None and entry.record != finding.record:
            continue
        if entry.file is not None and entry.file != finding.problem.path:
            continue
        if entry.organisation is not None and entry.organisation != finding.organisation:
            continue
        if entry.where is not None and entry.where != finding.where:
            continue
        return replace(finding, accepted=entry.reason)
    return finding


def lint(content_dir: Path, *, config_file: Path | None = None,
         today: dt.date | None = None) -> LintResult:
    """Load and validate the content, then run every rule on it."""
    from generator.content.discover import discover, display_path
    from generator.content.load import FileMemo, load

    rules = all_rules()
    cfg, problems = settings.load(settings.find(content_dir, config_file), set(rules))
    if problems:
        return LintResult(problems=problems, config=cfg)
    memo: FileMemo = {}
    loaded = load(content_dir, memo=memo)  # the memo keeps each file's document and marks
    if loaded.site is None:
        return LintResult(problems=loaded.problems, files=loaded.files, config=cfg)
    site = loaded.site
    records = {*site.roles, *site.vacancies, *site.families, *site.shared_criteria,
               *site.scales, *site.organisations}
    unknown = settings.unknown_names(cfg, set(site.organisations), set(site.roles), records)
    if unknown:
        return LintResult(problems=unknown, files=loaded.files, config=cfg)
    by_path = {r.doc.path: r.doc for r in memo.values() if r.doc is not None}
    sources, _ = discover(content_dir)
    docs = {(s.kind, s.id): by_path[s.display] for s in sources if s.display in by_path}
    ctx = Context(site, cfg, today or dt.date.today(), docs,
                  display_path(content_dir))
    return LintResult(run_rules(ctx, rules), files=loaded.files, config=cfg)
