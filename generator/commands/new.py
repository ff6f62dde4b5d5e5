"""`roleprint new role`: a commented starting point an HR officer can fill in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator.content.discover import MAX_ID_LENGTH, display_path, id_problem, suggest_id
from generator.core import report
from generator.core.errors import UsageError
from generator.core.settings import Settings

ROLE_SKELETON = """\
# yaml-language-server: $schema=../../schemas/role.schema.json
#
# A new role profile. Lines starting with # are notes and are not published.
# Fill in what you know, remove the # in front of a section to use it, then run
#   make validate
# to check the file. The authoring guide explains every field.

title: {title}
organisation: {organisation}

# service: Children's Services
# team: Supervised Contact Team
# locations:
#   - Darlington
# reports_to:
#   - Service Manager
# grade: Band 9
# salary:
#   text: "£30,000 to £33,000 a year"
#   min: 30000
#   max: 33000
#   period: year
# post_number: "D13002"            # codes always go in quotes
# hours: 37 hours a week
# contract: Permanent
# dates:
#   issued: {month}

# purpose: |
#   One or two paragraphs on why the role exists.

# accountabilities:
#   items:
#     - The first main duty.
#     - The second main duty.

# person_specification:
#   assessed_by: [application, interview]   # as the source says, for all criteria; or: not stated
#   criteria:
#     - id: E1
#       category: Experience
#       text: Experience of working with children in a social care setting.
#       requirement: essential             # essential, desirable or not stated
#     - id: D1
#       category: Qualifications
#       text: A management qualification.
#       requirement: desirable

# pre_employment_checks:
#   dbs: enhanced       # none, basic, standard, enhanced or enhanced-with-barred-list
"""


def run(settings: Settings) -> int:
    month = dt.date.today().isoformat()[:7]
    path = new_role(settings.content, settings.title, settings.organisation or "", month,
                    settings.role_id)
    report.say(f"Wrote {path}. Fill it in, then run: roleprint validate")
    return 0


def free_id(roles: Path, wanted: str, organisation: str) -> str:
    """`wanted`, or an id like it that no role has: the organisation's id in front first (two
    organisations may each have a Senior Support Worker), else a number after it."""
    short = wanted[: MAX_ID_LENGTH - 4].strip("-") or "role"  # room for "-999"
    tries = [wanted, f"{organisation}-{wanted}"] + [f"{short}-{n}" for n in range(2, 1000)]
    return next((t for t in tries
                 if id_problem(t) is None and not (roles / f"{t}.yaml").exists()), "another-id")


def new_role(content_dir: Path, title: str, organisation: str, month: str,
             role_id: str | None = None) -> Path:
    """Write content/roles/<id>.yaml for a new role and return its path. The id (the file's
    name) is `role_id`, or else made from the title.

    Raises UsageError with a message for the person when the role cannot be created.
    """
    organisations = sorted(p.stem for p in (content_dir / "organisations").glob("*.yaml"))
    if organisation not in organisations:
        raise UsageError(f"there is no organisation '{organisation}'; "
                         f"the organisations are: {', '.join(organisations) or 'none yet'}")
    roles = content_dir / "roles"
    wanted = role_id or suggest_id(title)
    if reason := id_problem(wanted):
        given = f"the id '{wanted}'" if role_id else f"the title gives the id '{wanted}', which"
        raise UsageError(f"{given} cannot be used: {reason}. Give the role an id with --id, "
                         f"for example --id {free_id(roles, suggest_id(wanted), organisation)}")
    path = roles / f"{wanted}.yaml"
    if path.exists():
        mine = "" if role_id else " (the id comes from the title)"
        raise UsageError(f"there is already a role with the id '{wanted}'{mine}, in "
                         f"{display_path(path)}. "
                         "To start another role, give it an id of its own with --id, for "
                         f"example --id {free_id(roles, wanted, organisation)} (or edit that "
                         "file if it is the role you meant)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ROLE_SKELETON.format(title=json.dumps(title, ensure_ascii=False),
                                         organisation=organisation, month=month),
                    encoding="utf-8")
    return path
