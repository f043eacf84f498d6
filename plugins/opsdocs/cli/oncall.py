"""What ``opsdocs incident`` and ``opsdocs maintenance`` share: their common flags, reading the
project, and the one way an edit is shown, checked and written.

Exit status: 0 done; 1 the project is invalid (before the edit, or it would be after it:
every problem is printed and nothing is written) or its configuration cannot be read; 2 a
value given cannot be used (one line says which; nothing is written); 130 interrupted at a
question (nothing is written).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from opsdocs.authoring import inputs
from opsdocs.authoring.changes import ChangeSet
from opsdocs.authoring.validation import checked_project
from opsdocs.authoring.yamldoc import YamlEditError
from opsdocs.cli.load import add_folder_flags, project_layout
from opsdocs.cli.mkdocs_config import ConfigError, read_config
from opsdocs.cli.prompts import Prompter, interactive_terminal
from opsdocs.clock import ClockError, build_now
from opsdocs.model import Layout, Project
from opsdocs.problems import format_problems
from opsdocs.render.spec import SiteSpec

DONE, INVALID, BAD_INPUT, INTERRUPTED = 0, 1, 2, 130
"""Exit statuses of the on-call commands."""


def common_flags() -> argparse.ArgumentParser:
    """The flags every on-call command takes (a parent parser)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--project", dest="project_dir", default=".", help="the project (default: .)")
    add_folder_flags(common, configured=True)
    return common


def editing_flags() -> argparse.ArgumentParser:
    """The flags of the commands that edit: ``--yes`` and ``--dry-run``."""
    editing = argparse.ArgumentParser(add_help=False)
    editing.add_argument("--yes", "-y", action="store_true", help="ask nothing: use the flags and templates")
    editing.add_argument("--dry-run", action="store_true", help="print the change as a diff; write nothing")
    return editing


@dataclass
class Actions:
    """The subcommands of one on-call command (``incident``, ``maintenance``), added the one
    way they all are: with the common flags, the editing ones when they edit, the record's
    ``ID`` when they act on one, and their handler run by :func:`run`."""

    command: str
    record: str
    """Where the ``ID`` argument is kept (``incident_id``)."""
    parsers: argparse._SubParsersAction
    common: argparse.ArgumentParser
    editing: argparse.ArgumentParser

    def add(
        self,
        name: str,
        help: str,
        handler: Callable[[argparse.Namespace, Session], int],
        *,
        edits: bool = True,
        on_record: bool = True,
    ) -> argparse.ArgumentParser:
        """Add the subcommand ``name``; its own flags are the caller's to add."""
        parents = [self.common, self.editing] if edits else [self.common]
        parser = self.parsers.add_parser(name, parents=parents, help=help)
        if on_record:
            parser.add_argument(self.record, metavar="ID", help=f"the {self.command}'s id (its file's name)")
        parser.set_defaults(run=run(f"{self.command} {name}", handler))
        return parser

    def add_list_and_preview(
        self,
        list_help: str,
        listing: Callable[[argparse.Namespace, Session], int],
        preview: Callable[[argparse.Namespace, Session], int],
    ) -> None:
        """Add ``list`` and ``preview``, which only read the project."""
        self.add("list", list_help, listing, edits=False, on_record=False)
        parser = self.add(
            "preview", "print what the public status page and API say about it", preview, edits=False
        )
        parser.add_argument(
            "--config", help=f"the public site's MkDocs configuration (default: {PUBLIC_CONFIG})"
        )


def on_call_command(
    subcommands: argparse._SubParsersAction, name: str, help: str, description: str | None, record: str
) -> Actions:
    """Add the on-call command ``name`` to the ``opsdocs`` command line; its subcommands are
    added to what this returns."""
    parser = subcommands.add_parser(name, help=help, description=description)
    parsers = parser.add_subparsers(dest="action", required=True)
    return Actions(name, record, parsers, common_flags(), editing_flags())


def note_flag(parser: argparse.ArgumentParser) -> None:
    """Add ``--internal-note``: context kept for the team, never published."""
    parser.add_argument("--internal-note", help="context for the team; never published")


@dataclass
class Session:
    """One run of an on-call command: the project as it is, ``now``, and whether to ask."""

    name: str
    root: Path
    layout: Layout
    project: Project
    now: datetime
    ask: Prompter

    def at(self, value: str | None, flag: str = "--at") -> datetime | None:
        """A time flag's value in the site's time zone, or None when not given."""
        return inputs.moment(value, self.project.site.zone, self.now, flag) if value else None

    def public_message(self, given: str | None, template: str | None, missing: str = "") -> str:
        """The public message: ``given`` (the ``--message`` flag's), else asked with ``template``
        prefilled, else ``template``. With none of them, an ``InputError`` that says ``missing``
        (which template there is not), or an empty message when ``missing`` is empty."""
        message = self.ask.text(given, "Public message", default=template or "")
        if message is None and missing:
            raise inputs.InputError(f"--message is required: communication.yml has no {missing}")
        return message or ""

    def internal_note(self, given: str | None) -> str:
        """The ``--internal-note`` flag's value, else asked (it may stay empty)."""
        return self.ask.text(given, "Internal note (optional, never published)") or ""

    def local(self, moment: datetime) -> str:
        """``moment`` in the site's time zone, to the minute."""
        return moment.astimezone(self.project.site.zone).isoformat(timespec="minutes")


def run(
    name: str, handler: Callable[[argparse.Namespace, Session], int]
) -> Callable[[argparse.Namespace], int]:
    """The command ``name`` (``incident new``): reads the project, runs ``handler``, and turns
    each kind of failure into its exit status and one message."""

    def command(args: argparse.Namespace) -> int:
        try:
            session = _open(args, name)
            if isinstance(session, int):
                return session
            return handler(args, session)
        except inputs.InputError as exc:
            print(f"opsdocs {name}: {exc}", file=sys.stderr)
            return BAD_INPUT
        except (YamlEditError, OSError) as exc:
            print(f"opsdocs {name}: {exc}", file=sys.stderr)
            return INVALID
        except (KeyboardInterrupt, EOFError):
            print(f"\nopsdocs {name}: interrupted; nothing written", file=sys.stderr)
            return INTERRUPTED

    return command


def _open(args: argparse.Namespace, name: str) -> Session | int:
    root = Path(args.project_dir).resolve()
    try:
        layout = project_layout(args, read_config(root, None), root)
    except ConfigError as exc:
        print(f"opsdocs {name}: {exc}", file=sys.stderr)
        return INVALID
    project, problems = checked_project(root, layout)
    if project is None:
        print(format_problems(problems), file=sys.stderr)
        print(f"opsdocs {name}: the project has errors; fix them first (nothing written)", file=sys.stderr)
        return INVALID
    try:
        now = build_now(zone=project.site.zone)
    except ClockError as exc:
        print(f"opsdocs {name}: {exc}", file=sys.stderr)
        return BAD_INPUT
    ask = Prompter(interactive_terminal(getattr(args, "yes", True)))
    return Session(name, root, layout, project, now.astimezone(project.site.zone), ask)


def finish(session: Session, changes: ChangeSet, args: argparse.Namespace, hint: str = "") -> int:
    """Show, check and (unless ``--dry-run``, or a no at the question) write ``changes``."""
    for note in changes.notes:
        print(f"opsdocs {session.name}: note: {note}", file=sys.stderr)
    problems = changes.problems(session.root, session.layout)
    errors = [p for p in problems if p.level == "error"]
    if args.dry_run or session.ask.interactive:
        print(changes.diff(), end="")
    if errors:
        print(format_problems(problems), file=sys.stderr)
        print(
            f"opsdocs {session.name}: the change would leave the project invalid; nothing written",
            file=sys.stderr,
        )
        return INVALID
    if args.dry_run:
        print(f"opsdocs {session.name}: dry run: the project stays valid; nothing written", file=sys.stderr)
        return DONE
    if not session.ask.confirm("Write this change?"):
        print(f"opsdocs {session.name}: nothing written", file=sys.stderr)
        return DONE
    changes.write(session.root)
    print(changes.summary)
    for change in changes.changes:
        print(f"  {'wrote' if change.before is not None else 'created'} {change.path}")
    if hint:
        print(f"  {hint}")
    return DONE


PUBLIC_CONFIG = "mkdocs.public.yml"
"""The public site's configuration in the layout ``opsdocs`` projects use."""


def preview_spec(session: Session, config: str | None) -> SiteSpec | int:
    """The public site as its configuration describes it (``config``, else the project's
    ``mkdocs.public.yml``, else its ``mkdocs.yml``), for a preview; an exit status when the
    configuration cannot be read."""
    public = session.root / PUBLIC_CONFIG
    path = config or (str(public) if public.is_file() else None)
    try:
        settings = read_config(session.root, path)
        return settings.site_spec(
            public=True,
            language=str(settings.theme.get("language") or ""),
            site_url=str(settings.values.get("site_url") or session.project.site.url),
            pages_dir=session.layout.docs_dir,
        )
    except ConfigError as exc:
        print(f"opsdocs {session.name}: {exc}", file=sys.stderr)
        return INVALID


def show_preview(
    session: Session,
    config: str | None,
    record_id: str,
    preview: Callable[[Project, datetime, SiteSpec, str], str],
) -> int:
    """Print what the public site (see :func:`preview_spec`) says about ``record_id``, as
    ``preview`` writes it; the exit status."""
    spec = preview_spec(session, config)
    if isinstance(spec, int):
        return spec
    sys.stdout.write(preview(session.project, session.now, spec, record_id))
    return DONE
