"""What changed between two publications of the status page's API, as events.

Built from the published API files only: an incident that appeared or got an update, a
maintenance window that was scheduled, started, updated, completed or cancelled, a component
whose status changed. Each event has a stable key (the subject's id and the update that made
it, or the component's new status and when it took it), the same whenever the same change is
compared again, so a channel that has had an event's key never gets the event twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from opsdocs.model.notify import EventKind
from opsdocs.notify.publication import Publication

RESOLVED = frozenset({"resolved", "postmortem"})
UNDER_WAY = frozenset({"in_progress", "verifying"})


@dataclass(frozen=True)
class Event:
    """One change to tell subscribers about, with what the API published about its subject."""

    kind: EventKind
    key: str
    at: str
    """When it happened (Statuspage's timestamp form): the update's time, the component's change."""
    page: dict[str, Any]
    """The page and its overall status at the new publication."""
    subject: dict[str, Any]
    """The incident or window (the last one published, for a cancelled window) or the component."""
    components: tuple[str, ...] = ()
    """Ids of the components it touches and of their groups, for channels' filters."""
    old_status: str | None = None
    """A component's status before the change."""

    @property
    def subject_id(self) -> str:
        return str(self.subject["id"])

    @property
    def impact(self) -> str | None:
        """An incident's impact; None for a window or a component."""
        return self.subject.get("impact") if self.kind.value.startswith("incident.") else None

    def to_json(self) -> dict[str, Any]:
        """The event as JSON, for the sent-log's pending deliveries."""
        return {**asdict(self), "kind": self.kind.value, "components": list(self.components)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        """An event the sent-log kept."""
        return cls(**{**data, "kind": EventKind(data["kind"]), "components": tuple(data["components"])})


def _page(publication: Publication) -> dict[str, Any]:
    page, status = publication.page, publication.status
    return {
        "id": page["id"],
        "name": page.get("name", ""),
        "url": page.get("url", ""),
        "time_zone": page.get("time_zone", "UTC"),
        "updated_at": page.get("updated_at"),
        "status_indicator": status["indicator"],
        "status_description": status["description"],
    }


def _event(
    kind: EventKind,
    key: tuple[str, ...],
    at: str,
    page: dict[str, Any],
    subject: dict[str, Any],
    components: tuple[str, ...],
    old_status: str | None = None,
) -> Event:
    """An event about ``subject``; its key is ``key``'s parts (what the subject is, its id, the
    change: ``incident:queue:queue-4``), so the same change always has the same key."""
    return Event(kind, ":".join(key), at, page, subject, components, old_status)


def _touched(item: dict[str, Any], components: dict[str, dict[str, Any]]) -> tuple[str, ...]:
    """The components an incident or window names (its own and its updates'), with their groups."""
    ids = [c["id"] for c in item.get("components") or []]
    for update in item.get("incident_updates") or []:
        ids += [a["code"] for a in update.get("affected_components") or []]
    groups = [components[i]["group_id"] for i in ids if components.get(i, {}).get("group_id")]
    return tuple(dict.fromkeys(ids + groups))


def _newest(updates: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return max(updates, key=lambda u: (u["created_at"], u["id"]))


def _incident_kind(item: dict[str, Any], old: dict[str, Any] | None) -> EventKind:
    if old is None:
        return EventKind.incident_created
    if item["status"] in RESOLVED and old["status"] not in RESOLVED:
        return EventKind.incident_resolved
    return EventKind.incident_updated


def _maintenance_kind(item: dict[str, Any], old: dict[str, Any] | None) -> EventKind:
    status, before = item["status"], old["status"] if old else None
    if status == "scheduled":
        return EventKind.maintenance_scheduled
    if status in UNDER_WAY:
        return (
            EventKind.maintenance_started if before in (None, "scheduled") else EventKind.maintenance_updated
        )
    if before != "completed":
        return EventKind.maintenance_completed
    return EventKind.maintenance_updated


def _updated(
    kind_of: Any,
    prefix: str,
    current: dict[str, dict[str, Any]],
    previous: dict[str, dict[str, Any]],
    page: dict[str, Any],
    components: dict[str, dict[str, Any]],
) -> list[Event]:
    """One event per incident or window with updates the previous publication did not have."""
    events = []
    for item_id, item in current.items():
        old = previous.get(item_id)
        seen = {u["id"] for u in (old or {}).get("incident_updates") or []}
        new = [u for u in item.get("incident_updates") or [] if u["id"] not in seen]
        if not new:
            continue
        latest = _newest(new)
        subject = (prefix, item_id, latest["id"])
        events.append(
            _event(kind_of(item, old), subject, latest["created_at"], page, item, _touched(item, components))
        )
    return events


def _cancelled(current: Publication, previous: Publication, page: dict[str, Any]) -> list[Event]:
    """A window that was announced and not completed, and is no longer published: cancelled."""
    return [
        _event(
            EventKind.maintenance_cancelled,
            ("maintenance", window_id, "cancelled"),
            page["updated_at"],
            page,
            window,
            _touched(window, previous.components),
        )
        for window_id, window in previous.maintenances.items()
        if window_id not in current.maintenances and window["status"] != "completed"
    ]


def _component_changes(current: Publication, previous: Publication, page: dict[str, Any]) -> list[Event]:
    events = []
    for component_id, component in current.components.items():
        old = previous.components.get(component_id)
        if component.get("group") or old is None or old["status"] == component["status"]:
            continue
        at, ids = component["updated_at"], (component_id, component.get("group_id"))
        key = ("component", component_id, component["status"], at)
        touched = tuple(i for i in ids if i)
        events.append(_event(EventKind.component_updated, key, at, page, component, touched, old["status"]))
    return events


def changes(previous: Publication, current: Publication) -> list[Event]:
    """Every event between ``previous`` and ``current``, oldest first."""
    page = _page(current)
    events = _updated(_incident_kind, "incident", current.incidents, previous.incidents, page,
                      current.components)  # fmt: skip
    events += _updated(
        _maintenance_kind,
        "maintenance",
        current.maintenances,
        previous.maintenances,
        page,
        current.components,
    )
    events += _cancelled(current, previous, page)
    events += _component_changes(current, previous, page)
    return sorted(events, key=lambda e: (e.at, e.key))
