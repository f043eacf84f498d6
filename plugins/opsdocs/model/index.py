"""Indices of a collection's records, by id: built once per collection, never stale in a copy.

A collection (``Severities``, ``Team``, ``Components``…) offers its indices as read-only
mapping properties (``project.severities.by_id``), so a renderer or ``derive`` looks a record
up instead of building its own dictionary. The public view (``opsdocs.model.audience``) makes
copies of collections with records left out; a copy shares its original's cache, so an index
remembers the lists it was built from and is built again, from the copy's own records, when
they are not the lists the collection holds now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

V = TypeVar("V")


class _HasId(Protocol):
    id: str


R = TypeVar("R", bound=_HasId)

_PREFIX = "__opsdocs_index_"
"""Key prefix of the indices in a collection's ``__dict__``, where ``functools.cached_property``
keeps its values too: pydantic compares and validates fields only, so an index there changes
neither equality nor what a model dumps."""


def cached_index(
    owner: BaseModel, name: str, sources: tuple[list[Any], ...], build: Callable[[], dict[str, V]]
) -> Mapping[str, V]:
    """The index ``name`` of ``owner``, built by ``build`` from the lists ``sources`` the first
    time it is asked for, and again whenever ``owner`` holds other lists than it was built
    from (a copy made by the public view, a field assigned anew). Records are not edited in
    place once read, so the same lists hold the same records."""
    key = _PREFIX + name
    held = owner.__dict__.get(key)
    if held is not None and _same(held[0], sources):
        return held[1]
    index = MappingProxyType(build())
    owner.__dict__[key] = (sources, index)
    return index


def _same(built_from: tuple[list[Any], ...], sources: tuple[list[Any], ...]) -> bool:
    return len(built_from) == len(sources) and all(a is b for a, b in zip(built_from, sources, strict=True))


def keyed_by_id(records: Iterable[R]) -> dict[str, R]:
    """``records`` by their ``id``."""
    return {record.id: record for record in records}


def index_by_id(owner: BaseModel, name: str, records: list[R]) -> Mapping[str, R]:
    """The index ``name`` of ``owner``: ``records``, one of its lists, by their ``id``, cached
    as ``cached_index`` caches."""
    return cached_index(owner, name, (records,), lambda: keyed_by_id(records))
