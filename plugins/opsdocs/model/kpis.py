"""Key performance indicators with targets the reliability report checks (``data/kpis.yml``)."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import Field, model_validator

from opsdocs.model.base import Audience, Id, Record, audience_field


class KpiCategory(StrEnum):
    """The seed's three families of KPIs."""

    quality = "quality"
    development = "development"
    support = "support"


class Measure(StrEnum):
    """Figures opsdocs computes from the incident log, which a KPI can be checked against."""

    uptime = "uptime"
    mtta = "mtta"
    mttr = "mttr"
    mtbf = "mtbf"


_TARGET = re.compile(r"^\s*(<=|>=|<|>|≤|≥)\s*(\d+(?:\.\d+)?)\s*(%|h|min|m|d|/5)?\s*$")
_UNITS = {
    "%": "percent",
    "h": "hours",
    "min": "minutes",
    "m": "minutes",
    "d": "days",
    "/5": "score5",
    None: "number",
}


class Kpi(Record):
    """A KPI, e.g. uptime ``> 99.9%``; ``target`` may also be qualitative text ("Daily")."""

    id: Id
    name: str
    category: KpiCategory
    target: str = Field(description="A comparison such as '> 99.9%', '< 2h', '> 30d', or text.")
    measure: Measure | None = Field(
        None, description="Computed figure this KPI is checked against in the reliability report."
    )
    description: str = ""
    audience: Audience = audience_field(Audience.internal)

    @model_validator(mode="after")
    def _measured_targets_are_numeric(self) -> Kpi:
        if self.measure is not None and self.comparison() is None:
            raise ValueError(f"target '{self.target}' must be a comparison like '< 2h' to be measured")
        return self

    def comparison(self) -> tuple[str, float, str] | None:
        """The target as (operator, value, unit), or None when it is qualitative text."""
        match = _TARGET.match(self.target)
        if not match:
            return None
        operator = {"≤": "<=", "≥": ">="}.get(match.group(1), match.group(1))
        return operator, float(match.group(2)), _UNITS[match.group(3)]


class Kpis(Record):
    """``data/kpis.yml``."""

    kpis: list[Kpi] = Field(default_factory=list)
