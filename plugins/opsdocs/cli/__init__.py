"""The ``opsdocs`` command: start a project, validate it, list what is overdue, write the data
files' JSON Schemas, write a site's generated pages into a folder any engine can build, declare,
update and resolve incidents and maintenance, and tell subscribers what was published."""

from __future__ import annotations

import argparse

from opsdocs import __version__
from opsdocs.cli import commands as run
from opsdocs.cli import incident, init, maintenance, validate
from opsdocs.cli.generate import generate as run_generate
from opsdocs.cli.help import polish
from opsdocs.cli.load import add_folder_flags
from opsdocs.cli.notify import register as register_notify
from opsdocs.cli.probe import register as register_probe


def build_parser() -> argparse.ArgumentParser:
    """The command line's arguments."""
    parser = argparse.ArgumentParser(prog="opsdocs", description=__doc__)
    parser.add_argument("--version", action="version", version=f"opsdocs {__version__}")
    subcommands = parser.add_subparsers(dest="command", required=True)
    init.add_parser(subcommands)

    validate.add_parser(subcommands)

    check = subcommands.add_parser(
        "check",
        help="list overdue runbook reviews and postmortem action items; exit 1 if any",
        description="List every runbook review and postmortem action item overdue now, one "
        "`path:line:col: warning: ...` line each. Exit status: 0 nothing overdue, 1 something "
        "overdue, 2 the data or OPSDOCS_NOW cannot be used. Builds never fail on these.",
    )
    check.add_argument("project_dir", nargs="?", default=".", help="the project's folder")
    add_folder_flags(check, configured=False)
    check.set_defaults(run=run.check)

    schema = subcommands.add_parser("schema", help="write the JSON Schema of each kind of data file")
    schema.add_argument("--out", required=True, help="folder to write the schemas into")
    schema.add_argument("--reference", help="also write the fields reference (Markdown) to this file")
    schema.set_defaults(run=run.schema)

    generate = subcommands.add_parser(
        "generate", help="write one site's pages and files into a folder any engine can build"
    )
    generate.add_argument("out_dir", help="folder to write the site into (empty, or with --force)")
    generate.add_argument(
        "--audience", choices=("public", "staff"), default="public", help="customers' site or the team's"
    )
    generate.add_argument("--project", dest="project_dir", default=".", help="the project (default: .)")
    generate.add_argument("--language", help="language of the labels (default: site.yml's language)")
    generate.add_argument(
        "--config", help="the MkDocs configuration whose look to carry over (default: PROJECT/mkdocs.yml)"
    )
    generate.add_argument("--site-url", default="", help="absolute address of the built site")
    generate.add_argument("--force", action="store_true", help="replace what a non-empty OUT_DIR holds")
    add_folder_flags(generate, configured=True)
    generate.set_defaults(run=run_generate)

    incident.add_parser(subcommands)
    maintenance.add_parser(subcommands)
    register_notify(subcommands)
    register_probe(subcommands)
    return polish(parser)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the exit status is 0 on success and 1 when the data has problems
    (``check``: 1 when something is overdue, 2 when the data cannot be read; ``incident`` and
    ``maintenance``: 2 when a value given cannot be used, see ``opsdocs.cli.oncall``; ``init``: 2
    when an answer or the folder cannot be used)."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))
