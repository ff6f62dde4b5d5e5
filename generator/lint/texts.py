"""The running text of every record the writing checks read, with where each piece is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.lint.context import Context
from generator.lint.words import Prose, role_prose, section_prose, vacancy_prose


@dataclass(frozen=True)
class Record:
    kind: str
    id: str
    organisation: str | None
    title: str
    prose: tuple[Prose, ...]
    # Each piece's words, lower case: a word list is matched against a piece only when one of
    # its first words is among them (a set look-up, where a pattern would scan the text).
    words: tuple[frozenset[str], ...] = field(default=(), compare=False)
    # All of them together: most records have none of a list's words, and are passed over
    # with one look-up rather than one a piece.
    all_words: frozenset[str] = field(default=frozenset(), compare=False)


WORD = re.compile(r"\w+")


def words_of(text: str) -> frozenset[str]:
    return frozenset(WORD.findall(text.casefold()))


def records(ctx: Context) -> list[Record]:
    """Every record's running text (see `_records`), worked out once for all the rules."""
    if "records" not in ctx.memo:
        found = []
        for r in _records(ctx):
            words = tuple(words_of(piece[2]) for piece in r.prose)
            found.append(Record(r.kind, r.id, r.organisation, r.title, r.prose, words,
                                frozenset().union(*words)))
        ctx.memo["records"] = found
    memo: list[Record] = ctx.memo["records"]
    return memo


def _records(ctx: Context) -> Iterator[Record]:
    """Roles (with the criteria written in them), families, vacancies and shared criteria.

    A criterion is read where it is written: a family's criteria once, in the family, not
    again in every role that inherits them."""
    site = ctx.site
    for role in site.roles.values():
        prose = list(role_prose(role))
        for crit in role.person_spec.criteria:
            if crit.inherited_from or crit.shared:
                continue
            _, _, path = ctx.criterion_at(role, crit)
            prose.append(((*path, "text"), f"criterion {crit.id}", crit.text))
            if crit.guidance:
                prose.append(((*path, "guidance"), f"criterion {crit.id}", crit.guidance))
        yield Record("role", role.id, role.organisation.id, role.title, tuple(prose))
    for family in site.families.values():
        prose = []
        for key in ("summary", "description"):
            value = getattr(family, key)
            if value:
                prose.append(((key,), key, value))
        prose += list(section_prose("responsibilities", family.responsibilities))
        for index, crit in enumerate(family.criteria):
            prose.append((("criteria", index, "text"), f"criterion {crit.id}", crit.text))
        yield Record("family", family.id, None, family.title, tuple(prose))
    for vacancy in site.vacancies.values():
        if vacancy.status == "draft":
            continue
        yield Record("vacancy", vacancy.id, vacancy.role.organisation.id, vacancy.title,
                     tuple(vacancy_prose(vacancy)))
    for crit_id, crit in site.shared_criteria.items():
        yield Record("criterion", crit_id, None, crit.text, ((("text",), "text", crit.text),))
