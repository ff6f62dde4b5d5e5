"""What pages show that is computed rather than read off one record: orderings, groupings, tags."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import (
    Competency,
    Framework,
    GlossaryTerm,
    KnownRiskNote,
    Level,
    LevelRef,
    Organisation,
    Role,
    Salary,
    Site,
    Vacancy,
)
from generator.model.filters import figures_unsaid
from generator.render.links import slug

ARRANGEMENT_LABELS = {
    "rota": "Rota work",
    "on-call": "On-call",
    "travel": "Travel",
    "out-of-hours": "Out of hours",
    "night-work": "Night work",
    "driving": "Driving",
    "other": "Other",
}
TAG_GROUPS = (("organisation", "Organisation"), ("location", "Location"), ("category", "Category"))


def _published(vacancies: Iterable[Vacancy]) -> tuple[Vacancy, ...]:
    vacancies = tuple(vacancies)
    open_ = sorted((v for v in vacancies if v.is_open),
                   key=lambda v: (v.closing_date or "9999", v.closing_time or "", v.id))
    # A vacancy still marked open after its closing date is shown among the closed ones.
    closed = sorted((v for v in vacancies if v.status == "closed" or v.expired),
                    key=lambda v: (v.closing_date or "", v.id))
    return (*open_, *reversed(closed))


def published_vacancies(site: Site) -> tuple[Vacancy, ...]:
    """Open vacancies (soonest closing first), then closed ones (latest first); never drafts."""
    return _published(site.vacancies.values())


def role_vacancies(site: Site, role: Role) -> tuple[Vacancy, ...]:
    """The role's published vacancies, in the same order."""
    return _published(site.vacancies_of(role.id))


def organisations_by_name(site: Site) -> tuple[Organisation, ...]:
    return tuple(sorted(site.organisations.values(), key=lambda o: (o.name.casefold(), o.id)))


def roles_by_organisation(site: Site) -> tuple[tuple[str, tuple[Role, ...]], ...]:
    """(organisation id, its roles by title) for each organisation that has roles, by name."""
    orgs = organisations_by_name(site)
    return tuple((o.id, by_title(site.roles_of(o.id))) for o in orgs if site.roles_of(o.id))


def roles_without_organisation(site: Site) -> tuple[Role, ...]:
    """The roles whose source names no employer (`organisation: not stated`), by title."""
    return by_title([r for r in site.roles.values() if not r.organisation.stated])


def by_title(roles: tuple[Role, ...] | list[Role]) -> tuple[Role, ...]:
    return tuple(sorted(roles, key=lambda r: (r.title.casefold(), r.id)))


def arrangement_label(kind: str) -> str:
    return ARRANGEMENT_LABELS.get(kind, kind.replace("-", " ").capitalize())


@dataclass(frozen=True)
class Tag:
    group: str
    name: str
    anchor: str


def role_tags(role: Role) -> tuple[Tag, ...]:
    """Organisation, locations and categories (family, working arrangements), in that order."""
    names = [("organisation", role.organisation.name)] if role.organisation.stated else []
    names += [("location", place) for place in role.locations]
    if role.family:
        names.append(("category", role.family.title))
    names += [("category", arrangement_label(w.kind)) for w in role.working_arrangements]
    seen: set[tuple[str, str]] = set()
    tags = []
    for group, name in names:
        if (group, name) not in seen:
            seen.add((group, name))
            tags.append(Tag(group, name, tag_anchor(group, name)))
    return tuple(tags)


def tag_anchor(group: str, name: str) -> str:
    """A stable anchor; names that lose characters to the slug get a short hash to stay unique."""
    base = f"{group}-{slug(name)}"
    if slug(name) == "-".join(name.casefold().split()):
        return base
    return f"{base}-{hashlib.sha1(name.encode()).hexdigest()[:6]}"


@dataclass(frozen=True)
class TagGroup:
    title: str
    tags: tuple[tuple[Tag, tuple[Role, ...]], ...]


def tag_index(site: Site) -> tuple[TagGroup, ...]:
    """Every tag with its roles, grouped as TAG_GROUPS and sorted by name."""
    found: dict[Tag, list[Role]] = {}
    for role in site.roles.values():
        for tag in role_tags(role):
            found.setdefault(tag, []).append(role)
    groups = []
    for key, title in TAG_GROUPS:
        tags = sorted((t for t in found if t.group == key), key=lambda t: (t.name.casefold(), t))
        groups.append(TagGroup(title, tuple((t, by_title(found[t])) for t in tags)))
    return tuple(groups)


@dataclass(frozen=True)
class Letter:
    heading: str
    anchor: str
    terms: tuple[GlossaryTerm, ...]


def glossary_letters(terms: Iterable[GlossaryTerm]) -> tuple[Letter, ...]:
    """The glossary under its initial letters, each a section of the page (and of the search
    index, so that no one section holds the whole glossary); terms that start with a digit or
    a sign come first, under one heading. Letters in glossary order, terms too."""
    found: dict[str, list[GlossaryTerm]] = {"": []}
    for term in terms:
        first = term.term[:1]
        found.setdefault(first.upper() if first.isalpha() else "", []).append(term)
    return tuple(Letter(letter or "Numbers and signs", _letter_anchor(letter), tuple(group))
                 for letter, group in found.items() if group)


def _letter_anchor(letter: str) -> str:
    if not letter:
        return "numbers-and-signs"
    if letter.isascii():
        return f"letter-{slug(letter)}"
    return "letter-" + "-".join(f"u{ord(c):04x}" for c in letter)


def risk_notes(role: Role) -> tuple[KnownRiskNote, ...]:
    """The explanatory notes the role's answers refer to, once each, in the form's order."""
    form = role.organisation.known_risks_form
    wanted = {a.note.id for a in role.known_risks if a.note}
    return tuple(n for n in form.notes if n.id in wanted) if form else ()


def level_headings(framework: Framework) -> tuple[tuple[str, LevelRef], ...]:
    """Each level the framework uses, in its order, with its heading: "Level 2", or the name
    of a level the framework names only."""
    return tuple((f"Level {key}" if isinstance(key, int) else key, key)
                 for key in framework.level_order)


def competency_levels(framework: Framework, competency: Competency) -> tuple[
    tuple[str, Level | None], ...
]:
    """Each level heading (see `level_headings`) with the competency's level, or None."""
    return tuple((heading, competency.level(key)) for heading, key in level_headings(framework))


def framework_source(role: Role, term: str = "framework") -> str:
    """Where a role's competencies come from, for the sentence above them: "the organisation's
    framework" only when every framework named is the organisation's own (a role may use a
    framework it does not own, such as a profession's); else "the <term> named under each"."""
    own = all(r.framework.organisation == role.organisation.id for r in role.competencies)
    return f"the organisation's {term}" if own else f"the {term} named under each"


def frameworks_of(site: Site, organisation_id: str) -> tuple[Framework, ...]:
    return tuple(f for f in site.frameworks.values() if f.organisation == organisation_id)


def role_summary_text(role: Role) -> str | None:
    """The text a vacancy uses to describe its role: the purpose, else the context."""
    return role.purpose or role.context or (role.family.summary if role.family else None)


def salary_range(salary: Salary | None) -> str | None:
    """'£39,862 to £42,839 a year' when the salary's words do not already show its numbers."""
    return figures_unsaid(salary) if salary else None
