"""Hostile and broken input: every case builds safely or fails with a clear error naming the
file and line, in bounded time and memory, never with a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import Run, run_opsdocs
from tests.editing import replace
from tests.paths import FIXTURES

FIXTURE = FIXTURES / "status_site"
INCIDENT = "data/incidents/api-down.yml"
PROBLEM = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error: .+$", re.MULTILINE)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target


def validate(project: Path) -> Run:
    """``opsdocs validate``, which must finish in bounded time whatever the input."""
    return run_opsdocs("validate", str(project), timeout=120)


def assert_clear_failure(result: Run, path: str) -> re.Match[str]:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    problems = [m for m in PROBLEM.finditer(result.stderr) if m.group("path") == path]
    assert problems, result.stderr
    assert int(problems[0].group("line")) >= 1
    return problems[0]


def write(project: Path, rel: str, content: str | bytes) -> None:
    path = project / rel
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def test_alias_bomb_is_refused(project: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    write(project, "data/kpis.yml", "\n".join(lines) + "\n")
    problem = assert_clear_failure(validate(project), "data/kpis.yml")
    assert "too many aliases" in problem.group(0)


def test_deep_nesting_is_refused(project: Path) -> None:
    write(project, "data/kpis.yml", "kpis: " + "[" * 5000 + "]" * 5000 + "\n")
    problem = assert_clear_failure(validate(project), "data/kpis.yml")
    assert "nesting depth" in problem.group(0)


def test_a_50_mb_file_is_refused_quickly(project: Path) -> None:
    write(project, "data/kpis.yml", "kpis: []\n" + "# padding\n" * (5 * 1024 * 1024))
    problem = assert_clear_failure(validate(project), "data/kpis.yml")
    assert "limited to" in problem.group(0)


def test_not_utf8_is_reported_with_its_line(project: Path) -> None:
    write(project, INCIDENT, (project / INCIDENT).read_bytes().replace(b"API unavailable", b"API ca\xefda"))
    problem = assert_clear_failure(validate(project), INCIDENT)
    assert problem.group("line") == "2"
    assert "not UTF-8" in problem.group(0)


def test_tabs_are_reported_with_their_line(project: Path) -> None:
    tab_line = replace(project / INCIDENT, "  - {at: 2026-11-20T10:30", "\t- {at: 2026-11-20T10:30")
    problem = assert_clear_failure(validate(project), INCIDENT)
    assert problem.group("line") == str(tab_line)


def test_duplicate_keys_are_reported(project: Path) -> None:
    write(project, INCIDENT, (project / INCIDENT).read_text() + "severity: sev2\n")
    problem = assert_clear_failure(validate(project), INCIDENT)
    assert "duplicate key 'severity' (first on line 3)" in problem.group(0)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30T10:00:00-03:00", "day value is outside expected range"),
        ("9999-12-31T23:59:00-03:00", "out of range"),
        ("yesterday", "datetime"),
    ],
)
def test_impossible_times_are_reported(project: Path, value: str, message: str) -> None:
    replace(project / INCIDENT, "started_at: 2026-11-20T10:00:00-03:00", f"started_at: {value}")
    problem = assert_clear_failure(validate(project), INCIDENT)
    assert problem.group("line") == "4"
    assert message in problem.group(0).lower() or message in problem.group(0)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bom", "\ufeff"),
        ("crlf", None),
    ],
)
def test_bom_and_crlf_are_accepted(project: Path, name: str, content: str | None) -> None:
    raw = (project / INCIDENT).read_text()
    write(project, INCIDENT, content + raw if content else raw.replace("\n", "\r\n"))
    result = validate(project)
    assert result.returncode == 0, result.stderr


def test_a_naive_timestamp_gets_the_site_zone(project: Path) -> None:
    from opsdocs.model import read_project

    replace(project / INCIDENT, "started_at: 2026-11-20T10:00:00-03:00", "started_at: 2026-11-20 10:00")
    incident = next(i for i in read_project(project).incidents if i.id == "api-down")
    assert incident.started_at.isoformat() == "2026-11-20T13:00:00+00:00"


def test_a_symlink_out_of_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yml"
    outside.write_text("id: x\n")
    (project / "data" / "incidents" / "link.yml").symlink_to(outside)
    assert_clear_failure(validate(project), "data/incidents/link.yml")


def test_odd_but_valid_text_is_kept_as_text(project: Path) -> None:
    from opsdocs.model import read_project

    odd = "Down \u202eevil\u202c \u200bzero-width ]]> \"quoted\" 'single' 🚨 " + "x" * 20_000
    replace(project / INCIDENT, "title: API unavailable", "title: " + yaml_quote(odd))
    incident = next(i for i in read_project(project).incidents if i.id == "api-down")
    assert incident.title == odd


def yaml_quote(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def test_an_escaped_control_character_is_reported(project: Path) -> None:
    replace(project / INCIDENT, "title: API unavailable", 'title: "API \\x1b[31munavailable"')
    problem = assert_clear_failure(validate(project), INCIDENT)
    assert problem.group("line") == "2"
    assert "control character U+001B" in problem.group(0)
