"""Releases, roadmap items, the release cycle and feature flags (``data/roadmap.yml``)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from pydantic import Field

from opsdocs.model.base import Audience, Day, Id, Markdown, Record, audience_field, internal, page_id
from opsdocs.model.index import index_by_id


class ItemStatus(StrEnum):
    """Where a roadmap item stands."""

    exploring = "exploring"
    planned = "planned"
    in_progress = "in_progress"
    beta = "beta"
    shipped = "shipped"


class RoadmapItem(Record):
    """A feature or improvement in a release."""

    id: Id
    title: str
    status: ItemStatus
    description: Markdown = Field("", description="Public description.")
    internal_note: str = internal("", description="For the team only.")
    feature_flag: Id | None = internal(None, description="Id of the flag that gates it.")
    shipped_on: Day | None = Field(None, description="Day it shipped; required when shipped.")
    audience: Audience = audience_field()


RESERVED_RELEASE_IDS = frozenset({"index", "release-cycle", "changelog", "feature-flags"})
"""Ids a release cannot take: each release gets a page ``roadmap/<id>.md``, and these are the
roadmap's own pages."""
ReleaseId = page_id("roadmap", RESERVED_RELEASE_IDS)


class Release(Record):
    """A release with a theme and a target period."""

    id: ReleaseId
    version: str
    name: str
    theme: str = ""
    target: str = Field(
        pattern=r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))$",
        description="Target period: a quarter (2025-Q1) or a month (2025-02).",
    )
    items: list[RoadmapItem] = Field(default_factory=list)
    audience: Audience = audience_field()


class ReleaseKind(Record):
    """A kind of release in the release cycle policy (major, minor, patch, hotfix)."""

    id: Id
    name: str
    cadence: str
    version_pattern: str = ""
    description: str = ""


class FlagState(StrEnum):
    """State of a feature flag in production."""

    off = "off"
    rollout = "rollout"
    on = "on"


class FeatureFlag(Record):
    """A feature flag; internal by default."""

    id: Id
    description: str
    state: FlagState = FlagState.off
    rollout_percent: int | None = Field(None, ge=0, le=100)
    owner: Id | None = Field(None, description="Id of the owning role.")
    audience: Audience = audience_field(Audience.internal)


class Roadmap(Record):
    """``data/roadmap.yml``."""

    release_cycle: list[ReleaseKind] = Field(default_factory=list)
    releases: list[Release] = Field(default_factory=list)
    feature_flags: list[FeatureFlag] = Field(default_factory=list)

    @property
    def feature_flags_by_id(self) -> Mapping[str, FeatureFlag]:
        """Each feature flag by its id."""
        return index_by_id(self, "feature_flags", self.feature_flags)
