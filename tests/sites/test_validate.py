"""``opsdocs validate`` as a user sees it: exit status, and ``path:line:col: error: message`` lines.

Each test edits a copy of ``tests/fixtures/minimal`` and checks that the problem is reported
against the right file, on the line the edited text is on (found in the text, never hard-coded),
naming the field, and without a traceback.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from opsdocs.model import read_project
from tests.editing import (
    INCIDENT_API,
    INCIDENT_EMAIL,
    RUNBOOK,
    WINDOW,
    Edit,
    assert_edit_reported,
    assert_problem,
    edit,
    position,
    where,
)

# --- the example ----------------------------------------------------------------------------


def test_minimal_example_is_valid(minimal_project, validate):
    result = validate(minimal_project)
    assert result.returncode == 0, result.stderr
    assert "valid (2 incidents, 1 maintenance windows, 1 runbooks, 3 components)" in result.stdout
    assert "error" not in result.stderr
    assert "Traceback" not in result.stderr


# --- one edit, one problem on its line ------------------------------------------------------

EDITS = {
    "text where a number is required": Edit(
        "data/severities.yml", "    level: 2\n", '    level: "high"\n', ("severities[1].level",),
        says=("integer", "'high'"), mark='"high"', at_column=True,
    ),
    "bad component status": Edit(
        INCIDENT_API, "components:\n  api: major_outage\n", "components:\n  api: down\n", ("components.api",),
        says=("'down'", "major_outage"), mark="down", at_column=True,  # the allowed values are listed
    ),
    "unknown severity in incident": Edit(
        INCIDENT_EMAIL, "severity: sev2", "severity: sev9", ("severity", "unknown severity 'sev9'"),
        mark="sev9", at_column=True,
    ),
    "unknown runbook in incident": Edit(
        INCIDENT_API, "runbooks: [api-outage]", "runbooks: [db-outage]",
        ("runbooks[0]", "unknown runbook 'db-outage'"), mark="db-outage", at_column=True,
    ),
    "resolved before started": Edit(
        INCIDENT_EMAIL, "resolved_at: 2026-03-20T15:00:00-03:00", "resolved_at: 2026-03-20T13:00:00-03:00",
        ("resolved_at",), says=("is before started_at",),
    ),
    "update before the incident started": Edit(
        INCIDENT_EMAIL, "- at: 2026-03-20T14:05:00-03:00", "- at: 2026-03-20T13:55:00-03:00",
        ("updates[0].at",), says=("before the incident started",), mark="at:",
    ),
    "update after the incident was resolved": Edit(
        INCIDENT_API, "- at: 2026-03-10T10:30:00-03:00", "- at: 2026-03-10T10:45:00-03:00",
        ("updates[2].at",), says=("after the incident was resolved",), mark="at:",
    ),
    "resolved incident leaves component in outage": Edit(
        INCIDENT_API, "      api: operational\n", "      api: major_outage\n", ("updates[2].components.api",),
        says=("still 'major_outage'",), mark="major_outage", at_column=True,
    ),
    "maintenance window ends before it starts": Edit(
        WINDOW, "scheduled_until: 2026-04-12T04:00:00-04:00", "scheduled_until: 2026-04-12T01:00:00-04:00",
        ("scheduled_until",), says=("is not after scheduled_for",),
    ),
    "tab indentation": Edit(
        "data/components.yml", "      - id: web-app\n", "\t- id: web-app\n", ("invalid YAML",),
        says=("tab",), at_column=True,
    ),
    "impossible date": Edit(
        "data/roadmap.yml", "shipped_on: 2026-03-01", "shipped_on: 2026-02-30",
        ("releases[0].items[0].shipped_on",), says=("2026-02-30",), mark="2026-02-30", at_column=True,
    ),
    "bad time zone": Edit(
        "data/site.yml", "timezone: America/Santiago", "timezone: America/Santiag", ("timezone",),
        says=("'America/Santiag' is not an IANA time zone",), mark="America", at_column=True,
    ),
    "training link to missing page": Edit(
        "data/training.yml", "page: index.md", "page: getting-started.md", ("links[0].page",),
        says=("no page 'getting-started.md' under docs/",), mark="getting", at_column=True,
    ),
    "runbook front matter problem on its real line": Edit(
        RUNBOOK, "review_every: 90d", "review_every: soon", ("review_every",),
        says=("'soon' is not a duration",), mark="soon", at_column=True,
    ),
}  # fmt: skip
"""Edits of one value, each reported on the line (and where it says so, the column) of the edit:
types and fields, references between files, times that do not add up, broken YAML."""


@pytest.mark.parametrize("case", list(EDITS))
def test_one_edit_is_reported_on_its_line(minimal_project, validate, case: str):
    assert_edit_reported(minimal_project, validate, EDITS[case])


# --- types and fields -----------------------------------------------------------------------


def test_missing_required_field(minimal_project, validate):
    # The second update loses its status; the problem is reported where that update starts.
    edit(minimal_project, INCIDENT_API, "    status: identified\n", "")
    line, _ = where(minimal_project, INCIDENT_API, "at: 2026-03-10T09:40:00-03:00")
    problem = assert_problem(validate(minimal_project), INCIDENT_API, line, "updates[1].status")
    assert "required field 'status' is missing" in problem.message


def test_unknown_field_with_did_you_mean(minimal_project, validate):
    line, _ = edit(minimal_project, INCIDENT_API, "severity: sev1\n", "severty: sev1\n")
    result = validate(minimal_project)
    problem = assert_problem(result, INCIDENT_API, line, "unknown field 'severty'")
    assert "did you mean 'severity'?" in problem.message
    # The real field is then missing too, and that is said as well.
    assert any("required field 'severity' is missing" in p.message for p in result.problems)


# --- references between files ---------------------------------------------------------------


def test_unknown_component_in_incident_and_in_update(minimal_project, validate):
    top_line, _ = edit(
        minimal_project,
        INCIDENT_API,
        "components:\n  api: major_outage\n",
        "components:\n  api: major_outage\n  payments: partial_outage\n",
        "payments",
    )
    update_line, _ = edit(
        minimal_project,
        INCIDENT_API,
        "rolled back.\n",
        "rolled back.\n    components:\n      invoices: partial_outage\n",
        "invoices",
    )
    result = validate(minimal_project)
    assert_problem(result, INCIDENT_API, top_line, "components.payments", "unknown component 'payments'")
    assert_problem(result, INCIDENT_API, update_line, "updates[1].components", "unknown component 'invoices'")


def test_unknown_role_as_runbook_owner(minimal_project, validate):
    line, column = edit(minimal_project, RUNBOOK, "owner: tech-lead", "owner: tech-leed", "tech-leed")
    problem = assert_problem(validate(minimal_project), RUNBOOK, line, "owner", "unknown role 'tech-leed'")
    assert "did you mean 'tech-lead'?" in problem.message
    assert problem.column == column


def test_unknown_role_as_cycle_task_owner(minimal_project, validate):
    rel = "data/maintenance-cycle.yml"
    text = (
        "cadences:\n"
        "  - id: weekly\n"
        "    name: Weekly checks\n"
        "    frequency: weekly\n"
        "    first_date: 2026-03-02\n"
        "    tasks:\n"
        "      - id: backups\n"
        "        name: Check the backups\n"
        "        mode: manual\n"
        "        owner: sre\n"
    )
    (minimal_project / rel).write_text(text, encoding="utf-8")
    line, column = position(text, text.index("sre"))
    problem = assert_problem(validate(minimal_project), rel, line, "owner", "unknown role 'sre'")
    assert problem.column == column


def test_unknown_contact_in_escalation(minimal_project, validate):
    line, column = edit(minimal_project, "data/contacts.yml", "contacts: [lead]", "contacts: [leed]", "leed")
    problem = assert_problem(
        validate(minimal_project), "data/contacts.yml", line, "contacts[0]", "unknown contact 'leed'"
    )
    assert "did you mean 'lead'?" in problem.message
    assert problem.column == column


def test_duplicate_incident_id(minimal_project, validate):
    # A second file (sorted after the first) with the same id: reported at the second, naming the first.
    second = "data/incidents/2026-03-11-copy.yml"
    shutil.copy(minimal_project / INCIDENT_API, minimal_project / second)
    line, column = where(minimal_project, second, "2026-03-10-api-errors")
    first_line, _ = where(minimal_project, INCIDENT_API, "id: 2026-03-10-api-errors")
    result = validate(minimal_project)
    problem = assert_problem(
        result, second, line, "id", "duplicate incident id '2026-03-10-api-errors'", column=column
    )
    assert f"first in {INCIDENT_API}:{first_line}" in problem.message
    assert not any(p.path == INCIDENT_API for p in result.problems)


# --- files that cannot be read as YAML ------------------------------------------------------


def test_duplicate_yaml_key(minimal_project, validate):
    first_line, _ = where(minimal_project, INCIDENT_API, "title: API returned errors")
    line, column = edit(
        minimal_project, INCIDENT_API, "severity: sev1\n", "severity: sev1\ntitle: Again\n", "title"
    )
    problem = assert_problem(validate(minimal_project), INCIDENT_API, line, "title", column=column)
    assert f"duplicate key 'title' (first on line {first_line})" in problem.message


def test_file_that_is_not_utf8(minimal_project, validate):
    path = minimal_project / INCIDENT_EMAIL
    text = path.read_text(encoding="utf-8").replace(
        "Email notifications delayed", "Correos con retraso en Señal"
    )
    path.write_bytes(text.encode("latin-1"))
    line, column = position(text, text.index("ñ"))
    problem = assert_problem(validate(minimal_project), INCIDENT_EMAIL, line, "not UTF-8", column=column)
    assert "0xf1" in problem.message


def test_runbook_front_matter_syntax_error_on_its_real_line(minimal_project, validate):
    line, _ = edit(minimal_project, RUNBOOK, "components: [api]", "components: [api")
    # libyaml notices the unclosed list on the next line at the latest.
    result = validate(minimal_project)
    problem = assert_problem(result, RUNBOOK, line + 1, "invalid YAML")
    assert problem.path == RUNBOOK


# --- several problems at once ---------------------------------------------------------------


def test_every_problem_in_every_file_is_reported_in_one_run(minimal_project, validate):
    expected = {
        (INCIDENT_EMAIL, edit(minimal_project, INCIDENT_EMAIL, "severity: sev2", "severity: sev9")[0]),
        (
            WINDOW,
            edit(
                minimal_project,
                WINDOW,
                "scheduled_until: 2026-04-12T04:00:00-04:00",
                "scheduled_until: 2026-04-11T04:00:00-04:00",
            )[0],
        ),
        (RUNBOOK, edit(minimal_project, RUNBOOK, "owner: tech-lead", "owner: nobody")[0]),
        (
            "data/training.yml",
            edit(minimal_project, "data/training.yml", "page: index.md", "page: nope.md")[0],
        ),
        ("data/kpis.yml", edit(minimal_project, "data/kpis.yml", "category: quality", "category: qualty")[0]),
        (
            "data/contacts.yml",
            edit(minimal_project, "data/contacts.yml", "contacts: [lead]", "contacts: [leed]")[0],
        ),
        # An unclosed list: libyaml notices it at the next line, where the list should have ended.
        (
            "data/support.yml",
            edit(minimal_project, "data/support.yml", "    kind: email\n", "    kind: [email\n")[0] + 1,
        ),
    }
    result = validate(minimal_project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = result.problems
    assert {(p.path, p.line) for p in problems} == expected, result.stderr
    assert len(problems) == len(expected) == 7
    assert f"{len(expected)} error(s) found." in result.stderr


# --- time zones -----------------------------------------------------------------------------


def test_naive_timestamps_get_the_site_time_zone(minimal_project, validate):
    santiago = ZoneInfo("America/Santiago")
    edit(
        minimal_project, INCIDENT_API, "started_at: 2026-03-10T09:00:00-03:00", "started_at: 2026-03-10 09:00"
    )
    edit(
        minimal_project, WINDOW, "scheduled_for: 2026-04-12T02:00:00-04:00", "scheduled_for: 2026-06-12 02:00"
    )
    edit(
        minimal_project,
        WINDOW,
        "scheduled_until: 2026-04-12T04:00:00-04:00",
        "scheduled_until: 2026-06-12T04:00",
    )
    assert validate(minimal_project).returncode == 0

    project = read_project(minimal_project)
    incident = next(i for i in project.incidents if i.id == "2026-03-10-api-errors")
    window = project.maintenance[0]
    # Chile is on summer time (UTC-3) in March and on standard time (UTC-4) in June.
    for value, local in (
        (incident.started_at, datetime(2026, 3, 10, 9, 0)),
        (window.scheduled_for, datetime(2026, 6, 12, 2, 0)),
        (window.scheduled_until, datetime(2026, 6, 12, 4, 0)),
    ):
        offset = santiago.utcoffset(local)
        assert value.astimezone(santiago).utcoffset() == offset
        assert value == local.replace(tzinfo=UTC) - offset
    assert santiago.utcoffset(datetime(2026, 3, 10, 9, 0)) == timedelta(hours=-3)
    assert santiago.utcoffset(datetime(2026, 6, 12, 2, 0)) == timedelta(hours=-4)
    assert incident.started_at == datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_a_broken_file_does_not_cause_false_errors_elsewhere(minimal_project, validate):
    # One mistake in severities.yml: the incidents that name its severities are not blamed.
    severities = minimal_project / "data" / "severities.yml"
    severities.write_text(severities.read_text(encoding="utf-8") + "unexpected: true\n", encoding="utf-8")
    result = validate(minimal_project)
    assert result.returncode == 1
    assert [p.path for p in result.problems] == ["data/severities.yml"]
    assert "unknown field 'unexpected'" in result.problems[0].message
