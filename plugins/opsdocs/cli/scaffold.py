"""The files of a new project, rendered in memory from the scaffold's templates.

The scaffold (``opsdocs/scaffold/``, package data) has a folder ``common/`` of files every
project gets and one folder per language with the rest, in that language: configurations,
data files with comments that teach their format, a runbook, a help article, a README. A
file ending in ``.j2`` is a Jinja template; any other is copied as it is. A path part
``dot-NAME`` is written ``.NAME`` (package data leaves hidden files out). ``severities/``
holds the presets, one of which becomes ``data/severities.yml``; ``defaults.yml`` holds the
suggested answers and is not written.

Every data file gets its ``# yaml-language-server: $schema=`` line from the kind of file it
is (``model/files.py``), and ``schemas/`` the schemas ``opsdocs schema`` writes.
"""

from __future__ import annotations

import fnmatch
import json
from datetime import date, datetime, timedelta
from importlib.resources.abc import Traversable
from zoneinfo import ZoneInfo

import jinja2
import yaml

from opsdocs import __version__
from opsdocs.cli.init_answers import SCAFFOLD, Answers
from opsdocs.model.files import DATA_KINDS, DataKind
from opsdocs.model.schema import schema_texts

STATUS_SITE_FILES = ("mkdocs.status.yml", "status-docs/")
"""What only a project with a standalone status site gets."""

NOT_WRITTEN = ("defaults.yml", "severities/")
"""Scaffold files that are not files of the project."""

SAMPLE_SUFFIX = ".sample"
"""An example data file opsdocs does not read (``data/incidents/example.yml.sample``)."""


def yaml_scalar(value: object) -> str:
    """``value`` as a YAML scalar that reads back as the same string: plain when it can be,
    else double-quoted (JSON's quoting is YAML's)."""
    text = str(value)
    try:
        plain = "\n" not in text and text == text.strip() and yaml.safe_load(text) == text
    except yaml.YAMLError:
        plain = False
    return text if plain and "#" not in text else json.dumps(text, ensure_ascii=False)


_MARKDOWN_ESCAPES = {char: "\\" + char for char in "\\`*_[]{}()#+!|"}
_MARKDOWN_ESCAPES.update({"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def markdown_text(value: object) -> str:
    """``value`` as Markdown text that shows exactly as written: no emphasis, link or HTML."""
    return "".join(_MARKDOWN_ESCAPES.get(char, char) for char in str(value))


def quarter(day: date) -> str:
    """The quarter ``day`` is in, as roadmap targets write it (``2026-Q3``)."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def template_values(answers: Answers, now: datetime) -> dict[str, object]:
    """What the templates are rendered with."""
    today = now.astimezone(ZoneInfo(answers.timezone)).date()
    host = (answers.url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]).lower()
    labels = host.split(".")
    major, minor = (int(part) for part in __version__.split(".")[:2])
    components = answers.components
    return {
        "product": answers.product,
        "organisation": answers.organisation,
        "timezone": answers.timezone,
        "url": answers.url,
        # support@example.com for status.example.com: the organisation's domain, most often.
        "domain": ".".join(labels[1:]) if len(labels) > 2 else host,
        "groups": answers.groups,
        "ungrouped": answers.ungrouped,
        "component_ids": [c.id for c in components],
        "first_component": components[0].id,
        "first_component_name": components[0].name,
        "status_site": answers.status_site,
        "today": today.isoformat(),
        "yesterday": (today - timedelta(days=1)).isoformat(),
        "in_a_week": (today + timedelta(days=7)).isoformat(),
        "this_quarter": quarter(today),
        "version": __version__,
        "version_series": f"{major}.{minor}",
        "next_series": f"{major}.{minor + 1}" if major == 0 else f"{major + 1}",
    }


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """Every file under ``folder``, by its path relative to it, sorted."""
    found: list[tuple[str, Traversable]] = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        rel = f"{prefix}{entry.name}"
        if entry.is_dir():
            found += _files(entry, f"{rel}/")
        elif entry.is_file():
            found.append((rel, entry))
    return found


def target_path(source: str) -> str:
    """Where a scaffold file lands in the project: ``.j2`` dropped, ``dot-`` made ``.``."""
    parts = source.removesuffix(".j2").split("/")
    return "/".join("." + part.removeprefix("dot-") if part.startswith("dot-") else part for part in parts)


def data_kind(path: str) -> DataKind | None:
    """The kind of data file at ``path`` (relative to the project), a sample counting as
    the file it is an example of."""
    name = path.removesuffix(SAMPLE_SUFFIX)
    return next((kind for kind in DATA_KINDS if fnmatch.fnmatch(name, f"data/{kind.pattern}")), None)


def schema_line(path: str, kind: DataKind) -> str:
    """The line that tells editors which schema checks the data file at ``path``."""
    up = "../" * path.count("/")
    return f"# yaml-language-server: $schema={up}schemas/{kind.schema_name}\n"


def render_project(answers: Answers, now: datetime) -> dict[str, bytes]:
    """Every file of the new project, by its path relative to the project's folder."""
    language = SCAFFOLD / answers.language
    environment = jinja2.Environment(
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    environment.filters.update(q=yaml_scalar, md=markdown_text)
    values = template_values(answers, now)
    sources = _files(SCAFFOLD / "common") + [
        (rel, entry) for rel, entry in _files(language) if not rel.startswith(NOT_WRITTEN)
    ]
    sources.append(("data/severities.yml.j2", language / "severities" / f"{answers.severities}.yml.j2"))
    files: dict[str, bytes] = {}
    for source, entry in sources:
        path = target_path(source)
        if not answers.status_site and path.startswith(STATUS_SITE_FILES):
            continue
        text = entry.read_text(encoding="utf-8")
        if source.endswith(".j2"):
            text = environment.from_string(text).render(values)
        kind = data_kind(path)
        if kind is not None:
            text = schema_line(path, kind) + text
        files[path] = text.encode("utf-8")
    for name, text in schema_texts().items():
        files[f"schemas/{name}"] = text.encode("utf-8")
    return dict(sorted(files.items()))
