"""Markdown files with meta at their top, such as runbooks and hand-written pages.

The file is split where MkDocs splits it (``opsdocs.load.markdown_page``), so the meta
``opsdocs validate`` checks, and the build acts on, is the meta MkDocs gives the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from opsdocs.load.markdown_page import read_meta_data_lines, split_front_matter
from opsdocs.load.source import SourceDoc
from opsdocs.load.yaml_source import parse_yaml_text, read_text
from opsdocs.problems import Problem


@dataclass
class MarkdownSource:
    """A Markdown file split into its meta (with positions) and its body."""

    meta: SourceDoc
    body: str
    body_line: int
    """The 1-based line of the file on which the body starts."""


def read_markdown(
    text: str, rel: str, *, meta_data_lines: bool = False
) -> tuple[MarkdownSource | None, list[Problem]]:
    """Split ``text`` into its meta and body. The meta is its YAML front matter block or,
    with ``meta_data_lines`` (a page MkDocs builds), the MultiMarkdown meta-data lines MkDocs
    reads at the top of a page without one; a file with neither has empty meta."""
    split = split_front_matter(text)
    if split.unended:
        line = split.body.count("\n") + 1
        message = (
            "the front matter's closing line has no line break after it, so MkDocs reads the "
            "block as text, not as meta; end the file with a line break"
        )
        return None, [Problem(rel, line, 1, message)]
    if split.yaml is None:
        lines = read_meta_data_lines(split.body) if meta_data_lines else None
        if lines is None or not lines.meta:
            return MarkdownSource(SourceDoc(rel, {}), split.body, 1), []
        positions = {(key,): where for key, where in lines.positions.items()}
        doc = SourceDoc(rel, dict(lines.meta), _positions={(): (1, 1), **positions})
        return MarkdownSource(doc, lines.rest, lines.rest_line), []
    doc, problems = parse_yaml_text(split.yaml, rel, line_offset=1)
    if doc is None:
        return None, problems
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        return None, [Problem(rel, 2, 1, "front matter must be a mapping of fields")]
    return MarkdownSource(doc, split.body, split.body_line), problems


def load_markdown_file(
    path: Path, rel: str, *, meta_data_lines: bool = False
) -> tuple[MarkdownSource | None, list[Problem]]:
    """Read a Markdown file and split its meta from its body (see ``read_markdown``)."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    return read_markdown(text, rel, meta_data_lines=meta_data_lines)
