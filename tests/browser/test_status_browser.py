"""The status page in a real browser: complete without JavaScript, refreshed in place with it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.chromium import browser, component_statuses, serve
from tests.clock import NOW
from tests.paths import FIXTURES

FIXTURE = FIXTURES / "status_site"
pytestmark = pytest.mark.browser

AS_BUILT = {"api": "Operational", "web": "Partial outage", "email": "Under maintenance"}
"""The components' statuses at ``NOW``, when the fixture site is built."""
IN_THE_WINDOW = {"api": "Under maintenance", "web": "Partial outage", "email": "Operational"}
"""At 02:30-02:40 on 5 December, in "Database upgrade" (api, web) and after "Email provider
migration" (email); web stays in partial outage, its open incident being worse."""


@pytest.fixture
def site(built_site: Callable[..., Path]) -> Path:
    """The status fixture site as built at ``NOW``; a test that edits it serves a copy."""
    return built_site(FIXTURE / "mkdocs.yml")


def test_without_javascript_the_page_shows_every_status(site: Path) -> None:
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page(java_script_enabled=False)  # type: ignore[attr-defined]
        page.goto(base + "status/")
        assert page.locator("[data-opsdocs-indicator]").inner_text() == "Partial system outage"
        assert component_statuses(page) == AS_BUILT
        assert page.get_by_role("link", name="Web app slow").count() == 1
        assert page.get_by_role("link", name="Database upgrade").count() == 1


def test_refresh_script_updates_banner_and_components_in_place(site: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    shutil.copytree(site, served)
    summary_path = served / "api" / "v2" / "summary.json"
    with serve(served) as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requests.append(request.url))
        page.clock.install()
        page.goto(base + "status/")
        page.evaluate("document.body.dataset.marker = 'same page'")

        summary = json.loads(summary_path.read_text())
        summary["page"]["updated_at"] = "2026-11-28T15:01:00.000Z"  # a newer build's
        summary["status"] = {"indicator": "critical", "description": "Major service outage"}
        for component in summary["components"]:
            if component["id"] == "api":
                component["status"] = "major_outage"
        summary_path.write_text(json.dumps(summary))

        page.clock.run_for(61_000)
        page.wait_for_function(
            "document.querySelector('[data-opsdocs-indicator]').textContent === 'Major service outage'"
        )
        assert "opsdocs-banner--critical" in page.locator("[data-opsdocs-banner]").get_attribute("class")
        assert component_statuses(page)["api"] == "Major outage"
        assert page.evaluate("document.body.dataset.marker") == "same page", "no reload"
        assert errors == []
        origin = urlparse(base).netloc
        assert [url for url in requests if urlparse(url).netloc != origin] == []
        assert any(url.endswith("api/v2/summary.json") for url in requests)


def _at(moment: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(moment).timestamp()


def test_the_page_moves_on_with_the_clock_and_says_when_its_data_is_old(site: Path) -> None:
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        # Opened ten minutes after the build: as built, and not stale.
        page.clock.install(time=_at("2026-11-28T12:10:00-03:00"))
        page.goto(base + "status/")
        assert component_statuses(page) == AS_BUILT
        assert page.locator("[data-opsdocs-age]").inner_text() == "Updated 10 min ago"
        assert not page.locator("[data-opsdocs-stale]").is_visible()

        # No build since, and the clock passes the start of "Database upgrade" (api, web),
        # after the end of "Email provider migration" (email), both scheduled when it was built.
        page.clock.fast_forward((158 * 60 + 30) * 60_000)  # to 2026-12-05 02:40 -03:00
        page.wait_for_function(
            "document.querySelector('[data-opsdocs-component=\"api\"] [data-opsdocs-status-label]')"
            ".textContent === 'Under maintenance'"
        )
        # web stays in partial outage: its open incident is worse than maintenance.
        assert component_statuses(page) == IN_THE_WINDOW
        stale = page.locator("[data-opsdocs-stale]")
        assert stale.is_visible()
        minutes = 7 * 24 * 60 - 9 * 60 - 20  # from 28 Nov 12:00 to 5 Dec 02:40
        assert stale.inner_text() == (
            f"This page was last updated {minutes} min ago: the status may have changed since. "
            "Reload the page later."
        )
        assert errors == []


def test_opened_late_the_page_shows_the_maintenance_that_has_begun(site: Path) -> None:
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()  # type: ignore[attr-defined]
        page.clock.install(time=_at("2026-12-05T02:30:00-03:00"))
        page.goto(base + "status/")
        assert component_statuses(page) == IN_THE_WINDOW
        assert page.locator("[data-opsdocs-stale]").is_visible()
        # Once the window is over, api is back to operational, without a reload.
        page.clock.fast_forward(2 * 3600_000)
        page.wait_for_function(
            "document.querySelector('[data-opsdocs-component=\"api\"] [data-opsdocs-status-label]')"
            ".textContent === 'Operational'"
        )
        # As built the page says it is from 28 Nov; the script never hides that.
        assert page.locator("time[data-opsdocs-generated]").get_attribute("datetime") == NOW
