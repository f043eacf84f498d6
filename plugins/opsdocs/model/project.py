"""A whole project: every data file, runbook and page, validated together.

``read_project`` is the one entry point from files to model. It collects every problem in
every file (syntax, types, cross references) before giving up, so one run of
``opsdocs validate`` shows everything to fix.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from opsdocs.collector import collector_paused
from opsdocs.load import SourceDoc, load_markdown_file, load_yaml_file
from opsdocs.load.directives import Directive, find_directives
from opsdocs.load.source import FieldPath, SourceRef, dotted
from opsdocs.model.base import Record, nested_record_fields
from opsdocs.model.communication import Communication
from opsdocs.model.components import Components
from opsdocs.model.continuity import Continuity
from opsdocs.model.cycle import MaintenanceCycle
from opsdocs.model.deployment import Deployment
from opsdocs.model.faq import Faq
from opsdocs.model.files import DATA_KINDS, DataKind
from opsdocs.model.incidents import Incident
from opsdocs.model.kpis import Kpis
from opsdocs.model.maintenance import MaintenanceWindow
from opsdocs.model.process import IncidentProcess
from opsdocs.model.roadmap import Roadmap
from opsdocs.model.runbooks import PageMeta, Runbook, RunbookMeta, misspelt_page_key
from opsdocs.model.security import Security
from opsdocs.model.severities import Severities
from opsdocs.model.site import Site
from opsdocs.model.support import Support
from opsdocs.model.team import Contacts, Team
from opsdocs.model.training import Training
from opsdocs.problems import Problem, ProjectInvalid


@dataclass
class Project:
    """Everything opsdocs knows about one product's operations."""

    root: Path
    site: Site
    team: Team = field(default_factory=Team)
    contacts: Contacts = field(default_factory=Contacts)
    severities: Severities = field(default_factory=Severities)
    process: IncidentProcess = field(default_factory=IncidentProcess)
    cycle: MaintenanceCycle = field(default_factory=MaintenanceCycle)
    components: Components = field(default_factory=Components)
    incidents: list[Incident] = field(default_factory=list)
    maintenance: list[MaintenanceWindow] = field(default_factory=list)
    communication: Communication = field(default_factory=Communication)
    roadmap: Roadmap = field(default_factory=Roadmap)
    security: Security = field(default_factory=Security)
    deployment: Deployment = field(default_factory=Deployment)
    support: Support = field(default_factory=Support)
    faq: Faq = field(default_factory=Faq)
    kpis: Kpis = field(default_factory=Kpis)
    continuity: Continuity = field(default_factory=Continuity)
    training: Training = field(default_factory=Training)
    runbooks: list[Runbook] = field(default_factory=list)
    pages: dict[str, PageMeta] = field(default_factory=dict)
    """Front matter of each hand-written page, by its path under ``docs/``."""
    directives: dict[str, list[Directive]] = field(default_factory=dict)
    """The ``<!-- opsdocs:NAME -->`` directives of each hand-written page that has any."""
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its files, relative to its root."""

    data_dir: str = "data"
    runbooks_dir: str = "runbooks"
    docs_dir: str = "docs"
    site_dirs: tuple[str, ...] = ()
    """Other folders a site is built from: the engine's pages folder when it is not
    ``docs_dir`` (a standalone status site), the theme's ``custom_dir``."""

    def folders(self) -> tuple[str, ...]:
        """Every folder whose files can reach a site: nothing in them may link outside."""
        named = (self.data_dir, self.runbooks_dir, self.docs_dir, *self.site_dirs)
        return tuple(dict.fromkeys(folder for folder in named if folder))


def read_project(root: Path, layout: Layout | None = None) -> Project:
    """Load and validate the project at ``root``; raise ``ProjectInvalid`` with every problem."""
    with collector_paused():
        return _read_project(root, layout)


def _read_project(root: Path, layout: Layout | None) -> Project:
    from opsdocs.model.references import check_references

    layout = layout or Layout()
    root = root.resolve()
    _folder_inside.cache_clear()  # a folder may have become a link since the last read (mkdocs serve)
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


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _inside(root: Path, path: Path) -> bool:
    """False for a file that links outside the project, which is not read."""
    # A plain file in a folder that is inside is inside; only links need resolving, and each
    # folder is resolved once, not once per file.
    if not path.is_symlink() and _folder_inside(path.parent, root):
        return True
    # ``links_outside`` has reported a file that is not.
    return path.resolve().is_relative_to(root)


MAX_PROJECT_BYTES = 200 * 1024 * 1024
"""The whole input (every file of the data, runbooks and pages folders) is refused above this:
ten times the largest project the benchmark builds, and a bound on what one build may cost."""


def folder_problems(root: Path, folders: tuple[str, ...]) -> list[Problem]:
    """What is wrong with ``folders`` (relative to ``root``) as a whole, before any file is read.

    Every file or folder that is a link resolving outside the project is refused: the engine
    would copy or build it, publishing a file such as ``/etc/passwd``. Links are not followed,
    so a linked folder is reported once. And the files together may not exceed
    ``MAX_PROJECT_BYTES``.
    """
    problems = []
    total = 0
    for folder in folders:
        top = root / folder
        if top.is_symlink() and not top.resolve().is_relative_to(root):
            problems.append(Problem(folder, 1, 1, "folder is a link to outside the project; refusing it"))
            continue
        for current, dirs, files in os.walk(top):
            for name in sorted([*dirs, *files]):
                path = Path(current) / name
                if path.is_symlink() and not path.resolve().is_relative_to(root):
                    kind = "folder" if name in dirs else "file"
                    message = f"{kind} is a link to outside the project; refusing to publish it"
                    problems.append(Problem(_relative(root, path), 1, 1, message))
                elif name in files:
                    total += path.stat().st_size if path.exists() else 0
    if total > MAX_PROJECT_BYTES:
        limit = MAX_PROJECT_BYTES // (1024 * 1024)
        message = f"the project's files add up to {total / 1048576:.0f} MB; opsdocs reads at most {limit} MB"
        problems.append(Problem(".", 1, 1, message))
    return problems


@functools.lru_cache(maxsize=256)
def _folder_inside(folder: Path, root: Path) -> bool:
    return folder.resolve().is_relative_to(root)


def _read_kind(
    root: Path, layout: Layout, kind: DataKind, context: dict[str, Any], problems: list[Problem]
) -> Any:
    data_dir = root / layout.data_dir
    if kind.many:
        folder = data_dir / kind.pattern.split("/")[0]
        records = []
        paths = sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        for path in paths:
            if not _inside(root, path):
                continue
            record = _validate_file(root, path, kind.model, context, problems)
            if record is not None:
                records.append(record)
        return records
    path = data_dir / kind.pattern
    if not path.exists():
        if kind.required:
            problems.append(
                Problem(_relative(root, path), 0, 0, f"missing required file ({kind.description})")
            )
        return None
    if not _inside(root, path):
        return None
    return _validate_file(root, path, kind.model, context, problems)


def _validate_file(
    root: Path, path: Path, model: type[Record], context: dict[str, Any], problems: list[Problem]
) -> Record | None:
    doc, found = load_yaml_file(path, _relative(root, path))
    problems.extend(found)
    if doc is None:
        return None
    if doc.data is None:
        doc.data = {}
    return validate_doc(doc, model, context, problems)


def validate_doc(
    doc: SourceDoc,
    model: type[Record],
    context: dict[str, Any],
    problems: list[Problem],
    prefix: FieldPath = (),
) -> Record | None:
    """Validate ``doc`` (at ``prefix``) as ``model``; problems get the file's positions."""
    data = doc.data
    for part in prefix:
        data = data[part]
    if not isinstance(data, dict):
        problems.append(doc.problem(prefix, "expected a mapping of fields here"))
        return None
    try:
        record = model.model_validate(data, context=context)
    except ValidationError as exc:
        problems.extend(_problems_from(exc, doc, model, prefix))
        return None
    attach_sources(record, SourceRef(doc, prefix))
    return record


def attach_sources(record: BaseModel, ref: SourceRef) -> None:
    """Tell ``record`` and every record nested in it where in the file it came from."""
    if isinstance(record, Record):
        record._source = ref
    for name in nested_record_fields(type(record)):
        value = getattr(record, name)
        _attach_value(value, SourceRef(ref.doc, ref.prefix + (name,)))


def _attach_value(value: Any, ref: SourceRef) -> None:
    if isinstance(value, BaseModel):
        attach_sources(value, ref)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, BaseModel):
                attach_sources(item, SourceRef(ref.doc, ref.prefix + (index,)))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, BaseModel):
                attach_sources(item, SourceRef(ref.doc, ref.prefix + (key,)))


def _problems_from(
    exc: ValidationError, doc: SourceDoc, model: type[BaseModel], prefix: FieldPath
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if not _is_validator_tag(part))
        path = prefix + loc
        kind = error["type"]
        if kind == "extra_forbidden":
            field_name = str(loc[-1])
            known = _known_fields(model, loc[:-1])
            hint = get_close_matches(field_name, known, n=1)
            message = unknown_field_message(path, hint[0] if hint else None)
        elif kind == "missing":
            message = f"{dotted(path)}: required field '{loc[-1]}' is missing"
        else:
            reason = error["msg"].removeprefix("Value error, ")
            given = error.get("input")
            shown = (
                f" (got {given!r})" if isinstance(given, (str, int, float)) and len(str(given)) < 80 else ""
            )
            if isinstance(given, bool) and kind != "bool_type":
                shown += "; YAML reads unquoted yes/no/on/off as true/false, so put the word in quotes"
            message = f"{dotted(path)}: {reason}{shown}"
        problems.append(doc.problem(path, message))
    return problems


def unknown_field_message(path: FieldPath, suggestion: str | None) -> str:
    """The message for an unknown field at ``path``, with the field it was probably meant to be."""
    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
    return f"{dotted(path)}: unknown field '{path[-1]}'{hint}"


def _is_validator_tag(part: Any) -> bool:
    """Pydantic puts validator names such as ``function-after[...]`` in error locations."""
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "dict", "list"})


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at ``loc`` inside ``model``, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _innermost_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _innermost_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _innermost_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    meta = getattr(annotation, "__origin__", None)
    if meta is not None and not getattr(annotation, "__args__", None):
        return meta
    return annotation


def _read_runbooks(
    root: Path, layout: Layout, context: dict[str, Any], problems: list[Problem]
) -> list[Runbook]:
    folder = root / layout.runbooks_dir
    runbooks = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if not _inside(root, path):
            continue
        rel = _relative(root, path)
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
        if not _inside(root, path):
            continue
        source, found = load_markdown_file(path, _relative(root, path), meta_data_lines=True)
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
