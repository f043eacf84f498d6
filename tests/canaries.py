"""Plant a unique canary string in every internal field and record of a project.

The internal fields are found from the model (fields marked ``internal()`` and records with an
``audience``), so a new kind of data or a new internal field gets a canary without a change
here, or the leak test fails naming the field that has none. What the documentation calls
internal (whole files such as the incident process, and parts such as a severity's
communication rules) is planted too, whatever the model marks. Internal records that public
records point at (an internal component in a public incident, an internal person behind a
public contact, an internal runbook and page in a public learning path) get canaries as well,
ids and file names included.

Every canary is unique and contains ``canary`` (in any case); numbers are zero-padded so no
canary is part of another.
"""

from __future__ import annotations

import itertools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from opsdocs.model.audience import is_internal_field
from opsdocs.model.files import DATA_KINDS, FRONT_MATTER_KINDS

_counter = itertools.count(1)

DOCS_INTERNAL_KINDS = frozenset(
    {"team", "contacts", "process", "cycle", "security", "deployment", "kpis", "continuity"}
)
"""Data kinds (``DataKind.name``) that docs/opsdocs/data-files.md calls internal as a whole:
team groups, roles and people; contacts, escalation and on-call; the incident process; the
maintenance cycle; security; deployment; KPIs; continuity."""

DOCS_INTERNAL_FIELDS = frozenset(
    {"Severity.communication", "Severity.examples", "Roadmap.feature_flags", "Team.groups"}
)
"""Parts of otherwise public files that the documentation calls internal: a severity's
communication rules and examples (only its impact is shown publicly), the roadmap's feature
flags, the team's groups."""

NOT_PLANTED = {
    "Check.headers": "names environment variables, in capital letters, which a canary cannot "
    "be; the values are never in the file. The checks' table of the staff site shows them",
    "Incident.detected_by": "one fixed word (`checks`), not a text a canary can be",
    "ResponseTarget.severity": "names a severity; severities' ids and names are on the public "
    "status page, so the id is no secret and a canary there would prove nothing",
    "Communication.incidents": "message templates only the on-call commands read; their texts "
    "are keyed by language and no page renders them",
    "Communication.maintenance": "message templates only the on-call commands read; their texts "
    "are keyed by language and no page renders them",
    "Notify.channels": "no page of either site shows notify.yml; `opsdocs notify` reads only the "
    "public API files, which tests/test_notify.py checks with canaries of its own",
}
"""Internal fields without a canary, each with the reason."""

REFERENCE_FIELDS = {"page", "url", "link", "target", "runbook"}
"""Text fields that point at something (a page, an address, a runbook) or are parsed (a KPI
target); the records they point at get canaries instead."""


def _loader() -> type[yaml.SafeLoader]:
    """A loader that keeps dates and times as text, so files are written back as they were."""

    class TextTimes(yaml.SafeLoader):
        pass

    TextTimes.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
    )
    return TextTimes


def read_yaml(path: Path) -> Any:
    """A data file, with its dates and times kept as text."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_loader())


def write_yaml(path: Path, data: Any) -> None:
    """Write a data file back."""
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@dataclass
class Planting:
    """Every canary planted, with where; and the model fields (``Model.field``) that got one."""

    canaries: dict[str, str] = field(default_factory=dict)
    fields: set[str] = field(default_factory=set)
    field_of: dict[str, str] = field(default_factory=dict)
    """The ``Model.field`` each canary is the value of, where it is one."""

    def text(self, kind: str, where: str, key: str = "") -> str:
        """A fresh text canary, ``CANARY0001-kind``, the value of field ``key``."""
        return self._add(f"CANARY{next(_counter):04d}-{kind}", where, key)

    def id(self, kind: str, where: str, key: str = "") -> str:
        """A fresh canary that is a valid id (and file name), ``canary-0001-kind``."""
        return self._add(f"canary-{next(_counter):04d}-{kind}", where, key)

    def email(self, where: str, key: str = "") -> str:
        """A fresh canary that is a valid email address."""
        return self._add(f"canary-{next(_counter):04d}-email@example.com", where, key)

    def _add(self, mark: str, where: str, key: str) -> str:
        self.canaries[mark] = where
        if key:
            self.field_of[mark] = key
        return mark

    def __len__(self) -> int:
        return len(self.canaries)


def _unwrap(annotation: Any) -> tuple[str, Any]:
    """('str' | 'strlist' | 'email' | 'model' | 'modellist' | 'modeldict' | 'other', model)."""
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        patterns = [p for m in typing.get_args(annotation)[1:] for p in _patterns(m)]
        if any("@" in p for p in patterns):
            return "email", None
        if patterns:
            return "other", None
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _unwrap(args[0])
    if annotation is str:
        return "str", None
    if origin is list and args:
        inner, model = _unwrap(args[0])
        if inner == "str":
            return "strlist", None
        if inner == "model":
            return "modellist", model
    if origin is dict and len(args) == 2:
        inner, model = _unwrap(args[1])
        if inner == "model":
            return "modeldict", model
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "other", None


def _patterns(metadata: Any) -> list[str]:
    """The regular expressions a piece of ``Annotated`` metadata (or a ``Field``) imposes."""
    found = [getattr(metadata, "pattern", None)]
    found += [getattr(m, "pattern", None) for m in getattr(metadata, "metadata", None) or []]
    return [p for p in found if isinstance(p, str)]


def _models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """``model`` and every model its fields can hold, at any depth."""
    seen: set[type[BaseModel]] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        for info in current.model_fields.values():
            stack = [info.annotation]
            while stack:
                annotation = stack.pop()
                if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                    todo.append(annotation)
                stack.extend(typing.get_args(annotation))


def internal_fields() -> set[str]:
    """Every ``Model.field`` of the data and front matter that the model marks internal, and
    every part the documentation calls internal."""
    found = set(DOCS_INTERNAL_FIELDS)
    for kind in (*DATA_KINDS, *FRONT_MATTER_KINDS):
        for model in _models(kind.model):
            for name, info in model.model_fields.items():
                if is_internal_field(info):
                    found.add(f"{model.__name__}.{name}")
    return found


def _fresh_ids(twin: dict[str, Any], planting: Planting, where: str) -> None:
    """Give the twin and every record nested in it a new canary id, and follow the renames
    inside it (a module's prerequisites name modules of the same path)."""
    renames: dict[str, str] = {}

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                renames[value["id"]] = planting.id("twin", f"{where}: id of an internal twin")
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    def rename(value: Any) -> Any:
        # Ids, and lists of ids such as prerequisites; a scalar field equal to an id (a
        # contact's role 'tech-lead', a KPI's measure 'uptime') names something else.
        if isinstance(value, dict):
            return {
                key: renames.get(item, item) if key == "id" else rename(item) for key, item in value.items()
            }
        if isinstance(value, list):
            return [renames.get(item, item) if isinstance(item, str) else rename(item) for item in value]
        return value

    collect(twin)
    twin.update(rename(twin))


def _has_pattern(info: Any) -> bool:
    return bool(_patterns(info))


def plant(
    data: dict[str, Any], model: type[BaseModel], planting: Planting, where: str, internal: bool = False
) -> int:
    """Put a canary in every internal text field of ``data`` (validated by ``model``); return
    how many were planted."""
    planted = 0
    for name, info in model.model_fields.items():
        kind, inner = _unwrap(info.annotation)
        key = f"{model.__name__}.{name}"
        field_internal = internal or is_internal_field(info) or key in DOCS_INTERNAL_FIELDS
        here = f"{where}: {name}"
        before = planted
        skip = name in ("id", "audience") or name in REFERENCE_FIELDS
        if skip or not field_internal:
            pass
        elif kind == "str" and not _has_pattern(info):
            data[name] = planting.text(name, here, key)
            planted += 1
        elif kind == "strlist":
            data[name] = [*data.get(name, []), planting.text(name, here, key)]
            planted += 1
        elif kind == "email":
            data[name] = planting.email(here, key)
            planted += 1
        if kind == "model" and isinstance(data.get(name), dict):
            planted += plant(data[name], inner, planting, here, field_internal)
        elif kind == "modellist" and isinstance(data.get(name), list):
            planted += _plant_list(data[name], inner, planting, here, field_internal)
        elif kind == "modeldict" and isinstance(data.get(name), dict):
            for item_key, item in data[name].items():
                if isinstance(item, dict):
                    planted += plant(item, inner, planting, f"{here}.{item_key}", field_internal)
        if planted > before and field_internal:
            planting.fields.add(key)
    return planted


def _plant_list(
    items: list[Any], model: type[BaseModel], planting: Planting, where: str, internal: bool
) -> int:
    planted = 0
    for number, item in enumerate(list(items)):
        if isinstance(item, dict):
            record_internal = internal or item.get("audience") == "internal"
            planted += plant(item, model, planting, f"{where}[{number}]", record_internal)
    # An internal twin of the first record, for every kind of record that has an audience:
    # its ids are canaries too.
    fields = model.model_fields
    if items and isinstance(items[0], dict) and "id" in fields and "audience" in fields:
        twin = yaml.safe_load(yaml.safe_dump(items[0]))
        _fresh_ids(twin, planting, where)
        twin["audience"] = "internal"
        planted += 1 + plant(twin, model, planting, f"{where}[twin]", internal=True)
        items.append(twin)
    return planted


def plant_project(root: Path) -> Planting:
    """Plant canaries in every data file, internal page and runbook under ``root``, and in
    internal records that public ones point at."""
    planting = Planting()
    for kind in DATA_KINDS:
        paths = sorted((root / "data").glob(kind.pattern))
        for path in paths:
            data = read_yaml(path)
            if not isinstance(data, dict):
                continue
            where = path.relative_to(root).as_posix()
            internal = kind.name in DOCS_INTERNAL_KINDS or (
                kind.many and "audience" in kind.model.model_fields and data.get("audience") == "internal"
            )
            plant(data, kind.model, planting, where, internal=internal)
            write_yaml(path, data)
        if kind.many and paths and "audience" in kind.model.model_fields:
            # An internal twin of the first file of a folder kind (incidents, maintenance):
            # its id and file name are canaries.
            data = read_yaml(paths[0])
            data["id"] = planting.id("file", f"{kind.pattern}: id and file name of an internal record")
            data["audience"] = "internal"
            plant(data, kind.model, planting, f"{kind.pattern} ({data['id']})", internal=True)
            write_yaml(paths[0].parent / f"{data['id']}.yml", data)
    _plant_pages(root, planting)
    _plant_references(root, planting)
    return planting


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    if text.startswith("---\n"):
        head, _, body = text[4:].partition("\n---\n")
        return read_yaml_text(head), body
    return {}, text


def read_yaml_text(text: str) -> Any:
    """YAML text, with its dates and times kept as text."""
    return yaml.load(text, Loader=_loader()) or {}


def _write_page(path: Path, meta: dict[str, Any], body: str) -> None:
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{head}---\n{body}", encoding="utf-8")


def _plant_pages(root: Path, planting: Planting) -> None:
    """A canary in the body and title of every internal page and runbook."""
    for page in sorted((root / "docs").rglob("*.md")) + sorted((root / "runbooks").glob("*.md")):
        meta, body = _front_matter(page.read_text(encoding="utf-8"))
        runbook = page.parent.name == "runbooks" and page.parent.parent == root
        if not runbook and meta.get("audience") != "internal":
            continue
        where = page.relative_to(root).as_posix()
        if "title" in meta:
            meta["title"] = planting.text("title", f"{where}: title", "PageMeta.title")
        body = body.rstrip() + f"\n\n{planting.text('page', f'{where}: body')}\n"
        _write_page(page, meta, body) if meta else page.write_text(body, encoding="utf-8")


def _first_public(items: list[dict[str, Any]], default: str = "public") -> dict[str, Any]:
    """The first public record of ``items``, whose kind's audience is ``default``."""
    return next(i for i in items if i.get("audience", default) == "public")


def _plant_references(root: Path, planting: Planting) -> None:
    """Internal records, named by canaries, that public records point at."""
    data = root / "data"
    # An internal role and person; a public contact stands for them.
    role = planting.id("role", "team.yml: an internal role owning a public component")
    person = planting.id("person", "team.yml: an internal person behind a public contact")
    team = read_yaml(data / "team.yml")
    team["roles"].append(
        {
            "id": role,
            "name": planting.text("name", "team.yml: the internal role's name"),
            "audience": "internal",
        }
    )
    team["people"].append(
        {
            "id": person,
            "name": planting.text("name", "team.yml: the internal person's name"),
            "roles": [role],
            "phone": planting.text("phone", "team.yml: the internal person's phone"),
            "email": planting.email("team.yml: the internal person's email"),
        }
    )
    write_yaml(data / "team.yml", team)
    contacts = read_yaml(data / "contacts.yml")
    contacts["contacts"].append(
        {
            "id": planting.id("contact", "contacts.yml: id of a public contact"),
            "name": "Soporte",
            "role": role,
            "person": person,
            "phone": planting.text("phone", "contacts.yml: the public contact's phone"),
            "availability": planting.text("availability", "contacts.yml: the public contact's hours"),
            "audience": "public",
        }
    )
    write_yaml(data / "contacts.yml", contacts)

    # An internal component, owned by the internal role, in a public incident and window.
    component = planting.id("component", "components.yml: id of an internal component")
    components = read_yaml(data / "components.yml")
    group = _first_public(components["groups"])
    group["components"].append(
        {
            "id": component,
            "name": planting.text("name", "components.yml: the internal component's name"),
            "description": planting.text("description", "components.yml: its description"),
            "audience": "internal",
        }
    )
    public_component = _first_public(group["components"])
    public_component["owner"] = role
    planting.fields.add("Component.owner")
    write_yaml(data / "components.yml", components)

    # An internal runbook (its id and file name are canaries) and an internal page.
    runbook = planting.id("runbook", "runbooks/: id and file name of an internal runbook")
    _write_page(
        root / "runbooks" / f"{runbook}.md",
        {
            "id": runbook,
            "title": planting.text("title", f"runbooks/{runbook}.md: title"),
            "components": [component],
            "owner": role,
            "alerts": [planting.text("alerts", f"runbooks/{runbook}.md: alerts")],
            "last_reviewed": "2026-11-01",
        },
        f"\n{planting.text('page', f'runbooks/{runbook}.md: body')}\n",
    )
    page = planting.id("page", "docs/: file name of an internal page")
    category = read_yaml(data / "faq.yml")["categories"][0]["id"]
    _write_page(
        root / "docs" / f"{page}.md",
        {
            "title": planting.text("title", f"docs/{page}.md: title"),
            "audience": "internal",
            "category": category,
            "tags": [planting.text("tags", f"docs/{page}.md: tags", "PageMeta.tags")],
        },
        f"\n{planting.text('page', f'docs/{page}.md: body')}\n",
    )
    planting.fields.update({"RunbookMeta.title", "RunbookMeta.alerts", "PageMeta.tags"})

    for path in sorted((data / "incidents").glob("*.yml")):
        incident = read_yaml(path)
        if incident.get("audience", "public") == "public":
            if "components" in incident:  # written, it must agree with the updates
                incident["components"][component] = "major_outage"
            incident["updates"][0].setdefault("components", {})[component] = "major_outage"
            incident["runbooks"] = [*incident.get("runbooks", []), runbook]
            planting.fields.add("Incident.runbooks")
            write_yaml(path, incident)
            break
    for path in sorted((data / "maintenance").glob("*.yml")):
        window = read_yaml(path)
        if window.get("audience", "public") == "public":
            window["components"].append(component)
            write_yaml(path, window)
            break

    # A public learning path that links the internal runbook and the internal page.
    training = read_yaml(data / "training.yml")
    module = _first_public(training["paths"], "internal")["modules"][0]
    module["links"] += [{"title": "Runbook", "runbook": runbook}, {"title": "Guía", "page": f"{page}.md"}]
    write_yaml(data / "training.yml", training)

    # An internal feature flag behind a public roadmap item.
    flag = planting.id("flag", "roadmap.yml: id of an internal feature flag")
    roadmap = read_yaml(data / "roadmap.yml")
    roadmap["feature_flags"].append(
        {"id": flag, "description": planting.text("description", "roadmap.yml: the flag's description")}
    )
    item = _first_public(_first_public(roadmap["releases"])["items"])
    item["feature_flag"] = flag
    planting.fields.add("RoadmapItem.feature_flag")
    write_yaml(data / "roadmap.yml", roadmap)
