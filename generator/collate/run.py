"""`roleprint collate` and `roleprint purge` from the command line's values."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.collate.figures import Figures, collate
from generator.collate.filled import CollateError, Filled, NoScaleError
from generator.collate.read_pdf import filled_from_pdf, read_pdf
from generator.collate.read_workbook import filled_from_workbook, workbook_facts
from generator.collate.retention import delete_by, refuse_reason, write_manifest
from generator.core import report
from generator.model import Organisation, Site
from generator.scoring import sheets
from generator.scoring.campaign import Campaign


def files_in(paths: Sequence[Path], skip: Path | None = None) -> list[Path]:
    """The PDFs and workbooks given, and those in the folders given; not a spreadsheet's lock
    file (~$…), a hidden file, or anything in `skip` (what an earlier collate wrote there)."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in (".pdf", ".xlsx")
                            and not p.name.startswith(("~$", "."))
                            and not (skip and p.resolve().is_relative_to(skip.resolve())))
        elif path.is_file():
            found.append(path)
        else:
            raise CollateError(f"{path}: no such file or folder")
    return found


def campaign_for(site: Site, facts: dict[str, object]) -> Campaign:
    """The campaign the sheets were printed for, rebuilt from the content on the scale and
    candidate count they say: it gives the rows, weights and the organisation."""
    from generator.scoring.campaign import campaign

    record, stage = str(facts.get("record")), str(facts.get("stage"))
    vacancy = site.vacancies.get(record)
    role = vacancy.role if vacancy else site.roles.get(record)
    if role is not None and not facts.get("scale"):
        raise NoScaleError(role.organisation.id)
    scale = site.scales.get(str(facts.get("scale")))
    if role is None or scale is None:
        raise CollateError(f"the sheets are for '{record}' on the scale '{facts.get('scale')}', "
                           "which the content folder does not have")
    count = int(str(facts.get("candidates") or sheets.DEFAULT_CANDIDATES))
    return campaign(site, role, vacancy=vacancy, candidates=count, stage_scales={stage: scale})


def sheet_for(settings: Campaign, stage: str) -> sheets.Sheet:
    """The member's sheet of the stage: its rows in the order of the sheet and workbook."""
    if stage == "shortlisting":
        return sheets.shortlisting(settings.role, settings.scale_at(stage), settings.candidates,
                                   settings.weights_at(stage))
    return sheets.interview(settings.role, settings.scale_at(stage), settings.weights_at(stage))


def read_all(site: Site, paths: Sequence[Path], skip: Path | None = None,
             ) -> tuple[Campaign, sheets.Sheet, list[Filled]]:
    """Every file read, all checked to be for one record, stage and scale; members' files
    merged (a member's interview sheets come one a candidate)."""
    found = files_in(paths, skip)
    read: list[tuple[Path, dict[str, object], dict[str, str] | None]] = []
    for path in found:
        if path.suffix == ".pdf":
            facts, fields = read_pdf(path)
            read.append((path, facts, fields))
        else:
            read.append((path, workbook_facts(path), None))
    if not read:
        raise CollateError("no filled PDF or workbook was found")
    first = read[0]
    want = (first[1].get("record"), first[1].get("stage"), first[1].get("scale"))
    for path, facts, _ in read[1:]:
        got = (facts.get("record"), facts.get("stage"), facts.get("scale"))
        if got != want:
            raise CollateError(f"{path}: is the {got[1]} sheet for '{got[0]}' (scale {got[2]}), "
                               f"but {first[0]} is the {want[1]} sheet for '{want[0]}' (scale "
                               f"{want[2]}): collate one vacancy's stage at a time")
    settings = campaign_for(site, first[1])
    sheet = sheet_for(settings, str(first[1]["stage"]))
    members: dict[str, Filled] = {}
    for path, facts, typed in read:
        one = (filled_from_pdf(path, sheet, facts, typed) if typed is not None
               else filled_from_workbook(path, sheet, facts))
        have = members.setdefault(one.member, Filled(path, facts, one.member))
        for key, value in one.values.items():
            if key in have.values and have.values[key] != value:
                raise CollateError(f"{path}: {one.member} scored candidate {key[0]} on {key[1]} "
                                   f"in two files, differently ({have.values[key]}, {value})")
            have.values[key] = value
        have.gates.update(one.gates)
        have.boxes.update(one.boxes)
    return settings, sheet, list(members.values())


def collate_files(site: Site, paths: Sequence[Path], skip: Path | None = None,
                  ) -> tuple[Campaign, Figures]:
    """Read every file and work out the figures; a file that cannot be used is a
    CollateError naming it."""
    settings, sheet, filled = read_all(site, paths, skip)
    figures = collate(sheet, filled)
    figures.facts.update(filled[0].facts)
    return settings, figures


def no_scale(content: Path, organisation: str) -> str:
    """Where the scale is missing (the organisation's file: it names none), what that stops,
    and what to do, without offering a scale of Roleprint's."""
    where = content / "organisations" / f"{organisation}.yaml"
    return (f"{where}:1:1: $.default_scale: the sheets were printed with no scoring scale (the "
            "organisation names none, nor the vacancy), so the scores cannot be checked "
            "against a lowest and highest score and are not collated\n"
            "    hint: if the organisation's own documents give a scale, add it to scales/ and "
            "name it in default_scale (or in the vacancy's scale), then print the sheets again; "
            "if they give none, add up the panel's scores by hand")


def _notice(org: Organisation, months: int | None, deadline: str | None) -> str:
    """What every collated file says about keeping it: the organisation's period and the
    delete-by date, or plainly that no period is set."""
    if months and deadline:
        return (f"Personal data: {org.name} keeps these scores for {months} "
                f"month{'' if months == 1 else 's'}. Delete this file by {deadline} (roleprint "
                "purge does it).")
    unset = (f"{org.name} sets no retention period for its scoring sheets" if org.stated
             else "no retention period is set for these scoring sheets")
    return (f"Personal data: {unset}, so these scores have no delete-by date and roleprint "
            "purge will not delete them; delete them when your organisation's own policy says.")


def run_collate(site: Site, content: Path, paths: Sequence[Path], out: Path, today: str,
                *, feedback: bool = False, pdf: bool = True) -> int:
    from generator.collate.write import write_all

    missing = [p for p in paths if not p.exists()]
    if missing:
        report.fail(f"{missing[0]}: no such file or folder")
        return 2
    reason = refuse_reason(out, content)
    if reason:
        report.fail(f"{reason}.")
        return 2
    try:
        settings, figures = collate_files(site, paths, skip=out)
    except NoScaleError as err:
        report.fail(no_scale(content, err.organisation))
        return 1
    except CollateError as err:
        report.fail(f"{err}")
        return 1
    record = str(figures.facts["record"])
    org = settings.organisation
    months = org.sheet_wording.retention_months
    deadline = delete_by(today, months) if months else None
    notice = _notice(org, months, deadline)
    files = write_all(settings, figures, out, notice, feedback=feedback, pdf=pdf)
    about = f"{figures.facts['stage']} scores for {record}"
    write_manifest(out, files, deadline, about)
    report.say(f"Collated {len(figures.members)} panel members' scores for "
          f"{len(figures.candidates)} candidates ({about}) into {out}; "
          + (f"delete by {deadline}." if deadline else "no retention period is set, so no "
             "delete-by date."))
    return 0
