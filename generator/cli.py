"""The `roleprint` command: the command line → `Settings` → one command → an exit status.

This is the only module that knows about `argparse`, and the one place where an error becomes a
message and an exit status: 0 done, 1 problems in the content (or the build failed), 2 the
command was misused. Each subcommand is a module of `generator.commands` with `run(settings)`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
from collections.abc import Sequence
from pathlib import Path

from generator.core import lifeline, report
from generator.core.errors import ContentError, RoleprintError, UsageError
from generator.core.settings import Settings

DEFAULT_CONTENT = Path("content")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roleprint",
        description="Role profiles, person specifications and recruitment forms from YAML.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--content", type=Path, default=DEFAULT_CONTENT, metavar="DIR",
                         help="the content folder (default: content)")
        return sub

    validate = command("validate", "Check every content file and list every problem.")
    validate.add_argument("--format", choices=("text", "json"), default="text")

    lint = command("lint", "Check the content is good, not only well formed: fair person "
                           "specifications, clear adverts, current profiles.")
    lint.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    lint.add_argument("--strict", action="store_true", help="warnings fail too (exit status 1)")
    lint.add_argument("--config", type=Path, metavar="FILE", dest="lint_config",
                      help="the settings (default: roleprint-lint.yaml beside the content folder)")
    lint.add_argument("--today", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                      help="check review and closing dates as on this day (default: today)")
    lint.add_argument("--rules", action="store_true", help="list the rules and stop")
    lint.add_argument("--output", type=Path, metavar="FILE", help="write the report to FILE")

    generate = command("generate", "Write the site's Markdown and assets into a folder.")
    generate.add_argument("--out", type=Path, required=True, metavar="DIR")
    generate.add_argument("--no-pdf", action="store_true", help="skip PDF forms")
    generate.add_argument("--drafts", action="store_true",
                          help="include draft roles (status: draft), marked as drafts")
    generate.add_argument("--timings", type=Path, metavar="FILE",
                          help="write the seconds spent in each stage to FILE (JSON)")

    build = command("build", "Validate, generate and build the site into site/.")
    build.add_argument("--site-dir", type=Path, default=Settings.site_dir, metavar="DIR",
                       help="where the site is published (default: site)")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE")
    build.add_argument("--no-pdf", action="store_true", help="skip PDFs for a quick preview")
    build.add_argument("--drafts", action="store_true",
                       help="include draft roles (status: draft), marked as drafts, to check "
                       "them; never for the live site")
    build.add_argument("--timings", type=Path, metavar="FILE",
                       help="write the seconds spent in each stage to FILE (JSON)")

    serve = command("serve", "Preview the site, rebuilding when a content file changes.")
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")
    serve.add_argument("--no-pdf", action="store_true", default=True, help=argparse.SUPPRESS)

    new = command("new", "Start a new record from a commented template.")
    new.add_argument("kind", choices=("role",))
    new.add_argument("title")
    new.add_argument("--organisation", required=True, metavar="ID")
    new.add_argument("--id", dest="role_id", metavar="ID",
                     help="the new role's id, which names its file (default: made from the "
                     "title)")

    importer = command("import", "Bring job descriptions in from Word, PDF, text or Markdown "
                       "as draft roles.")
    importer.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_FOLDER")
    importer.add_argument("--organisation", required=True, metavar="ID")
    importer.add_argument("--family", metavar="ID", help="the role family the drafts belong to")
    importer.add_argument("--report", type=Path, metavar="FILE",
                          help="write what was found, where and how sure, to FILE (JSON)")

    edit = command("edit", "Edit records in the browser, beside the live preview (127.0.0.1).")
    edit.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE")
    edit.add_argument("--addr", default="127.0.0.1:8080", metavar="127.0.0.1:PORT",
                      help="the editor's address (default: 127.0.0.1:8080)")
    edit.add_argument("--preview-addr", default="127.0.0.1:8000", metavar="127.0.0.1:PORT",
                      help="the live preview's address (default: 127.0.0.1:8000)")
    edit.add_argument("--site-dir", type=Path, default=Settings.site_dir, metavar="DIR",
                      help="where the editor's Publish site button publishes the site, as "
                      "roleprint build does (default: site)")
    edit.add_argument("--export", type=Path, metavar="DIR",
                      help="instead, write the editor for a GitHub or GitLab backend into DIR")
    edit.add_argument("--backend", choices=("github", "gitlab"), default="github")
    edit.add_argument("--repo", metavar="OWNER/NAME", help="the repository (with --export)")
    edit.add_argument("--branch", default="main", help="the branch to publish (with --export)")

    fmt = command("format", "Give every record the one layout the editor saves in.")
    fmt.add_argument("--check", action="store_true",
                     help="change nothing; exit 1 if any file would change")

    forms = command("forms", "Write the recruitment forms for one role or vacancy.")
    # The id may come before or after the options: after `--panel A B`, a last word with no
    # other id given is the id (see generator.scoring.options.record_and_panel).
    forms.add_argument("record", metavar="ROLE_OR_VACANCY_ID", nargs="?")
    forms.add_argument("--candidates", type=int, metavar="N")
    forms.add_argument("--panel", nargs="+", action="append", default=[], metavar="NAME",
                       help="a number of panel members (--panel 3), or a member's name (one "
                            "interview sheet each): --panel \"Jo Smith\" --panel \"Amir "
                            "Khan\", or --panel \"Jo Smith, Amir Khan\"")
    forms.add_argument("--scale", action="append", default=[], metavar="[STAGE=]ID",
                       help="scoring scale for every stage, or for one stage "
                            "(shortlisting=ID, interview=ID); may be given more than once")
    forms.add_argument("--per-candidate", action="store_true",
                       help="an interview sheet for each candidate code (and panel member)")
    forms.add_argument("--layout", choices=("grid", "full"),
                       help="the interview sheet's layout: grid (a table row for each "
                            "criterion) or full (a block for each); the organisation's "
                            "scoring_sheets.interview_layout otherwise")
    forms.add_argument("--out", type=Path, required=True, metavar="DIR")
    forms.add_argument("--no-pdf", action="store_true")
    collate = command("collate", "Add up the panel's filled scoring sheets (PDFs or "
                      "workbooks) for moderation.")
    collate.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_FOLDER")
    collate.add_argument("--out", type=Path, required=True, metavar="DIR",
                         help="where the figures go: outside the repository, or a folder git "
                              "ignores")
    collate.add_argument("--feedback", action="store_true",
                         help="also a feedback summary for each candidate")
    collate.add_argument("--no-pdf", action="store_true")

    purge = command("purge", "Delete collated scores that are past the date they must be "
                    "deleted by.")
    purge.add_argument("folder", type=Path, metavar="DIR")
    purge.add_argument("--dry-run", action="store_true", help="say what would go; delete nothing")
    return parser


# The module of each subcommand, in generator.commands.
COMMANDS = {"validate": "validate", "lint": "lint", "generate": "generate", "build": "build",
            "serve": "serve", "new": "new", "import": "imports", "edit": "edit",
            "format": "format", "forms": "forms", "collate": "collate", "purge": "purge"}
NO_CONTENT = {"purge"}  # commands that read no content folder


def settings_from(args: argparse.Namespace) -> Settings:
    """The command line's values as `Settings`; what argparse cannot check alone (the forms'
    id among the panel's names, `--panel 3`) is worked out here too."""
    values = dict(vars(args))
    values["pdf"] = not values.pop("no_pdf", False)
    if args.command == "forms":
        from generator.scoring.options import record_and_panel

        values["record"], values["panel"] = record_and_panel(args.record, args.panel)
        values["scale"] = tuple(args.scale)
    if "paths" in values:
        values["paths"] = tuple(values["paths"])
    if args.command == "serve":
        values["pdf"] = False
    if args.command == "edit":
        values["repo"] = values.get("repo") or ""
    return Settings(**values)


def run(argv: Sequence[str] | None = None) -> int:
    """Run one command; tests call this directly."""
    args = _parser().parse_args(argv)
    try:
        settings = settings_from(args)
        if settings.command not in NO_CONTENT and not settings.content.is_dir():
            raise UsageError(f"the content folder '{settings.content}' does not exist")
        # Imported only now: validate should not pay for MkDocs, nor lint for WeasyPrint.
        command = importlib.import_module(f"generator.commands.{COMMANDS[settings.command]}")
        return int(command.run(settings))
    except ContentError as err:
        report.problems(err.problems, err.files)
        report.warn("Nothing was written: fix the problems above and run the command again.")
        return err.exit_status
    except RoleprintError as err:
        report.fail(str(err))
        return err.exit_status


def main() -> int:
    lifeline.adopt()  # a child of `roleprint edit` ends with it
    try:
        return run()
    except KeyboardInterrupt:
        return 130
