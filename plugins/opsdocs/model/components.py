"""The product's components, grouped, as the status page lists them (``data/components.yml``)."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from pydantic import Field

from opsdocs.model.base import Audience, Day, Id, Record, internal, public_record


class ComponentStatus(StrEnum):
    """Statuspage's component statuses, from best to worst."""

    operational = "operational"
    degraded_performance = "degraded_performance"
    partial_outage = "partial_outage"
    major_outage = "major_outage"
    under_maintenance = "under_maintenance"


class Rank(IntEnum):
    """How bad a component status is; the worst one in force wins."""

    operational = 0
    under_maintenance = 1
    degraded_performance = 2
    partial_outage = 3
    major_outage = 4


def rank(status: ComponentStatus) -> Rank:
    """The rank of ``status``."""
    return Rank[status.value]


class Component(Record):
    """A part of the product whose status customers can see."""

    id: Id
    name: str
    description: str = ""
    tracked_since: Day | None = Field(None, description="First day of its status history.")
    owner: Id | None = internal(None, description="Id of the owning role.")
    audience: Audience = public_record()


class ComponentGroup(Record):
    """A named group of components."""

    id: Id
    name: str
    description: str = ""
    components: list[Component] = Field(min_length=1)
    audience: Audience = public_record()


class Components(Record):
    """``data/components.yml``: groups of components, and components outside any group."""

    groups: list[ComponentGroup] = Field(default_factory=list)
    components: list[Component] = Field(default_factory=list)

    def all_components(self) -> list[Component]:
        """Every component, grouped ones first, in file order."""
        return [c for g in self.groups for c in g.components] + list(self.components)
