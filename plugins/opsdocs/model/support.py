"""Support channels, response SLAs and self-service resources (``data/support.yml``)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from opsdocs.model.base import Audience, Duration, Id, Record, audience_field, internal


class ChannelKind(StrEnum):
    """How a channel is reached."""

    chat = "chat"
    email = "email"
    web = "web"
    slack = "slack"
    phone = "phone"


class Channel(Record):
    """A way to reach support."""

    id: Id
    name: str
    kind: ChannelKind
    address: str = Field("", description="Email, URL, phone number or channel name.")
    description: str = ""
    availability: str = ""
    for_plans: list[str] = Field(default_factory=list, description="Plans it is offered to.")
    audience: Audience = audience_field()


class ResponseTarget(Record):
    """Time to first response for one priority."""

    priority: Id
    name: str
    first_response: Duration
    description: str = ""
    severity: Id | None = internal(None, description="Id of the matching incident severity.")


class SelfService(Record):
    """A self-help resource."""

    id: Id
    name: str
    description: str
    link: str = Field("", description="Page path in the site, or a URL.")
    audience: Audience = audience_field()


class Support(Record):
    """``data/support.yml``."""

    channels: list[Channel] = Field(default_factory=list)
    response_targets: list[ResponseTarget] = Field(default_factory=list)
    self_service: list[SelfService] = Field(default_factory=list)
