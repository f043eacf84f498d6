"""What ``opsdocs init`` asks: the raw answers (flags or prompts), checked into ``Answers``.

Every value is checked here, once, whether it came from a flag or a prompt: the prompts call
the same parsers to say what is wrong before moving on, and the command refuses a bad flag
with the same one-line message. The time zone and the address are checked by the model's own
``Site``, the ids by its ``Id`` type, so a project ``init`` accepts is one ``validate`` accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from opsdocs.model.base import Id
from opsdocs.model.site import Site

SCAFFOLD = resources.files("opsdocs") / "scaffold"
"""The templates of a new project: ``common/`` for every language, one folder per language."""

LABELS = resources.files("opsdocs.render") / "labels"


class InitError(ValueError):
    """An answer ``opsdocs init`` cannot use; the message is one line, naming the value."""


@dataclass(frozen=True)
class Component:
    """A component of the new project: its id and the name the status page shows."""

    id: str
    name: str


@dataclass(frozen=True)
class Group:
    """A group of components on the status page."""

    id: str
    name: str
    components: tuple[Component, ...]


@dataclass(frozen=True)
class Answers:
    """Everything a new project is written from, checked."""

    product: str
    organisation: str
    language: str
    timezone: str
    url: str
    groups: tuple[Group, ...]
    ungrouped: tuple[Component, ...]
    severities: str
    status_site: bool

    @property
    def components(self) -> list[Component]:
        """Every component, grouped ones first, as ``components.yml`` lists them."""
        return [c for g in self.groups for c in g.components] + list(self.ungrouped)


@dataclass
class RawAnswers:
    """The answers as given (a flag, a prompt, or nothing yet: ``None``)."""

    product: str | None = None
    organisation: str | None = None
    language: str | None = None
    timezone: str | None = None
    url: str | None = None
    components: list[str] | None = None
    groups: list[str] | None = None
    severities: str | None = None
    status_site: bool | None = None


def languages() -> list[str]:
    """The languages a project can be written in: those with a label catalog in
    ``render/labels/`` and a starter project in the scaffold."""
    return sorted(
        entry.name
        for entry in LABELS.iterdir()
        if entry.is_dir() and any(item.name.endswith(".yml") for item in entry.iterdir())
        if (SCAFFOLD / entry.name).is_dir()
    )


def severity_presets() -> list[str]:
    """The sets of severities to start from (``standard``, ...), as the scaffold has them."""
    folder = SCAFFOLD / "en" / "severities"
    return sorted(item.name.removesuffix(".yml.j2") for item in folder.iterdir() if item.name.endswith(".j2"))


DEFAULT_PRESET = "standard"


def defaults(language: str) -> dict[str, Any]:
    """The suggested answers of a language (``scaffold/<language>/defaults.yml``)."""
    return yaml.safe_load((SCAFFOLD / language / "defaults.yml").read_text(encoding="utf-8"))


def check_language(value: str) -> str:
    """``value`` if a project can be written in it."""
    code = value.strip().lower()
    known = languages()
    if code not in known:
        raise InitError(f"--language {value!r}: no label catalog for it; choose one of: {', '.join(known)}")
    return code


def check_preset(value: str) -> str:
    """``value`` if it names a severities preset."""
    known = severity_presets()
    if value.strip() not in known:
        raise InitError(f"--severities {value!r}: no such preset; choose one of: {', '.join(known)}")
    return value.strip()


def check_text(flag: str, value: str) -> str:
    """A name: one line, not empty."""
    text = value.strip()
    if not text or "\n" in text or "\r" in text:
        raise InitError(f"{flag} {value!r}: write it on one line, and not empty")
    return text


_ID = TypeAdapter(Id)


def check_id(flag: str, value: str) -> str:
    """``value`` if the model takes it as an id."""
    try:
        return _ID.validate_python(value)
    except ValidationError:
        raise InitError(
            f"{flag} {value!r}: not an id; use lowercase letters, digits, '.', '_' and '-' (e.g. web-app)"
        ) from None


def _entries(values: list[str]) -> list[str]:
    """Every comma-separated entry of ``values``, stripped, empty ones left out."""
    return [entry.strip() for value in values for entry in value.split(",") if entry.strip()]


def humanised(identifier: str) -> str:
    """A name for an id nobody named: ``web-app`` becomes ``Web app``."""
    words = re.sub(r"[-_.]+", " ", identifier).strip()
    return words[:1].upper() + words[1:]


def parse_components(
    specs: list[str], group_specs: list[str]
) -> tuple[tuple[Group, ...], tuple[Component, ...]]:
    """Components from ``[GROUP/]ID[=NAME]`` entries, and group names from ``ID=NAME`` entries
    (each value may hold several, comma-separated): the groups in order of first mention, and
    the components outside any group."""
    names: dict[str, str] = {}
    for spec in _entries(group_specs):
        group_id, _, name = spec.partition("=")
        group_id = check_id("--group", group_id.strip())
        names[group_id] = check_text("--group", name) if name.strip() else humanised(group_id)
    members: dict[str, list[Component]] = {}
    ungrouped: list[Component] = []
    seen: set[str] = set()
    for spec in _entries(specs):
        target, _, name = spec.partition("=")
        group_id, _, component_id = target.strip().rpartition("/")
        component_id = check_id("--component", component_id.strip())
        if component_id in seen:
            raise InitError(f"--component {spec!r}: the id {component_id!r} is given twice")
        seen.add(component_id)
        component = Component(component_id, check_text("--component", name) if name.strip() else component_id)
        if group_id:
            members.setdefault(check_id("--component", group_id.strip()), []).append(component)
        else:
            ungrouped.append(component)
    if not seen:
        raise InitError("--component: name at least one component (e.g. --component api=API)")
    for group_id in names:
        if group_id not in members:
            raise InitError(
                f"--group {group_id!r}: no component is in this group (--component {group_id}/ID)"
            )
    for group_id in members:
        if group_id in seen:
            raise InitError(f"--component {group_id}/...: the group and a component have the same id")
    groups = tuple(
        Group(gid, names.get(gid) or humanised(gid), tuple(items)) for gid, items in members.items()
    )
    return groups, tuple(ungrouped)


def _site_problem(error: ValidationError) -> tuple[str, str]:
    """The field and message of the first problem ``Site`` found."""
    first = error.errors()[0]
    message = str(first["msg"]).removeprefix("Value error, ")
    return str(first["loc"][0]) if first["loc"] else "", message


def check_site(product: str, organisation: str, timezone: str, url: str, language: str) -> str:
    """The public address as the site will have it (ending in ``/``), once ``Site`` — the
    model of ``data/site.yml`` — accepts the time zone and the address."""
    try:
        site = Site(product=product, organisation=organisation, timezone=timezone, url=url, language=language)
    except ValidationError as exc:
        field, message = _site_problem(exc)
        value = {"timezone": timezone, "url": url}.get(field, "")
        raise InitError(f"--{field} {value!r}: {message}") from None
    address = str(site.url)
    return address if address.endswith("/") else address + "/"


def check_timezone(value: str) -> str:
    """``value`` if it is an IANA time zone (as ``Site`` checks it)."""
    check_site("x", "x", value.strip(), "https://example.com/", "en")
    return value.strip()


def check_url(value: str) -> str:
    """``value`` as the public address, if ``Site`` accepts it."""
    return check_site("x", "x", "UTC", value.strip(), "en")


def check_given(raw: RawAnswers) -> None:
    """Check the values ``raw`` already has, before anything is asked about the others."""
    if raw.language is not None:
        check_language(raw.language)
    for flag, value in (("--product", raw.product), ("--organisation", raw.organisation)):
        if value is not None:
            check_text(flag, value)
    if raw.timezone is not None:
        check_timezone(raw.timezone)
    if raw.url is not None:
        check_url(raw.url)
    if raw.components is not None:
        parse_components(raw.components, raw.groups or [])
    if raw.severities is not None:
        check_preset(raw.severities)


def answers_from(raw: RawAnswers) -> Answers:
    """Check ``raw``, filling what is missing with the language's defaults; an ``InitError``
    names the first value that cannot be used."""
    language = check_language(raw.language or "en")
    suggested = defaults(language)
    product = check_text("--product", raw.product if raw.product is not None else suggested["product"])
    organisation = check_text(
        "--organisation", raw.organisation if raw.organisation is not None else suggested["organisation"]
    )
    timezone = (raw.timezone if raw.timezone is not None else suggested["timezone"]).strip()
    url = check_site(product, organisation, timezone, (raw.url or suggested["url"]).strip(), language)
    if raw.components is None and raw.groups:
        raise InitError("--group: name the group's components too (--component GROUP/ID=NAME)")
    if raw.components is None:
        groups, ungrouped = parse_components(suggested["components"], suggested["groups"])
    else:
        groups, ungrouped = parse_components(raw.components, raw.groups or [])
    return Answers(
        product=product,
        organisation=organisation,
        language=language,
        timezone=timezone,
        url=url,
        groups=groups,
        ungrouped=ungrouped,
        severities=check_preset(raw.severities or DEFAULT_PRESET),
        status_site=bool(raw.status_site),
    )
