"""Where ``opsdocs notify`` tells subscribers what was published (``data/notify.yml``).

The file names channels, never their addresses: each channel names the environment variable
(a CI secret) that holds its address, so no subscriber's address is ever in the repository. A
literal address anywhere in a channel is an error.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, Field, model_validator

from opsdocs.model.base import Id, Record, internal
from opsdocs.model.severities import Impact
from opsdocs.model.spellings import Spelled


class EventKind(Spelled):
    """What changed between two publications of the status page's API."""

    incident_created = "incident.created"
    incident_updated = "incident.updated"
    incident_resolved = "incident.resolved"
    maintenance_scheduled = "maintenance.scheduled"
    maintenance_started = "maintenance.started"
    maintenance_updated = "maintenance.updated"
    maintenance_completed = "maintenance.completed"
    maintenance_cancelled = "maintenance.cancelled"
    component_updated = "component.updated"


class ChannelKind(StrEnum):
    """How a channel is reached: a webhook in Statuspage's format, or any Apprise service."""

    webhook = "webhook"
    apprise = "apprise"


_ENV_NAME_HELP = "the name of an environment variable (e.g. STATUS_WEBHOOK_URL)"


def _literal_address(value: str) -> bool:
    return "://" in value or value.lower().startswith(("mailto:", "www."))


def _env_name(value: str) -> str:
    if _literal_address(value) or "@" in value:
        raise ValueError(
            "a literal address has no place in the repository: put it in a secret and write "
            f"{_ENV_NAME_HELP} that holds it"
        )
    if not value or not (value[0].isascii() and (value[0].isupper() or value[0] == "_")):
        raise ValueError(f"expected {_ENV_NAME_HELP}: capital letters, digits and '_'")
    if not all(ch.isascii() and (ch.isupper() or ch.isdigit() or ch == "_") for ch in value):
        raise ValueError(f"expected {_ENV_NAME_HELP}: capital letters, digits and '_'")
    return value


EnvName = Annotated[
    str,
    Field(max_length=100, description="Name of an environment variable, e.g. STATUS_WEBHOOK_URL."),
    AfterValidator(_env_name),
]


class Channel(Record):
    """One destination: a webhook receiver, or an Apprise address (chat, e-mail, push)."""

    name: Id = Field(description="The channel's name, in the summary and the sent-log.")
    kind: ChannelKind
    url_env: EnvName = Field(
        description="Environment variable holding the webhook's URL or the Apprise URL(s); "
        "never the address itself."
    )
    secret_env: EnvName | None = Field(
        None,
        description="Webhooks only: environment variable holding the key that signs each body "
        "(HMAC-SHA256, header X-Opsdocs-Signature).",
    )
    events: list[EventKind] = Field(
        default_factory=lambda: list(EventKind), description="The events sent; default every one."
    )
    components: list[Id] = Field(
        default_factory=list,
        description="Ids of components or groups: only incidents, windows and status changes that "
        "touch one of them are sent (those that name no component always are); default all.",
    )
    impacts: list[Impact] = Field(
        default_factory=list, description="Impacts of the incidents sent; default every impact."
    )
    description: str = ""

    @model_validator(mode="before")
    @classmethod
    def _no_addresses(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key, value in data.items():
                if (
                    isinstance(value, str)
                    and _literal_address(value)
                    and key not in ("url_env", "secret_env")
                ):
                    raise ValueError(
                        f"{key}: a literal address has no place in the repository: put it in a "
                        "secret and name its environment variable in 'url_env'"
                    )
        return data

    @model_validator(mode="after")
    def _signed_webhooks_only(self) -> Channel:
        if self.secret_env is not None and self.kind != ChannelKind.webhook:
            raise ValueError("secret_env: only webhook channels are signed; remove it or use kind: webhook")
        return self


class Notify(Record):
    """``data/notify.yml``: the channels ``opsdocs notify`` sends to; internal."""

    channels: list[Channel] = internal(default_factory=list, description="Where notifications go.")
