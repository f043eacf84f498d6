"""Health checks of the components (``data/checks.yml``): what ``opsdocs probe`` requests, what
it expects back, and when failures become a drafted incident.

A check's address, headers and expected text are internal: the public site shows only the
figures measured, never how they were measured. Header values are never in the file: each
header names the environment variable (a CI secret) that holds its value.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from pydantic import Field, field_validator

from opsdocs.model.base import Audience, Duration, Id, Record, audience_field, internal
from opsdocs.model.notify import EnvName


class Method(StrEnum):
    """The HTTP methods a check may use."""

    GET = "GET"
    HEAD = "HEAD"
    POST = "POST"


class DraftMode(StrEnum):
    """How a drafted incident reaches the repository: proposed for a person to confirm, or
    committed at once."""

    pull_request = "pull_request"
    commit = "commit"


class Check(Record):
    """One request to one component, made on every run of ``opsdocs probe``."""

    id: Id = Field(description="The check's id, in the history; unique.")
    component: Id = Field(description="Id of the component checked (components.yml).")
    url: str = internal(description="The address requested: http:// or https://.")
    method: Method = Method.GET
    expect_status: list[int] = Field(
        default_factory=lambda: [200],
        min_length=1,
        description="The status codes that count as a success.",
    )
    body_contains: str = internal("", description="A text the body must contain; '' for none.")
    timeout: Duration = Field(timedelta(seconds=10), description="How long to wait for an answer.")
    degraded_above_ms: int | None = Field(
        None, ge=1, description="A response slower than this (milliseconds) counts as degraded performance."
    )
    headers: dict[str, EnvName] = internal(
        default_factory=dict,
        description="Request headers: header name to the environment variable holding its value.",
    )
    failures_for_outage: int = Field(
        3, ge=1, le=100, description="How many failed runs in a row draft an incident."
    )
    audience: Audience = audience_field()

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("a check requests an http:// or https:// address")
        return value

    @field_validator("expect_status")
    @classmethod
    def _status_codes(cls, value: list[int]) -> list[int]:
        for code in value:
            if not 100 <= code <= 599:
                raise ValueError(f"{code} is not an HTTP status code (100 to 599)")
        return value


class Checks(Record):
    """``data/checks.yml``: the checks, and how ``opsdocs probe`` runs them and drafts incidents."""

    checks: list[Check] = Field(default_factory=list)
    concurrency: int = Field(8, ge=1, le=100, description="How many checks run at once.")
    retries: int = Field(
        1, ge=0, le=5, description="How many times a failed request is tried again in the same run."
    )
    raw_days: int = Field(
        14, ge=1, le=366, description="Days of raw results kept; daily aggregates are kept forever."
    )
    drafts: DraftMode = Field(
        DraftMode.pull_request,
        description="How a drafted incident is proposed: a pull request a person merges, or a commit.",
    )
    severity: Id | None = Field(
        None, description="Severity of drafted incidents (severities.yml); default the least severe."
    )
