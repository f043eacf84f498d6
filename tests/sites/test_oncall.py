"""The on-call commands (``opsdocs incident …``, ``opsdocs maintenance …``) on a small project
copied into a tmp folder, run as a person runs them (a new process, standard input not a
terminal): what they write parses and validates, comments survive, bad input changes nothing,
and a real public build shows the new state on the status page and in its API."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from opsdocs.model.communication import IncidentTemplate, best_template
from opsdocs.model.incidents import Postmortem
from tests.clock import NOW, env_at
from tests.conftest import Run, reported, run_opsdocs
from tests.paths import FIXTURES
from tests.sitebuild import build_site, run_step

FIXTURE = FIXTURES / "oncall"
LATER = "2026-11-28T12:20:00-03:00"
END = "2026-11-28T12:45:00-03:00"
OPEN = "data/incidents/2026-11-27-slow-emails.yml"
RESOLVED_ID = "2026-11-01-api-errors"
NEW = "data/incidents/2026-11-28-api-down.yml"
WINDOW = "data/maintenance/2026-12-05-db-upgrade.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of ``tests/fixtures/oncall``."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target


def oncall(project: Path, *args: str, now: str = NOW) -> Run:
    """``opsdocs ARGS --project PROJECT`` at ``now``, standard input not a terminal."""
    done = run_step([sys.executable, "-m", "opsdocs.cli", *args, "--project", str(project)], env_at(now))
    return Run(done.returncode, done.stdout, done.stderr)


def hashes(root: Path) -> dict[str, str]:
    """Every file under ``root`` with the SHA-256 of its bytes."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def valid(project: Path) -> None:
    done = oncall(project, "incident", "list")  # reads and checks the whole project
    assert done.returncode == 0, done.stderr
    check = run_opsdocs("validate", str(project))
    assert check.returncode == 0, check.stderr


def declare(project: Path) -> Run:
    done = oncall(
        project,
        "incident",
        "new",
        "--title",
        "API down",
        "--severity",
        "sev1",
        "--component",
        "api=major_outage",
        "--component",
        "web-app=partial_outage",
        "--internal-note",
        "Pager alert 5xx",
        "--yes",
    )
    assert done.returncode == 0, done.stderr
    return done


def test_new_writes_a_valid_incident_file_with_the_template_message(project: Path) -> None:
    declare(project)
    text = (project / NEW).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/incidents.schema.json"
    data = yaml.safe_load(text)
    assert data["id"] == "2026-11-28-api-down"
    assert "started_at: 2026-11-28T12:00:00-03:00\n" in text
    (update,) = data["updates"]
    assert update["status"] == "investigating"
    assert update["components"] == {"api": "major_outage", "web-app": "partial_outage"}
    # The sev1 template, the more specific one, with the components' names as an English list.
    assert update["message"] == "**Planner is down.** We are investigating a problem with API and Web app.\n"
    assert update["internal_note"] == "Pager alert 5xx"
    valid(project)


def test_a_second_incident_with_the_same_title_gets_its_own_id(project: Path) -> None:
    declare(project)
    declare(project)
    assert (project / "data/incidents/2026-11-28-api-down-2.yml").is_file()
    valid(project)


def test_texts_are_written_so_that_the_data_reads_them_back_as_typed(project: Path) -> None:
    """PyYAML (YAML 1.1) reads the data: words it takes for booleans, numbers or dates are quoted."""
    for title in ("yes", "2026-03-14", "010", "On: off # not a comment"):
        done = oncall(
            project,
            "incident",
            "new",
            "--title",
            title,
            "--severity",
            "sev2",
            "--component",
            "email=degraded_performance",
            "--message",
            "on",
            "--internal-note",
            "1e3",
            "--yes",
        )
        assert done.returncode == 0, done.stderr
    read = [yaml.safe_load(p.read_text()) for p in (project / "data/incidents").glob("2026-11-28-*.yml")]
    assert sorted(d["title"] for d in read) == sorted(["yes", "2026-03-14", "010", "On: off # not a comment"])
    assert {d["updates"][0]["internal_note"] for d in read} == {"1e3"}
    valid(project)


def test_without_templates_the_message_is_required(project: Path) -> None:
    (project / "data" / "communication.yml").unlink()
    before = hashes(project)
    args = ("incident", "new", "--title", "API down", "--severity", "sev1", "--component", "api=major_outage")
    missing = oncall(project, *args, "--yes")
    assert missing.returncode == 2
    assert "--message is required" in missing.stderr
    assert hashes(project) == before
    done = oncall(project, *args, "--message", "We are looking into it.", "--yes")
    assert done.returncode == 0, done.stderr
    assert yaml.safe_load((project / NEW).read_text())["updates"][0]["message"] == "We are looking into it.\n"


def test_update_keeps_the_file_byte_for_byte_and_appends_the_update(project: Path) -> None:
    old = (project / OPEN).read_text(encoding="utf-8")
    done = oncall(
        project,
        "incident",
        "update",
        "2026-11-27-slow-emails",
        "--status",
        "identified",
        "--message",
        "The provider found a second queue.",
        "--component",
        "email=partial_outage",
        "--internal-note",
        "Ticket 4412",
        "--at",
        "11:30",
        "--yes",
    )
    assert done.returncode == 0, done.stderr
    new = (project / OPEN).read_text(encoding="utf-8")
    assert new.startswith(old)  # every comment, quote and folded block as it was
    assert new[len(old) :] == (
        "  - at: 2026-11-28T11:30:00-03:00\n    status: identified\n    message: |\n"
        "      The provider found a second queue.\n    components:\n      email: partial_outage\n"
        "    internal_note: Ticket 4412\n"
    )
    valid(project)


DECLARED = """\
id: 2026-11-28-web-slow
title: Web app slow
severity: sev2
started_at: 2026-11-28T09:00:00-03:00
components:  # kept in step with the updates
  web-app: degraded_performance  # so far
updates:
  - at: 2026-11-28T09:05:00-03:00
    status: investigating
    message: "Pages load slowly."   # quoted on purpose
    components: {web-app: degraded_performance}
"""


def test_an_incident_that_writes_its_components_keeps_them_in_step(project: Path) -> None:
    path = project / "data/incidents/2026-11-28-web-slow.yml"
    path.write_text(DECLARED.replace("\n", "\r\n"), encoding="utf-8")
    done = oncall(
        project,
        "incident",
        "update",
        "2026-11-28-web-slow",
        "--message",
        "Worse now.",
        "--component",
        "web-app=partial_outage",
        "--yes",
    )
    assert done.returncode == 0, done.stderr
    raw = path.read_bytes().decode("utf-8")
    assert "\n" not in raw.replace("\r\n", "")  # the file's line endings are kept
    old, new = DECLARED.splitlines(), raw.split("\r\n")
    changed = [i for i, line in enumerate(old) if new[i] != line]
    assert changed == [5]
    value, comment = new[5].split("#")
    assert value.rstrip() == "  web-app: partial_outage" and comment == " so far"  # its comment kept
    valid(project)


def identify(project: Path) -> Run:
    """The declared incident's update at ``LATER``: the cause found, the web app operational."""
    args = ["--status", "identified", "--component", "web-app=operational", "--yes"]
    return oncall(project, "incident", "update", "2026-11-28-api-down", *args, now=LATER)


def test_resolve_sets_every_affected_component_operational(project: Path) -> None:
    declare(project)
    assert identify(project).returncode == 0
    done = oncall(project, "incident", "resolve", "2026-11-28-api-down", "--yes", now=END)
    assert done.returncode == 0, done.stderr
    last = yaml.safe_load((project / NEW).read_text())["updates"][-1]
    assert last["status"] == "resolved"
    assert last["components"] == {"api": "operational", "web-app": "operational"}
    assert last["message"] == "Resolved: API and Web app back to normal after 45 min.\n"
    valid(project)
    assert "2026-11-28-api-down" not in oncall(project, "incident", "list", now=END).stdout


def test_postmortem_adds_every_field_of_the_model(project: Path) -> None:
    done = oncall(project, "incident", "postmortem", RESOLVED_ID, "--yes")
    assert done.returncode == 0, done.stderr
    data = yaml.safe_load((project / f"data/incidents/{RESOLVED_ID}.yml").read_text())
    assert list(data["postmortem"]) == list(Postmortem.model_fields)
    assert [entry["text"] for entry in data["postmortem"]["timeline"]] == [
        "investigating: We are investigating errors on the API.",
        "resolved: The API works normally again.",
    ]
    valid(project)
    again = oncall(project, "incident", "postmortem", RESOLVED_ID, "--yes")
    assert again.returncode == 2 and "already has a postmortem" in again.stderr


def test_list_shows_open_incidents_with_the_age_of_their_latest_update(project: Path) -> None:
    done = oncall(project, "incident", "list")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert lines[1].split()[:3] == ["2026-11-27-slow-emails", "sev2", "monitoring"]
    assert "17 hr 55 min ago" in lines[1]  # the latest update was at 18:05 the day before


def test_preview_says_what_the_status_page_and_the_api_will_say(project: Path) -> None:
    declare(project)
    done = oncall(project, "incident", "preview", "2026-11-28-api-down")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "banner: Major service outage" in text
    assert "Status: Investigating · Impact: Critical" in text
    assert "API: Major outage" in text and "Web app: Partial outage" in text
    assert "https://status.example.test/status/incidents/2026-11-28-api-down/" in text
    assert '"indicator": "critical"' in text
    api = json.loads(text[text.index("{\n") :])
    assert api["id"] == "2026-11-28-api-down" and api["status"] == "investigating"
    assert api["incident_updates"][0]["body"].startswith("Planner is down.")
    assert "Pager alert" not in text  # the internal note is never published


BAD_INPUT = [
    (
        ("incident", "new", "--title", "x", "--severity", "sev9", "--component", "api=major_outage"),
        "unknown severity 'sev9'",
    ),
    (
        ("incident", "new", "--title", "x", "--severity", "sev1", "--component", "apx=major_outage"),
        "unknown component 'apx'; did you mean 'api'?",
    ),
    (
        ("incident", "new", "--title", "x", "--severity", "sev1", "--component", "api=down"),
        "unknown status 'down'",
    ),
    (("incident", "new", "--title", "x", "--severity", "sev1"), "name at least one affected component"),
    (("incident", "new", "--title", "x", "--component", "api=major_outage"), "--severity is required"),
    (("incident", "new", "--severity", "sev1", "--component", "api=major_outage"), "--title is empty"),
    (
        (
            "incident",
            "new",
            "--title",
            "x",
            "--severity",
            "sev1",
            "--component",
            "api=major_outage",
            "--at",
            "2026-11-28T13:00",
        ),
        "is in the future",
    ),
    (("incident", "update", "nope", "--message", "x"), "no incident 'nope'"),
    (("incident", "update", "2026-11-27-slow-emails", "--message", "   "), "--message is empty"),
    (
        ("incident", "update", "2026-11-27-slow-emails", "--message", "x" * 100_001),
        "100,001 characters long; the limit is 100,000",
    ),
    (
        ("incident", "update", "2026-11-27-slow-emails", "--message", "x", "--at", "2026-11-27 16:00"),
        "is before the incident started",
    ),
    (
        ("incident", "update", "2026-11-27-slow-emails", "--message", "x", "--at", "2026-11-27 18:00"),
        "is before its latest update",
    ),
    (("incident", "update", "2026-11-27-slow-emails", "--message", "x", "--at", "noon"), "is not a time"),
    (("incident", "resolve", RESOLVED_ID), "is already resolved"),
    (("incident", "update", RESOLVED_ID, "--message", "x"), "is already resolved"),
    (("maintenance", "start", "nope"), "no maintenance window 'nope'"),
    (("maintenance", "complete", "2026-12-05-db-upgrade"), "is before the window started"),
    (
        (
            "maintenance",
            "new",
            "--title",
            "x",
            "--component",
            "api",
            "--scheduled-for",
            "2026-12-10 10:00",
            "--scheduled-until",
            "2026-12-10 09:00",
        ),
        "is not after --scheduled-for",
    ),
]


@pytest.mark.parametrize(("args", "says"), BAD_INPUT, ids=[" ".join(a[:2]) + f" {s}" for a, s in BAD_INPUT])
def test_bad_input_is_one_line_exit_2_and_nothing_written(project: Path, args: tuple, says: str) -> None:
    before = hashes(project)
    done = oncall(project, *args, "--yes")
    assert done.returncode == 2, done.stderr
    assert says in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert hashes(project) == before


def test_a_change_the_project_rejects_is_not_written_and_the_errors_are_located(project: Path) -> None:
    before = hashes(project)
    done = oncall(
        project,
        "incident",
        "resolve",
        "2026-11-27-slow-emails",
        "--component",
        "email=degraded_performance",
        "--yes",
    )
    assert done.returncode == 1
    (problem,) = reported(done.stderr)
    assert problem.path == OPEN and problem.line == 27  # the new update's email status
    assert "a resolved incident leaves components operational" in problem.message
    assert hashes(project) == before


def test_a_project_with_errors_is_not_edited(project: Path) -> None:
    (project / "data/severities.yml").write_text("severities:\n  - id: sev1\n")
    before = hashes(project)
    done = oncall(project, "incident", "update", "2026-11-27-slow-emails", "--message", "x", "--yes")
    assert done.returncode == 1
    assert any(p.path == "data/severities.yml" for p in reported(done.stderr))
    assert hashes(project) == before


def test_dry_run_prints_a_diff_and_writes_nothing(project: Path) -> None:
    before = hashes(project)
    done = oncall(
        project, "incident", "update", "2026-11-27-slow-emails", "--message", "Still fine.", "--dry-run"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"--- a/{OPEN}\n+++ b/{OPEN}\n@@ ")
    assert "+    message: |\n+      Still fine.\n" in done.stdout
    assert hashes(project) == before


def test_maintenance_through_its_life(project: Path) -> None:
    new = oncall(
        project,
        "maintenance",
        "new",
        "--title",
        "Email provider move",
        "--component",
        "email",
        "--scheduled-for",
        "2026-12-10 22:00",
        "--duration",
        "2h",
        "--yes",
    )
    assert new.returncode == 0, new.stderr
    path = project / "data/maintenance/2026-12-10-email-provider-move.yml"
    data = yaml.safe_load(path.read_text())
    assert data["components"] == ["email"]
    assert data["message"] == (
        "We will work on Email notifications from Dec 10, 2026, 22:00 UTC-03 to Dec 11, 2026, 00:00 UTC-03.\n"
    )
    moved = oncall(
        project,
        "maintenance",
        "update",
        "2026-12-10-email-provider-move",
        "--scheduled-for",
        "2026-12-11 22:00",
        "--scheduled-until",
        "2026-12-12 00:00",
        "--message",
        "Moved.",
        "--yes",
    )
    assert moved.returncode == 0, moved.stderr
    assert yaml.safe_load(path.read_text())["revision"] == 1
    cancelled = oncall(project, "maintenance", "cancel", "2026-12-10-email-provider-move", "--yes")
    assert cancelled.returncode == 0, cancelled.stderr
    data = yaml.safe_load(path.read_text())
    assert data["cancelled"] is True and data["revision"] == 2
    valid(project)

    old = (project / WINDOW).read_text()
    start = oncall(
        project, "maintenance", "start", "2026-12-05-db-upgrade", "--yes", now="2026-12-05T02:05:00-03:00"
    )
    assert start.returncode == 0, start.stderr
    done = oncall(
        project, "maintenance", "complete", "2026-12-05-db-upgrade", "--yes", now="2026-12-05T03:10:00-03:00"
    )
    assert done.returncode == 0, done.stderr
    text = (project / WINDOW).read_text()
    assert text.startswith(old)  # the comment on components survives
    assert [u["status"] for u in yaml.safe_load(text)["updates"]] == ["in_progress", "completed"]
    assert "The maintenance of API and Web app is over." in text


def test_templates_are_validated_like_any_data_file(project: Path) -> None:
    path = project / "data/communication.yml"
    path.write_text(path.read_text().replace("since {started_time}", "since {started}"))
    done = run_opsdocs("validate", str(project))
    assert done.returncode == 1
    (problem,) = reported(done.stderr)
    assert (problem.path, problem.line, problem.column) == ("data/communication.yml", 5, 11)
    assert problem.message.startswith("incidents[0].text.en: unknown placeholder {started}; use one of")


def test_the_most_specific_template_wins() -> None:
    def template(**fields: object) -> IncidentTemplate:
        return IncidentTemplate(phase="investigating", text={"en": "A message."}, **fields)

    generic, by_severity, by_component = template(), template(severity="sev1"), template(components=["api"])
    templates = [generic, by_severity, by_component]
    assert best_template(templates, "investigating", ["api"], "en", "sev1") is by_component
    assert best_template(templates, "investigating", ["email"], "en", "sev1") is by_severity
    assert best_template(templates, "investigating", ["email"], "en", "sev2") is generic
    assert best_template(templates, "investigating", ["api"], "es", "sev1") is None
    assert best_template(templates, "resolved", ["api"], "en", "sev1") is None


def _summary(site: Path) -> dict:
    return json.loads((site / "api/v2/summary.json").read_text(encoding="utf-8"))


def test_the_public_build_shows_each_new_state(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.public.yml"
    declare(project)
    built = build_site(config, tmp_path / "one", now=NOW)
    assert built.returncode == 0, built.stderr
    summary = _summary(tmp_path / "one")
    incident = next(i for i in summary["incidents"] if i["id"] == "2026-11-28-api-down")
    assert incident["status"] == "investigating" and incident["impact"] == "critical"
    assert summary["status"]["indicator"] == "critical"
    statuses = {c["id"]: c["status"] for c in summary["components"]}
    assert statuses["api"] == "major_outage" and statuses["web-app"] == "partial_outage"
    page = (tmp_path / "one/status/index.html").read_text(encoding="utf-8")
    assert "API down" in page and "Planner is down." in page
    assert "Pager alert" not in page + json.dumps(summary)

    assert identify(project).returncode == 0
    built = build_site(config, tmp_path / "two", now=LATER)
    assert built.returncode == 0, built.stderr
    summary = _summary(tmp_path / "two")
    incident = next(i for i in summary["incidents"] if i["id"] == "2026-11-28-api-down")
    assert incident["status"] == "identified"
    assert {c["id"]: c["status"] for c in summary["components"]}["web-app"] == "operational"
    assert "We found the cause of the problem with API" in (tmp_path / "two/status/index.html").read_text()

    assert oncall(project, "incident", "resolve", "2026-11-28-api-down", "--yes", now=END).returncode == 0
    built = build_site(config, tmp_path / "three", now=END)
    assert built.returncode == 0, built.stderr
    summary = _summary(tmp_path / "three")
    assert "2026-11-28-api-down" not in [i["id"] for i in summary["incidents"]]
    assert {c["id"]: c["status"] for c in summary["components"]}["api"] == "operational"
    listed = json.loads((tmp_path / "three/api/v2/incidents.json").read_text())["incidents"]
    assert next(i for i in listed if i["id"] == "2026-11-28-api-down")["status"] == "resolved"
    detail = (tmp_path / "three/status/incidents/2026-11-28-api-down/index.html").read_text()
    assert "Resolved: API and Web app back to normal" in detail
