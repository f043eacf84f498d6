"""Markdown files with a YAML front matter block, such as runbooks and help articles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from opsdocs.load.source import SourceDoc
from opsdocs.load.yaml_source import parse_yaml_text, read_text
from opsdocs.problems import Problem

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class MarkdownSource:
    """A Markdown file split into its front matter (with positions) and its body."""

    meta: SourceDoc
    body: str
    body_line: int
    """The 1-based line of the file on which the body starts."""


def split_front_matter(text: str, rel: str) -> tuple[MarkdownSource | None, list[Problem]]:
    """Split ``text`` into front matter and body; a file without front matter has empty meta."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return MarkdownSource(SourceDoc(rel, {}), text, 1), []
    doc, problems = parse_yaml_text(match.group(1) or "", rel, line_offset=1)
    if doc is None:
        return None, problems
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        return None, [Problem(rel, 2, 1, "front matter must be a mapping of fields")]
    body = text[match.end() :]
    return MarkdownSource(doc, body, text.count("\n", 0, match.end()) + 1), problems


def load_markdown_file(path: Path, rel: str) -> tuple[MarkdownSource | None, list[Problem]]:
    """Read a Markdown file and split its front matter from its body."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    return split_front_matter(text, rel)
