"""Ids (and file names) of new incidents and maintenance windows: ``<date>-<slug-of-title>``."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime
from pathlib import Path

from markdown.extensions.toc import slugify

from opsdocs.authoring.inputs import InputError

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
MAX_SLUG = 60
"""Characters of the title kept in an id: enough to tell incidents of one day apart."""
RESERVED = frozenset({"index"})
"""Ids that name a part's own page (``postmortems/index.md``)."""


def slug(title: str, fallback: str) -> str:
    """``title`` as lowercase ASCII words joined by ``-``, cut at a word under ``MAX_SLUG``."""
    words = slugify(title, "-").strip("-")
    if len(words) > MAX_SLUG:
        words = words[:MAX_SLUG].rsplit("-", 1)[0] or words[:MAX_SLUG]
    return words or fallback


def new_record_id(
    folder: Path, taken: Collection[str], day: datetime, title: str, chosen: str | None, fallback: str
) -> str:
    """The id of a new record in ``folder``: ``chosen`` if given (it must be free), else the
    local date of ``day`` and the title's slug, with ``-2``, ``-3``… when that is taken."""
    if chosen is not None:
        if not _ID.match(chosen) or len(chosen) > 100 or chosen in RESERVED:
            raise InputError(f"--id '{chosen}' is not an id: lowercase letters, digits, '.', '_', '-'")
        if chosen in taken or _exists(folder, chosen):
            raise InputError(f"--id '{chosen}' is taken: choose another")
        return chosen
    base = f"{day.date().isoformat()}-{slug(title, fallback)}"
    candidate, number = base, 1
    while candidate in taken or _exists(folder, candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _exists(folder: Path, record_id: str) -> bool:
    return (folder / f"{record_id}.yml").exists() or (folder / f"{record_id}.yaml").exists()
