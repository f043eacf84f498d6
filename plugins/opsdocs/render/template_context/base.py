"""What a page template's entry says, and the variables many templates share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class PageTemplate:
    """A template rendered with values: what it renders, and each variable it receives."""

    renders: str
    values: Mapping[str, str]


SHARED = {
    "labels": "the labels in the site's language: `labels('key')`, `labels('key', name=value)`",
    "dates": "formats in the site's language and time zone: `dates.date(day)`, "
    "`dates.datetime(moment)`, `dates.time(moment)`, `dates.month(day)`, `dates.duration(span)`",
    "render_markdown": "`render_markdown(text)`: Markdown from the data as sanitized HTML",
    "icons": "the icon of each component status",
    "impact_icons": "the icon of each impact level (`none`, `minor`, `major`, `critical`, `maintenance`)",
    "indicator_icons": "the icon of each overall indicator (same keys as `impact_icons`)",
    "overdue_icon": "the icon of an overdue item",
    "staff": "whether this is the staff site",
}


def shared(*names: str) -> dict[str, str]:
    """The shared variables ``names``, with what each is."""
    return {name: SHARED[name] for name in names}


def page(renders: str, *groups: Mapping[str, str], **values: str) -> PageTemplate:
    """A page template that ``renders`` a page, receiving the variables of ``groups`` and
    ``values``."""
    merged: dict[str, str] = {}
    for group in groups:
        merged.update(group)
    return PageTemplate(renders, {**merged, **values})
