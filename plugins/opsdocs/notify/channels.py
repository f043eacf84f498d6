"""Delivering an event to one channel: a signed webhook POST, or an Apprise notification.

A delivery that fails is tried again, ``attempts`` times in all, waiting ``backoff`` seconds
and twice as long each time after; an address that already took the event is not sent it
again within those attempts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import apprise
import httpx

from opsdocs.model.notify import Channel, ChannelKind
from opsdocs.notify.events import Event
from opsdocs.notify.messages import text_message, webhook_body
from opsdocs.render.labels import Labels

try:  # Apprise 1.9.4 moved its helpers into submodules
    from apprise.utils.parse import parse_urls
except ImportError:  # pragma: no cover - older Apprise
    from apprise.utils import parse_urls  # type: ignore[attr-defined,no-redef]

SIGNATURE_HEADER = "X-Opsdocs-Signature"
"""The webhook header carrying ``sha256=`` and the HMAC-SHA256 of the body, in hexadecimal."""
EVENT_HEADER = "X-Opsdocs-Event"
"""The webhook header naming the event (``incident.created``...)."""
KEY_HEADER = "X-Opsdocs-Event-Key"
"""The webhook header with the event's stable key, for receivers that keep what they had."""
TIMEOUT = 30.0
"""Seconds a receiver has to answer, as Statuspage allows."""


class ChannelError(Exception):
    """A channel that cannot be used as configured (an address Apprise does not know)."""


class DeliveryFailed(Exception):
    """A delivery the receiver refused or never answered."""


def sign(body: bytes, secret: str) -> str:
    """The signature header's value for ``body``: ``sha256=`` and its HMAC-SHA256 under ``secret``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def encode(body: dict[str, Any]) -> bytes:
    """A webhook body as the bytes sent, and signed."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Retry:
    """How hard to try: ``attempts`` in all, the first wait ``backoff`` seconds, doubling."""

    attempts: int = 3
    backoff: float = 2.0
    sleep: Callable[[float], None] = time.sleep

    def run(self, once: Callable[[], None]) -> int:
        """Call ``once`` until it does not raise ``DeliveryFailed``; the number of attempts made.
        The last failure is raised."""
        for attempt in range(1, self.attempts + 1):
            try:
                once()
                return attempt
            except DeliveryFailed:
                if attempt == self.attempts:
                    raise
                self.sleep(self.backoff * 2 ** (attempt - 1))
        return self.attempts  # pragma: no cover - attempts < 1


class Sender(Protocol):
    def preview(self, event: Event) -> str: ...

    def deliver(self, event: Event) -> None: ...


class WebhookSender:
    """POSTs Statuspage's webhook body, signed when the channel has a secret."""

    def __init__(self, channel: Channel, url: str, secret: str | None, labels: Labels,
                 client: httpx.Client, retry: Retry) -> None:  # fmt: skip
        self.channel, self.url, self.secret = channel, url, secret
        self.labels, self.client, self.retry = labels, client, retry

    def _request(self, event: Event) -> tuple[bytes, dict[str, str]]:
        body = encode(webhook_body(event, self.labels))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "opsdocs-notify",
            EVENT_HEADER: event.kind.value,
            KEY_HEADER: event.key,
        }
        if self.secret is not None:
            headers[SIGNATURE_HEADER] = sign(body, self.secret)
        return body, headers

    def preview(self, event: Event) -> str:
        body = webhook_body(event, self.labels)
        signed = f", signed with ${self.channel.secret_env}" if self.channel.secret_env else ""
        return f"POST to ${self.channel.url_env}{signed}:\n" + json.dumps(body, ensure_ascii=False, indent=1)

    def deliver(self, event: Event) -> None:
        body, headers = self._request(event)

        def once() -> None:
            try:
                response = self.client.post(self.url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                raise DeliveryFailed(f"{type(exc).__name__}: {exc}") from None
            if not 200 <= response.status_code < 300:
                raise DeliveryFailed(f"HTTP {response.status_code}")

        self.retry.run(once)


class AppriseSender:
    """Sends a title and text through each Apprise address the channel's variable holds."""

    def __init__(self, channel: Channel, urls: str, labels: Labels, retry: Retry) -> None:
        self.channel, self.labels, self.retry = channel, labels, retry
        self.services = []
        for number, url in enumerate(parse_urls(urls), start=1):
            service = apprise.Apprise()
            if not service.add(url):
                raise ChannelError(
                    f"channel '{channel.name}': address {number} in ${channel.url_env} is not an "
                    "Apprise URL (https://github.com/caronc/apprise/wiki)"
                )
            self.services.append(service)
        if not self.services:
            raise ChannelError(f"channel '{channel.name}': ${channel.url_env} holds no address")

    def preview(self, event: Event) -> str:
        title, body = text_message(event, self.labels)
        return f"To ${self.channel.url_env} ({len(self.services)} address(es)):\n{title}\n\n{body}"

    def deliver(self, event: Event) -> None:
        title, body = text_message(event, self.labels)
        done: set[int] = set()

        def once() -> None:
            failures = []
            for index, service in enumerate(self.services):
                if index in done:
                    continue
                with apprise.LogCapture(level=logging.WARNING) as logs:
                    ok = bool(service.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT))
                if ok:
                    done.add(index)
                else:
                    reason = logs.getvalue().strip().splitlines()
                    failures.append(f"address {index + 1}: {reason[-1] if reason else 'not delivered'}")
            if failures:
                raise DeliveryFailed("; ".join(failures))

        self.retry.run(once)


def sender(channel: Channel, environ: dict[str, str], labels: Labels, client: httpx.Client,
           retry: Retry, dry_run: bool = False) -> Sender:  # fmt: skip
    """The sender of ``channel``, its address and secret read from ``environ``; a
    ``ChannelError`` when a variable is unset (a dry run needs none)."""

    def read(name: str | None) -> str | None:
        if name is None:
            return None
        value = environ.get(name, "").strip()
        if not value and not dry_run:
            raise ChannelError(f"channel '{channel.name}': environment variable {name} is not set")
        return value

    url = read(channel.url_env) or ""
    if channel.kind == ChannelKind.webhook:
        if url and not url.startswith(("https://", "http://")):
            raise ChannelError(f"channel '{channel.name}': ${channel.url_env} is not an http(s) address")
        return WebhookSender(channel, url, read(channel.secret_env), labels, client, retry)
    if dry_run and not url:
        url = "json://localhost/"  # only to word the preview; nothing is sent
    return AppriseSender(channel, url, labels, retry)
