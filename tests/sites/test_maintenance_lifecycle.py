"""Maintenance windows through their lifecycle, as Statuspage serves them: a fixture site built
at several moments around its windows, its API read with the Statuspage schemas."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.html import page, text
from tests.paths import FIXTURES, STATUSPAGE_SCHEMA
from tests.sitebuild import build_site

STATUS_SITE = FIXTURES / "status_site"
SCHEMA = json.loads(STATUSPAGE_SCHEMA.read_text())

DB_MOVE = """\
id: db-move
title: Database move
announced_at: 2026-12-01T09:00:00-03:00
scheduled_for: 2026-12-05T02:00:00-03:00
scheduled_until: 2026-12-05T04:00:00-03:00
components: [api]
message: Short interruptions.
updates:
  - {at: 2026-12-05T03:30:00-03:00, status: verifying, message: Checking that everything works.}
"""
# Starts ten minutes late (its team says so) and ends early, without announced_at.
EMAIL_LATE = """\
id: email-late
title: Email provider change
scheduled_for: 2026-12-05T02:00:00-03:00
scheduled_until: 2026-12-05T05:00:00-03:00
components: [email]
message: Emails may be delayed.
updates:
  - {at: 2026-12-05T02:10:00-03:00, status: in_progress, message: We have started.}
  - {at: 2026-12-05T03:00:00-03:00, status: completed, message: Done early.}
"""

BEFORE_ANNOUNCEMENT = "2026-11-30T12:00:00-03:00"
SCHEDULED = "2026-12-03T12:00:00-03:00"
DUE_NOT_STARTED = "2026-12-05T02:05:00-03:00"
IN_PROGRESS = "2026-12-05T02:30:00-03:00"
VERIFYING = "2026-12-05T03:45:00-03:00"
AFTER = "2026-12-06T12:00:00-03:00"
YEARS_LATER = "2031-06-01T12:00:00-04:00"
MOMENTS = (BEFORE_ANNOUNCEMENT, SCHEDULED, DUE_NOT_STARTED, IN_PROGRESS, VERIFYING, AFTER, YEARS_LATER)

API_FILES = {
    "summary.json": "summary.json",
    "incidents.json": "incidents.json",
    "incidents/unresolved.json": "incidents.json",
    "scheduled-maintenances.json": "scheduled-maintenances.json",
    "scheduled-maintenances/upcoming.json": "scheduled-maintenances.json",
    "scheduled-maintenances/active.json": "scheduled-maintenances.json",
    "components.json": "components.json",
    "status.json": "status.json",
}
PLANNED_FIELDS = {"scheduled_for", "scheduled_until"}
"""A window's schedule lies ahead by nature; every other time in the API is an event."""


def make_project(root: Path, windows: dict[str, str]) -> Path:
    project = root / "project"
    shutil.copytree(STATUS_SITE, project)
    folder = project / "data" / "maintenance"
    shutil.rmtree(folder)
    folder.mkdir()
    for name, source in windows.items():
        (folder / f"{name}.yml").write_text(source, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fixture site built once at each moment."""
    project = make_project(
        tmp_path_factory.mktemp("lifecycle"), {"db-move": DB_MOVE, "email-late": EMAIL_LATE}
    )
    built = {}
    for now in MOMENTS:
        out = project.parent / f"site-{len(built)}"
        result = build_site(project / "mkdocs.yml", out, now=now)
        assert result.returncode == 0, result.stderr
        built[now] = out
    return built


def api(site: Path, name: str) -> dict[str, Any]:
    return json.loads((site / "api" / "v2" / name).read_text(encoding="utf-8"))


def window(site: Path, window_id: str) -> dict[str, Any] | None:
    listed = api(site, "scheduled-maintenances.json")["scheduled_maintenances"]
    return next((m for m in listed if m["id"] == window_id), None)


def times(value: Any, key: str = "") -> list[tuple[str, str]]:
    """Every (field, timestamp) in an API document, planned fields left out."""
    found: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for k, v in value.items():
            found += times(v, k)
    elif isinstance(value, list):
        for item in value:
            found += times(item, key)
    elif isinstance(value, str) and key.endswith("_at") and key not in PLANNED_FIELDS:
        found.append((key, value))
    return found


@pytest.mark.parametrize("now", MOMENTS)
def test_every_api_file_has_the_statuspage_shape_at_every_moment(sites: dict[str, Path], now: str) -> None:
    for name, definition in API_FILES.items():
        schema = {**SCHEMA, "$ref": f"#/$defs/{definition}"}
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
            api(sites[now], name)
        )


@pytest.mark.parametrize("now", MOMENTS)
def test_no_time_in_the_api_is_later_than_the_page(sites: dict[str, Path], now: str) -> None:
    for name in API_FILES:
        document = api(sites[now], name)
        updated = document["page"]["updated_at"]
        late = [(field, at) for field, at in times(document) if at > updated]
        assert late == [], f"{name}: {late} after page.updated_at {updated}"


@pytest.mark.parametrize("now", MOMENTS)
def test_a_windows_status_is_its_latest_updates(sites: dict[str, Path], now: str) -> None:
    for listed in api(sites[now], "scheduled-maintenances.json")["scheduled_maintenances"]:
        assert listed["incident_updates"], listed["id"]
        assert listed["status"] == listed["incident_updates"][0]["status"], listed["id"]
        assert listed["updated_at"] == listed["incident_updates"][0]["created_at"]


def test_before_its_announcement_a_window_is_nowhere(sites: dict[str, Path]) -> None:
    site = sites[BEFORE_ANNOUNCEMENT]
    assert window(site, "db-move") is None
    # Without announced_at a window is announced 72 hours before it starts.
    assert window(site, "email-late") is None
    assert api(site, "summary.json")["scheduled_maintenances"] == []


def test_a_scheduled_window_has_one_update_leaving_components_operational(sites: dict[str, Path]) -> None:
    site = sites[SCHEDULED]
    db = window(site, "db-move")
    assert db is not None
    assert db["status"] == "scheduled"
    assert [u["status"] for u in db["incident_updates"]] == ["scheduled"]
    announcement = db["incident_updates"][0]
    assert announcement["created_at"] == db["created_at"] == "2026-12-01T12:00:00.000Z"
    assert announcement["body"] == "Short interruptions."
    assert announcement["affected_components"] == [
        {"code": "api", "name": "API", "old_status": "operational", "new_status": "operational"}
    ]
    assert db["started_at"] == db["created_at"]  # not begun: dated from its creation
    assert db["resolved_at"] is None
    email = window(site, "email-late")
    assert email is not None and email["created_at"] == "2026-12-02T05:00:00.000Z"  # 72 h before
    upcoming = api(site, "scheduled-maintenances/upcoming.json")["scheduled_maintenances"]
    assert {m["id"] for m in upcoming} == {"db-move", "email-late"}
    statuses = {c["id"]: c["status"] for c in api(site, "components.json")["components"]}
    assert statuses["api"] == "operational"


def test_a_window_starts_with_an_in_progress_update(sites: dict[str, Path]) -> None:
    site = sites[IN_PROGRESS]
    db = window(site, "db-move")
    assert db is not None and db["status"] == "in_progress"
    latest = db["incident_updates"][0]
    assert latest["status"] == "in_progress"
    assert latest["created_at"] == "2026-12-05T05:00:00.000Z"  # Statuspage's automatic start
    assert (
        latest["body"]
        == "Scheduled maintenance is currently in progress. We will provide updates as necessary."
    )
    assert latest["affected_components"] == [
        {"code": "api", "name": "API", "old_status": "operational", "new_status": "under_maintenance"}
    ]
    assert db["started_at"] == "2026-12-05T05:00:00.000Z"
    summary = api(site, "summary.json")
    assert {c["id"]: c["status"] for c in summary["components"]}["api"] == "under_maintenance"
    assert {m["id"] for m in summary["scheduled_maintenances"]} == {"db-move", "email-late"}
    assert {m["id"] for m in api(site, "scheduled-maintenances/active.json")["scheduled_maintenances"]} == {
        "db-move",
        "email-late",
    }


def test_a_window_started_late_is_scheduled_until_its_team_says_it_started(sites: dict[str, Path]) -> None:
    waiting = window(sites[DUE_NOT_STARTED], "email-late")
    assert waiting is not None and waiting["status"] == "scheduled"
    statuses = {c["id"]: c["status"] for c in api(sites[DUE_NOT_STARTED], "components.json")["components"]}
    assert statuses["email"] == "operational"
    started = window(sites[IN_PROGRESS], "email-late")
    assert started is not None and started["status"] == "in_progress"
    assert started["started_at"] == "2026-12-05T05:10:00.000Z"  # its team's in_progress update
    assert started["incident_updates"][0]["body"] == "We have started."


def test_verifying_keeps_components_under_maintenance(sites: dict[str, Path]) -> None:
    db = window(sites[VERIFYING], "db-move")
    assert db is not None and db["status"] == "verifying"
    assert [u["status"] for u in db["incident_updates"]] == ["verifying", "in_progress", "scheduled"]
    assert db["incident_updates"][0]["affected_components"][0]["old_status"] == "under_maintenance"
    assert db["incident_updates"][0]["affected_components"][0]["new_status"] == "under_maintenance"


def test_a_completed_window_frees_its_components(sites: dict[str, Path]) -> None:
    for now in (AFTER, YEARS_LATER):
        site = sites[now]
        db = window(site, "db-move")
        assert db is not None and db["status"] == "completed"
        assert [u["status"] for u in db["incident_updates"]] == [
            "completed",
            "verifying",
            "in_progress",
            "scheduled",
        ]
        assert db["incident_updates"][0]["affected_components"] == [
            {"code": "api", "name": "API", "old_status": "under_maintenance", "new_status": "operational"}
        ]
        assert db["resolved_at"] == "2026-12-05T07:00:00.000Z"  # automatic completion at its end
        email = window(site, "email-late")
        assert email is not None and email["status"] == "completed"
        assert email["resolved_at"] == "2026-12-05T06:00:00.000Z"  # completed early, by its team
        assert [u["status"] for u in email["incident_updates"]] == ["completed", "in_progress", "scheduled"]
        assert api(site, "summary.json")["scheduled_maintenances"] == []
        statuses = {c["id"]: c["status"] for c in api(site, "components.json")["components"]}
        assert statuses["api"] == "operational" and statuses["email"] == "operational"


def test_update_ids_do_not_depend_on_now(sites: dict[str, Path]) -> None:
    """A relay keyed on update ids sees each update once, whenever it reads the API."""
    seen: dict[str, tuple[str, str, str]] = {}
    for now in MOMENTS:
        for listed in api(sites[now], "scheduled-maintenances.json")["scheduled_maintenances"]:
            for update in listed["incident_updates"]:
                content = (update["status"], update["created_at"], update["body"])
                assert seen.setdefault(update["id"], content) == content, (now, update["id"])
    assert sorted(seen) == [
        "db-move-1",
        "db-move-completed",
        "db-move-in-progress",
        "db-move-scheduled",
        "email-late-1",
        "email-late-2",
        "email-late-scheduled",
    ]


def test_a_moved_window_announces_itself_under_a_new_id(tmp_path: Path) -> None:
    moved = DB_MOVE.replace("2026-12-05T02:00", "2026-12-12T02:00").replace(
        "2026-12-05T04:00", "2026-12-12T04:00"
    )
    moved = moved.replace("2026-12-05T03:30", "2026-12-12T03:30") + "revision: 1\n"
    project = make_project(tmp_path, {"db-move": moved})
    out = tmp_path / "site"
    result = build_site(project / "mkdocs.yml", out, now=SCHEDULED)
    assert result.returncode == 0, result.stderr
    db = window(out, "db-move")
    assert db is not None
    assert [u["id"] for u in db["incident_updates"]] == ["db-move-scheduled-1"]
    assert db["scheduled_for"] == "2026-12-12T05:00:00.000Z"


def test_an_update_before_the_announcement_is_refused(minimal_project: Path, validate) -> None:
    rel = "data/maintenance/2026-04-db-upgrade.yml"
    path = minimal_project / rel
    path.write_text(
        path.read_text(encoding="utf-8")
        + "updates:\n  - {at: 2026-04-01T10:00:00-04:00, status: scheduled, message: Planned.}\n",
        encoding="utf-8",
    )
    line = (
        path.read_text(encoding="utf-8")
        .splitlines()
        .index("  - {at: 2026-04-01T10:00:00-04:00, status: scheduled, message: Planned.}")
        + 1
    )
    result = validate(minimal_project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    problems = [
        (p.path, p.line, p.level) for p in result.problems if "before the window is announced" in p.message
    ]
    assert problems == [(rel, line, "error")]


def test_the_window_page_tells_the_same_lifecycle(sites: dict[str, Path]) -> None:
    doc = page(sites[AFTER], "status/maintenance/db-move/index.html")
    heads = [text(li) for li in doc.cssselect("li.opsdocs-update")]
    assert [h.split(" · ")[0] for h in heads] == ["Completed", "Verifying", "In progress"]
    assert "The scheduled maintenance has been completed." in heads[0]
    assert "Checking that everything works." in heads[1]
