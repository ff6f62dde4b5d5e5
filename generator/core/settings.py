"""Every option a command takes, in one object: what `generator.cli` makes of the command line,
and what the commands, the build and the tests are given. Nothing below the command line sees
`argparse`.

Each field says what it is for and which commands read it; a command ignores the others.
`Settings()` gives the defaults, so a test builds the site with `Settings(pdf=False)`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    command: str = "build"
    """The subcommand: build, generate, serve, forms, validate, lint, new, import, edit, format,
    collate or purge."""

    content: Path = Path("content")
    """The content folder: one record per YAML file (every command but purge)."""

    # ---- building the site (build, generate, serve) ----
    config: Path = Path("mkdocs.yml")
    """The site engine's settings (build, serve, edit)."""
    site_dir: Path = Path("site")
    """Where `build`, and the editor's Publish site button (edit), publish the site."""
    out: Path | None = None
    """Where `generate` writes the staging tree, `forms` the pack and `collate` the figures."""
    pdf: bool = True
    """Make the PDFs and the Word and Excel downloads (off: --no-pdf, and always for serve)."""
    drafts: bool = False
    """Publish draft roles too, marked as drafts (--drafts); never for the live site."""
    timings: Path | None = None
    """Write the seconds spent in each stage to this file (JSON), for the benchmark."""
    dev_addr: str = "127.0.0.1:8000"
    """The live preview's address (serve)."""

    # ---- one campaign's pack (forms) ----
    record: str | None = None
    """The role or vacancy id."""
    candidates: int | None = None
    """How many candidate columns and codes (default: the vacancy's, else 6)."""
    panel: tuple[str, ...] = ()
    """The panel members' names, or as many empty names as unnamed members."""
    scale: tuple[str, ...] = ()
    """Scale ids: `ID` for every stage, `STAGE=ID` for one."""
    per_candidate: bool = False
    """An interview sheet per candidate code (and panel member)."""
    layout: str | None = None
    """The interview sheet's layout, grid or full, over the organisation's."""

    # ---- checking (validate, lint, format) ----
    format: str = "text"
    """The report's format: text, json (validate, lint) or sarif (lint)."""
    strict: bool = False
    """Lint warnings fail too."""
    lint_config: Path | None = None
    """Lint's settings file (default: roleprint-lint.yaml beside the content folder)."""
    today: dt.date | None = None
    """Check review and closing dates as on this day (lint; default: today)."""
    rules: bool = False
    """List the lint rules and stop."""
    output: Path | None = None
    """Write lint's report to this file."""
    check: bool = False
    """format: change nothing, exit 1 if any file would change."""

    # ---- new records and imports (new, import) ----
    kind: str = "role"
    """The kind of record `new` starts."""
    title: str = ""
    """The new role's title."""
    role_id: str | None = None
    """The new role's id, which names its file (new; default: made from the title)."""
    organisation: str | None = None
    """The organisation id new and imported roles belong to."""
    paths: tuple[Path, ...] = ()
    """The files or folders to import or collate."""
    family: str | None = None
    """The role family imported drafts belong to."""
    report: Path | None = None
    """Write what the importer found, where and how sure, to this file (JSON)."""

    # ---- the browser editor (edit) ----
    addr: str = "127.0.0.1:8080"
    """The editor's address."""
    preview_addr: str = "127.0.0.1:8000"
    """The live preview's address beside the editor."""
    export: Path | None = None
    """Instead of serving, write the editor for a hosted backend into this folder."""
    backend: str = "github"
    """The hosted backend: github or gitlab (with export)."""
    repo: str = ""
    """The repository, OWNER/NAME (with export)."""
    branch: str = "main"
    """The branch to publish (with export)."""

    # ---- a panel's scores (collate, purge) ----
    feedback: bool = False
    """Also a feedback summary for each candidate (collate)."""
    folder: Path | None = None
    """The folder of collated scores to purge."""
    dry_run: bool = False
    """purge: say what would go, delete nothing."""

