"""`roleprint forms ROLE_OR_VACANCY_ID --out DIR`: one campaign's pack, forms and workbooks."""

from __future__ import annotations

from dataclasses import replace

from generator.build import load_site
from generator.core import report
from generator.core.settings import Settings
from generator.output.publish import locked
from generator.render.pack import write_pack
from generator.scoring.campaign import for_record, layout_notes, left_out
from generator.scoring.options import understood


def run(settings: Settings) -> int:
    assert settings.record is not None and settings.out is not None  # the command line's
    site = load_site(replace(settings, drafts=True))  # a draft role's pack can be made
    settings_for = for_record(site, settings.record, candidates=settings.candidates,
                              panel=settings.panel, scale_id=settings.scale,
                              per_candidate=settings.per_candidate, layout=settings.layout)
    out = settings.out.resolve()
    try:
        out.mkdir(parents=True, exist_ok=True)
        # The forms are written into the folder as they are made (it may hold other files), so
        # two commands writing there at once would mix their forms: one waits for the other.
        with locked(out.parent):
            written = write_pack(settings_for, out, pdf=settings.pdf)
    except OSError as err:
        where = f" ({err.filename})" if err.filename else ""
        report.fail(f"could not write the forms into {out}: {err.strerror}{where}.")
        return 1
    if settings.panel:
        report.say(understood(settings.panel))
    for note in left_out(settings_for) + layout_notes(settings_for):
        report.say(note)
    report.say(f"Wrote {len(written)} files into {settings.out}.")
    return 0
