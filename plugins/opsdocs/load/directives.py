"""Finding ``<!-- opsdocs:NAME -->`` directives in Markdown, with their line and column.

A directive is an HTML comment alone on its line (indented at most three spaces, as any
Markdown HTML block). Directives inside fenced code blocks are not directives, so pages can
document them. What a name means is the renderer's business; this module only finds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from opsdocs.load.markdown_page import fenced_lines

_DIRECTIVE = re.compile(r"^(?P<indent> {0,3})<!--\s*opsdocs:(?P<name>[^\s>]*)\s*-->\s*$")
MARKER = "opsdocs:"
"""Text every directive starts with: a page without it has none (a cheap first check)."""


@dataclass(frozen=True)
class Directive:
    """One directive: its name, and where it is (1-based line of the file, and column)."""

    name: str
    line: int
    column: int


def scan_lines(markdown: str, first_line: int = 1) -> Iterator[tuple[str, Directive | None]]:
    """Each line of ``markdown`` (with its line ending), and the directive it is, if any.

    ``first_line`` is the file's line number of the first line (after a front matter)."""
    for number, (line, fenced) in enumerate(fenced_lines(markdown), start=first_line):
        match = None if fenced else _DIRECTIVE.match(line)
        yield line, (Directive(match["name"], number, len(match["indent"]) + 1) if match else None)


def find_directives(markdown: str, first_line: int = 1) -> list[Directive]:
    """Every directive of ``markdown``, in order."""
    if MARKER not in markdown:
        return []
    return [found for _, found in scan_lines(markdown, first_line) if found is not None]
