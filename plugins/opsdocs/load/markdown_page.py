"""A Markdown page read the way MkDocs reads it: its meta, its leading heading, its code.

MkDocs reads a file as text (a leading BOM dropped, every line ending ``\\n``), then takes the
page's meta from a YAML front matter block (``YAML_RE`` of ``mkdocs/utils/meta.py``) or, when
the page has none, from MultiMarkdown meta-data lines at its top (``Title: …``). The page's
title, without a ``title`` in its meta, is its first block when that is a level-1 heading, as
Python-Markdown parses one. ``opsdocs validate``, both builds and ``opsdocs generate`` read
pages through this module, so what opsdocs takes a page's meta to be (``audience: internal``)
is what MkDocs takes it to be. It imports nothing of MkDocs: the core never does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_YAML_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
"""MkDocs' ``YAML_RE``: a ``---`` line, the YAML, a ``---`` or ``...`` line ending in ``\\n``."""
_UNENDED_BLOCK = re.compile(r"^-{3}[ \t]*\n(?:.*?\n)?(?:\.{3}|-{3})[ \t]*\Z", re.DOTALL)
_META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^(?:[ ]{4}|\t)\s*(?P<value>.*)")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_ATX = re.compile(r"^(?P<level>#{1,6})(?P<text>(?:\\.|[^\\])*?)#*$")
"""Python-Markdown's hash heading: no space needed after the ``#``s, trailing ``#``s dropped."""
_SETEXT_H1 = re.compile(r"^=+[ ]*$")
"""The line under a level-1 setext heading."""
_ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")


def as_mkdocs_reads(text: str) -> str:
    """``text`` as MkDocs reads a page's file: without a leading BOM, every line ending ``\\n``."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class FrontMatter:
    """A page split at the end of its YAML front matter block, as MkDocs splits it."""

    header: str
    """The block as written, its ``---`` lines included; '' when the page has none."""
    yaml: str | None
    """The YAML between the block's lines; None when the page has no block."""
    body: str
    """The rest of the page (all of it without a block), as written after the block."""
    body_line: int
    """The 1-based line of the page on which ``body`` starts."""
    unended: bool = False
    """The page starts with what looks like a block whose last line has no line break after
    it, at the end of the file: MkDocs does not read that as front matter, but as text."""


def split_front_matter(text: str) -> FrontMatter:
    """``text`` (read as MkDocs reads it, see ``as_mkdocs_reads``) split after its YAML front
    matter block, exactly where MkDocs splits it."""
    text = as_mkdocs_reads(text)
    match = _YAML_BLOCK.match(text)
    if match is None:
        return FrontMatter("", None, text, 1, unended=_UNENDED_BLOCK.match(text) is not None)
    header = match.group(0)
    return FrontMatter(header, match.group(1), text[match.end() :], header.count("\n") + 1)


@dataclass(frozen=True)
class MetaDataLines:
    """The MultiMarkdown meta-data lines at the top of a page without front matter."""

    meta: dict[str, str]
    """Keys lower-cased, continuation lines joined with a space, as MkDocs reads them."""
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The 1-based line and column of each key in the page."""
    rest: str = ""
    """The page after them, blank lines at its start dropped, as MkDocs renders it."""
    rest_line: int = 1
    """The 1-based line of the page on which ``rest`` starts."""


def read_meta_data_lines(text: str) -> MetaDataLines:
    """The meta-data lines at the top of ``text`` (a page without a front matter block) and
    the rest of the page, read as MkDocs reads them (``mkdocs.utils.meta.get_data``)."""
    lines = as_mkdocs_reads(text).split("\n")
    meta: dict[str, str] = {}
    where: dict[str, tuple[int, int]] = {}
    key = None
    taken = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            taken += 1
            break
        if match := _META_LINE.match(line):
            key = match["key"].lower().strip()
            value = match["value"].strip()
            meta[key] = f"{meta[key]} {value}" if key in meta else value
            where.setdefault(key, (number, len(line) - len(line.lstrip(" ")) + 1))
        elif (more := _META_MORE.match(line)) and key:
            meta[key] += " " + more["value"].strip()
        else:
            break
        taken += 1
    rest = "\n".join(lines[taken:])
    stripped = rest.lstrip("\n")
    return MetaDataLines(meta, where, stripped, taken + 1 + (len(rest) - len(stripped)))


def page_markdown(text: str) -> str:
    """The Markdown MkDocs renders of a page's file ``text``: what follows its meta."""
    split = split_front_matter(text)
    if split.yaml is not None:
        return split.body.lstrip("\n")
    return read_meta_data_lines(split.body).rest


def fenced_lines(markdown: str) -> Iterator[tuple[str, bool]]:
    """Each line of ``markdown`` (with its line ending), and whether it is part of a fenced
    code block (its fences included): a fence is three or more backticks or tildes indented
    at most three spaces, closed by at least as many of the same character."""
    fence = ""
    for line in markdown.splitlines(keepends=True):
        opener = _FENCE.match(line)
        if fence:
            closes = (
                opener is not None and opener["fence"][0] == fence[0] and len(opener["fence"]) >= len(fence)
            )
            if closes and not line.strip().lstrip(fence[0]):
                fence = ""
            yield line, True
        elif opener:
            fence = opener["fence"]
            yield line, True
        else:
            yield line, False


@dataclass(frozen=True)
class Heading:
    """A level-1 heading of a page: its text (Markdown, an attribute list dropped) and where
    its line or lines are in the page (``end`` is past the line break after it)."""

    text: str
    start: int
    end: int


def first_heading(markdown: str) -> Heading | None:
    """The first level-1 heading of ``markdown`` outside code fences, as Python-Markdown reads
    one: a line starting with one ``#`` (``# Title``, ``#Title``), or the first line of a
    paragraph underlined with ``=``; None without one."""
    offset = 0
    first_of_block: tuple[str, int] | None = None
    """The line before this one, when it is the first line of a block that could be a heading."""
    after_blank = True
    for line, fenced in fenced_lines(markdown):
        start, offset = offset, offset + len(line)
        content = line.rstrip("\n")
        heading = None if fenced else _heading(content, first_of_block, start, offset)
        if heading is not None:
            return heading
        could_be = not fenced and after_blank and content.strip() and not content.startswith("    ")
        first_of_block = (content, start) if could_be and not _ATX.match(content) else None
        after_blank = fenced or not content.strip()
    return None


def leading_heading(markdown: str) -> Heading | None:
    """The heading ``markdown`` starts with (blank lines aside), when it is a level-1 one: the
    heading MkDocs takes as the page's title."""
    heading = first_heading(markdown)
    if heading is None or markdown[: heading.start].strip():
        return None
    return heading


def split_leading_heading(markdown: str) -> tuple[str, str]:
    """The leading heading of ``markdown`` (its lines as written, '' without one; see
    ``leading_heading``) and the rest of ``markdown``, for a page that puts something right
    under its title."""
    heading = leading_heading(markdown)
    if heading is None:
        return "", markdown
    return markdown[heading.start : heading.end].strip("\n"), markdown[heading.end :]


def _heading(line: str, above: tuple[str, int] | None, start: int, end: int) -> Heading | None:
    """The level-1 heading that ``line`` is, or ends (a setext one, under ``above``)."""
    match = _ATX.match(line)
    if match:
        text = _ATTR_LIST.sub("", match["text"].strip()).strip()
        return Heading(text, start, end) if match["level"] == "#" and text else None
    if above is not None and _SETEXT_H1.match(line):
        text = _ATTR_LIST.sub("", above[0].strip()).strip()
        return Heading(text, above[1], end) if text else None
    return None
