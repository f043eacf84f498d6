"""Incident severities and their targets (``data/severities.yml``)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from pydantic import Field

from opsdocs.model.base import Duration, Id, Record, SpelledRecord, internal
from opsdocs.model.index import index_by_id


class Impact(StrEnum):
    """Statuspage's incident impact, which a severity maps to on the public status page."""

    none = "none"
    minor = "minor"
    major = "major"
    critical = "critical"


class Severity(SpelledRecord):
    """One severity level: what it means, how fast to respond and resolve, whom to tell."""

    id: Id
    level: int = Field(ge=1, description="1 is the most severe.")
    name: str
    colour: str = Field(pattern=r"^#[0-9a-fA-F]{6}$", description="Hex colour, e.g. #d32f2f.")
    impact: str = Field(description="What users experience.")
    status_impact: Impact = Field(description="Impact shown on the public status page.")
    response_time: Duration = Field(description="Target time to first response.")
    resolution_time: Duration = Field(description="Target time to resolution.")
    communication: str = internal(description="Who is told, and when.")
    examples: list[str] = internal(default_factory=list, description="Incidents of this level.")


class Severities(Record):
    """``data/severities.yml``."""

    severities: list[Severity] = Field(default_factory=list)

    @property
    def by_id(self) -> Mapping[str, Severity]:
        """Each severity by its id."""
        return index_by_id(self, "by_id", self.severities)
