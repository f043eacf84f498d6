"""A status fixture site built by MkDocs at a fixed now: pages, API, and what the public sees."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from tests.clock import NOW
from tests.html import hrefs, page
from tests.paths import FIXTURES, REPO, STATUSPAGE_SCHEMA
from tests.sitebuild import build_site, tree

FIXTURE = FIXTURES / "status_site"
SCHEMA = json.loads(STATUSPAGE_SCHEMA.read_text())


@pytest.fixture
def site(built_site: Callable[..., Path]) -> Path:
    return built_site(FIXTURE / "mkdocs.yml", now=NOW)


def api(site: Path, name: str) -> dict:
    return json.loads((site / "api" / "v2" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("path", "definition"),
    [
        ("summary.json", "summary.json"),
        ("status.json", "status.json"),
        ("components.json", "components.json"),
        ("incidents.json", "incidents.json"),
        ("incidents/unresolved.json", "incidents.json"),
        ("scheduled-maintenances.json", "scheduled-maintenances.json"),
        ("scheduled-maintenances/upcoming.json", "scheduled-maintenances.json"),
        ("scheduled-maintenances/active.json", "scheduled-maintenances.json"),
    ],
)
def test_every_api_file_has_the_statuspage_shape(site: Path, path: str, definition: str) -> None:
    schema = {**SCHEMA, "$ref": f"#/$defs/{definition}"}
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        api(site, path)
    )


def test_summary_carries_the_statuses_at_now(site: Path) -> None:
    summary = api(site, "summary.json")
    # The web app is in a partial outage (an update at 10:00), the unresolved incident is sev2
    # (major impact): the indicator is major.
    assert summary["status"]["indicator"] == "major"
    statuses = {c["id"]: c["status"] for c in summary["components"]}
    assert statuses == {"core": "partial_outage", "api": "operational", "web": "partial_outage",
                        "email": "under_maintenance"}  # fmt: skip
    core = next(c for c in summary["components"] if c["id"] == "core")
    assert core["group"] is True and core["components"] == ["api", "web"]
    assert [i["id"] for i in summary["incidents"]] == ["web-slow"]
    assert [m["id"] for m in summary["scheduled_maintenances"]] == ["email-now", "db-later"]
    assert summary["page"]["updated_at"] == "2026-11-28T15:00:00.000Z"


def test_updates_after_now_are_not_published_and_come_newest_first(site: Path) -> None:
    incident = api(site, "incidents/unresolved.json")["incidents"][0]
    assert incident["status"] == "identified"
    assert [u["status"] for u in incident["incident_updates"]] == ["identified", "investigating"]
    assert incident["incident_updates"][0]["affected_components"] == [
        {
            "code": "web",
            "name": "Web app",
            "old_status": "degraded_performance",
            "new_status": "partial_outage",
        }
    ]
    assert incident["shortlink"] == "https://status.acme.test/status/incidents/web-slow/"
    assert "must not show" not in (site / "status" / "incidents" / "web-slow" / "index.html").read_text()


def test_maintenance_lists_split_by_stage(site: Path) -> None:
    assert [m["id"] for m in api(site, "scheduled-maintenances/active.json")["scheduled_maintenances"]] == [
        "email-now"
    ]
    upcoming = api(site, "scheduled-maintenances/upcoming.json")["scheduled_maintenances"]
    assert [(m["id"], m["status"]) for m in upcoming] == [("db-later", "scheduled")]
    assert upcoming[0]["scheduled_for"] == "2026-12-05T05:00:00.000Z"


def test_status_page_shows_banner_components_incidents_and_maintenance(site: Path) -> None:
    doc = page(site, "status/index.html")
    banner = doc.cssselect("[data-opsdocs-banner]")[0]
    assert "opsdocs-banner--major" in banner.get("class")
    assert banner.text_content().split() == ["◐", "Partial", "system", "outage"]
    rows = {r.get("data-opsdocs-component"): r for r in doc.cssselect("[data-opsdocs-component]")}
    assert list(rows) == ["api", "web", "email"]
    assert "Partial outage" in rows["web"].text_content()
    assert "Under maintenance" in rows["email"].text_content()
    assert len(rows["api"].cssselect("li.opsdocs-day")) == 90
    cards = [a.text_content() for a in doc.cssselect("article.opsdocs-card h3 a")]
    assert cards == ["Web app slow", "Email provider migration", "Database upgrade"]
    assert "Status as of Nov 28, 2026, 12:00 UTC-03" in doc.text_content()


def test_uptime_figure_follows_the_rule(site: Path) -> None:
    # api: 30 min of major outage and 30 min of partial outage (x 0.3) in the last 90 days.
    zone = ZoneInfo("America/Santiago")
    now = datetime.fromisoformat(NOW)
    start = datetime(2026, 8, 31, tzinfo=zone)
    tracked = now.astimezone(UTC) - start.astimezone(UTC)
    expected = 100 * (1 - timedelta(minutes=39) / tracked)
    row = page(site, "status/index.html").cssselect('[data-opsdocs-component="api"]')[0]
    assert f"{expected:.2f} % uptime" in row.text_content()
    day = row.cssselect("li.opsdocs-day--major_outage")
    assert len(day) == 1
    assert day[0].get("aria-label") == "Nov 20, 2026: Major outage, 39 min of downtime — API unavailable"


def test_component_tracked_later_shows_no_data_before(site: Path) -> None:
    row = page(site, "status/index.html").cssselect('[data-opsdocs-component="email"]')[0]
    untracked = row.cssselect("li.opsdocs-day--untracked")
    # Email is tracked from Nov 1: Aug 31 to Oct 31 is 62 days without data.
    assert len(untracked) == 62


def test_incident_page_has_timeline_and_public_postmortem_only(site: Path) -> None:
    doc = page(site, "status/incidents/api-down/index.html")
    text = doc.text_content()
    assert "API unavailable" in text
    assert "1 hr" in text  # duration
    times = [t.text_content() for t in doc.cssselect("ol.opsdocs-timeline time")]
    assert times == ["Nov 20, 2026, 11:00 UTC-03", "Nov 20, 2026, 10:30 UTC-03", "Nov 20, 2026, 10:00 UTC-03"]
    assert doc.cssselect("ol.opsdocs-timeline .opsdocs-update__body strong")[0].text_content() == "errors"
    assert "deploys are now canaried" in text


def test_generated_pages_stay_out_of_the_navigation(site: Path) -> None:
    doc = page(site, "index.html")
    nav_links = hrefs(doc, "nav.md-nav a")
    assert not any("incidents/" in href or "maintenance/" in href for href in nav_links)


def test_history_lists_past_incidents_and_maintenance_by_month(site: Path) -> None:
    doc = page(site, "status/history/index.html")
    assert [h.text_content() for h in doc.cssselect(".opsdocs-history h2")] == ["November 2026"]
    titles = [a.text_content() for a in doc.cssselect(".opsdocs-history li a")]
    assert titles == ["Email provider migration", "Web app slow", "API unavailable"]


def test_nothing_internal_reaches_the_public_status_site(site: Path) -> None:
    for path, content in tree(site).items():
        for canary in (b"INTERNAL-", b"secret-thing", b"Secret backend"):
            assert canary not in content, (path, canary)
    assert not (site / "status" / "incidents" / "hidden").exists()


def test_same_now_builds_identical_status_files(site: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    result = build_site(project / "mkdocs.yml", tmp_path / "again", now=NOW)
    assert result.returncode == 0, result.stderr
    first, second = tree(site), tree(tmp_path / "again")
    assert [p for p in first if p.startswith(("api/", "status/")) and first[p] != second.get(p)] == []


def test_standalone_status_site_puts_the_status_page_at_the_root(built_site: Callable[..., Path]) -> None:
    out = built_site(REPO / "mkdocs.status.yml")
    doc = page(out, "index.html")
    assert doc.cssselect("[data-opsdocs-banner]")
    summary = json.loads((out / "api" / "v2" / "summary.json").read_text())
    assert {c["id"] for c in summary["components"] if not c["group"]} == {
        "web-app", "calendar-api", "database", "external-sync", "email-notifications", "push-notifications"
    }  # fmt: skip
    for incident in summary["incidents"]:
        assert (out / "incidents" / incident["id"] / "index.html").is_file()
    assert (out / "history.rss").is_file()
