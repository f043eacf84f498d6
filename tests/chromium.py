"""A real browser for the tests: Debian's Chromium driven by Playwright, on a loopback server.

Without Chromium the browser tests skip with the reason, except under CI, where a missing
browser is a failure.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.pageweight import CHROMIUM_ARGS
from bench.pageweight import chromium_path as bench_chromium_path


def chromium_path() -> str:
    """The system Chromium, found as the benchmark finds it; skips the test (fails it under
    CI) when there is none."""
    found = bench_chromium_path()
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is missing; CI must install Debian's chromium package")
    pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser() -> Iterator[object]:
    """A headless Chromium, closed afterwards."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def component_statuses(page: object) -> dict[str, str]:
    """Each component row of the status page open in ``page``: its id and the status label
    the visitor reads."""
    rows = page.locator("[data-opsdocs-component]")  # type: ignore[attr-defined]
    return {
        rows.nth(i).get_attribute("data-opsdocs-component"): rows.nth(i)
        .locator("[data-opsdocs-status-label]")
        .inner_text()
        for i in range(rows.count())
    }
