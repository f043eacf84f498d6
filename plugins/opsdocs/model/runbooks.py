"""Runbooks: Markdown files under ``runbooks/`` whose front matter is validated here."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pydantic import Field

from opsdocs.model.base import Audience, Day, Duration, Id, Record, audience_field, page_id

RunbookId = page_id("runbooks", frozenset({"index"}))
"""A runbook's id names its page ``runbooks/<id>.md``; ``runbooks/index.md`` lists them."""


class RunbookMeta(Record):
    """A runbook's front matter."""

    id: RunbookId
    title: str
    components: list[Id] = Field(default_factory=list, description="Ids of components.")
    severities: list[Id] = Field(default_factory=list, description="Ids of severities.")
    owner: Id = Field(description="Id of the role that keeps the runbook current.")
    alerts: list[str] = Field(default_factory=list, description="Alerts or symptoms it answers.")
    last_reviewed: Day
    review_every: Duration = Field(default=timedelta(days=90), description="Review interval.")
    audience: Audience = audience_field(Audience.internal)


class Runbook(Record):
    """A runbook: its front matter and Markdown body."""

    meta: RunbookMeta
    body: str
    path: str = Field(description="Path of the file, relative to the project.")


class PageMeta(Record):
    """Front matter of a hand-written page under ``docs/``; other keys belong to the theme.

    Except a key that looks like a misspelt opsdocs key (``misspelt_page_key``): an error."""

    model_config = Record.model_config | {"extra": "allow"}

    audience: Audience = audience_field()
    category: str | None = None
    tags: list[str] = Field(default_factory=list)
    last_reviewed: Day | None = None


THEME_PAGE_KEYS = frozenset(
    {
        # MkDocs
        "title",
        "template",
        # Material for MkDocs and its plugins (blog, tags, social, search, meta)
        "authors",
        "categories",
        "comments",
        "date",
        "description",
        "draft",
        "hide",
        "icon",
        "links",
        "pin",
        "readtime",
        "search",
        "slug",
        "social",
        "status",
        "subtitle",
        "tags",
    }
)
"""Front-matter keys that MkDocs or Material read: never mistaken for a misspelt opsdocs key."""


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, with a swap of two neighbouring letters counting as one edit."""
    rows = [list(range(len(b) + 1))]
    for i, x in enumerate(a, start=1):
        row = [i]
        for j, y in enumerate(b, start=1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


def misspelt_page_key(key: Any) -> str | None:
    """The opsdocs key a hand-written page's front-matter ``key`` was probably meant to be.

    A page may carry any key for MkDocs, its theme or its plugins; a key that opsdocs reads,
    or one that MkDocs or Material read (``THEME_PAGE_KEYS``), is fine. Any other key within
    two edits of an opsdocs key (one for keys of five letters or fewer), case aside, is a typo:
    ``audiance: internal`` must not quietly publish the page.
    """
    if not isinstance(key, str) or key in PageMeta.model_fields or key in THEME_PAGE_KEYS:
        return None
    lowered = key.lower()
    for known in PageMeta.model_fields:
        allowed = 1 if len(known) <= 5 else 2
        if _edit_distance(lowered, known) <= allowed:
            return known
    return None


def page_is_public(meta: PageMeta | None) -> bool:
    """Whether a hand-written page is on the public site: unless its front matter says
    ``audience: internal``. A page opsdocs has not read (outside the project's pages) is."""
    return meta is None or meta.audience == Audience.public
