"""What each channel has had: the keys of the events delivered to it, and the deliveries that
failed and are owed to it.

The log is kept beside the API it describes (``api/opsdocs/notified.json``), rewritten after
every delivery, so a run cut short (a retried job, a timeout) knows what it had sent and a run
that follows sends each channel only what it has not had. A failed delivery stays owed, and is
tried again by the next runs, for ``PENDING_FOR`` after it first failed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from opsdocs.notify.events import Event

LOG_VERSION = 1
PENDING_FOR = timedelta(hours=24)
"""How long a delivery that failed is tried again before it is given up."""


class LogError(Exception):
    """A sent-log that is not one."""


def _subject(key: str) -> str:
    return key.split(":")[1] if key.count(":") >= 2 else key


def _moment(timestamp: str) -> datetime:
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00"))


@dataclass
class Owed:
    """A delivery that failed: which channel, since when, and the event as it was."""

    channel: str
    since: str
    event: Event


@dataclass
class SentLog:
    """The keys delivered to each channel, and the deliveries still owed."""

    sent: dict[str, set[str]] = field(default_factory=dict)
    owed: list[Owed] = field(default_factory=list)

    @classmethod
    def merged(cls, *documents: dict[str, Any] | None) -> SentLog:
        """One log holding everything the given logs (as JSON) hold."""
        log = cls()
        for document in documents:
            if document is None:
                continue
            try:
                if document.get("version") != LOG_VERSION:
                    raise LogError(f"version {document.get('version')!r}, expected {LOG_VERSION}")
                for channel, keys in document["sent"].items():
                    log.sent.setdefault(channel, set()).update(keys)
                for item in document["owed"]:
                    log.owe(item["channel"], Event.from_json(item["event"]), item["since"])
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise LogError(f"not a sent-log ({exc})") from None
        log.owed = [o for o in log.owed if not log.has(o.channel, o.event.key)]
        return log

    def has(self, channel: str, key: str) -> bool:
        """Whether ``channel`` has had the event ``key``."""
        return key in self.sent.get(channel, set())

    def record(self, channel: str, key: str) -> None:
        """``channel`` has had the event ``key``: it is owed no more."""
        self.sent.setdefault(channel, set()).add(key)
        self.owed = [o for o in self.owed if not (o.channel == channel and o.event.key == key)]

    def owe(self, channel: str, event: Event, since: str) -> None:
        """A delivery of ``event`` to ``channel`` failed at ``since`` (the first failure is kept)."""
        if not any(o.channel == channel and o.event.key == event.key for o in self.owed):
            self.owed.append(Owed(channel, since, event))

    def owed_to(self, channel: str) -> list[Event]:
        """The events owed to ``channel``."""
        return [o.event for o in self.owed if o.channel == channel]

    def prune(self, subjects: set[str], now: str, channels: set[str]) -> None:
        """Forget the channels no longer configured, the keys of incidents, windows and
        components no longer published (their events cannot come again) and the deliveries
        owed for longer than ``PENDING_FOR``."""
        limit = _moment(now) - PENDING_FOR
        self.owed = [o for o in self.owed if o.channel in channels and _moment(o.since) >= limit]
        keep = subjects | {o.event.subject_id for o in self.owed}
        self.sent = {
            channel: {k for k in keys if _subject(k) in keep}
            for channel, keys in self.sent.items()
            if channel in channels
        }

    def to_json(self) -> dict[str, Any]:
        """The log as JSON, in a stable order."""
        return {
            "version": LOG_VERSION,
            "sent": {channel: sorted(keys) for channel, keys in sorted(self.sent.items()) if keys},
            "owed": [
                {"channel": o.channel, "since": o.since, "event": o.event.to_json()}
                for o in sorted(self.owed, key=lambda o: (o.channel, o.event.at, o.event.key))
            ],
        }

    def write(self, path: Path) -> None:
        """Write the log to ``path`` whole: a copy beside it is renamed into place."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = path.with_name(path.name + ".tmp")
        fresh.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        fresh.replace(path)
