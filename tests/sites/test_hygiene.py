"""Staff hygiene never stops the public status page, and `opsdocs check` reports it.

The example is built at `now` values years ahead, when every runbook review and every open
postmortem action item is overdue: both strict builds pass, the publish workflow's public job
(run command by command, as CI runs it) passes, and `opsdocs check` fails naming each item.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from opsdocs.model import read_project
from tests.clock import YEARS_AHEAD, env_at
from tests.conftest import Run, reported, run_opsdocs
from tests.paths import REPO
from tests.sitebuild import build_site

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
NOTHING_OVERDUE = "2026-11-20T12:00:00-03:00"
PROJECT_PARTS = ("data", "runbooks", "docs", "overrides", "status-docs")
CONFIGS = ("mkdocs.yml", "mkdocs.public.yml", "mkdocs.status.yml")


def check(project: Path, now: str) -> Run:
    return run_opsdocs("check", str(project), env=env_at(now), cwd=project)


def copy_example(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        shutil.copytree(REPO / part, target / part)
    for config in CONFIGS:
        shutil.copy(REPO / config, target / config)
    return target


def expected_overdue(now: str) -> tuple[list[str], list[str]]:
    """Runbook ids and action item texts overdue at ``now``, worked out from the data here."""
    project = read_project(REPO)
    today = date.fromisoformat(now[:10])
    runbooks = [
        r.meta.id
        for r in project.runbooks
        if r.meta.last_reviewed + timedelta(days=r.meta.review_every.days) < today
    ]
    items = [
        item.text
        for incident in project.incidents
        if incident.postmortem is not None
        for item in incident.postmortem.action_items
        if not item.done and item.due < today
    ]
    return runbooks, items


@pytest.mark.parametrize("now", YEARS_AHEAD)
@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.public.yml"])
def test_the_example_builds_strictly_years_ahead(tmp_path: Path, config: str, now: str) -> None:
    result = build_site(REPO / config, tmp_path / "site", now=now)
    assert result.returncode == 0, result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    if config == "mkdocs.yml":
        # Staff still see every overdue item in the build log, as information.
        runbooks, items = expected_overdue(now)
        notes = [p for p in reported(result.stderr) if p.level == "warning"]
        assert len(notes) == len(runbooks) + len(items)
        assert {p.logged for p in notes} == {"INFO"}


@pytest.mark.parametrize("now", YEARS_AHEAD)
def test_check_fails_years_ahead_and_names_each_overdue_item(now: str) -> None:
    runbooks, items = expected_overdue(now)
    assert len(runbooks) == 5 and len(items) >= 4, "years ahead, everything open is overdue"
    result = check(REPO, now)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(runbooks) + len(items)
    for line in lines:
        assert re.match(r"^[\w./-]+:\d+:\d+: warning: ", line), line
    for runbook_id in runbooks:
        (line,) = [x for x in lines if f"runbook '{runbook_id}' is overdue for review" in x]
        assert line.startswith("runbooks/")
        path, number = line.split(":")[:2]
        assert (
            (REPO / path)
            .read_text(encoding="utf-8")
            .splitlines()[int(number) - 1]
            .startswith("last_reviewed:")
        )
    for text in items:
        (line,) = [x for x in lines if f"action item '{text}'" in x]
        path, number = line.split(":")[:2]
        assert path.startswith("data/incidents/")
        assert (
            (REPO / path).read_text(encoding="utf-8").splitlines()[int(number) - 1].strip().startswith("due:")
        )
    assert f"{len(lines)} overdue item(s)" in result.stderr


def test_check_passes_when_nothing_is_overdue() -> None:
    assert expected_overdue(NOTHING_OVERDUE) == ([], [])
    result = check(REPO, NOTHING_OVERDUE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "nothing overdue" in result.stderr


def test_check_on_bad_data_exits_2_with_a_located_error(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    runbook = project / "runbooks" / "calendar-api-down.md"
    runbook.write_text(runbook.read_text(encoding="utf-8").replace("last_reviewed: ", "last_reviewed: x"))
    result = check(project, YEARS_AHEAD[0])
    assert result.returncode == 2
    assert re.search(r"^runbooks/calendar-api-down\.md:\d+:\d+: error: ", result.stderr, re.M), result.stderr
    assert "Traceback" not in result.stderr


def _public_deploy_path() -> list[str]:
    """The shell commands of every job the deploy job needs, transitively, in order; a step
    allowed to fail (``continue-on-error``, such as reading the live site) cannot stop it."""
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    order: list[str] = []

    def visit(name: str) -> None:
        needs = jobs[name].get("needs", [])
        for need in [needs] if isinstance(needs, str) else needs:
            visit(need)
        if name not in order:
            order.append(name)

    visit("deploy")
    steps = [step for name in order for step in jobs[name]["steps"] if "run" in step]
    return [step["run"] for step in steps if step.get("continue-on-error") is not True]


@pytest.mark.parametrize("now", YEARS_AHEAD)
def test_the_workflows_deploy_path_passes_years_ahead(tmp_path: Path, now: str) -> None:
    project = copy_example(tmp_path / "project")
    scripts = _public_deploy_path()
    assert not any("mkdocs.yml" in s.split() for s in scripts), "the deploy path builds the staff site"
    bin_dir = Path(sys.executable).parent
    for script in scripts:
        if "pip install" in script:
            continue  # this test runs opsdocs from the checkout, already installed
        command = script.replace(".venv/bin/", f"{bin_dir}/")
        command = command.replace(f"{bin_dir}/opsdocs ", f"{sys.executable} -m opsdocs.cli ")
        command = command.replace(f"{bin_dir}/mkdocs ", f"{sys.executable} -m mkdocs ")
        result = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", command],
            capture_output=True,
            text=True,
            env=env_at(now),
            cwd=project,
            check=False,
        )
        assert result.returncode == 0, f"{script}\n{result.stdout}\n{result.stderr}"
    assert (project / "site" / "public" / "status" / "index.html").is_file()
    assert not (project / "site" / "staff").exists()
    # ... while the hygiene check on the same copy fails.
    assert check(project, now).returncode == 1
