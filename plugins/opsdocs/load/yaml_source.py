"""YAML parsing that keeps positions, rejects duplicate keys and bounds what a file may cost.

PyYAML keeps the last of two equal keys silently and expands aliases without limit; both are
dangerous in hand-edited files, so documents are composed with libyaml (when available) and
turned into Python values here, with those checks.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from opsdocs.load.source import FieldPath, SourceDoc, dotted
from opsdocs.problems import Problem
from opsdocs.spellings import canonical_path

try:
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Data files larger than this are refused: operations data is never that big by accident."""
MAX_VALUES = 500_000
"""Values one file may expand to; stops alias ("billion laughs") bombs."""
MAX_DEPTH = 64
"""Nesting depth one file may reach."""
MAX_TEXT_CHARS = 100_000
"""Characters one text value may hold: ten times the longest postmortem section or update a
team writes, and a bound on what one value costs in every page, feed and file it lands in."""

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
"""Characters no page, feed or calendar may carry: C0 controls but tab and line breaks, DEL,
lone surrogates and non-characters."""
_MERGE_TAG = "tag:yaml.org,2002:merge"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader with a shorter tag resolution, called once per node.

    The same implicit resolvers, looked up the same way; what is left out is the support for
    path resolvers (``add_path_resolver``), which the safe loader never has. Composing the
    largest benchmark project is about 14 % faster.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR_TAG
        return _SEQ_TAG if kind is SequenceNode else _MAP_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _Stop(Exception):
    """Raised inside the walk when a file breaks a limit; carries the problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """The text of a UTF-8 file (a leading BOM is allowed), or a problem saying why not."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            message = f"file is {size / 1048576:.1f} MB; data files are limited to {limit} MB"
            return None, [Problem(rel, 1, 1, message)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(rel, 0, 0, f"cannot read file: {exc.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        return None, [Problem(rel, line, column, message)]
    text = text.replace("\r\n", "\n")
    bad = _FORBIDDEN.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        message = f"file contains the control character U+{ord(bad.group()):04X}; remove it"
        return None, [Problem(rel, line, column, message)]
    return text, []


def load_yaml_file(path: Path, rel: str) -> tuple[SourceDoc | None, list[Problem]]:
    """Parse the YAML file at ``path``, reported as ``rel``; None and problems when it fails."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    return parse_yaml_text(text, rel)


def parse_yaml_text(text: str, rel: str, line_offset: int = 0) -> tuple[SourceDoc | None, list[Problem]]:
    """Parse YAML ``text``; positions are shifted by ``line_offset`` lines (for front matter)."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 0
        column = (mark.column + 1) if mark else 0
        reason = exc.problem or exc.context or "invalid YAML"
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            reason += " (a tab: indent with spaces)"
        return None, [Problem(rel, line, column, f"invalid YAML: {reason}")]
    except yaml.YAMLError as exc:
        return None, [Problem(rel, 1, 1, f"invalid YAML: {exc}")]
    doc = SourceDoc(rel, None, text, line_offset)
    if root is None:
        return doc, []
    walker = _Walker(doc.path, line_offset)
    try:
        doc.data = walker.value(root, ())
    except _Stop as stop:
        return None, [stop.problem]
    return doc, walker.problems


def value_positions(text: str, line_offset: int = 0) -> dict[FieldPath, tuple[int, int]]:
    """The 1-based (line, column) of every value in YAML ``text``, keyed by its field path.

    Walks the same way as parsing does, so the paths are those of the parsed data; empty
    when the text does not parse (its problem was reported with a position already). A key
    written in its other spelling (``color``) is found under opsdocs' spelling too, the name
    the model reports it by.
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    walker = _Walker("", line_offset, record_positions=True)
    if root is not None:
        with contextlib.suppress(_Stop):  # a file over a limit keeps the positions found so far
            walker.value(root, ())
    positions = walker.positions or {}
    for path, position in list(positions.items()):
        positions.setdefault(canonical_path(path), position)
    return positions


def _char_at(text: str, line: int, column: int) -> str:
    """The character at 0-based ``line`` and ``column`` of ``text``, or '' past the end."""
    lines = text.split("\n")
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


class _Walker:
    """Turns a composed node graph into Python values, recording positions when asked."""

    def __init__(self, path: str, line_offset: int, *, record_positions: bool = False) -> None:
        self.path = path
        self.line_offset = line_offset
        self.positions: dict[FieldPath, tuple[int, int]] | None = {} if record_positions else None
        self.problems: list[Problem] = []
        self.count = 0
        self.constructor = SafeConstructor()

    def position(self, node: Node) -> tuple[int, int]:
        return (node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def stop(self, node: Node, message: str) -> _Stop:
        line, column = self.position(node)
        return _Stop(Problem(self.path, line, column, message))

    def value(self, node: Node, path: FieldPath) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            return_msg = f"file expands to more than {MAX_VALUES:,} values (too many aliases?)"
            raise self.stop(node, return_msg)
        if len(path) > MAX_DEPTH:
            raise self.stop(node, f"data is nested more than {MAX_DEPTH} levels deep")
        positions = self.positions
        if positions is not None and path not in positions:
            mark = node.start_mark
            positions[path] = (mark.line + 1 + self.line_offset, mark.column + 1)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        return [self.value(item, (*path, index)) for index, item in enumerate(node.value)]

    def scalar(self, node: ScalarNode, path: FieldPath) -> Any:
        if node.tag == _TIMESTAMP_TAG:
            # Dates and times stay text here; the model parses them, so that an impossible
            # date is reported against its field and a naive time gets the site's zone.
            return node.value
        # Most values are text, and text needs no constructor: it is the node's value.
        value = node.value if node.tag == _STR_TAG else self._construct(node, path)
        if isinstance(value, str):
            if len(value) > MAX_TEXT_CHARS:
                line, column = self.position(node)
                message = (
                    f"{dotted(path)}: text is {len(value):,} characters long; the limit is {MAX_TEXT_CHARS:,}"
                )
                self.problems.append(Problem(self.path, line, column, message))
                return value[:MAX_TEXT_CHARS]
            bad = _FORBIDDEN.search(value)
            if bad:
                # YAML refuses these characters written out; an escape ("\x1b") lets them in,
                # and no page, feed or calendar can carry them.
                line, column = self.position(node)
                message = (
                    f"{dotted(path)}: text contains the control character U+{ord(bad.group()):04X}; remove it"
                )
                self.problems.append(Problem(self.path, line, column, message))
                return _FORBIDDEN.sub("", value)
        return value

    def _construct(self, node: ScalarNode, path: FieldPath) -> Any:
        """A number, boolean, null or other tagged scalar, through PyYAML's constructor."""
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError) as exc:
            line, column = self.position(node)
            reason = getattr(exc, "problem", None) or str(exc)
            self.problems.append(Problem(self.path, line, column, f"{dotted(path)}: {reason}"))
            return None

    def mapping(self, node: MappingNode, path: FieldPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merged = self.value(value_node, path)
                sources = merged if isinstance(merged, list) else [merged]
                for source in sources:
                    if isinstance(source, dict):
                        for key, val in source.items():
                            result.setdefault(key, val)
                continue
            if not isinstance(key_node, ScalarNode):
                raise self.stop(key_node, f"{dotted(path)}: a key must be plain text")
            key = key_node.value if key_node.tag == _STR_TAG else self.scalar(key_node, path)
            if isinstance(key, (int, float, bool)) or key is None:
                key = key_node.value
            if key in seen:
                line, column = self.position(key_node)
                message = f"{dotted((*path, key))}: duplicate key '{key}' (first on line {seen[key]})"
                self.problems.append(Problem(self.path, line, column, message))
                continue
            seen[key] = key_node.start_mark.line + 1 + self.line_offset
            result[key] = self.value(value_node, (*path, key))
        return result
