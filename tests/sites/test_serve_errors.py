"""``mkdocs serve`` with broken data shows the problems in the browser, located and escaped,
and shows the site again once an edit fixes them, instead of leaving requests hanging; results
``opsdocs probe`` adds to the checks' history show without a restart."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from opsdocs.model.checks_history import Result
from opsdocs.probe.writer import record
from tests.clock import NOW_AT, env_at
from tests.editing import replace, where

INCIDENT = "data/incidents/2026-03-20-slow-emails.yml"
WAIT = 90.0
"""Seconds a page may take to show what it should: the first build and each rebuild."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def serve(minimal_project: Path) -> Iterator[Callable[[], str]]:
    """Start ``mkdocs serve`` on the project; give the address it serves; stop it afterwards."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=minimal_project,
        env=env_at(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield lambda: f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _page_until(url: str, ready: Callable[[str], bool]) -> str:
    """The page at ``url`` once ``ready`` says it is what it should be (polled; bounded by WAIT)."""
    deadline = time.monotonic() + WAIT
    text = ""
    while time.monotonic() < deadline:
        try:
            text = httpx.get(url, timeout=10).text
        except httpx.HTTPError:
            text = ""
        if ready(text):
            return text
        time.sleep(0.5)
    raise AssertionError(f"{url} never became what was expected; last:\n{text[:2000]}")


def test_broken_data_is_shown_then_the_site_after_the_fix(minimal_project: Path, serve) -> None:
    path = minimal_project / INCIDENT
    replace(path, "severity: sev2", "severity: <sev9>")
    line, column = where(minimal_project, INCIDENT, "<sev9>")
    located = f"{INCIDENT}:{line}:{column}: error: severity: "
    base = serve()

    page = _page_until(base, lambda text: "opsdocs-problems" in text)
    assert located in page
    assert "&lt;sev9&gt;" in page and "<sev9>" not in page, "the data's text is escaped"
    assert "livereload" in page, "the development server's reload script is on the page"
    other = httpx.get(base + "status/", timeout=10)
    assert located in other.text, "every address shows the problems"

    replace(path, "severity: <sev9>", "severity: sev2")
    site = _page_until(base, lambda text: "Welcome to the operations site of Minimal" in text)
    assert "opsdocs-problems" not in site


def test_results_added_to_the_history_while_serving_reach_the_site(minimal_project: Path, serve) -> None:
    replace(minimal_project / "mkdocs.yml", "opsdocs/status: {}", "opsdocs/status: {checks_history: history}")
    (minimal_project / "data" / "checks.yml").write_text(
        "checks:\n  - {id: api-home, component: api, url: 'https://api.example.test/'}\n", encoding="utf-8"
    )
    (minimal_project / "history").mkdir()  # checked out before serving, as the workflows do
    checks_json = serve() + "api/opsdocs/checks.json"
    _page_until(checks_json, lambda text: '"components": []' in text)
    record(minimal_project / "history", [Result(NOW_AT, "api-home", 200, "", 120)], NOW_AT, 14)
    _page_until(checks_json, lambda text: '"id": "api"' in text)
