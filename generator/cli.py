"""The `roleprint` command: parse arguments, call one function, return an exit status.

Exit status: 0 done, 1 problems in the content (or the build failed), 2 the command was misused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.core import lifeline
from generator.core.problems import report_json, report_text

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
    lint.add_argument("--config", type=Path, metavar="FILE",
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
    build.add_argument("--site-dir", type=Path, default=Path("site"), metavar="DIR")
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


def run(argv: Sequence[str] | None = None) -> int:
    """Run one command; tests call this directly."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.content.is_dir() and args.command != "purge":  # purge reads no content
        print(f"roleprint: the content folder '{args.content}' does not exist", file=sys.stderr)
        return 2
    if args.command == "new":
        return _new(args)
    if args.command == "validate":
        return _validate(args)
    if args.command == "lint":
        from generator.commands.lint import run_lint

        return run_lint(args)
    if args.command == "import":
        from generator.importer.command import run as run_import

        return run_import(args.paths, args.organisation, args.content, args.family, args.report)
    if args.command in ("collate", "purge"):
        return _collate(args)
    if args.command in ("edit", "format"):
        return _editor(args)
    from generator.commands import build as commands  # imported late: validate need not load MkDocs

    return int(commands.run(args))


def _validate(args: argparse.Namespace) -> int:
    from generator.content.validate import validate

    problems, files = validate(args.content)
    report = report_json if args.format == "json" else report_text
    print(report(problems, files))
    return 1 if any(p.blocking for p in problems) else 0  # warnings alone: exit 0


def _collate(args: argparse.Namespace) -> int:
    from generator.core.clock import today

    if args.command == "purge":
        from generator.collate.retention import purge

        if not args.folder.is_dir():
            print(f"roleprint: the folder '{args.folder}' does not exist", file=sys.stderr)
            return 2
        said = purge(args.folder, today(), dry_run=args.dry_run)
        print("\n".join(said) if said else f"Nothing in {args.folder} is past its delete-by date.")
        return 0
    from generator.collate.run import run_collate
    from generator.commands.build import load_or_report

    site = load_or_report(args.content)
    if site is None:
        return 1
    return run_collate(site, args.content, args.paths, args.out, today(),
                       feedback=args.feedback, pdf=not args.no_pdf)


def _editor(args: argparse.Namespace) -> int:
    if args.command == "edit" and args.export:
        from generator.editor.export import export

        try:
            files = export(args.export, args.backend, args.repo or "", args.branch,
                           args.content.name)
        except ValueError as err:
            print(f"roleprint: {err}", file=sys.stderr)
            return 2
        print(f"Wrote the editor for {args.backend} ({len(files)} files) into {args.export}")
        return 0
    if args.command == "edit":
        from generator.editor.run import edit

        return edit(args.content, args.config, args.addr, args.preview_addr)
    from generator.editor.format import format_content

    changed, problems = format_content(args.content, check=args.check)
    for problem in problems:
        print(problem.format())
    verb = "would change" if args.check else "formatted"
    for name, line in changed:
        print(f"{name}:{line}:1: {verb}: not laid out as the editor saves (first from this line)")
    count = f"{len(changed)} file{'' if len(changed) == 1 else 's'}"
    if args.check and changed:
        # What a CI log shows after a save from the hosted editor, which Roleprint cannot format.
        print(f"{count} would change. Run `make format` (or `.venv/bin/roleprint format`) and "
              "commit the result: it changes only the layout, never a value.")
        return 1
    print(f"{count} {verb}.")
    return 1 if problems else 0


def _new(args: argparse.Namespace) -> int:
    from generator.commands.new_role import new_role

    try:
        month = dt.date.today().isoformat()[:7]
        path = new_role(args.content, args.title, args.organisation, month)
    except ValueError as err:
        print(f"roleprint: {err}", file=sys.stderr)
        return 2
    print(f"Wrote {path}. Fill it in, then run: roleprint validate")
    return 0


def main() -> int:
    lifeline.adopt()  # a child of `roleprint edit` ends with it
    try:
        return run()
    except KeyboardInterrupt:
        return 130
