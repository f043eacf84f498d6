"""The ``opsdocs`` command: validate a project, write the data files' JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from opsdocs.model import Layout, read_project
from opsdocs.model.reference import data_reference
from opsdocs.model.schema import write_schemas
from opsdocs.problems import ProjectInvalid, format_problems


def _validate(args: argparse.Namespace) -> int:
    layout = Layout(data_dir=args.data_dir, runbooks_dir=args.runbooks_dir, docs_dir=args.docs_dir)
    try:
        project = read_project(Path(args.project_dir), layout)
    except ProjectInvalid as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return 1
    for warning in project.warnings:
        print(warning, file=sys.stderr)
    counts = (
        f"{len(project.incidents)} incidents, {len(project.maintenance)} maintenance windows, "
        f"{len(project.runbooks)} runbooks, {len(project.components.all_components())} components"
    )
    print(f"{args.project_dir}: valid ({counts})")
    return 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.out)):
        print(path)
    if args.reference:
        target = Path(args.reference)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(data_reference(), encoding="utf-8")
        print(target)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command line's arguments."""
    parser = argparse.ArgumentParser(prog="opsdocs", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every data file, runbook and page")
    validate.add_argument("project_dir", nargs="?", default=".")
    validate.add_argument("--data-dir", default="data")
    validate.add_argument("--runbooks-dir", default="runbooks")
    validate.add_argument("--docs-dir", default="docs")
    validate.set_defaults(run=_validate)

    schema = commands.add_parser("schema", help="write the JSON Schema of each kind of data file")
    schema.add_argument("--out", required=True, help="folder to write the schemas into")
    schema.add_argument("--reference", help="also write the fields reference (Markdown) to this file")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the exit status is 0 on success and 1 when the data has problems."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
