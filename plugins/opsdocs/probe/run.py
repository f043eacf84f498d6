"""Running the checks: every check at once, at most ``concurrency`` in flight, each with its
own timeout and up to ``retries`` more tries in the same run, through httpx.

Header values come from the environment (the variables each check names); a variable that is
not set stops the run before any request, with a located error.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

import httpx

from opsdocs.model.checks import Check, Checks
from opsdocs.model.checks_history import Result

USER_AGENT = "opsdocs-probe (+https://github.com/opsdocs/opsdocs)"


class MissingSecret(ValueError):
    """A header's environment variable is not set; the message is located."""


def headers_of(check: Check, environ: Mapping[str, str], where: str) -> dict[str, str]:
    """The request headers of ``check``, their values read from ``environ``."""
    headers = {"User-Agent": USER_AGENT}
    for name, variable in check.headers.items():
        value = environ.get(variable)
        if not value:
            line = check.source.doc.locate(check.source.prefix + ("headers", name))[0] if check.source else 0
            raise MissingSecret(
                f"{where}:{line}:1: error: check '{check.id}': header {name}: the environment "
                f"variable {variable} is not set"
            )
        headers[name] = value
    return headers


async def _attempt(
    client: httpx.AsyncClient, check: Check, headers: dict[str, str]
) -> tuple[int | None, str, int | None]:
    """One request: its status code, its error class ('' when it passed) and its time in ms."""
    started = time.perf_counter()
    try:
        response = await client.request(
            check.method.value, check.url, headers=headers, timeout=check.timeout.total_seconds()
        )
    except httpx.TimeoutException:
        return None, "timeout", None
    except httpx.TransportError:
        return None, "connection", None
    except httpx.HTTPError:
        return None, "other", None
    elapsed = round((time.perf_counter() - started) * 1000)
    if response.status_code not in check.expect_status:
        return response.status_code, "status", elapsed
    if check.body_contains and check.body_contains not in response.text:
        return response.status_code, "text", elapsed
    return response.status_code, "", elapsed


async def _run_all(checks: Sequence[Check], settings: Checks, headers: Mapping[str, dict[str, str]],
                   at: datetime) -> list[Result]:  # fmt: skip
    limit = asyncio.Semaphore(settings.concurrency)
    limits = httpx.Limits(max_connections=settings.concurrency)

    async with httpx.AsyncClient(follow_redirects=False, limits=limits, trust_env=False) as client:

        async def one(check: Check) -> Result:
            async with limit:
                for tries_left in range(settings.retries, -1, -1):
                    code, error, ms = await _attempt(client, check, headers[check.id])
                    if not error or tries_left == 0:
                        break
                return Result(at, check.id, code, error, ms)

        return list(await asyncio.gather(*(one(check) for check in checks)))


def run_checks(
    checks: Sequence[Check], settings: Checks, now: datetime, environ: Mapping[str, str] | None = None,
    where: str = "data/checks.yml",
) -> list[Result]:  # fmt: skip
    """Run ``checks``; each result is stamped ``now`` (the run's time, to the second)."""
    env = os.environ if environ is None else environ
    headers = {check.id: headers_of(check, env, where) for check in checks}
    at = now.astimezone(UTC).replace(microsecond=0)
    return sorted(asyncio.run(_run_all(checks, settings, headers, at)))
