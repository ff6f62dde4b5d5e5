"""Person-specification checks: criteria a panel can assess fairly and consistently."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from generator.content.modelrules import UNASSESSED_HINT
from generator.lint.context import Context, Finding
from generator.lint.registry import rule
from generator.lint.words import phrase_pattern, word_data
from generator.model import ASSESSMENT_STAGES, Criterion, ListSection, Role

_YEARS = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*"
    r"(?:or more\s+)?(?:years?|yrs)['’]?\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?experience"
    r"|\bexperience\s+(?:of\s+)?(?:at least|a minimum of|over|more than)\s+"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?",
    re.IGNORECASE)


@rule("spec-no-method", "warning",
      "a criterion nobody assesses cannot be applied the same way to every candidate")
def no_method(ctx: Context) -> Iterator[Finding]:
    # Validated content says "not stated" where the source gives no method: the hint asks for
    # the source's methods, never for a likely pair a panel did not choose.
    for role in ctx.site.roles.values():
        for crit in role.person_spec.criteria:
            if not crit.methods_stated or not crit.assessed_by:
                yield ctx.criterion("spec-no-method", role, crit,
                                    f"criterion {crit.id} does not say how it is assessed, so "
                                    "it is on no scoring sheet", UNASSESSED_HINT,
                                    key=_own_key(ctx, role, crit, "assessed_by"))


def _own_key(ctx: Context, role: Role, crit: Criterion, key: str) -> str | None:
    """`key` when the criterion itself writes it (else the finding stands at the criterion)."""
    kind, record, path = ctx.criterion_at(role, crit)
    doc = ctx.docs.get((kind, record))
    return key if doc is not None and (*path, key) in doc.marks else None


@rule("spec-essential-not-shortlisted", "warning",
      "an essential criterion first assessed at interview cannot be used to shortlist")
def essential_late(ctx: Context) -> Iterator[Finding]:
    for role in ctx.site.roles.values():
        for crit in role.person_spec.essential:
            stages = crit.stages
            # Checks made only before appointment (DBS, right to work) are conditions of the
            # offer, not shortlisting criteria: they are left alone.
            if stages and "application" not in stages and stages != {"pre-appointment"}:
                first = next(s for s in ASSESSMENT_STAGES if s in stages)
                yield ctx.criterion(
                    "spec-essential-not-shortlisted", role, crit,
                    f"essential criterion {crit.id} is first assessed at {first}, so it "
                    "cannot gate shortlisting",
                    "assess it on the application too, or make it desirable",
                    key="assessed_by")


@rule("spec-more-desirable", "info",
      "more desirable than essential criteria makes shortlisting a contest of extras")
def more_desirable(ctx: Context) -> Iterator[Finding]:
    for role in ctx.site.roles.values():
        spec = role.person_spec
        if len(spec.desirable) > len(spec.essential):
            yield ctx.find("spec-more-desirable", "role", role.id, ("person_specification",),
                           f"{len(spec.desirable)} desirable criteria and only "
                           f"{len(spec.essential)} essential",
                           "keep the desirable criteria to the few that really separate "
                           "candidates", organisation=role.organisation.id,
                           where="person specification")


def normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


@rule("spec-duplicate", "warning",
      "the same criterion twice is scored twice, and counts double")
def duplicate(ctx: Context) -> Iterator[Finding]:
    for role in ctx.site.roles.values():
        seen: dict[str, Criterion] = {}
        for crit in role.person_spec.criteria:
            key = normalise(crit.text)
            if key in seen:
                yield ctx.criterion("spec-duplicate", role, crit,
                                    f"criterion {crit.id} repeats criterion {seen[key].id}",
                                    "remove one of them, or merge what each adds",
                                    key="text")
            else:
                seen[key] = crit


@rule("spec-family-wording", "info",
      "one criterion worded differently across a family is judged differently")
def family_wording(ctx: Context) -> Iterator[Finding]:
    for family_id in sorted(ctx.site.families):
        texts: dict[str, tuple[Role, Criterion]] = {}
        for role in ctx.site.roles_in_family(family_id):
            for crit in role.person_spec.criteria:
                if crit.inherited_from is None and crit.shared is None:
                    texts.setdefault(normalise(crit.text), (role, crit))
        for key, other in _similar_pairs(sorted(texts)):
            role, crit = texts[key]
            other_role, other_crit = texts[other]
            if other_role.id != role.id:
                yield ctx.criterion(
                    "spec-family-wording", other_role, other_crit,
                    f"criterion {other_crit.id} is worded differently from criterion "
                    f"{crit.id} of '{role.id}' in the same family",
                    "word it the same way in both, or put it in the family or content/"
                    "criteria/ and `use` it", key="text")


SIMILAR = 0.85


def _similar_pairs(keys: list[str]) -> Iterator[tuple[str, str]]:
    """Pairs of texts (in sorted order) at least 85% alike.

    Comparing every pair grows with the square of the texts in a family; two texts that
    alike share most of their words, so each is compared only with those that share one of
    its two rarest words (rare within the family)."""
    words = {key: set(key.split()) for key in keys}
    counts: dict[str, int] = {}
    for found in words.values():
        for word in found:
            counts[word] = counts.get(word, 0) + 1
    index: dict[str, list[int]] = {}
    rare: list[list[str]] = []
    for position, key in enumerate(keys):
        chosen = sorted(words[key], key=lambda w: (counts[w], w))[:2]
        rare.append(chosen)
        for word in chosen:
            index.setdefault(word, []).append(position)
    # One matcher per second text, given each first text in turn: it indexes its second text
    # once (set_seq1 keeps that index), however many texts it is compared with.
    matchers: dict[int, difflib.SequenceMatcher[str]] = {}
    for position, key in enumerate(keys):
        seen: set[int] = set()
        for word in words[key]:
            for other in index.get(word, ()):
                if other <= position or other in seen:
                    continue
                seen.add(other)
                # real_quick_ratio's bound, from the lengths alone, before any matcher is made.
                shorter, total = min(len(key), len(keys[other])), len(key) + len(keys[other])
                if total and 2.0 * shorter / total < SIMILAR:
                    continue
                matcher = matchers.get(other)
                if matcher is None:
                    matcher = matchers[other] = difflib.SequenceMatcher(
                        None, "", keys[other], autojunk=False)
                matcher.set_seq1(key)
                if matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR:
                    yield key, keys[other]


@rule("spec-years-experience", "warning",
      "asking for a number of years' experience can discriminate indirectly by age")
def years(ctx: Context) -> Iterator[Finding]:
    for role in ctx.site.roles.values():
        for crit in role.person_spec.criteria:
            found = _YEARS.search(crit.text)
            if found:
                yield ctx.criterion(
                    "spec-years-experience", role, crit,
                    f"criterion {crit.id} asks for '{found.group(0)}'",
                    "say what the years stand for, for example 'experience of managing a "
                    "caseload on your own', unless the length itself can be justified",
                    key="text")


@rule("spec-vague", "warning",
      "a criterion with nothing to assess is judged on impressions")
def vague(ctx: Context) -> Iterator[Finding]:
    pattern = phrase_pattern(word_data()["vague"])
    for role in ctx.site.roles.values():
        for crit in role.person_spec.criteria:
            found = pattern.search(crit.text)
            if found and not crit.guidance and len(crit.text.split()) <= 8:
                yield ctx.criterion(
                    "spec-vague", role, crit,
                    f"criterion {crit.id} ('{crit.text.strip()}') gives nothing to assess",
                    "say what it looks like in this job, or add guidance for the panel",
                    key="text")


def _items(section: ListSection) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    for index, item in enumerate(section.items):
        yield ("items", index), item.text, f"item {index + 1}"
    for g, group in enumerate(section.groups):
        for index, item in enumerate(group.items):
            yield ("groups", g, "items", index), item.text, f"{group.heading or g + 1}, " \
                f"item {index + 1}"


@rule("spec-catch-all-duty", "warning",
      "'any other duties' is not an accountability and says nothing a candidate can weigh")
def catch_all(ctx: Context) -> Iterator[Finding]:
    pattern = phrase_pattern(word_data()["catch_all"])
    for role in ctx.site.roles.values():
        for key in ("accountabilities", "key_activities"):
            for path, text, item in _items(getattr(role, key)):
                if pattern.search(text):
                    yield ctx.find("spec-catch-all-duty", "role", role.id, (key, *path),
                                   f"'{text.strip()}' is counted as a duty",
                                   "move it to a note below the list, or leave it out",
                                   organisation=role.organisation.id,
                                   where=f"{key.replace('_', ' ')}, {item}")


@rule("spec-level-not-defined", "error",
      "a level the framework does not define cannot be assessed")
def level_not_defined(ctx: Context) -> Iterator[Finding]:
    for role in ctx.site.roles.values():
        for index, req in enumerate(role.competencies):
            for key in ("entry_level", "level", "exceptional_level"):
                level = getattr(req, key)
                if level is not None and level.not_defined:
                    yield ctx.find("spec-level-not-defined", "role", role.id,
                                   ("competencies", index, key),
                                   f"level {level.key} of '{req.name}' is marked not defined",
                                   "choose a level the framework describes",
                                   organisation=role.organisation.id,
                                   where=f"competency {req.name}")


@rule("spec-scale-mismatch", "error",
      "a weight or gate the scoring scale cannot use is silently ignored on the forms")
def scale_mismatch(ctx: Context) -> Iterator[Finding]:
    for role in ctx.site.roles.values():
        vacancy = ctx.site.open_vacancy(role.id)
        scale = ctx.site.scale_for(role, vacancy)
        for crit in role.person_spec.criteria:
            if crit.weight is None or crit.weight == 1:
                continue
            if not scale.weights:
                yield ctx.criterion("spec-scale-mismatch", role, crit,
                                    f"criterion {crit.id} has weight {crit.weight}, but the scale "
                                    f"'{scale.id}' does not use weights",
                                    "remove the weight, or use a scale with weights",
                                    key="weight")
            elif crit.weight not in scale.weights:
                allowed = ", ".join(map(str, scale.weights))
                yield ctx.criterion("spec-scale-mismatch", role, crit,
                                    f"criterion {crit.id} has weight {crit.weight}; the scale "
                                    f"'{scale.id}' allows {allowed}",
                                    f"use one of {allowed}", key="weight")
        if (scale.score_desirable_only and not scale.essential_gate
                and role.person_spec.essential):
            yield ctx.find("spec-scale-mismatch", "scale", scale.id, ("essential_gate",),
                           f"the scale '{scale.id}' neither scores nor gates essential criteria, "
                           f"so those of '{role.id}' count for nothing",
                           "set essential_gate: true", organisation=role.organisation.id,
                           where=f"scale for {role.title}")
