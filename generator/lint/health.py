"""The content-health page's findings: every rule run on the model, grouped by record for HR.

The site is built from the model alone, without the documents' marks, so findings here name
the part of the record ("criterion E2") rather than a line. The settings are read from
roleprint-lint.yaml in the folder the build runs in (as `make site` does, beside content/).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.lint import build_date, run_rules, settings
from generator.lint.context import Context, Finding
from generator.lint.rules import all_rules
from generator.model import Site

KIND_ORDER = {"role": 0, "vacancy": 1, "family": 2, "criterion": 3, "scale": 4}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
LABELS = {"error": "Error", "warning": "Warning", "info": "Note"}


@dataclass(frozen=True)
class Item:
    severity: str
    label: str
    rule: str
    where: str
    message: str
    hint: str
    accepted: str | None

    @property
    def text(self) -> str:
        """The message and hint as sentences."""
        out = _sentence(self.message)
        return f"{out} {_sentence(self.hint)}" if self.hint else out


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "…')", ")")) and not text.endswith("')") \
        else text + "."


@dataclass
class Group:
    """One record's findings: the ones to act on, then the ones accepted with a reason."""

    kind: str
    id: str
    title: str
    organisation: str | None
    items: list[Item] = field(default_factory=list)
    accepted: list[Item] = field(default_factory=list)


@dataclass
class Health:
    checked: dt.date
    groups: list[Group]
    settings_problems: int = 0

    def count(self, severity: str) -> int:
        return sum(1 for g in self.groups for i in g.items if i.severity == severity)


def _title(site: Site, kind: str, record: str) -> str:
    if kind == "role" and record in site.roles:
        return site.roles[record].title
    if kind == "vacancy" and record in site.vacancies:
        vacancy = site.vacancies[record]
        return f"Vacancy {vacancy.reference}: {vacancy.title}"
    if kind == "family" and record in site.families:
        return f"Role family: {site.families[record].title}"
    return f"{kind.capitalize()}: {record}"


def _item(finding: Finding) -> Item:
    message = finding.problem.message.removesuffix(f" [{finding.rule}]")
    return Item(finding.severity, LABELS[finding.severity], finding.rule, finding.where,
                message, finding.problem.hint, finding.accepted)


def health(site: Site, *, settings_file: Path | None = None,
           today: dt.date | None = None) -> Health:
    """Every finding on the site's content, by record, in a fixed order."""
    rules = all_rules()
    path = settings_file if settings_file is not None else Path(settings.FILE_NAME)
    cfg, problems = settings.load(path if path.is_file() else None, set(rules))
    ctx = Context(site, cfg, today or build_date())
    groups: dict[tuple[str, str], Group] = {}
    for finding in run_rules(ctx, rules):
        key = (finding.kind, finding.record)
        group = groups.setdefault(key, Group(finding.kind, finding.record,
                                             _title(site, *key), finding.organisation))
        (group.accepted if finding.accepted else group.items).append(_item(finding))
    for group in groups.values():
        group.items.sort(key=lambda i: (SEVERITY_ORDER[i.severity], i.rule, i.where, i.message))
        group.accepted.sort(key=lambda i: (i.rule, i.where, i.message))
    ordered = sorted(groups.values(), key=lambda g: (
        site.organisations[g.organisation].name.casefold()
        if g.organisation in site.organisations else "~", KIND_ORDER.get(g.kind, 9),
        g.title.casefold(), g.id))
    return Health(ctx.today, ordered, len(problems))
