"""An incident's facts are stated once, in its updates: what the top-level fields may say, the
clock's part, and what the API then serves."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from tests.clock import NOW, env_at
from tests.conftest import Run, run_opsdocs
from tests.editing import (
    INCIDENT_API,
    INCIDENT_EMAIL,
    Edit,
    assert_edit_reported,
    assert_problem,
    edit,
    where,
)
from tests.html import page, text
from tests.paths import FIXTURES, STATUSPAGE_SCHEMA
from tests.sitebuild import build_site

STATUS_SITE = FIXTURES / "status_site"
SCHEMA = json.loads(STATUSPAGE_SCHEMA.read_text())


def validate_at_clock(project: Path, **extra: str) -> Run:
    """``opsdocs validate`` with ``now`` from the real clock (no OPSDOCS_NOW or SOURCE_DATE_EPOCH)."""
    return run_opsdocs("validate", str(project), env={**env_at(None), **extra})


def status_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(STATUS_SITE, project)
    return project


def build(project: Path, now: str) -> Path:
    out = project / "site"
    result = build_site(project / "mkdocs.yml", out, now=now)
    assert result.returncode == 0, result.stderr
    return out


def api(site: Path, name: str) -> dict:
    return json.loads((site / "api" / "v2" / name).read_text(encoding="utf-8"))


def check_shape(document: dict, definition: str) -> None:
    schema = {**SCHEMA, "$ref": f"#/$defs/{definition}"}
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)


def drop_top_level_facts(path: Path) -> None:
    """Remove an incident file's top-level ``components`` and ``resolved_at`` lines."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^(components|resolved_at): .*\n", "", text, flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")


# --- components and resolved_at follow the updates ------------------------------------------


def test_left_out_components_and_resolution_are_derived_from_the_updates(tmp_path: Path) -> None:
    project = status_project(tmp_path)
    for name in ("api-down.yml", "web-slow.yml"):
        drop_top_level_facts(project / "data" / "incidents" / name)
    assert "resolved_at" not in (project / "data" / "incidents" / "api-down.yml").read_text()
    site = build(project, NOW)

    incidents = {i["id"]: i for i in api(site, "incidents.json")["incidents"]}
    down = incidents["api-down"]
    assert down["status"] == "resolved"
    assert down["resolved_at"] == "2026-11-20T14:00:00.000Z"  # the resolving update, 11:00 -03
    assert [c["id"] for c in down["components"]] == ["api"]
    slow = incidents["web-slow"]
    assert slow["resolved_at"] is None and slow["status"] == "identified"
    assert [c["id"] for c in slow["components"]] == ["web"]

    # The incident page names the worst status each component reached by now: the update of
    # 10:00 put the web app in a partial outage.
    affected = text(page(site, "status/incidents/web-slow/index.html"))
    assert "Web app" in affected and "Partial outage" in affected
    assert "Major outage" in text(page(site, "status/incidents/api-down/index.html"))


def test_components_that_disagree_with_the_updates_name_both_lines(minimal_project, validate) -> None:
    # The first update says the email service was in a major outage; the incident's own
    # components still say degraded performance.
    update_line, _ = edit(
        minimal_project,
        INCIDENT_EMAIL,
        "    components:\n      email: degraded_performance\n      web-app: degraded_performance\n  - at",
        "    components:\n      email: major_outage\n      web-app: degraded_performance\n  - at",
        mark="email: major_outage",
    )
    top_line, _ = where(minimal_project, INCIDENT_EMAIL, "  email: degraded_performance\n  web-app")
    problem = assert_problem(
        validate(minimal_project), INCIDENT_EMAIL, top_line, "components.email", "degraded_performance"
    )
    assert "major_outage" in problem.message
    assert f"line {update_line}" in problem.message


def test_a_component_only_the_top_level_names_is_refused(minimal_project, validate) -> None:
    added = "components:\n  api: major_outage\n  web-app: partial_outage\n"
    case = Edit(
        INCIDENT_API,
        "components:\n  api: major_outage\n",
        added,
        ("components.web-app", "no update"),
        mark="web-app",
    )
    assert_edit_reported(minimal_project, validate, case)


def test_resolved_at_must_be_the_resolving_update(minimal_project, validate) -> None:
    later = "resolved_at: 2026-03-20T15:10:00-03:00"
    case = Edit(
        INCIDENT_EMAIL, "resolved_at: 2026-03-20T15:00:00-03:00", later, ("resolved_at", "resolving update")
    )
    problem = assert_edit_reported(minimal_project, validate, case)
    update_line, _ = where(minimal_project, INCIDENT_EMAIL, "2026-03-20T15:00:00-03:00")
    assert f"line {update_line}" in problem.message


def test_an_incident_whose_updates_name_no_component_is_refused(minimal_project, validate) -> None:
    path = minimal_project / INCIDENT_EMAIL
    drop_top_level_facts(path)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"    components:\n(      .*\n)+", "", text)
    path.write_text(text, encoding="utf-8")
    line, _ = where(minimal_project, INCIDENT_EMAIL, "  - at: 2026-03-20T14:05")
    assert_problem(validate(minimal_project), INCIDENT_EMAIL, line, "updates", "no update names a component")


def test_a_public_incident_needs_an_update_with_a_message(minimal_project, validate) -> None:
    edit(minimal_project, INCIDENT_EMAIL, "message: Emails are arriving late.", 'message: ""')
    edit(minimal_project, INCIDENT_EMAIL, "message: Emails are delivered on time again.", "message: ' '")
    line, _ = where(minimal_project, INCIDENT_EMAIL, "  - at: 2026-03-20T14:05")
    assert_problem(validate(minimal_project), INCIDENT_EMAIL, line, "updates", "at least one update")


def test_an_incident_is_published_from_its_first_update(built_site: Callable[..., Path]) -> None:
    # web-slow started at 09:00; its first update is of 09:05. Statuspage never serves an
    # incident without updates, and a typed client fails on one.
    site = built_site(STATUS_SITE / "mkdocs.yml", now="2026-11-28T09:02:00-03:00")
    for name in ("incidents.json", "incidents/unresolved.json"):
        check_shape(api(site, name), "incidents.json")
        assert "web-slow" not in [i["id"] for i in api(site, name)["incidents"]]
    check_shape(api(site, "summary.json"), "summary.json")


# --- components always carry created_at ---------------------------------------------------


def test_components_carry_created_at_without_a_tracking_start(tmp_path: Path) -> None:
    project = status_project(tmp_path)
    site_file = project / "data" / "site.yml"
    site_file.write_text(site_file.read_text().replace("tracking_start: 2026-01-01\n", ""))
    site = build(project, NOW)
    summary = api(site, "summary.json")
    check_shape(summary, "summary.json")  # a typed client rejects a null created_at
    created = {c["id"]: c["created_at"] for c in summary["components"]}
    # The earliest data is the announcement of db-later, 2026-11-20 09:00 (-03); email is
    # tracked from 2026-11-01 (midnight in Santiago, -03); a group from its earliest member.
    assert created == {
        "core": "2026-11-20T12:00:00.000Z",
        "api": "2026-11-20T12:00:00.000Z",
        "web": "2026-11-20T12:00:00.000Z",
        "email": "2026-11-01T03:00:00.000Z",
    }
    # Without a day written, the start date of the uptime history is not known.
    started = {c["id"]: c["start_date"] for c in summary["components"]}
    assert started == {"core": None, "api": None, "web": None, "email": "2026-11-01"}


def test_components_are_created_at_the_tracking_start(built_site: Callable[..., Path]) -> None:
    site = built_site(STATUS_SITE / "mkdocs.yml", now=NOW)
    components = api(site, "components.json")["components"]
    created = {c["id"]: c["created_at"] for c in components}
    assert created["api"] == "2026-01-01T03:00:00.000Z"  # 2026-01-01 00:00 in Santiago (-03)
    # start_date is the first day of the uptime history, as created_at is its first instant:
    # a component without its own tracked_since starts on the site's tracking_start.
    started = {c["id"]: c["start_date"] for c in components}
    assert started == {"core": None, "api": "2026-01-01", "web": "2026-01-01", "email": "2026-11-01"}


# --- the clock ------------------------------------------------------------------------------


def test_an_update_dated_ahead_of_the_clock_is_a_located_warning(minimal_project) -> None:
    # A typo puts the resolution in 2999: the incident reads as open until then.
    edit(minimal_project, INCIDENT_API, "resolved_at: 2026-03-10T10:30:00-03:00\n", "")
    line, column = edit(
        minimal_project,
        INCIDENT_API,
        "  - at: 2026-03-10T10:30:00-03:00",
        "  - at: 2999-03-10T10:30:00-03:00",
        mark="2999",
    )
    result = validate_at_clock(minimal_project)
    assert result.returncode == 0, result.stderr
    warnings = [p for p in result.problems if p.level == "warning" and "after the build's clock" in p.message]
    assert [(w.path, w.line, w.column) for w in warnings] == [(INCIDENT_API, line, column)]
    assert "updates[2].at" in warnings[0].message and "2999-03-10" in warnings[0].message

    # A fixed now is chosen on purpose: nothing is said.
    for fixed in ({"OPSDOCS_NOW": "2026-03-10T12:00:00-03:00"}, {"SOURCE_DATE_EPOCH": "1773144000"}):
        quiet = validate_at_clock(minimal_project, **fixed)
        assert quiet.returncode == 0 and "after the build's clock" not in quiet.stderr


def test_an_update_a_few_minutes_ahead_is_not_reported(minimal_project) -> None:
    soon = (datetime.now(tz=UTC) + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    edit(minimal_project, INCIDENT_API, "  - at: 2026-03-10T10:30:00-03:00", f"  - at: {soon}")
    edit(minimal_project, INCIDENT_API, "resolved_at: 2026-03-10T10:30:00-03:00\n", "")
    result = validate_at_clock(minimal_project)
    assert result.returncode == 0, result.stderr
    assert "after the build's clock" not in result.stderr


@pytest.mark.parametrize("now", ["2026-11-28T12:00:00", "2026-11-28 12:00:00"])
def test_a_naive_opsdocs_now_is_read_in_the_sites_time_zone(
    built_site: Callable[..., Path], now: str
) -> None:
    site = built_site(STATUS_SITE / "mkdocs.yml", now=now)
    # America/Santiago is at -03 in November: 12:00 there is 15:00 UTC.
    assert api(site, "status.json")["page"]["updated_at"] == "2026-11-28T15:00:00.000Z"
