"""Read an issue opened with the "Report an incident" form (``.github/ISSUE_TEMPLATE/incident.yml``).

GitHub writes a form's answers into the issue body as Markdown, one section per field in the
form's order::

    ### Title

    Calendar does not load

    ### Message

    _No response_

A field left empty reads ``_No response_``. The body is whatever the person (or a client of
the API) sent, so nothing here trusts it: the values come back as plain strings, to be handed
to ``opsdocs incident new`` as data, which checks each one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

FORM = Path(__file__).resolve().parent.parent / "ISSUE_TEMPLATE" / "incident.yml"
"""The issue form, in this repository: its fields' ids and labels are read from it."""

NO_RESPONSE = "_No response_"
"""What GitHub writes for a field left empty."""


class FormError(ValueError):
    """The issue body does not follow the form; the message is one line saying how."""


@dataclass(frozen=True)
class Field:
    """One answerable field of the form: its id and the label GitHub writes as its heading."""

    id: str
    label: str


def form_fields(form: Path = FORM) -> list[Field]:
    """The form's fields in order, Markdown blocks (which GitHub does not write) left out."""
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    return [
        Field(str(item["id"]), str(item["attributes"]["label"]))
        for item in data["body"]
        if item.get("type") != "markdown"
    ]


def parse(body: str | None, fields: list[Field]) -> dict[str, str | None]:
    """Each field's answer (None when empty) in an issue body written by the form.

    Each heading is looked for after the previous one, so a value cannot reorder the fields;
    a value that writes a heading of its own only ends itself early. A missing heading is a
    ``FormError``.
    """
    text = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    starts: list[tuple[int, int]] = []
    position = 0
    for field in fields:
        heading = re.compile(rf"^###[ \t]+{re.escape(field.label)}[ \t]*$", re.MULTILINE)
        found = heading.search(text, position)
        if found is None:
            raise FormError(f"the issue does not follow the form: it has no '### {field.label}' section")
        starts.append((found.start(), found.end()))
        position = found.end()
    values: dict[str, str | None] = {}
    for index, field in enumerate(fields):
        end = starts[index + 1][0] if index + 1 < len(fields) else len(text)
        value = text[starts[index][1] : end].strip()
        values[field.id] = None if value in {"", NO_RESPONSE} else value
    return values
