"""An imported role published before its review is done: points not ticked, text not placed.

`roleprint import` writes what a person must check into the role's `import_review`, each point
with a Done box (issue 27). While the role is a draft that is work in hand; once it is not, a
point left open may mean the published role lacks what the source said. The findings give the
point's place in the review, never its words: the site's content-health page lists findings,
and the review is never published.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.lint.context import Context, Finding
from generator.lint.registry import rule

# How the importer before issue 27 began its note of text to place, in `internal_notes`.
OLD_NOTE = "To place: the importer could not tell where these go."
ASK = ("if you cannot tell, ask whoever wrote the source, and set the role's status back to "
       "draft until then")


@rule("import-left-to-place", "warning",
      "text from an imported source that was never placed may be missing from the published role")
def left_to_place(ctx: Context) -> Iterator[Finding]:
    for rid, role in sorted(ctx.site.roles.items()):
        if role.draft:
            continue
        org = role.organisation.id
        for index in role.review.open_to_place:
            yield ctx.find("import-left-to-place", "role", rid,
                           ("import_review", "to_place", index),
                           f"piece {index + 1} of the text to place from the imported source is "
                           "not ticked done, and the role is no longer a draft",
                           "copy the text into the field it belongs to, or decide the role does "
                           f"not need it, then tick it done; {ASK}",
                           organisation=org, where=f"text to place {index + 1}")
        if (role.internal_notes or "").startswith(OLD_NOTE):
            yield ctx.find("import-left-to-place", "role", rid, ("internal_notes",),
                           "the internal notes still hold the importer's text to place, and "
                           "the role is no longer a draft",
                           "copy each piece into the field it belongs to, or decide the role "
                           f"does not need it, then delete the note; {ASK}",
                           organisation=org, where="internal notes")


@rule("import-not-checked", "warning",
      "a point the importer was unsure of, never checked, may be wrong in the published role")
def not_checked(ctx: Context) -> Iterator[Finding]:
    for rid, role in sorted(ctx.site.roles.items()):
        if role.draft:
            continue
        for index in role.review.open_looks:
            yield ctx.find("import-not-checked", "role", rid,
                           ("import_review", "needs_a_look", index),
                           f"point {index + 1} needing a person's eye in the import review is "
                           "not ticked done, and the role is no longer a draft",
                           "check the point against the source and put the role right, then "
                           f"tick it done; {ASK}",
                           organisation=role.organisation.id, where=f"point {index + 1}")
