"""The project as a command reads it: its folders from the flags and the MkDocs configuration,
and its data checked as a build checks it."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from opsdocs.authoring.validation import checked_project
from opsdocs.cli.mkdocs_config import ProjectConfig
from opsdocs.clock import ClockError, build_now, now_is_fixed
from opsdocs.model import Layout, Project
from opsdocs.model.future_dates import future_dated
from opsdocs.problems import format_problems


def load_checked(root: Path, layout: Layout, command: str) -> tuple[Project, datetime] | None:
    """The project and the build's ``now``, checked as a build checks them (the data, the
    pages' directives, the clock), with its warnings and, at the real clock, the updates dated
    ahead of it printed; None, with every problem printed, when a build would fail."""
    project, problems = checked_project(root, layout)
    if project is None:
        print(format_problems(problems), file=sys.stderr)
        return None
    for warning in project.warnings:
        print(warning, file=sys.stderr)
    try:
        now = build_now(zone=project.site.zone)
    except ClockError as exc:
        print(f"opsdocs {command}: {exc}", file=sys.stderr)
        return None
    if not now_is_fixed():
        for warning in future_dated(project, now):
            print(warning, file=sys.stderr)
    return project, now


FOLDERS = (
    ("--data-dir", "data", "the data files' folder"),
    ("--runbooks-dir", "runbooks", "the runbooks' folder"),
    ("--docs-dir", "docs", "the hand-written pages' folder"),
)
"""The flags naming the project's folders, their defaults and what they name."""


def add_folder_flags(parser: argparse.ArgumentParser, *, configured: bool) -> None:
    """Add ``--data-dir``, ``--runbooks-dir`` and ``--docs-dir`` to ``parser``: defaults from
    the MkDocs configuration when ``configured`` (see ``project_layout``), else fixed ones."""
    for flag, default, what in FOLDERS:
        if configured:
            parser.add_argument(flag, help=f"{what} (default: the configuration's, else {default})")
        else:
            parser.add_argument(flag, default=default, help=what)


def project_layout(args: argparse.Namespace, config: ProjectConfig, root: Path) -> Layout:
    """The project's folders: the flags, else what the MkDocs configuration tells the plugins
    (the ``opsdocs`` plugin's options, then MkDocs' ``docs_dir``), else the defaults."""
    settings = config.plugin("opsdocs")

    def folder(flag: str | None, configured: object, default: str) -> str:
        if flag:
            return flag
        return config.project_path(str(configured), root) if configured else default

    site_dirs = (config.values.get("docs_dir"), config.theme.get("custom_dir"))
    return Layout(
        data_dir=folder(args.data_dir, settings.get("data_dir"), "data"),
        runbooks_dir=folder(args.runbooks_dir, settings.get("runbooks_dir"), "runbooks"),
        docs_dir=folder(args.docs_dir, settings.get("docs_dir") or config.values.get("docs_dir"), "docs"),
        site_dirs=tuple(config.project_path(str(value), root) for value in site_dirs if value),
    )


def pages_dir(args: argparse.Namespace, config: ProjectConfig, root: Path, layout: Layout) -> str:
    """Where the site's hand-written pages are: MkDocs' ``docs_dir`` of the configuration, as in
    the plugins' build, unless ``--docs-dir`` names the project's pages; else the project's.
    They differ for a site with pages of its own, such as a standalone status site."""
    configured = config.values.get("docs_dir")
    if args.docs_dir or not configured:
        return layout.docs_dir
    return config.project_path(str(configured), root)
