"""From files to model: ``read_project`` is the one entry point.

It collects every problem in every file (syntax, types, cross references) before giving up, so
one run of ``opsdocs validate`` shows everything to fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from opsdocs.collector import collector_paused
from opsdocs.load import load_markdown_file, load_yaml_file
from opsdocs.load.directives import Directive, find_directives
from opsdocs.load.source import SourceRef
from opsdocs.model.base import Record
from opsdocs.model.files import DATA_KINDS, DataKind
from opsdocs.model.folders import folder_problems, forget_resolved_folders, inside, relative
from opsdocs.model.project import Layout, Project
from opsdocs.model.references import check_references
from opsdocs.model.runbooks import PageMeta, Runbook, RunbookMeta, misspelt_page_key
from opsdocs.model.site import Site
from opsdocs.model.validation import unknown_field_message, validate_doc
from opsdocs.problems import Problem, ProjectInvalid


def read_project(root: Path, layout: Layout | None = None) -> Project:
    """Load and validate the project at ``root``; raise ``ProjectInvalid`` with every problem."""
    with collector_paused():
        return _read_project(root, layout)


def _read_project(root: Path, layout: Layout | None) -> Project:
    layout = layout or Layout()
    root = root.resolve()
    forget_resolved_folders()
    problems: list[Problem] = folder_problems(root, layout.folders())
    values: dict[str, Any] = {}

    site_kind = DATA_KINDS[0]
    site = _read_kind(root, layout, site_kind, {}, problems)
    if not isinstance(site, Site):
        raise ProjectInvalid(problems)
    context = {"timezone": site.zone}
    for kind in DATA_KINDS[1:]:
        value = _read_kind(root, layout, kind, context, problems)
        if value is not None:
            values[kind.name] = value
    project = Project(root=root, site=site, **values)
    project.runbooks = _read_runbooks(root, layout, context, problems)
    project.pages, project.directives = _read_pages(root, layout, context, problems)
    broken = {p.path for p in problems if p.level == "error"}
    problems.extend(check_references(project, layout, broken))
    errors = [p for p in problems if p.level == "error"]
    if errors:
        raise ProjectInvalid(problems)
    project.warnings = [p for p in problems if p.level == "warning"]
    return project


def _read_kind(
    root: Path, layout: Layout, kind: DataKind, context: dict[str, Any], problems: list[Problem]
) -> Any:
    data_dir = root / layout.data_dir
    if kind.many:
        folder = data_dir / kind.pattern.split("/")[0]
        records = []
        paths = sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        for path in paths:
            if not inside(root, path):
                continue
            record = _validate_file(root, path, kind.model, context, problems)
            if record is not None:
                records.append(record)
        return records
    path = data_dir / kind.pattern
    if not path.exists():
        if kind.required:
            problems.append(
                Problem(relative(root, path), 0, 0, f"missing required file ({kind.description})")
            )
        return None
    if not inside(root, path):
        return None
    return _validate_file(root, path, kind.model, context, problems)


def _validate_file(
    root: Path, path: Path, model: type[Record], context: dict[str, Any], problems: list[Problem]
) -> Record | None:
    doc, found = load_yaml_file(path, relative(root, path))
    problems.extend(found)
    if doc is None:
        return None
    if doc.data is None:
        doc.data = {}
    return validate_doc(doc, model, context, problems)


def _read_runbooks(
    root: Path, layout: Layout, context: dict[str, Any], problems: list[Problem]
) -> list[Runbook]:
    folder = root / layout.runbooks_dir
    runbooks = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if not inside(root, path):
            continue
        rel = relative(root, path)
        source, found = load_markdown_file(path, rel)
        problems.extend(found)
        if source is None:
            continue
        meta = validate_doc(source.meta, RunbookMeta, context, problems)
        if isinstance(meta, RunbookMeta):
            runbook = Runbook(meta=meta, body=source.body, path=rel)
            runbook._source = SourceRef(source.meta)
            runbooks.append(runbook)
    return runbooks


def _read_pages(
    root: Path, layout: Layout, context: dict[str, Any], problems: list[Problem]
) -> tuple[dict[str, PageMeta], dict[str, list[Directive]]]:
    """The front matter of every page under the docs folder, and the directives of each."""
    folder = root / layout.docs_dir
    pages: dict[str, PageMeta] = {}
    directives: dict[str, list[Directive]] = {}
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        if not inside(root, path):
            continue
        source, found = load_markdown_file(path, relative(root, path), meta_data_lines=True)
        problems.extend(found)
        if source is None:
            continue
        for key in source.meta.data:
            meant = misspelt_page_key(key)
            if meant:
                problems.append(source.meta.problem((key,), unknown_field_message((key,), meant)))
        meta = validate_doc(source.meta, PageMeta, context, problems)
        rel = path.relative_to(folder).as_posix()
        if isinstance(meta, PageMeta):
            pages[rel] = meta
        found_directives = find_directives(source.body, source.body_line)
        if found_directives:
            directives[rel] = found_directives
    return pages, directives
