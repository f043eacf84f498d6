"""The status page in a real browser: complete without JavaScript, refreshed in place with it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser import browser, serve
from tests.sitebuild import build_site

FIXTURE = Path(__file__).parent / "fixtures" / "status_site"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("browser") / "project"
    shutil.copytree(FIXTURE, project)
    result = build_site(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def statuses(page: object) -> dict[str, str]:
    rows = page.locator("[data-opsdocs-component]")  # type: ignore[attr-defined]
    return {
        rows.nth(i).get_attribute("data-opsdocs-component"): rows.nth(i)
        .locator("[data-opsdocs-status-label]")
        .inner_text()
        for i in range(rows.count())
    }


def test_without_javascript_the_page_shows_every_status(site: Path) -> None:
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page(java_script_enabled=False)  # type: ignore[attr-defined]
        page.goto(base + "status/")
        assert page.locator("[data-opsdocs-indicator]").inner_text() == "Partial system outage"
        assert statuses(page) == {"api": "Operational", "web": "Partial outage", "email": "Under maintenance"}
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
        assert statuses(page)["api"] == "Major outage"
        assert page.evaluate("document.body.dataset.marker") == "same page", "no reload"
        assert errors == []
        origin = urlparse(base).netloc
        assert [url for url in requests if urlparse(url).netloc != origin] == []
        assert any(url.endswith("api/v2/summary.json") for url in requests)
