"""One run of ``opsdocs notify``: compare the new build's API with the previous publication,
send each channel the events it wants and has not had, and say what happened."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from opsdocs.model.notify import Channel
from opsdocs.notify.channels import TIMEOUT, DeliveryFailed, Retry, sender
from opsdocs.notify.events import Event, changes
from opsdocs.notify.publication import LOG_PATH, Publication, PublicationError, read_folder
from opsdocs.notify.sentlog import LogError, SentLog
from opsdocs.render.labels import Labels

SENT, ALREADY, FAILED, PREVIEWED = "sent", "already sent", "failed", "previewed"
"""What became of one event on one channel."""


@dataclass(frozen=True)
class Delivery:
    channel: str
    event: Event
    outcome: str
    error: str = ""


@dataclass
class Report:
    """Every event found and what became of it on each channel."""

    events: list[Event]
    channels: list[Channel]
    baseline: bool
    """Whether there was a previous publication to compare with."""
    deliveries: list[Delivery] = field(default_factory=list)

    @property
    def failed(self) -> list[Delivery]:
        return [d for d in self.deliveries if d.outcome == FAILED]

    def counts(self, channel: str) -> dict[str, int]:
        found = [d.outcome for d in self.deliveries if d.channel == channel]
        return {outcome: found.count(outcome) for outcome in (SENT, ALREADY, FAILED, PREVIEWED)}

    def _lead(self) -> str:
        if not self.baseline:
            return "nothing was published before: nothing to compare with, nothing sent"
        return f"{len(self.events)} event(s) since the previous publication"

    def text(self) -> str:
        """The summary printed on standard output."""
        lines = [f"opsdocs notify: {self._lead()}"]
        lines += [f"  {e.kind.value:<22} {e.subject['name']} ({e.key})" for e in self.events]
        for channel in self.channels:
            counts = self.counts(channel.name)
            shown = ", ".join(f"{n} {outcome}" for outcome, n in counts.items() if n or outcome != PREVIEWED)
            lines.append(f"channel {channel.name} ({channel.kind.value}): {shown}")
        lines += [f"  failed: {d.channel}: {d.event.key}: {d.error}" for d in self.failed]
        return "\n".join(lines)

    def markdown(self) -> str:
        """The summary as Markdown, for a CI job's summary page."""
        lines = ["### Notifications", "", self._lead()[0].upper() + self._lead()[1:] + ".", ""]
        if self.events:
            lines += ["| event | about | key |", "|---|---|---|"]
            lines += [f"| `{e.kind.value}` | {_cell(e.subject['name'])} | `{e.key}` |" for e in self.events]
            lines.append("")
        if self.channels:
            lines += ["| channel | kind | sent | already sent | failed |", "|---|---|---|---|---|"]
            for channel in self.channels:
                c = self.counts(channel.name)
                lines.append(
                    f"| {channel.name} | {channel.kind.value} | {c[SENT]} | {c[ALREADY]} | {c[FAILED]} |"
                )
            lines.append("")
        if self.failed:
            lines += ["Failed deliveries (tried again by the next run):", ""]
            lines += [f"- {d.channel}: `{d.event.key}`: {_cell(d.error)}" for d in self.failed]
            lines.append("")
        return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def wanted(channel: Channel, event: Event) -> bool:
    """Whether ``channel`` asked for ``event``: its kind, a component it follows (an event that
    names no component goes to every channel), an incident's impact."""
    if event.kind not in channel.events:
        return False
    if channel.components and event.components and not set(channel.components) & set(event.components):
        return False
    return not (channel.impacts and event.impact is not None and event.impact not in channel.impacts)


def _read_log(path: Path) -> dict | None:
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise LogError(f"{path}: not JSON ({exc.msg})") from None


def notify(
    site_dir: Path,
    previous: Publication | None,
    channels: list[Channel],
    labels: Labels,
    environ: dict[str, str],
    *,
    retry: Retry | None = None,
    dry_run: bool = False,
    show: Callable[[str], None] = print,
) -> Report:
    """Send what changed from ``previous`` to the build in ``site_dir``, recording each delivery
    in the build's sent-log as it happens. Raises ``PublicationError``, ``LogError`` or
    ``ChannelError`` (bad input) before anything is sent; a delivery that fails is reported."""
    current = read_folder(site_dir)
    if current is None:
        raise PublicationError(f"{site_dir}: no status page API (api/v2/) in this site")
    log_path = site_dir / LOG_PATH
    log = SentLog.merged(previous.log if previous else None, _read_log(log_path))
    events = changes(previous, current) if previous is not None else []
    report = Report(events, channels, previous is not None)
    retry = retry or Retry()
    now = current.page["updated_at"]
    with httpx.Client(timeout=TIMEOUT, follow_redirects=False) as client:
        senders = {c.name: sender(c, environ, labels, client, retry, dry_run) for c in channels}
        for channel in channels:
            owed = log.owed_to(channel.name) + events
            queue = {e.key: e for e in owed if wanted(channel, e)}
            broken = ""
            for event in sorted(queue.values(), key=lambda e: (e.at, e.key)):
                if log.has(channel.name, event.key):
                    report.deliveries.append(Delivery(channel.name, event, ALREADY))
                elif dry_run:
                    preview = senders[channel.name].preview(event)
                    show(f"--- {channel.name}: {event.kind.value} ({event.key})\n{preview}")
                    report.deliveries.append(Delivery(channel.name, event, PREVIEWED))
                elif broken:
                    log.owe(channel.name, event, now)
                    report.deliveries.append(
                        Delivery(channel.name, event, FAILED, f"not tried after: {broken}")
                    )
                else:
                    try:
                        senders[channel.name].deliver(event)
                    except DeliveryFailed as exc:
                        broken = str(exc)
                        log.owe(channel.name, event, now)
                        report.deliveries.append(Delivery(channel.name, event, FAILED, broken))
                    else:
                        log.record(channel.name, event.key)
                        report.deliveries.append(Delivery(channel.name, event, SENT))
                    log.write(log_path)
    if not dry_run:
        log.prune(current.subjects, now, {c.name for c in channels})
        log.write(log_path)
    return report
