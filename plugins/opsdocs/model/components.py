"""The product's components, grouped, as the status page lists them (``data/components.yml``)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum, StrEnum

from pydantic import Field

from opsdocs.model.base import Audience, Day, Id, Record, audience_field, internal
from opsdocs.model.index import cached_index, keyed_by_id


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
    audience: Audience = audience_field()


class ComponentGroup(Record):
    """A named group of components."""

    id: Id
    name: str
    description: str = ""
    components: list[Component] = Field(min_length=1)
    audience: Audience = audience_field()


class Components(Record):
    """``data/components.yml``: groups of components, and components outside any group."""

    groups: list[ComponentGroup] = Field(default_factory=list)
    components: list[Component] = Field(default_factory=list)

    def all_components(self) -> list[Component]:
        """Every component, grouped ones first, in file order."""
        return [c for g in self.groups for c in g.components] + list(self.components)

    @property
    def by_id(self) -> Mapping[str, Component]:
        """Every component, grouped or not, by its id."""
        return cached_index(self, "by_id", self._lists(), lambda: keyed_by_id(self.all_components()))

    @property
    def group_by_component(self) -> Mapping[str, ComponentGroup]:
        """The group of each grouped component, by the component's id."""
        return cached_index(
            self,
            "group_by_component",
            self._lists(),
            lambda: {c.id: g for g in self.groups for c in g.components},
        )

    def _lists(self) -> tuple[list, ...]:
        """The lists the components are in: what an index of them is built from."""
        return (self.groups, *(g.components for g in self.groups), self.components)
