"""Team, roles, people, contacts, escalation and on-call (``data/team.yml``, ``data/contacts.yml``)."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field

from opsdocs.model.base import Audience, Duration, Email, Id, Record, audience_field, internal
from opsdocs.model.index import cached_index, index_by_id


class RoleGroup(Record):
    """A group of roles, e.g. development and maintenance."""

    id: Id
    name: str
    description: str = ""


class Role(Record):
    """A role on the team and what it is responsible for."""

    id: Id
    name: str
    group: Id | None = Field(None, description="Id of a group in this file.")
    responsibilities: list[str] = Field(default_factory=list)
    audience: Audience = audience_field(Audience.internal)


class Person(Record):
    """A member of the team; always internal."""

    id: Id
    name: str
    roles: list[Id] = Field(default_factory=list, description="Ids of roles.")
    email: Email | None = internal(None)
    phone: str | None = internal(None)
    audience: Audience = audience_field(Audience.internal)


class Team(Record):
    """``data/team.yml``."""

    groups: list[RoleGroup] = internal(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)

    @property
    def roles_by_id(self) -> Mapping[str, Role]:
        """Each role by its id."""
        return index_by_id(self, "roles", self.roles)

    @property
    def role_names(self) -> Mapping[str, str]:
        """Each role's name by its id: what a page shows for a role id it holds."""
        return cached_index(self, "role_names", (self.roles,), lambda: {r.id: r.name for r in self.roles})

    @property
    def people_by_id(self) -> Mapping[str, Person]:
        """Each person by their id."""
        return index_by_id(self, "people", self.people)


class Contact(Record):
    """Someone to call in an emergency: a role's address and phone, or a person's."""

    id: Id
    name: str = Field(description="How the contact is known, e.g. 'Tech Lead'.")
    group: str = Field("", description="Heading the contact is listed under.")
    role: Id | None = Field(None, description="Id of the role this contact stands for.")
    person: Id | None = Field(None, description="Id of a person in team.yml.")
    email: Email | None = internal(None)
    phone: str | None = internal(None)
    pager: str | None = internal(None, description="Paging service or number, e.g. PagerDuty 24/7.")
    availability: str = internal("", description="When the contact can be reached.")
    audience: Audience = audience_field(Audience.internal)


class EscalationLevel(Record):
    """One level of the escalation path: whom to call once ``after`` has passed."""

    level: int = Field(ge=1)
    after: Duration = Field(description="Time since the page at which this level is called.")
    contacts: list[Id] = Field(description="Ids of contacts.")
    note: str = ""


class OnCall(Record):
    """How on-call works."""

    contact: Id = Field(description="Id of the contact who is paged first.")
    rotation: str = ""
    tool: str = ""
    handover: str = ""


class Contacts(Record):
    """``data/contacts.yml``: emergency contacts, escalation path and on-call; internal."""

    contacts: list[Contact] = Field(default_factory=list)
    escalation: list[EscalationLevel] = internal(default_factory=list)
    on_call: OnCall | None = internal(None)

    @property
    def by_id(self) -> Mapping[str, Contact]:
        """Each contact by its id."""
        return index_by_id(self, "by_id", self.contacts)
