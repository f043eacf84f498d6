"""An event worded for its receiver: a webhook body in Statuspage's format, or a message for a
person (title and text in the site's language, with a link to the incident's page).

Statuspage sends an ``incident`` payload for every incident and maintenance update and a
``component_update`` payload for every change of a component's status; receivers written for
Statuspage's webhooks read these unchanged. The incident object is the one the API published,
with the fields Statuspage's webhooks add (``backfilled``, ``postmortem_*``, ``scheduled_*``,
``organization_id``...) at the values a page that does not use those features sends.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from opsdocs.model.notify import EventKind
from opsdocs.notify.events import Event
from opsdocs.render.dates import DateFormatter
from opsdocs.render.labels import Labels

DOCUMENTATION = "https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/"
"""``meta.documentation``: the payloads are Statuspage's, documented there."""

_INCIDENT_DEFAULTS: dict[str, Any] = {
    "backfilled": False,
    "impact_override": None,
    "postmortem_body": None,
    "postmortem_body_last_updated_at": None,
    "postmortem_ignored": False,
    "postmortem_notified_subscribers": False,
    "postmortem_notified_twitter": False,
    "postmortem_published_at": None,
    "scheduled_for": None,
    "scheduled_until": None,
    "scheduled_remind_prior": False,
    "scheduled_reminded_at": None,
    "scheduled_auto_in_progress": False,
    "scheduled_auto_completed": False,
    "scheduled_auto_transition": False,
    "reminder_intervals": None,
    "metadata": {},
}
_UPDATE_DEFAULTS: dict[str, Any] = {"twitter_updated_at": None, "wants_twitter_update": False}


def _compact(timestamp: str) -> str:
    return "".join(ch for ch in timestamp if ch.isdigit())


def _moment(timestamp: str) -> datetime:
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00"))


def _cancelled(window: dict[str, Any], at: str, labels: Labels) -> dict[str, Any]:
    """The last published state of a cancelled window, completed by an update saying so, as a
    Statuspage page's team would close a window that will not happen."""
    updates = window.get("incident_updates") or []
    before = (
        {a["code"]: a["new_status"] for a in (updates[0].get("affected_components") or [])} if updates else {}
    )
    affected = [
        {"code": c["id"], "name": c["name"], "old_status": before.get(c["id"], "operational"),
         "new_status": "operational"}
        for c in window.get("components") or []
    ]  # fmt: skip
    update = {
        "id": f"{window['id']}-cancelled",
        "status": "completed",
        "body": labels("notify.maintenance.cancelled_body"),
        "incident_id": window["id"],
        "created_at": at,
        "updated_at": at,
        "display_at": at,
        "affected_components": affected or None,
        "deliver_notifications": True,
        "custom_tweet": None,
        "tweet_id": None,
    }
    return {**window, "status": "completed", "updated_at": at, "resolved_at": at,
            "incident_updates": [update, *updates]}  # fmt: skip


def incident_object(event: Event, labels: Labels) -> dict[str, Any]:
    """The incident (or window) as Statuspage's webhooks send it."""
    item = event.subject
    if event.kind == EventKind.maintenance_cancelled:
        item = _cancelled(item, event.at, labels)
    maintenance = "scheduled_for" in item
    return {
        **_INCIDENT_DEFAULTS,
        "scheduled_auto_in_progress": maintenance,
        "scheduled_auto_completed": maintenance,
        **item,
        "organization_id": item.get("page_id", event.page["id"]),
        "incident_updates": [{**_UPDATE_DEFAULTS, **u} for u in item.get("incident_updates") or []],
    }


def webhook_body(event: Event, labels: Labels) -> dict[str, Any]:
    """The body Statuspage would POST for ``event``."""
    page = event.page
    body: dict[str, Any] = {
        "meta": {"unsubscribe": page["url"], "documentation": DOCUMENTATION},
        "page": {
            "id": page["id"],
            "status_indicator": page["status_indicator"],
            "status_description": page["status_description"],
        },
    }
    if event.kind != EventKind.component_updated:
        return {**body, "incident": incident_object(event, labels)}
    component = event.subject
    return {
        **body,
        "component_update": {
            "created_at": event.at,
            "new_status": component["status"],
            "old_status": event.old_status,
            "id": f"{component['id']}-{_compact(event.at)}",
            "component_id": component["id"],
        },
        "component": {
            "created_at": component["created_at"],
            "id": component["id"],
            "name": component["name"],
            "status": component["status"],
        },
    }


def link(event: Event) -> str:
    """The absolute address of the event's page: the incident's or window's, else the site's."""
    base = event.page["url"]
    shortlink = event.subject.get("shortlink")
    return urljoin(base, shortlink) if shortlink else base


def _dates(event: Event, labels: Labels) -> DateFormatter:
    try:
        zone = ZoneInfo(event.page["time_zone"])
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return DateFormatter(labels.language.replace("-", "_"), zone)


def text_message(event: Event, labels: Labels) -> tuple[str, str]:
    """A title and a plain-text body for a person, in the labels' language."""
    item = event.subject
    if event.kind == EventKind.component_updated:
        now, old = (labels(f"component.status.{s}") for s in (item["status"], event.old_status))
        heading = labels("notify.component.updated", name=item["name"], status=now)
        title = labels("notify.title", product=event.page["name"], text=heading)
        body = labels("notify.component.body", name=item["name"], status=now, old=old)
        return title, "\n".join([body, "", labels("notify.link", url=link(event))])
    heading = labels(f"notify.{event.kind.value}", name=item["name"])
    title = labels("notify.title", product=event.page["name"], text=heading)
    incident = incident_object(event, labels)
    updates = incident["incident_updates"]
    maintenance = "scheduled_for" in item
    lines = [updates[0]["body"], ""] if updates else []
    family = "maintenance" if maintenance else "incident"
    status = labels(f"{family}.status.{incident['status']}")
    lines.append(f"{labels('incident.status')}: {status}")
    if maintenance:
        dates = _dates(event, labels)
        start, end = (dates.datetime(_moment(item[k])) for k in ("scheduled_for", "scheduled_until"))
        lines.append(f"{labels('maintenance.window')}: {start} – {end}")
    else:
        lines.append(f"{labels('incident.impact')}: {labels('impact.' + item['impact'])}")
    names = [c["name"] for c in item.get("components") or []]
    if names:
        lines.append(f"{labels('incident.affected')}: {', '.join(names)}")
    lines += ["", labels("notify.link", url=link(event))]
    return title, "\n".join(lines)
