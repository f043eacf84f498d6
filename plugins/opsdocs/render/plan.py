"""The site plan: every generated output path mapped to its content and audience.

Renderers add to a plan; an engine adapter (the MkDocs plugins, or ``opsdocs generate``)
writes it. Markdown entries become pages the theme renders; every other entry (JSON, feeds,
iCalendar, SVG) is written as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from opsdocs.model.base import Audience


@dataclass(frozen=True)
class PlannedFile:
    """One generated output: a page (``.md``) or a machine file, for one audience."""

    path: str
    content: str | bytes
    audience: Audience
    listed: bool = True
    """Whether the page may appear in the navigation. Detail pages (one per incident,
    maintenance window, history page, postmortem, release) never do: a nav of N pages rendered
    on N pages is quadratic, whatever the configuration's ``nav`` says."""

    @property
    def is_page(self) -> bool:
        """Whether the theme renders this file as a page."""
        return self.path.endswith(".md")


class SitePlan:
    """Generated files by path. Adding two files at one path is a programming error."""

    def __init__(self) -> None:
        self._files: dict[str, PlannedFile] = {}

    def add(
        self, path: str, content: str | bytes, audience: Audience = Audience.public, *, listed: bool = True
    ) -> None:
        """Plan ``content`` at ``path`` for ``audience``; ``listed=False`` keeps a page out of
        the navigation."""
        self._add(PlannedFile(path, content, audience, listed))

    def _add(self, planned: PlannedFile) -> None:
        if planned.path in self._files:
            raise ValueError(f"two generated files at {planned.path}")
        self._files[planned.path] = planned

    def for_site(self, public: bool) -> list[PlannedFile]:
        """The files one site gets: the public site gets public files only."""
        return [f for f in self._files.values() if not public or f.audience == Audience.public]

    def __iter__(self) -> Iterator[PlannedFile]:
        return iter(self._files.values())

    def __len__(self) -> int:
        return len(self._files)

    def __contains__(self, path: str) -> bool:
        return path in self._files

    def __getitem__(self, path: str) -> PlannedFile:
        return self._files[path]
