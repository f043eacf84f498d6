"""Runbooks: Markdown files under ``runbooks/`` whose front matter is validated here."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field

from opsdocs.model.base import Audience, Day, Duration, Id, Record, public_record


class RunbookMeta(Record):
    """A runbook's front matter."""

    id: Id
    title: str
    components: list[Id] = Field(default_factory=list, description="Ids of components.")
    severities: list[Id] = Field(default_factory=list, description="Ids of severities.")
    owner: Id = Field(description="Id of the role that keeps the runbook current.")
    alerts: list[str] = Field(default_factory=list, description="Alerts or symptoms it answers.")
    last_reviewed: Day
    review_every: Duration = Field(default=timedelta(days=90), description="Review interval.")
    audience: Audience = public_record(Audience.internal)


class Runbook(Record):
    """A runbook: its front matter and Markdown body."""

    meta: RunbookMeta
    body: str
    path: str = Field(description="Path of the file, relative to the project.")


class PageMeta(Record):
    """Front matter of a hand-written page under ``docs/``; unknown keys belong to MkDocs."""

    model_config = Record.model_config | {"extra": "allow"}

    audience: Audience = public_record()
    category: str | None = None
    tags: list[str] = Field(default_factory=list)
    last_reviewed: Day | None = None
