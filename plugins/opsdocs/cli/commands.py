"""``opsdocs validate``, ``opsdocs check`` and ``opsdocs schema``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from opsdocs.clock import ClockError, build_now
from opsdocs.hygiene import overdue
from opsdocs.model import Layout, read_project
from opsdocs.model.reference import data_reference
from opsdocs.model.schema import write_schemas
from opsdocs.problems import ProjectInvalid, format_problems

CHECK_OK, CHECK_OVERDUE, CHECK_UNUSABLE = 0, 1, 2
"""Exit codes of ``opsdocs check``: nothing overdue, something overdue, data or clock unusable."""


def check(args: argparse.Namespace) -> int:
    """List what is overdue at ``now`` (runbook reviews, postmortem action items), one
    ``path:line:col: warning: ...`` line each; exit 1 when anything is, 0 when nothing is."""
    layout = Layout(data_dir=args.data_dir, runbooks_dir=args.runbooks_dir, docs_dir=args.docs_dir)
    try:
        project = read_project(Path(args.project_dir), layout)
        now = build_now(zone=project.site.zone)
    except ClockError as exc:
        print(f"opsdocs check: {exc}", file=sys.stderr)
        return CHECK_UNUSABLE
    except ProjectInvalid as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return CHECK_UNUSABLE
    found = overdue(project, now)
    for problem in found:
        print(problem)
    when = now.astimezone(project.site.zone).isoformat(timespec="minutes")
    if found:
        print(f"{args.project_dir}: {len(found)} overdue item(s) as of {when}", file=sys.stderr)
        return CHECK_OVERDUE
    print(f"{args.project_dir}: nothing overdue as of {when}", file=sys.stderr)
    return CHECK_OK


def schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.out)):
        print(path)
    if args.reference:
        target = Path(args.reference)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(data_reference(), encoding="utf-8")
        print(target)
    return 0
