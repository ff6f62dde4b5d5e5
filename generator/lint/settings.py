"""The lint settings: `roleprint-lint.yaml` beside the content folder (or `--config FILE`).

It is read with the same hardened loader as the content, so its mistakes are reported as
`path:line:col: $.json.path: message` too. Every key is optional:

    review_interval_months: 36        # a role is due for review this long after its date
    reading_age: 12                   # the highest reading age aimed at
    jargon: [going forward]           # words to avoid, everywhere
    disable: [writing-gender-coded]   # rules switched off everywhere
    organisations:
      second-step: {review_interval_months: 24, jargon: [...], disable: [...]}
    roles:
      recovery-navigator: {disable: [...]}
    files:
      content/roles/recovery-navigator.yaml: {disable: [...]}
    accept:                           # findings looked at and kept, with the reason
      - {rule: spec-catch-all-duty, role: recovery-navigator, reason: "..."}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.yamlload import Document, load_text, read_file
from generator.core.problems import JsonPath, Problem, json_path

FILE_NAME = "roleprint-lint.yaml"
_SCOPES = ("organisations", "roles", "files")
_TOP = {"review_interval_months", "reading_age", "jargon", "disable", "accept", *_SCOPES}
_SCOPE_KEYS = {"review_interval_months", "jargon", "disable"}
_ACCEPT_KEYS = {"rule", "role", "file", "organisation", "record", "where", "reason"}


@dataclass(frozen=True)
class Accept:
    rule: str
    reason: str
    role: str | None = None
    file: str | None = None
    organisation: str | None = None
    record: str | None = None
    where: str | None = None
    line: int = 0


@dataclass
class Config:
    path: str | None = None
    review_interval_months: int = 36
    reading_age: int = 12
    jargon: tuple[str, ...] = ()
    disable: frozenset[str] = frozenset()
    scopes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    accept: tuple[Accept, ...] = ()
    doc: Document | None = field(default=None, repr=False)  # for the marks of later checks

    def scope(self, kind: str, key: str | None) -> dict[str, Any]:
        return self.scopes.get(kind, {}).get(key or "", {})

    def interval(self, organisation: str) -> int:
        return int(self.scope("organisations", organisation).get(
            "review_interval_months", self.review_interval_months))

    def jargon_for(self, organisation: str) -> tuple[str, ...]:
        return (*self.jargon, *self.scope("organisations", organisation).get("jargon", ()))

    def disabled(self, rule: str, *, file: str, role: str | None,
                 organisation: str | None) -> bool:
        """Whether a rule is switched off everywhere, for the organisation, role or file."""
        return (rule in self.disable
                or rule in self.scope("organisations", organisation).get("disable", ())
                or rule in self.scope("roles", role).get("disable", ())
                or rule in self.scope("files", file).get("disable", ()))


def unknown_names(config: Config, organisations: set[str], roles: set[str],
                  records: set[str]) -> list[Problem]:
    """Settings for an organisation, role or record the content does not have: a misspelt
    name would otherwise switch nothing off, silently."""
    doc = config.doc
    if doc is None:
        return []
    found = []

    def report(path: JsonPath, what: str, name: str) -> None:
        line, column = doc.mark(path, key=len(path) == 2)
        found.append(Problem(doc.path, line, column, json_path(path),
                             f"there is no {what} '{name}' in the content",
                             "check the spelling of the id (the file name without .yaml)"))

    for scope, what, known in (("organisations", "organisation", organisations),
                               ("roles", "role", roles)):
        for name in sorted(set(config.scopes.get(scope, {})) - known):
            report((scope, name), what, name)
    data = doc.data.get("accept") if isinstance(doc.data, dict) else None
    for index, entry in enumerate(data if isinstance(data, list) else []):
        if not isinstance(entry, dict):
            continue
        for key, what, known in (("organisation", "organisation", organisations),
                                 ("role", "role", roles), ("record", "record", records)):
            if key in entry and str(entry[key]) not in known:
                report(("accept", index, key), what, str(entry[key]))
    return found


def find(content_dir: Path, given: Path | None) -> Path | None:
    """The settings file: the one given, or roleprint-lint.yaml beside the content folder."""
    if given is not None:
        return given
    beside = content_dir.resolve().parent / FILE_NAME
    return beside if beside.is_file() else None


def load(path: Path | None, known_rules: set[str]) -> tuple[Config, list[Problem]]:
    """The settings and any problems with them (an empty Config when there is no file)."""
    if path is None:
        return Config(), []
    from generator.content.discover import display_path

    shown = display_path(path)
    raw, problems = read_file(path, shown)
    if raw is None:
        return Config(), problems
    if not any(line.strip() and not line.lstrip().startswith(b"#")
               for line in raw.splitlines()):
        return Config(path=shown), []  # nothing set, or only comments: the defaults
    doc, problems = load_text(shown, raw)
    if doc is None:
        return Config(), problems
    reader = _Reader(doc, known_rules)
    config = reader.config()
    return config, reader.problems


class _Reader:
    def __init__(self, doc: Document, rules: set[str]) -> None:
        self.doc, self.rules, self.problems = doc, rules, list[Problem]()

    def report(self, path: JsonPath, message: str, hint: str = "") -> None:
        line, column = self.doc.mark(path)
        self.problems.append(Problem(self.doc.path, line, column, json_path(path), message, hint))

    def keys(self, path: JsonPath, value: Any, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.report(path, "this should be a mapping of settings")
            return {}
        for key in sorted(set(value) - allowed):
            self.report((*path, key), f"unknown setting '{key}'",
                        "the settings here are: " + ", ".join(sorted(allowed)))
        return value

    def number(self, path: JsonPath, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.report(path, "this should be a whole number above 0")
            return False
        return True

    def words(self, path: JsonPath, value: Any, *, rules: bool = False) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.report(path, "this should be a list of text")
            return ()
        for index, item in enumerate(value):
            if rules and item not in self.rules:
                self.report((*path, index), f"there is no rule '{item}'",
                            "`roleprint lint --rules` lists them")
        return tuple(value)

    def config(self) -> Config:
        data = self.keys((), self.doc.data, _TOP)
        config = Config(path=self.doc.path, doc=self.doc)
        for key in ("review_interval_months", "reading_age"):
            if key in data and self.number((key,), data[key]):
                setattr(config, key, data[key])
        config.jargon = self.words(("jargon",), data.get("jargon", []))
        config.disable = frozenset(self.words(("disable",), data.get("disable", []), rules=True))
        for scope in _SCOPES:
            entries = self.keys((scope,), data.get(scope, {}), set(data.get(scope) or {}))
            for name, settings in entries.items():
                base = (scope, name)
                settings = self.keys(base, settings, _SCOPE_KEYS)
                if "review_interval_months" in settings:
                    self.number((*base, "review_interval_months"),
                                settings["review_interval_months"])
                self.words((*base, "jargon"), settings.get("jargon", []))
                self.words((*base, "disable"), settings.get("disable", []), rules=True)
            config.scopes[scope] = entries
        config.accept = tuple(self.accepts(data.get("accept", [])))
        return config

    def accepts(self, value: Any) -> list[Accept]:
        if not isinstance(value, list):
            self.report(("accept",), "this should be a list of accepted findings")
            return []
        found = []
        for index, entry in enumerate(value):
            base = ("accept", index)
            entry = self.keys(base, entry, _ACCEPT_KEYS)
            if not entry:
                continue
            if entry.get("rule") not in self.rules:
                self.report((*base, "rule"), f"there is no rule '{entry.get('rule')}'",
                            "`roleprint lint --rules` lists them")
                continue
            if not isinstance(entry.get("reason"), str) or not entry["reason"].strip():
                self.report(base, "an accepted finding needs a 'reason'",
                            "say why the finding is kept, for whoever reads this next")
                continue
            texts = {k: str(v) for k, v in entry.items() if k not in ("rule", "reason")}
            found.append(Accept(entry["rule"], entry["reason"], line=self.doc.mark(base).line,
                                **texts))
        return found
