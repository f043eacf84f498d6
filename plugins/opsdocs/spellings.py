"""The words of field names and values that users spell two ways, British and American.

opsdocs spells each field and value one way (``colour``, ``organisation``, ``cancelled``) and
writes that spelling in what it generates; a data file may use the other (``color``,
``organization``, ``canceled``) just as well. This table is the one place that knows the
pairs: the model renames a field written the other way and maps an enumerated value
(``opsdocs.model.spellings``), the JSON Schemas and the field reference name both, and error
positions point at the key as it was written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

SPELLINGS: Mapping[str, str] = {
    "colour": "color",
    "organisation": "organization",
    "cancelled": "canceled",
}
"""Each word as opsdocs spells it, with its other spelling."""

_CANONICAL = {other: ours for ours, other in SPELLINGS.items()}
_WORD = re.compile(r"[a-z]+")


def canonical(name: str) -> str:
    """``name`` with each word spelled as opsdocs spells it: ``color`` gives ``colour``,
    ``maintenance.canceled`` gives ``maintenance.cancelled``; other names are unchanged."""
    return _WORD.sub(lambda word: _CANONICAL.get(word.group(), word.group()), name)


def other_spelling(name: str) -> str:
    """``name`` with each word in its other spelling: ``colour`` gives ``color``; a name with
    no such word is returned unchanged."""
    return _WORD.sub(lambda word: SPELLINGS.get(word.group(), word.group()), name)


def canonical_path(path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """A field path with each key spelled as opsdocs spells it (indexes unchanged)."""
    return tuple(canonical(part) if isinstance(part, str) else part for part in path)


def key_as_written(data: Mapping[str, object], name: str) -> str:
    """The key of ``data`` that holds the field ``name``, however it is spelled there, else
    ``name``: an edit of a file writes the field under the spelling the file already uses."""
    return next((key for key in data if isinstance(key, str) and canonical(key) == name), name)
