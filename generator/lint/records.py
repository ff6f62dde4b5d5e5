"""Checks across records: two organisations a reader cannot tell apart, and a scale whose
weights nothing uses."""

from __future__ import annotations

from collections.abc import Iterator

from generator.lint.context import Context, Finding
from generator.lint.registry import rule
from generator.model import Role, Site


def _folded(name: str) -> str:
    """A name as a reader compares it: case, spacing and punctuation ignored."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in name.casefold()).split())


@rule("records-same-name", "warning",
      "two organisations with one name cannot be told apart on the site, its menus or its forms")
def same_name(ctx: Context) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for org_id, org in sorted(ctx.site.organisations.items()):
        key = _folded(org.name)
        if key in first:
            yield ctx.find("records-same-name", "organisation", org_id, ("name",),
                           f"the organisation '{org_id}' has the same name as "
                           f"'{first[key]}': {org.name}",
                           "if they are one employer, keep one record and point its roles at "
                           "it; if two, give each the name it uses (a place, or its full name)",
                           organisation=org_id, where="name")
        else:
            first[key] = org_id


def _scales_of(site: Site, role: Role) -> set[str]:
    """The scales the role's sheets may be scored on: its organisation's, and its vacancies'."""
    org = role.organisation
    found = {org.default_scale, *(sid for _, sid in org.stage_scales)}
    for vacancy in site.vacancies_of(role.id):
        found.add(vacancy.scale.id)
        found.update(scale.id for _, scale in vacancy.stage_scales)
    return {sid for sid in found if sid}  # none where no scale is named (NO_SCALE's "")


def _weighted(site: Site, role: Role) -> bool:
    """Whether anything the role is scored on carries a weight (the role's or a vacancy's)."""
    return (any(c.weight is not None for c in role.person_spec.criteria)
            or any(r.weight is not None for r in role.competencies)
            or any(v.weights for v in site.vacancies_of(role.id)))


@rule("spec-unused-weights", "info",
      "a scale's weights that no criterion carries are never applied: every row counts once")
def unused_weights(ctx: Context) -> Iterator[Finding]:
    used: dict[str, bool] = {}  # scale id -> whether a role scored on it carries a weight
    for role in ctx.site.roles.values():
        weighted = _weighted(ctx.site, role)
        for sid in _scales_of(ctx.site, role):
            used[sid] = used.get(sid, False) or weighted
    for sid, weighted in sorted(used.items()):
        scale = ctx.site.scales.get(sid)
        if scale is None or not scale.weights or weighted:
            continue
        yield ctx.find("spec-unused-weights", "scale", sid, ("weights",),
                       f"the scale '{sid}' allows the weights "
                       + ", ".join(map(str, scale.weights))
                       + ", but no criterion or competency scored on it carries one",
                       "where the source weights criteria, copy each weight onto its criterion; "
                       "if it weights none, the scale's weights can go",
                       where="weights")
