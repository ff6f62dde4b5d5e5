"""`roleprint edit`: the browser editor beside the live preview, on 127.0.0.1 only; with
`--export DIR`, the editor for a hosted GitHub or GitLab backend instead (`generator.editor`)."""

from __future__ import annotations

from generator.core import report
from generator.core.errors import UsageError
from generator.core.settings import Settings


def run(settings: Settings) -> int:
    if settings.export:
        from generator.editor.export import export

        try:
            files = export(settings.export, settings.backend, settings.repo, settings.branch,
                           settings.content.name, settings.content)
        except ValueError as err:
            raise UsageError(str(err)) from err
        report.say(f"Wrote the editor for {settings.backend} ({len(files)} files) into "
                   f"{settings.export}")
        return 0
    from generator.editor.run import edit

    return edit(settings.content, settings.config, settings.addr, settings.preview_addr,
                site_dir=settings.site_dir)
