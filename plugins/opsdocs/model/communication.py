"""Message templates for incident and maintenance updates (``data/communication.yml``).

The on-call commands (``opsdocs incident``, ``opsdocs maintenance``) prefill each update's
public message from the template that fits it best, so that under pressure nobody words a
first message from nothing. Templates are ``str.format`` text with a fixed set of
placeholders per kind; any other placeholder is an error located at the text that has it.
"""

from __future__ import annotations

import string
from collections.abc import Collection, Mapping, Sequence
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, Field

from opsdocs.model.base import Id, Record, internal
from opsdocs.model.incidents import UpdateStatus
from opsdocs.model.spellings import Spelled

INCIDENT_PLACEHOLDERS: Mapping[str, str] = {
    "product": "the product's name (site.yml)",
    "title": "the incident's title",
    "severity": "the severity's name",
    "components": "the names of the components the update is about, as a list in the site's language",
    "started_at": "when the incident started: date, time and time zone",
    "started_time": "when the incident started: hour and minute",
    "duration": "how long from the start to this update, e.g. 1 h 25 min",
}
"""The placeholders an incident template may use, with what each becomes."""

MAINTENANCE_PLACEHOLDERS: Mapping[str, str] = {
    "product": "the product's name (site.yml)",
    "title": "the window's title",
    "components": "the names of the components under maintenance, as a list in the site's language",
    "scheduled_for": "when the window starts: date, time and time zone",
    "scheduled_until": "when the window ends: date, time and time zone",
    "duration": "how long the window is scheduled to last, e.g. 4 h",
}
"""The placeholders a maintenance template may use, with what each becomes."""


def placeholder_problem(text: str, allowed: Collection[str]) -> str | None:
    """Why ``text`` is not a template with only ``allowed`` placeholders, or None.

    Literal braces are written doubled (``{{`` and ``}}``), as in ``str.format``; a placeholder
    is a bare name, without index, attribute, conversion or format.
    """
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        return f"not a valid template ({exc}); write a literal brace twice: {{{{ or }}}}"
    known = ", ".join(f"{{{name}}}" for name in allowed)
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in allowed:
            shown = f"{{{name}}}" if name else "{}"
            return f"unknown placeholder {shown}; use one of {known}"
        if spec or conversion:
            return f"placeholder {{{name}}} takes no format or conversion; write it as {{{name}}}"
    return None


def _template_text(allowed: Mapping[str, str]) -> object:
    def check(text: str) -> str:
        problem = placeholder_problem(text, list(allowed))
        if problem:
            raise ValueError(problem)
        if not text.strip():
            raise ValueError("a template needs some text")
        return text

    return Annotated[str, AfterValidator(check)]


Language = Annotated[
    str, Field(pattern=r"^[a-z]{2,3}([-_][A-Za-z0-9]+)*$", description="A language code: es, en, pt-BR.")
]

IncidentText = _template_text(INCIDENT_PLACEHOLDERS)
MaintenanceText = _template_text(MAINTENANCE_PLACEHOLDERS)


class MaintenancePhase(Spelled):
    """The moments of a window a message is written for: its statuses, and its cancellation."""

    scheduled = "scheduled"
    in_progress = "in_progress"
    verifying = "verifying"
    completed = "completed"
    cancelled = "cancelled"


def _only_for(what: str) -> Any:
    """A template's ``components`` condition: only for ``what`` (``windows on``) one of them."""
    return Field(
        default_factory=list, description=f"Only for {what} one of these components; any when left out."
    )


def _texts(placeholder: str) -> Any:
    """A template's ``text``: the message in each language, with ``placeholder`` as an example."""
    return Field(
        min_length=1,
        description=f"The message in each language (es, en, …), with placeholders such as {{{placeholder}}}.",
    )


class IncidentTemplate(Record):
    """The public message of an incident update in one phase, for some severities and components."""

    phase: UpdateStatus
    severity: Id | None = Field(None, description="Only for incidents of this severity; any when left out.")
    components: list[Id] = _only_for("updates about")
    text: dict[Language, IncidentText] = _texts("components")  # type: ignore[valid-type]


class MaintenanceTemplate(Record):
    """The public message of a maintenance window's update in one phase, for some components."""

    phase: MaintenancePhase
    components: list[Id] = _only_for("windows on")
    text: dict[Language, MaintenanceText] = _texts("scheduled_for")  # type: ignore[valid-type]


T = TypeVar("T", IncidentTemplate, MaintenanceTemplate)


def best_template(
    templates: Sequence[T],
    phase: str,
    components: Collection[str],
    language: str,
    severity: str | None = None,
) -> T | None:
    """The template for ``phase`` that fits best, or None: the most specific one whose
    conditions hold, a component condition weighing more than a severity condition, and the
    first in the file among equals. Only templates with a text in ``language`` count."""
    best: tuple[int, int, T] | None = None
    for position, template in enumerate(templates):
        if template.phase != phase or language not in template.text:
            continue
        severity_of = getattr(template, "severity", None)
        if severity_of is not None and severity_of != severity:
            continue
        if template.components and not set(template.components) & set(components):
            continue
        score = (2 if template.components else 0) + (1 if severity_of is not None else 0)
        if best is None or score > best[0]:
            best = (score, position, template)
    return best[2] if best is not None else None


class Communication(Record):
    """``data/communication.yml``: message templates for the on-call commands; internal."""

    incidents: list[IncidentTemplate] = internal(
        default_factory=list, description="Templates of incident updates, by phase."
    )
    maintenance: list[MaintenanceTemplate] = internal(
        default_factory=list, description="Templates of maintenance updates, by phase."
    )
