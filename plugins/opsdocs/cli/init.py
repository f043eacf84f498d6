"""``opsdocs init [DIR]``: a new, complete, valid project for a team's own product.

Questions at a terminal, flags otherwise (``--yes``, a standard input that is not a terminal,
or ``CI=true``: no questions, defaults for what no flag gives). Everything is checked and
rendered before anything is written; the files are written into a folder beside the target
and moved into place, so a failure leaves the target as it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from opsdocs.cli.init_answers import (
    Answers,
    InitError,
    RawAnswers,
    answers_from,
    check_given,
    languages,
    severity_presets,
)
from opsdocs.cli.scaffold import render_project
from opsdocs.clock import ClockError, build_now

BAD_INPUT = 2
"""Exit status for an answer, a folder or a clock ``init`` cannot use; nothing is written."""


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """The ``init`` subcommand's arguments."""
    parser = subcommands.add_parser(
        "init",
        help="write a new project: configurations, data files, a runbook, a help article, a workflow",
        description="Write a new opsdocs project into DIR (default: the current folder). At a "
        "terminal it asks for each value no flag gives; with --yes, without a terminal, or "
        "with CI=true it asks nothing and uses the defaults. Exit status 2, with nothing "
        "written, when a value or the folder cannot be used.",
    )
    parser.add_argument("project_dir", nargs="?", default=".", metavar="DIR", help="the new project's folder")
    parser.add_argument("--product", help="product name (default: My product)")
    parser.add_argument("--organisation", "--organization", help="organisation that runs it")
    parser.add_argument("--language", help=f"language of the sites: {', '.join(languages())} (default: en)")
    parser.add_argument("--timezone", help="IANA time zone, e.g. Europe/Madrid (default: UTC)")
    parser.add_argument("--url", help="address of the public site (default: https://status.example.com/)")
    parser.add_argument(
        "--component",
        action="append",
        dest="components",
        metavar="[GROUP/]ID[=NAME]",
        help="a component of the status page; repeat it, or separate several with commas",
    )
    parser.add_argument(
        "--group",
        action="append",
        dest="groups",
        metavar="ID=NAME",
        help="the name of a group the components name; repeat it, or separate with commas",
    )
    parser.add_argument(
        "--severities", help=f"severities to start from: {', '.join(severity_presets())} (default: standard)"
    )
    parser.add_argument(
        "--status-site",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also write mkdocs.status.yml, the status page as a site of its own (default: no)",
    )
    parser.add_argument("-y", "--yes", action="store_true", help="ask nothing; use the defaults")
    parser.add_argument("--force", action="store_true", help="write into a non-empty DIR, replacing files")
    parser.set_defaults(run=init)


def interactive(args: argparse.Namespace) -> bool:
    """Whether to ask: at a terminal (input and output), unless ``--yes`` or ``CI=true``."""
    if args.yes or os.environ.get("CI", "").lower() == "true":
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


def init(args: argparse.Namespace) -> int:
    """Write the new project; 0 on success, 2 (nothing written) on a value or folder that
    cannot be used, 1 when the questions were stopped."""
    target = Path(args.project_dir)
    raw = RawAnswers(
        product=args.product,
        organisation=args.organisation,
        language=args.language,
        timezone=args.timezone,
        url=args.url,
        components=args.components,
        groups=args.groups,
        severities=args.severities,
        status_site=args.status_site,
    )
    try:
        if interactive(args):
            # The folder and the flags first: no questions for a project that cannot be written.
            existing_files(target, None, args.force)
            check_given(raw)
            from opsdocs.cli.init_prompts import Cancelled, ask_missing

            try:
                raw = ask_missing(raw)
            except Cancelled:
                print("opsdocs init: stopped; nothing written", file=sys.stderr)
                return 1
        answers = answers_from(raw)
        files = render_project(answers, build_now())
        replaced = existing_files(target, files, args.force)
    except (InitError, ClockError) as exc:
        print(f"opsdocs init: {exc}", file=sys.stderr)
        return BAD_INPUT
    try:
        write_atomically(target, files)
    except OSError as exc:
        print(f"opsdocs init: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return BAD_INPUT
    print(summary(target, answers, len(files), replaced))
    return 0


def existing_files(target: Path, files: dict[str, bytes] | None, force: bool) -> list[str]:
    """The project's files ``target`` already holds (all of ``files``, or none known yet);
    an ``InitError`` when ``target`` cannot take the project."""
    if target.exists() and not target.is_dir():
        raise InitError(f"{target} exists and is not a folder")
    held = sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) if target.is_dir() else []
    for rel in files or ():
        # A file where the project needs a folder, or a folder where it needs a file.
        blocked = next((p for p in Path(rel).parents if (target / p).is_file()), None)
        if blocked is not None or (target / rel).is_dir():
            raise InitError(f"{target / (blocked or rel)} is in the way of the project's {rel}")
    clashes = [rel for rel in held if files is not None and rel in files]
    if not held or force:
        return clashes
    if clashes:
        shown = ", ".join(clashes[:5]) + (f" and {len(clashes) - 5} more" if len(clashes) > 5 else "")
        raise InitError(f"{target} already has {shown}; pass --force to replace them")
    raise InitError(f"{target} is not empty; pass --force to write the project into it")


def write_atomically(target: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` under ``target``: into a new folder beside it first, then moved into
    place (the whole folder when ``target`` does not exist yet, else file by file)."""
    parent = target.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.absolute().name}.opsdocs-init-", dir=parent))
    except OSError:
        # A folder whose parent is not ours to write (/srv/ops): stage inside it instead.
        target.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".opsdocs-init-", dir=target))
    mask = os.umask(0)
    os.umask(mask)
    staging.chmod(0o777 & ~mask)  # mkdtemp's folder is private; the project's is not
    try:
        for rel, content in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        if not target.exists():
            staging.rename(target)
            return
        for rel in files:
            destination = target / rel
            destination.parent.mkdir(parents=True, exist_ok=True)
            (staging / rel).replace(destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def summary(target: Path, answers: Answers, count: int, replaced: list[str]) -> str:
    """What was written and what to do next."""
    configs = "mkdocs.yml mkdocs.public.yml" + (" mkdocs.status.yml" if answers.status_site else "")
    lines = [
        f"{target}: wrote {count} files for {answers.product} ({answers.language}, {answers.timezone})"
        + (f", replacing {len(replaced)}" if replaced else ""),
        "Next:",
        f"  cd {target}",
        "  opsdocs validate",
        *(f"  mkdocs build --strict -f {config}" for config in configs.split()),
        "  mkdocs serve -f mkdocs.yml     # the staff site on http://127.0.0.1:8000",
        "Then read README.md: what to edit for a component, an incident, a runbook, a help article.",
    ]
    return "\n".join(lines)
