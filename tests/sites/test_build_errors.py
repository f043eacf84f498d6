"""Bad data stops a build with the validator's messages, and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import run_opsdocs
from tests.editing import replace
from tests.paths import FIXTURES
from tests.sitebuild import assert_refused, build_site

FIXTURE = FIXTURES / "status_site"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target


def line_of(path: Path, text: str) -> int:
    """The 1-based line of ``path`` on which ``text`` first appears."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


CASES = {
    "unknown component in an update": (
        "data/incidents/web-slow.yml",
        "components: {web: degraded_performance}",
        "components: {wbe: degraded_performance}",
        "unknown component 'wbe'; did you mean 'web'?",
    ),
    "maintenance ending before it starts": (
        "data/maintenance/db-later.yml",
        "scheduled_until: 2026-12-05T04:00:00-03:00",
        "scheduled_until: 2026-12-05T01:00:00-03:00",
        "scheduled_until: 2026-12-05T01:00:00-03:00 is not after scheduled_for 2026-12-05T02:00:00-03:00",
    ),
    "resolved with a component still in outage": (
        "data/incidents/api-down.yml",
        "message: Fixed., components: {api: operational}",
        "message: Fixed., components: {api: partial_outage}",
        "still 'partial_outage' in the resolving update",
    ),
    "components that disagree with the updates": (
        "data/incidents/web-slow.yml",
        "components: {web: partial_outage}",
        "components: {web: degraded_performance}",
        "components.web: 'degraded_performance' but the worst status the updates give it is "
        "'partial_outage' (updates[1].components.web, line 8)",
    ),
    "resolved_at that is not the resolving update": (
        "data/incidents/api-down.yml",
        "resolved_at: 2026-11-20T11:00:00-03:00",
        "resolved_at: 2026-11-20T11:05:00-03:00",
        "but the resolving update is dated 2026-11-20T11:00:00-03:00 (updates[2].at, line 10)",
    ),
    "maintenance announced after it starts": (
        "data/maintenance/db-later.yml",
        "announced_at: 2026-11-20T09:00:00-03:00",
        "announced_at: 2026-12-06T09:00:00-03:00",
        "announced_at: 2026-12-06T09:00:00-03:00 is after the window starts",
    ),
    "maintenance completed before it started": (
        "data/maintenance/db-later.yml",
        "revision: 1",
        "updates: [{at: 2026-12-01T10:00:00-03:00, status: completed, message: Done.}]",
        "'completed' at 2026-12-01T10:00:00-03:00, before the window started",
    ),
    "update after resolution": (
        "data/incidents/api-down.yml",
        "{at: 2026-11-20T10:30:00-03:00",
        "{at: 2026-11-20T11:30:00-03:00",
        "is after the incident was resolved",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_build_fails_naming_file_line_and_field(project: Path, case: str) -> None:
    rel, old, new, message = CASES[case]
    path = project / rel
    replace(path, old, new)
    line = line_of(path, new)
    out = project / "site"
    result = build_site(project / "mkdocs.yml", out)
    assert_refused(result, f"{rel}:{line}:", message, unwritten=out)


def test_build_and_validate_print_the_same_problem(project: Path) -> None:
    replace(project / "data/incidents/api-down.yml", "severity: sev1", "severity: sev9")
    build = build_site(project / "mkdocs.yml", project / "site")
    check = run_opsdocs("validate", str(project))
    assert build.returncode == check.returncode == 1
    problem = next(line for line in check.stderr.splitlines() if "sev9" in line)
    assert problem.startswith("data/incidents/api-down.yml:3:11: error: severity: unknown severity 'sev9'")
    assert problem in build.stderr


def test_a_bad_now_is_a_clear_error(project: Path) -> None:
    result = build_site(project / "mkdocs.yml", project / "site", now="yesterday")
    assert_refused(result, "OPSDOCS_NOW='yesterday' is not an ISO 8601 time")


@pytest.mark.parametrize(
    ("plugin", "options"),
    [
        ("opsdocs/status", "  opsdocs/status: {checks_history: checks-history, partial_outage_weight: 1.5}"),
        ("opsdocs/handbook", "  opsdocs/status: {}\n  opsdocs/handbook: {partial_outage_weight: 1.5}"),
    ],
)
def test_a_weight_outside_0_to_1_is_a_clear_error(project: Path, plugin: str, options: str) -> None:
    replace(project / "mkdocs.yml", "  opsdocs/status: {checks_history: checks-history}", options)
    result = build_site(project / "mkdocs.yml", project / "site")
    assert result.returncode == 1
    assert (
        f"'{plugin}' option 'partial_outage_weight': a share of downtime is a number from 0 to 1"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()
