"""MkDocs ``nav`` settings as plain data (lists, one-key mappings, page paths and links): the
pages one names, and the same nav with some pages left out. Both adapters use these, the
plugins on the configuration MkDocs read and ``generate`` on the one it writes."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit


def nav_pages(nav: object) -> set[str]:
    """Every page path (or link) a ``nav`` setting names."""
    if isinstance(nav, list):
        return set().union(*(nav_pages(item) for item in nav))
    if isinstance(nav, dict):
        return set().union(*(nav_pages(value) for value in nav.values()))
    return {nav} if isinstance(nav, str) else set()


def nav_target_exists(target: str, pages: Collection[str]) -> bool:
    """Whether a nav entry leads somewhere: an address or a site-absolute path (not checked),
    or one of ``pages`` written as MkDocs reads it (``./index.md`` and ``sub//a.md`` included)."""
    parts = urlsplit(target)
    return (
        bool(parts.scheme or parts.netloc)
        or target.startswith("/")
        or PurePosixPath(target).as_posix() in pages
    )


def pruned_nav(nav: Any, keep: Callable[[str], bool]) -> Any:
    """``nav`` without the entries whose target ``keep`` refuses, and without the sections
    that leaves empty; ``None`` when nothing is left. Entries that are neither a target nor a
    section stay as they are."""
    if isinstance(nav, list):
        kept = [pruned_nav(item, keep) for item in nav]
        return [item for item in kept if item is not None] or None
    if isinstance(nav, dict):
        sections = {key: pruned_nav(value, keep) for key, value in nav.items()}
        return {key: value for key, value in sections.items() if value is not None} or None
    if isinstance(nav, str) and not keep(nav):
        return None
    return nav
