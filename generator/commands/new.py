"""`roleprint new role`: a commented starting point an HR officer can fill in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator.content.discover import id_problem, suggest_id
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
#   assessed_by: [application, interview]   # how criteria are assessed unless they say otherwise
#   criteria:
#     - id: E1
#       category: Experience
#       text: Experience of working with children in a social care setting.
#       requirement: essential             # essential or desirable
#     - id: D1
#       category: Qualifications
#       text: A management qualification.
#       requirement: desirable

# pre_employment_checks:
#   dbs: enhanced       # none, basic, standard, enhanced or enhanced-with-barred-list
"""


def run(settings: Settings) -> int:
    month = dt.date.today().isoformat()[:7]
    path = new_role(settings.content, settings.title, settings.organisation or "", month)
    report.say(f"Wrote {path}. Fill it in, then run: roleprint validate")
    return 0


def new_role(content_dir: Path, title: str, organisation: str, month: str) -> Path:
    """Write content/roles/<id>.yaml for a new role and return its path.

    Raises UsageError with a message for the person when the role cannot be created.
    """
    role_id = suggest_id(title)
    if reason := id_problem(role_id):
        raise UsageError(f"the title gives the id '{role_id}', which cannot be used: {reason}")
    organisations = sorted(p.stem for p in (content_dir / "organisations").glob("*.yaml"))
    if organisation not in organisations:
        raise UsageError(f"there is no organisation '{organisation}'; "
                         f"the organisations are: {', '.join(organisations) or 'none yet'}")
    path = content_dir / "roles" / f"{role_id}.yaml"
    if path.exists():
        raise UsageError(f"{path} already exists; choose another title or edit that file")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ROLE_SKELETON.format(title=json.dumps(title, ensure_ascii=False),
                                         organisation=organisation, month=month),
                    encoding="utf-8")
    return path
