"""A parsed document together with the line and column of each value in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from opsdocs.problems import Problem

FieldPath = tuple[str | int, ...]
"""The keys and indexes leading to one value, e.g. ``("updates", 2, "message")``."""


@dataclass
class SourceDoc:
    """The data of one file, and where each value of it stands in that file.

    ``positions`` maps a field path to the 1-based (line, column) of the value's start; the
    empty path is the document itself. ``locate`` falls back to the nearest enclosing value,
    so a missing field is reported where its parent mapping starts.
    """

    path: str
    data: Any
    text: str = ""
    """The YAML text the data was parsed from, kept to find positions when one is asked for."""
    line_offset: int = 0
    """Lines of the file before ``text`` (a front matter block starts on line 2)."""
    _positions: dict[FieldPath, tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def positions(self) -> dict[FieldPath, tuple[int, int]]:
        """Every value's (line, column), found on first use by parsing ``text`` again.

        Positions are needed only to report a problem, which few files have; recording them
        for every value of every file cost more than parsing a file twice when one is wrong.
        """
        if self._positions is None:
            from opsdocs.load.yaml_source import value_positions  # yaml_source imports this module

            self._positions = value_positions(self.text, self.line_offset)
        return self._positions

    def locate(self, field_path: FieldPath) -> tuple[int, int]:
        """The (line, column) of ``field_path`` or, failing that, of its nearest ancestor."""
        for end in range(len(field_path), -1, -1):
            found = self.positions.get(tuple(field_path[:end]))
            if found is not None:
                return found
        return (1, 1)

    def problem(self, field_path: FieldPath, message: str, level: str = "error") -> Problem:
        """A problem located at ``field_path`` of this document."""
        line, column = self.locate(field_path)
        return Problem(self.path, line, column, message, level)  # type: ignore[arg-type]


@dataclass(frozen=True)
class SourceRef:
    """Where one record came from: a document and the path of the record inside it."""

    doc: SourceDoc
    prefix: FieldPath = ()

    @property
    def path(self) -> str:
        return self.doc.path

    def problem(self, field_path: FieldPath, message: str, level: str = "error") -> Problem:
        """A problem at ``field_path`` relative to this record."""
        return self.doc.problem(self.prefix + tuple(field_path), message, level)


def dotted(field_path: FieldPath) -> str:
    """A field path as people write it: ``updates[2].message``."""
    text = ""
    for part in field_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(document)"
