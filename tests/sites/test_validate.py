"""``opsdocs validate`` as a user sees it: exit status, and ``path:line:col: error: message`` lines.

Each test edits a copy of ``tests/fixtures/minimal`` and checks that the problem is reported
against the right file, on the line the edited text is on (found in the text, never hard-coded),
naming the field, and without a traceback.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from opsdocs.model import read_project

INCIDENT_API = "data/incidents/2026-03-10-api-errors.yml"
INCIDENT_EMAIL = "data/incidents/2026-03-20-slow-emails.yml"
WINDOW = "data/maintenance/2026-04-db-upgrade.yml"
RUNBOOK = "runbooks/one.md"


def edit(root: Path, rel: str, old: str, new: str, mark: str | None = None) -> tuple[int, int]:
    """Replace the one occurrence of ``old`` in ``root/rel`` by ``new``.

    Returns the 1-based (line, column) at which ``mark`` (a part of ``new``; all of it by
    default) stands in the edited file, for comparison with the reported position.
    """
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {rel}"
    start = text.index(old)
    edited = text[:start] + new + text[start + len(old) :]
    path.write_text(edited, encoding="utf-8")
    offset = start + (new.index(mark) if mark is not None else 0)
    return position(edited, offset)


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def where(root: Path, rel: str, needle: str) -> tuple[int, int]:
    """The 1-based (line, column) of the one occurrence of ``needle`` in ``root/rel``."""
    text = (root / rel).read_text(encoding="utf-8")
    assert text.count(needle) == 1, f"{needle!r} should occur once in {rel}"
    return position(text, text.index(needle))


def assert_problem(result, path: str, line: int, *words: str, column: int | None = None):
    """The command failed cleanly and reported a problem in ``path`` on ``line`` with ``words``."""
    assert result.returncode == 1, f"expected exit 1, got {result.returncode}\n{result.stdout}{result.stderr}"
    assert "Traceback" not in result.stderr + result.stdout
    problems = result.problems
    assert problems, f"no problem lines in stderr:\n{result.stderr}"
    for problem in problems:
        if (
            problem.path == path
            and problem.line == line
            and problem.level == "error"
            and all(word in problem.message for word in words)
            and (column is None or problem.column == column)
        ):
            return problem
    wanted = f"{path}:{line}:{column or '*'} with {words}"
    raise AssertionError(f"expected a problem at {wanted}; got:\n{result.stderr}")


# --- the example ----------------------------------------------------------------------------


def test_minimal_example_is_valid(minimal_project, validate):
    result = validate(minimal_project)
    assert result.returncode == 0, result.stderr
    assert "valid (2 incidents, 1 maintenance windows, 1 runbooks, 3 components)" in result.stdout
    assert "error" not in result.stderr
    assert "Traceback" not in result.stderr


# --- types and fields -----------------------------------------------------------------------


def test_text_where_a_number_is_required(minimal_project, validate):
    rel = "data/severities.yml"
    line, column = edit(minimal_project, rel, "    level: 2\n", '    level: "high"\n', mark='"high"')
    problem = assert_problem(validate(minimal_project), rel, line, "severities[1].level", column=column)
    assert "integer" in problem.message
    assert "'high'" in problem.message


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


def test_bad_component_status(minimal_project, validate):
    line, column = edit(
        minimal_project,
        INCIDENT_API,
        "components:\n  api: major_outage\n",
        "components:\n  api: down\n",
        "down",
    )
    problem = assert_problem(validate(minimal_project), INCIDENT_API, line, "components.api", column=column)
    assert "'down'" in problem.message
    assert "major_outage" in problem.message  # the allowed values are listed


# --- references between files ---------------------------------------------------------------


def test_unknown_severity_in_incident(minimal_project, validate):
    line, column = edit(minimal_project, INCIDENT_EMAIL, "severity: sev2", "severity: sev9", "sev9")
    assert_problem(
        validate(minimal_project), INCIDENT_EMAIL, line, "severity", "unknown severity 'sev9'", column=column
    )


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


def test_unknown_runbook_in_incident(minimal_project, validate):
    line, column = edit(
        minimal_project, INCIDENT_API, "runbooks: [api-outage]", "runbooks: [db-outage]", "db-outage"
    )
    assert_problem(
        validate(minimal_project),
        INCIDENT_API,
        line,
        "runbooks[0]",
        "unknown runbook 'db-outage'",
        column=column,
    )


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


# --- times that do not add up ---------------------------------------------------------------


def test_resolved_before_started(minimal_project, validate):
    line, _ = edit(
        minimal_project,
        INCIDENT_EMAIL,
        "resolved_at: 2026-03-20T15:00:00-03:00",
        "resolved_at: 2026-03-20T13:00:00-03:00",
    )
    problem = assert_problem(validate(minimal_project), INCIDENT_EMAIL, line, "resolved_at")
    assert "is before started_at" in problem.message


def test_update_before_the_incident_started(minimal_project, validate):
    line, _ = edit(
        minimal_project,
        INCIDENT_EMAIL,
        "- at: 2026-03-20T14:05:00-03:00",
        "- at: 2026-03-20T13:55:00-03:00",
        "at:",
    )
    problem = assert_problem(validate(minimal_project), INCIDENT_EMAIL, line, "updates[0].at")
    assert "before the incident started" in problem.message


def test_update_after_the_incident_was_resolved(minimal_project, validate):
    line, _ = edit(
        minimal_project,
        INCIDENT_API,
        "- at: 2026-03-10T10:30:00-03:00",
        "- at: 2026-03-10T10:45:00-03:00",
        "at:",
    )
    problem = assert_problem(validate(minimal_project), INCIDENT_API, line, "updates[2].at")
    assert "after the incident was resolved" in problem.message


def test_resolved_incident_leaves_component_in_outage(minimal_project, validate):
    line, column = edit(
        minimal_project, INCIDENT_API, "      api: operational\n", "      api: major_outage\n", "major_outage"
    )
    problem = assert_problem(
        validate(minimal_project), INCIDENT_API, line, "updates[2].components.api", column=column
    )
    assert "still 'major_outage'" in problem.message


def test_maintenance_window_ends_before_it_starts(minimal_project, validate):
    line, _ = edit(
        minimal_project,
        WINDOW,
        "scheduled_until: 2026-04-12T04:00:00-04:00",
        "scheduled_until: 2026-04-12T01:00:00-04:00",
    )
    problem = assert_problem(validate(minimal_project), WINDOW, line, "scheduled_until")
    assert "is not after scheduled_for" in problem.message


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


def test_tab_indentation(minimal_project, validate):
    rel = "data/components.yml"
    line, column = edit(minimal_project, rel, "      - id: web-app\n", "\t- id: web-app\n")
    problem = assert_problem(validate(minimal_project), rel, line, "invalid YAML", column=column)
    assert "tab" in problem.message


def test_impossible_date(minimal_project, validate):
    rel = "data/roadmap.yml"
    line, column = edit(
        minimal_project, rel, "shipped_on: 2026-03-01", "shipped_on: 2026-02-30", "2026-02-30"
    )
    problem = assert_problem(
        validate(minimal_project), rel, line, "releases[0].items[0].shipped_on", column=column
    )
    assert "2026-02-30" in problem.message


def test_bad_time_zone(minimal_project, validate):
    rel = "data/site.yml"
    line, column = edit(
        minimal_project, rel, "timezone: America/Santiago", "timezone: America/Santiag", "America"
    )
    problem = assert_problem(validate(minimal_project), rel, line, "timezone", column=column)
    assert "'America/Santiag' is not an IANA time zone" in problem.message


def test_training_link_to_missing_page(minimal_project, validate):
    rel = "data/training.yml"
    line, column = edit(minimal_project, rel, "page: index.md", "page: getting-started.md", "getting")
    problem = assert_problem(validate(minimal_project), rel, line, "links[0].page", column=column)
    assert "no page 'getting-started.md' under docs/" in problem.message


def test_runbook_front_matter_problem_on_its_real_line(minimal_project, validate):
    line, column = edit(minimal_project, RUNBOOK, "review_every: 90d", "review_every: soon", "soon")
    problem = assert_problem(validate(minimal_project), RUNBOOK, line, "review_every", column=column)
    assert "'soon' is not a duration" in problem.message


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
