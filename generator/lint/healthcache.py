"""The content-health page's findings, kept between builds of the same content.

The page runs every lint rule over the whole site: at a thousand roles that is as long as
writing every role's page, and it is one page, so one process does it while the others wait.
Worked out once, the findings are kept in the cache folder (`generator.core.cache`) under a key made
of everything they come from: the content and schemas (`Site.source`), which roles and
vacancies are published (drafts are left out or not), the lint settings, the date they were
checked on, and Roleprint's own code and word lists. A build of the same content, or a site
built after `roleprint generate`, reads them back.

One entry is kept, not one for each version of the content: the preview rebuilds after every
save, and a new entry each time (megabytes at a thousand roles) would fill the disk.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator.core import cache as caches
from generator.lint import build_date, settings
from generator.lint.health import Group, Health, Item, health
from generator.model import Site

NAMESPACE = "health"
SLOT = caches.digest(["content-health"])  # the one entry's name in the namespace
DATA = Path(__file__).resolve().parent / "data"
FORMAT = "health 1"  # changes whenever the entry's layout does


def key(site: Site, settings_file: Path, today: dt.date) -> str:
    """Everything the findings are worked out from, as one digest."""
    try:
        given = settings_file.read_bytes() if settings_file.is_file() else b"(none)"
    except OSError as err:  # unreadable: health() reports it as a settings problem
        given = f"(unreadable: {err.strerror})".encode()
    words = [part for path in sorted(DATA.rglob("*")) if path.is_file()
             for part in (path.name, path.read_bytes())]
    return caches.digest([FORMAT, caches.code_version(), *words, site.source,
                          "\n".join(site.roles), "\n".join(site.vacancies), given,
                          today.isoformat()])


def dumps(report: Health) -> bytes:
    def rows(items: list[Item]) -> list[list[str | None]]:
        return [[i.severity, i.label, i.rule, i.where, i.message, i.hint, i.accepted]
                for i in items]

    return json.dumps({
        "checked": report.checked.isoformat(), "settings_problems": report.settings_problems,
        "groups": [[g.kind, g.id, g.title, g.organisation, rows(g.items), rows(g.accepted)]
                   for g in report.groups],
    }, ensure_ascii=False).encode("utf-8")


def loads(data: bytes) -> Health:
    found = json.loads(data)
    return Health(dt.date.fromisoformat(found["checked"]), [
        Group(kind, record, title, organisation, [Item(*row) for row in items],
              [Item(*row) for row in accepted])
        for kind, record, title, organisation, items, accepted in found["groups"]
    ], found["settings_problems"])


def kept_health(site: Site, *, settings_file: Path | None = None,
                today: dt.date | None = None) -> Health:
    """`health(site)`, from the cache when the same inputs were checked before.

    A site not loaded from files (`source` empty) is checked afresh, and nothing is kept."""
    path = settings_file if settings_file is not None else Path(settings.FILE_NAME)
    today = today or build_date()
    if not site.source:
        return health(site, settings_file=path, today=today)
    store = caches.Cache(NAMESPACE)
    wanted = key(site, path, today).encode("ascii")
    entry = store.get(SLOT, "content-health findings")
    if entry is not None and entry.startswith(wanted + b"\n"):
        try:
            return loads(entry[len(wanted) + 1:])
        except (ValueError, KeyError, TypeError):  # sealed, so only a layout of another release
            pass
    report = health(site, settings_file=path, today=today)
    store.put(SLOT, wanted + b"\n" + dumps(report))
    return report
