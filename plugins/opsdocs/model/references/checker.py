"""The checker the cross-file checks share: how a problem about a reference is worded and located."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from difflib import get_close_matches
from typing import TYPE_CHECKING

from opsdocs.load.source import FieldPath, SourceRef
from opsdocs.model.base import Record
from opsdocs.problems import Problem

if TYPE_CHECKING:
    from opsdocs.model.project import Layout, Project


class Checker:
    """Collects problems about one project's references."""

    def __init__(self, project: Project, layout: Layout, broken: set[str]) -> None:
        self.project = project
        self.layout = layout
        self.broken = broken
        self.problems: list[Problem] = []
        self.zone = project.site.zone

    def when(self, moment: datetime) -> str:
        """A time as the site writes it: local, with its offset."""
        return moment.astimezone(self.zone).isoformat()

    def line_of(self, record: Record, field: FieldPath, prefix: str = "") -> str:
        """``prefix`` and ", line N" (N the line of ``field`` of ``record``), then ")" when
        ``prefix`` opened one; just ", line N" without a prefix. Empty when the record has no
        source."""
        source = record.source
        if source is None:
            return prefix + ")" if prefix else ""
        line = source.doc.locate(source.prefix + tuple(field))[0]
        return f"{prefix}, line {line})" if prefix else f", line {line}"

    def at(self, record: Record | None, field: FieldPath, message: str) -> None:
        """A problem at ``field`` of ``record``, located in its file when it has one."""
        source = record.source if record is not None else None
        if source is None:
            self.problems.append(Problem("(unknown)", 0, 0, message))
        else:
            self.problems.append(source.problem(field, message))

    def unique(self, kind: str, records: Iterable[Record], key: str = "id") -> set[str]:
        """The ids of ``records``; a second record with the same id is a problem."""
        seen: dict[str, SourceRef | None] = {}
        for record in records:
            value = getattr(record, key)
            if value in seen:
                first = seen[value]
                where = f" (first in {first.path}:{first.doc.locate(first.prefix)[0]})" if first else ""
                self.at(record, (key,), f"{key}: duplicate {kind} id '{value}'{where}")
            else:
                seen[value] = record.source
        return set(seen)

    def known(
        self, record: Record | None, field: FieldPath, value: str | None, kind: str, ids: set[str], where: str
    ) -> None:
        """A problem when ``value`` is not one of ``ids``, with the closest match as a hint.

        Nothing is said when the file that lists the ids could not be read: its own problems
        are reported, and every reference to it would be a false alarm.
        """
        if value is None or value in ids or any(path.startswith(where) for path in self.broken):
            return
        hint = get_close_matches(value, sorted(ids), n=1)
        tail = (
            f"; did you mean '{hint[0]}'?"
            if hint
            else (f" ({where} has none)" if not ids else f" (see {where})")
        )
        label = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in field).replace(".[", "[")
        self.at(record, field, f"{label}: unknown {kind} '{value}'{tail}")
