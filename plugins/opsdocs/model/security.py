"""Security audits, data protection and privacy compliance (``data/security.yml``)."""

from __future__ import annotations

from pydantic import Field

from opsdocs.model.base import Audience, Frequency, Id, Record, audience_field


class Audit(Record):
    """A recurring security audit."""

    id: Id
    name: str
    frequency: Frequency
    description: str = ""
    owner: Id | None = Field(None, description="Id of the owning role.")
    audience: Audience = audience_field(Audience.internal)


class ProtectionMeasure(Record):
    """A measure that protects customer data."""

    id: Id
    name: str
    measure: str
    audience: Audience = audience_field(Audience.internal)


class Regulation(Record):
    """A privacy law or standard the product complies with, and how."""

    id: Id
    name: str
    region: str = ""
    commitments: list[str] = Field(min_length=1)
    audience: Audience = audience_field(Audience.internal)


class Security(Record):
    """``data/security.yml``."""

    audits: list[Audit] = Field(default_factory=list)
    data_protection: list[ProtectionMeasure] = Field(default_factory=list)
    compliance: list[Regulation] = Field(default_factory=list)
