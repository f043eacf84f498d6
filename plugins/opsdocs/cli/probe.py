"""``opsdocs probe`` and ``opsdocs probe import``: run the health checks of ``data/checks.yml``
and keep their results, or add results from another monitor, in a history folder.

``probe`` also drafts an incident after a check's ``failures_for_outage`` failures in a row and
notes when the checks pass again (``opsdocs.probe.alerts``); the files it writes are listed in
``--report``, for the workflow to propose (pull request) or commit, as ``checks.yml`` says.
Exit status: 0 the checks ran (whatever they found), 1 the project, the history or a secret
cannot be used (nothing recorded).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from opsdocs.authoring.inputs import InputError
from opsdocs.cli.load import add_folder_flags, load_checked, project_layout
from opsdocs.cli.mkdocs_config import ConfigError, read_config
from opsdocs.model import Layout, Project
from opsdocs.model.checks_history import RAW_HEADER, History, HistoryError, Result, read_import, stamp
from opsdocs.probe.alerts import Drafts, Event, plan_alerts
from opsdocs.probe.run import MissingSecret, run_checks
from opsdocs.probe.writer import record
from opsdocs.problems import format_problems

DONE, FAILED = 0, 1


def register(subcommands: argparse._SubParsersAction) -> None:
    """Add ``probe`` and ``probe import`` to the ``opsdocs`` command line."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--project", dest="project_dir", default=".", help="the project (default: .)")
    common.add_argument(
        "--history", default="checks-history", help="the history folder (default: checks-history)"
    )
    add_folder_flags(common, configured=True)
    probe = subcommands.add_parser(
        "probe", parents=[common], help="run the health checks of checks.yml and keep their results",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    probe.add_argument("--report", help="write what was recorded, drafted and noted to this JSON file")
    probe.add_argument("--no-drafts", action="store_true", help="record results only; draft nothing")
    probe.set_defaults(run=_probe)
    actions = probe.add_subparsers(dest="action")
    imported = actions.add_parser(
        "import", parents=[common], help="add results from another monitor (CSV or JSON, see the docs)"
    )
    imported.add_argument("file", help="results in the history's raw format: .csv, .json or JSON lines")
    imported.set_defaults(run=_import)


def _load(args: argparse.Namespace, command: str) -> tuple[Project, Layout, datetime] | None:
    """The project, its folders and ``now``; None, with the problems printed, when unusable."""
    root = Path(args.project_dir).resolve()
    layout: Layout | None = None
    try:
        layout = project_layout(args, read_config(root, None), root)
    except ConfigError as exc:
        print(f"opsdocs {command}: {exc}", file=sys.stderr)
    loaded = load_checked(root, layout, command) if layout is not None else None
    return None if loaded is None or layout is None else (loaded[0], layout, loaded[1])


def _history_folder(args: argparse.Namespace) -> Path:
    folder = Path(args.history)
    return folder if folder.is_absolute() else Path(args.project_dir).resolve() / folder


def _probe(args: argparse.Namespace) -> int:
    loaded = _load(args, "probe")
    if loaded is None:
        return FAILED
    project, layout, now = loaded
    checks = project.checks.checks
    folder = _history_folder(args)
    if not checks:
        print(f"opsdocs probe: {layout.data_dir}/checks.yml lists no checks; nothing to do", file=sys.stderr)
        _write_report(args.report, project, now, [], [])
        return DONE
    try:
        results = run_checks(checks, project.checks, now, where=f"{layout.data_dir}/checks.yml")
        recorded = record(folder, results, now, project.checks.raw_days)
        drafts = Drafts.read(folder)
    except (MissingSecret, HistoryError) as exc:
        print(exc, file=sys.stderr)
        return FAILED
    for result in results:
        print(_line(result))
    print(f"opsdocs probe: recorded {recorded.added} result(s) in {folder}", file=sys.stderr)
    events = [] if args.no_drafts else _events(project, layout, recorded.history, drafts, now)
    if events is None:
        return FAILED
    drafts.write(folder)
    _write_report(args.report, project, now, results, events)
    return DONE


def _write_report(
    path: str | None, project: Project, now: datetime, results: list[Result], events: list[Event]
) -> None:
    """Write what a run recorded, drafted and noted to ``path`` (for the workflow's later
    steps), also when there was nothing to check, so those steps always find it."""
    if not path:
        return
    report = {"at": stamp(now), "drafts": project.checks.drafts.value,
              "results": [dict(zip(RAW_HEADER, r.row(), strict=True))
                          for r in results],
              "events": [e.as_json() for e in events]}  # fmt: skip
    Path(path).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _events(
    project: Project, layout: Layout, history: History, drafts: Drafts, now: datetime
) -> list[Event] | None:
    """The drafts and notes to make, their files checked and written; None when one would
    leave the project invalid."""
    try:
        events = plan_alerts(project, layout, history, drafts, now)
    except InputError as exc:
        print(f"opsdocs probe: {exc}", file=sys.stderr)
        return None
    for event in events:
        if event.changes is not None:
            problems = [p for p in event.changes.problems(project.root, layout) if p.level == "error"]
            if problems:
                print(format_problems(problems), file=sys.stderr)
                print(f"opsdocs probe: {event.summary}: would leave the project invalid", file=sys.stderr)
                return None
            event.changes.write(project.root)
            for change in event.changes.changes:
                print(f"opsdocs probe: {event.summary}: wrote {change.path}", file=sys.stderr)
        else:
            print(f"opsdocs probe: {event.component}: {event.summary}", file=sys.stderr)
    return events


def _line(result: Result) -> str:
    answer = f"{result.code}" if result.code is not None else "no answer"
    timing = f" in {result.ms} ms" if result.ms is not None else ""
    verdict = "ok" if result.ok else f"failed ({result.error})"
    return f"{result.check}: {verdict}: {answer}{timing}"


def _import(args: argparse.Namespace) -> int:
    loaded = _load(args, "probe import")
    if loaded is None:
        return FAILED
    project, _layout, now = loaded
    folder = _history_folder(args)
    try:
        results = read_import(Path(args.file))
        known = {check.id for check in project.checks.checks}
        unknown = sorted({r.check for r in results} - known)
        if unknown:
            print(f"{args.file}:1:1: error: unknown check id(s) {', '.join(unknown)} (see checks.yml)",
                  file=sys.stderr)  # fmt: skip
            return FAILED
        recorded = record(folder, results, now, project.checks.raw_days)
    except HistoryError as exc:
        print(exc, file=sys.stderr)
        return FAILED
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not a text file"
        print(f"opsdocs probe import: {args.file}: {reason}", file=sys.stderr)
        return FAILED
    left_out = f"; {recorded.skipped} of days already aggregated left out" if recorded.skipped else ""
    print(f"opsdocs probe import: added {recorded.added} result(s) to {folder}{left_out}")
    return DONE
