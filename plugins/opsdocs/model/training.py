"""Learning paths per audience (``data/training.yml``)."""

from __future__ import annotations

from pydantic import Field, model_validator

from opsdocs.model.base import Audience, Duration, Id, Record, audience_field, page_id


class ModuleLink(Record):
    """Something a module uses: a page of the site, a runbook, or an outside address."""

    title: str
    page: str | None = Field(None, description="Path of a page under docs/, e.g. user-guide.md.")
    runbook: Id | None = Field(None, description="Id of a runbook.")
    url: str | None = Field(None, description="An outside address, e.g. a video.")

    @model_validator(mode="after")
    def _exactly_one_target(self) -> ModuleLink:
        if sum(x is not None for x in (self.page, self.runbook, self.url)) != 1:
            raise ValueError("a link needs exactly one of page, runbook or url")
        return self


class TrainingModule(Record):
    """A step of a learning path."""

    id: Id
    title: str
    goal: str
    duration: Duration
    prerequisites: list[Id] = Field(default_factory=list, description="Ids of earlier modules.")
    links: list[ModuleLink] = Field(default_factory=list)
    checklist: list[str] = Field(default_factory=list)


RESERVED_PATH_IDS = frozenset({"index"})
"""Ids a learning path cannot take: each path gets a page ``training/<id>.md``, and
``training/index.md`` is the list of paths."""
PathId = page_id("training", RESERVED_PATH_IDS)


class LearningPath(Record):
    """An ordered set of modules for one audience of learners."""

    id: PathId
    title: str
    learners: str = Field(description="Who the path is for, e.g. new developers.")
    description: str = ""
    modules: list[TrainingModule] = Field(min_length=1)
    audience: Audience = audience_field(Audience.internal)


class Training(Record):
    """``data/training.yml``."""

    paths: list[LearningPath] = Field(default_factory=list)
