"""Postmortem follow-up at ``now``: which action items are past their due date and not done."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from opsdocs.derive.published import has_started
from opsdocs.model.incidents import ActionItem, Incident


def site_today(now: datetime, zone: ZoneInfo) -> date:
    """The day it is at ``now`` in the site's time zone."""
    return now.astimezone(zone).date()


def is_overdue(item: ActionItem, today: date) -> bool:
    """Whether ``item`` is not done and was due before ``today`` (an item due today is not late)."""
    return not item.done and item.due < today


def overdue_action_items(
    incidents: list[Incident], now: datetime, zone: ZoneInfo
) -> list[tuple[Incident, int, ActionItem]]:
    """Every action item not done whose due date is before today in ``zone``, as known at ``now``.

    Each comes with its incident and its index in the postmortem's ``action_items``; the list
    is sorted by due date, then incident id and index. Incidents that had not started by
    ``now`` are left out.
    """
    today = site_today(now, zone)
    found = [
        (incident, index, item)
        for incident in incidents
        if incident.postmortem is not None and has_started(incident, now)
        for index, item in enumerate(incident.postmortem.action_items)
        if is_overdue(item, today)
    ]
    found.sort(key=lambda entry: (entry[2].due, entry[0].id, entry[1]))
    return found
