"""Round-trip YAML editing with ruamel.yaml: comments, key order and layout survive an edit.

opsdocs reads its data with PyYAML (YAML 1.1); ruamel.yaml writes YAML 1.2. Values written
here are styled so that PyYAML reads them back as the same text: a word PyYAML would take for
a boolean, a number or a date (``yes``, ``010``, ``2026-03-14``) is quoted. Values already in
a file are written back as they were.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString
from ruamel.yaml.timestamp import TimeStamp

WIDTH = 4096
"""Lines are never re-wrapped: what people wrote on one line stays on one line."""

SCHEMA_LINE = "yaml-language-server: $schema={path}"
"""The first line of a data file (as a comment), which points editors at its JSON Schema."""


def _yaml() -> YAML:
    """A round-trip ruamel.yaml in the layout of the example data (two spaces, dashes indented)."""
    handler = YAML(typ="rt")
    handler.preserve_quotes = True
    handler.width = WIDTH
    handler.indent(mapping=2, sequence=4, offset=2)
    return handler


class YamlEditError(ValueError):
    """A data file that ruamel.yaml cannot read back for editing."""


@dataclass
class YamlDoc:
    """One data file, parsed for editing; ``text`` is what the file holds now."""

    path: Path
    text: str
    data: Any
    bom: bool = False
    crlf: bool = False

    def dump(self) -> str:
        """The document as text, in the file's own line endings (its BOM is kept by ``encode``)."""
        return dump(self.data, crlf=self.crlf)

    def encode(self, text: str) -> bytes:
        """``text`` as the file's bytes: UTF-8, with the BOM the file had."""
        return ("\ufeff" if self.bom else "").encode() + text.encode("utf-8")

    def keeps_layout(self) -> bool:
        """Whether writing the file back unchanged gives the same text: when not, an edit also
        re-lays out lines it does not change (a flow mapping over several lines, say)."""
        return dump(load_text(self.text, self.path).data, crlf=self.crlf) == self.text


def load_text(text: str, path: Path) -> YamlDoc:
    """``text`` (the content of ``path``) parsed for editing."""
    bom = text.startswith("\ufeff")
    body = text.removeprefix("\ufeff")
    crlf = "\r\n" in body
    try:
        data = _yaml().load(body.replace("\r\n", "\n"))
    except YAMLError as exc:
        raise YamlEditError(f"{path}: cannot be read for editing: {exc}") from None
    return YamlDoc(path, body, data, bom, crlf)


def load(path: Path) -> YamlDoc:
    """The data file at ``path``, parsed for editing."""
    return load_text(path.read_bytes().decode("utf-8"), path)


def dump(data: Any, *, crlf: bool = False) -> str:
    """``data`` (as ``load`` gives it, or built with the helpers below) as YAML text."""
    out = io.StringIO()
    _yaml().dump(data, out)
    text = out.getvalue()
    return text.replace("\n", "\r\n") if crlf else text


def new_document(schema_path: str) -> CommentedMap:
    """An empty mapping that dumps with the schema comment on its first line."""
    document = CommentedMap()
    document.yaml_set_start_comment(SCHEMA_LINE.format(path=schema_path))
    return document


def schema_path(file: Path, root: Path, schema_name: str) -> str:
    """The path from ``file``'s folder to the project's ``schemas/<schema_name>``."""
    return Path(os.path.relpath(root / "schemas" / schema_name, file.parent)).as_posix()


def mapping(items: dict[str, Any] | None = None) -> CommentedMap:
    """A new mapping, keys in the given order."""
    result = CommentedMap()
    for key, value in (items or {}).items():
        result[key] = value
    return result


def sequence(items: list[Any] | None = None) -> CommentedSeq:
    """A new list, written in block style."""
    return CommentedSeq(items or [])


def flow_sequence(items: list[Any]) -> CommentedSeq:
    """A new list written on one line, ``[a, b]``, as the example writes lists of ids."""
    result = CommentedSeq(items)
    result.fa.set_flow_style()
    return result


def _pyyaml_reads_as_text(value: str) -> bool:
    """Whether PyYAML, which reads the data, takes ``value`` written plain for text."""
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))
    return tag == "tag:yaml.org,2002:str"


def text(value: str) -> Any:
    """A one-line text (a title, a note): plain when PyYAML reads it back as this text, quoted
    otherwise; a text of several lines becomes a literal block."""
    if "\n" in value.strip():
        return block(value)
    if value != value.strip() or not value or not _pyyaml_reads_as_text(value):
        return DoubleQuotedScalarString(value)
    return value


def block(value: str) -> LiteralScalarString:
    """A message, written as a literal block (``|``) as the example's messages are."""
    lines = [line.rstrip() for line in value.strip("\n").splitlines()]
    return LiteralScalarString("\n".join(lines) + "\n")


def moment(value: datetime, zone: ZoneInfo) -> TimeStamp:
    """``value`` as a timestamp written in ``zone`` with its offset, ``2026-03-14T10:05:00-03:00``."""
    local = value.astimezone(zone)
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    name = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    stamp = TimeStamp(
        local.year,
        local.month,
        local.day,
        local.hour,
        local.minute,
        local.second,
        tzinfo=timezone(offset, name),
    )
    stamp._yaml["t"] = True
    return stamp
