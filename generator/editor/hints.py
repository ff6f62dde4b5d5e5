"""The help under each of the editor's fields, in plain words for an HR officer.

The schemas' descriptions are written for everyone who edits a file, so they speak of ids, of
values "in quotes" and of Roleprint's commands. The editor shows the same help without them:
a few general rewrites (a picker needs no file name, a switch no `true`), and a plain text of
its own for the descriptions that say more than a rewrite can fix. `tests/editor/test_config.py`
fails on any field whose help still speaks like a programmer.
"""

from __future__ import annotations

import re

# Whole descriptions the editor words differently, by the schema's own text.
PLAIN: dict[str, str] = {
    "draft while the role is being checked (a role made by roleprint import starts as one). "
    "roleprint validate and lint check a draft like any role, and roleprint serve shows it "
    "marked as a draft, but roleprint build and generate leave it out of the site unless given "
    "--drafts. Delete the line, or write published, once the role has been checked.":
        "Draft while the role is being checked (an imported role starts as a draft): the "
        "preview shows it marked as a draft, and the published site leaves it out. Choose "
        "published once the role has been checked.",
    "A flat list of items. Each item is plain text, or a mapping with text, the source's own "
    "number and sub-items.":
        "The items, one per entry: the wording, and the source's own number and sub-items if "
        "it has them.",
    "Points listed underneath the criterion in the source, such as the skills under "
    "\"Excellent interpersonal skills\". Each has the same shape as a duty's item: plain text, "
    "or a mapping with text, number and items of its own.":
        "Points listed underneath the criterion in the source, such as the skills under "
        "\"Excellent interpersonal skills\", each with its wording, and its own number and "
        "points if it has them.",
    "The name of a record, the same as its file name without \".yaml\". Lower-case letters and "
    "digits in words joined by single hyphens, at most 80 characters. Ids are how records refer "
    "to each other and they become web addresses.":
        "Chosen from the list.",
    "A stable id for the criterion, unique in the role, such as E1, D2 or the employer's own "
    "number. It is carried through to the shortlisting and interview sheets, so do not change "
    "it once published. Letters, digits, dots, hyphens and underscores; a whole number is "
    "accepted. Leave it out and the criterion is numbered in order (E1, E2 …, D1 …, N1 …); "
    "adding a criterion at the end keeps the others' numbers.":
        "The criterion's number, such as E1, D2 or the employer's own, different from every "
        "other criterion of the role. It is printed on the shortlisting and interview sheets, "
        "so do not change it once published. Letters, digits, dots, hyphens and underscores. "
        "Leave it empty and the criteria are numbered in order (E1, E2 …, D1 …, N1 …).",
    "A short id for the question, unique in the role and its family, used by a vacancy's "
    "question_plan. Letters, digits, dots, hyphens and underscores.":
        "A short name for the question, different from every other question of the role and "
        "its family, by which a vacancy's question plan chooses it. Letters, digits, dots, "
        "hyphens and underscores.",
    "The ids of the person specification's criteria this question assesses (E1, D2 …). Each "
    "must be assessed by the question's method.":
        "The numbers of the person specification's criteria this question assesses (E1, D2 …). "
        "Each must be assessed by the question's method.",
    "The competencies this question assesses: the competency id from the role's competencies "
    "(or the framework id, for a framework-wide level).":
        "The competencies this question assesses, by the short names the role's competencies "
        "give them (or the framework's, for a framework-wide level).",
    "Headings for the person-specification table's columns: criterion, requirement and "
    "assessed_by.":
        "Headings for the person-specification table's columns: criterion, requirement and "
        "assessed by.",
    "Headings for the main sections: context, purpose, accountabilities, key_activities, "
    "performance_measures, person_specification, competencies, and directorate (the summary's "
    "label for the department). The person-specification table's own headings are under "
    "columns.":
        "Headings for the main sections: context, purpose, accountabilities, key activities, "
        "performance measures, person specification, competencies, and directorate (the "
        "summary's label for the department). The person-specification table's own headings "
        "are under columns.",
    "true: desirable criteria are applied only to a candidate who meets every essential "
    "criterion. The sheets say so (score the desirable criteria only for a candidate who meets "
    "them all), and the workbooks count desirable scores towards the total only for a candidate "
    "whose gate is Y; a candidate who fails the gate gets no total and no rank. Needs the "
    "essential gate (essential_gate: true, the default).":
        "Switch this on to apply desirable criteria only to a candidate who meets every "
        "essential criterion. The sheets say so, and the workbooks count desirable scores "
        "towards the total only for a candidate whose gate is Y; a candidate who fails the gate "
        "gets no total and no rank. Needs the essential gate switched on (as it is unless "
        "switched off).",
    "true if essential criteria are marked met or not met (a candidate must meet all of them to "
    "be shortlisted) rather than only scored. Leave it out for true.":
        "On (the usual) when essential criteria are marked met or not met (a candidate must meet "
        "all of them to be shortlisted) rather than only scored.",
    "true if only desirable criteria get points. Leave it out for false.":
        "Switch this on if only desirable criteria get points.",
    "true for a level that exists in the framework but has no indicators. Leave out the "
    "indicators when it is true.":
        "Switch this on for a level that exists in the framework but has no indicators, and "
        "leave the indicators empty.",
    "The source's own words for a level it leaves undefined, shown instead of \"Not defined\". "
    "Use with not_defined: true.":
        "The source's own words for a level it leaves undefined, shown instead of \"Not "
        "defined\". Use it with \"Not defined\" switched on.",
    "How each panel member's interview sheet sets out the criteria: 'full' (the default) gives "
    "each criterion or competency its own block, with boxes for the question asked, the score "
    "and the evidence; 'grid' gives it one row of a table (the criterion, its score or ✓ / ✗, "
    "and a notes column), as many councils' forms do: a role with many criteria then prints on "
    "a few pages. `roleprint forms --layout` overrides it for one pack.":
        "How each panel member's interview sheet sets out the criteria: 'full' (the default) "
        "gives each criterion or competency its own block, with boxes for the question asked, "
        "the score and the evidence; 'grid' gives it one row of a table (the criterion, its "
        "score or ✓ / ✗, and a notes column), as many councils' forms do: a role with many "
        "criteria then prints on a few pages.",
    "The id used in \"assessed_by\" lists. Use a built-in id to relabel that method, or a new "
    "id to add one.":
        "The method's short name, as the \"Assessed by\" lists know it: lower-case letters and "
        "digits joined by hyphens, such as role-play. Use a built-in method's (such as "
        "interview) to rename that method, or a new one to add a method.",
    "A short id for the question, unique in the form. Roles use it to give their answer.":
        "A short name for the question, different from the form's other questions: lower-case "
        "letters and digits joined by hyphens. Roles use it to give their answer.",
    "A short id for the note, unique in the form. Questions point at it with \"note\".":
        "A short name for the note, different from the form's other notes: lower-case letters "
        "and digits joined by hyphens. Questions point at it with \"Note\".",
    "A short id, unique in the framework. Roles use it to name the competency.":
        "A short name, different from the framework's other competencies: lower-case letters "
        "and digits joined by hyphens. Roles use it to name the competency.",
    "The template of the occupational-health known-risks referral form. Each role answers its "
    "questions under \"known_risks\".":
        "The template of the occupational-health known-risks referral form. Each role answers "
        "its questions under \"Known risks\".",
    "Weights for this campaign, by stage ('shortlisting', 'interview'), then by criterion id or "
    "competency id. They replace the role's weights at that stage; each must be one the stage's "
    "scale allows.":
        "Weights for this campaign, by stage (shortlisting, interview), then by criterion "
        "number or competency. They replace the role's weights at that stage; each must be one "
        "the stage's scale allows.",
    "The phone number, as text so the leading zero is kept. Put it in quotes.":
        "The phone number, with its leading zero.",
    "Criterion or competency id to weight at shortlisting (a competency assessed from the "
    "application).":
        "The criterion's number (E1, D2 …) or the short name of a competency assessed from "
        "the application.",
    "Criterion or competency id to weight at interview and moderation.":
        "The criterion's number (E1, D2 …) or the competency's short name.",
    "The interview questions for this campaign, in the order they are asked, each with the "
    "panel member who asks it. Questions are named by id from the role's (or its family's) "
    "question bank. Without a plan the interview packs use every question in the bank, in its "
    "order, with no one named to ask it. Panel material: never published.":
        "The interview questions for this campaign, in the order they are asked, each with the "
        "panel member who asks it. Questions are named by their short names in the role's (or "
        "its family's) question bank. Without a plan the interview packs use every question in "
        "the bank, in its order, with no one named to ask it. Panel material: never published.",
    "The id of a question in the role's or its family's question bank.":
        "The short name of a question in the role's or its family's question bank.",
    "The id of the question on the organisation's known-risks form.":
        "The short name of the question on the organisation's known-risks form.",
    "The id of the explanatory note that goes with this question, if any.":
        "The short name of the explanatory note that goes with this question, if any.",
    "Guidance printed only on the sheets that use a given scale, after the general guidance: "
    "the scale's id, then the text (Markdown).":
        "Guidance printed only on the sheets that use a given scale, after the general "
        "guidance: the scale, then the text.",
    "Person-specification criteria inherited by every role of the family. A role's own "
    "criterion with the same id replaces the inherited one.":
        "Person-specification criteria inherited by every role of the family. A role's own "
        "criterion with the same number replaces the inherited one.",
    "Interview questions for every role in the family (a role's own question with the same id "
    "replaces it). Panel material: never published.":
        "Interview questions for every role in the family (a role's own question with the same "
        "short name replaces it). Panel material: never published.",
}

# General rewrites, in order, for what many descriptions say the same way.
_REWRITES: tuple[tuple[str, str], ...] = (
    (r" \(a file in content/[a-z]+/\)", ""),
    # A collection's description says where its files are kept: the editor keeps them itself.
    (r" One file per [a-z ]+ in content/[a-z]+/\.", ""),
    (r" Kept in content/[a-z]+\.yaml\.", ""),
    (r'Roles point at it with "use"', 'Roles pick it as a "Shared criterion"'),
    (r"^The id of the ", "The "),
    (r"^The id of an? ", "A "),
    (r", as a list of assessment method ids", ""),
    (r" Put it in quotes\.", ""),  # before the next, which would leave "Put it."
    (r",? (?:and )?in quotes", ""),
    (r"\bvalidate warns\b", "Roleprint warns"),
    (r"^true (when|if|for)\b", r"Switch this on \1"),
    (r"\bLeave it out\b", "Leave it empty"),
    # A date that may be only a month, or not stated, is typed (a calendar cannot hold those).
    (r"Write not stated when the form leaves it blank\.",
     'Write the date as year, month and day, such as 2025-01-15, or as year and month, such '
     'as 2025-01; write "not stated" when the form leaves it blank.'),
)


def plain(text: str, widget: str) -> str:
    """The help the editor shows under a field of this widget for a schema description."""
    if text in PLAIN:
        return PLAIN[text]
    for pattern, replacement in _REWRITES:
        text = re.sub(pattern, replacement, text)
    chosen = "Choose" if widget in ("select", "relation") else "Write"
    return re.sub(r"\bWrite not stated\b", f'{chosen} "not stated"', text)
