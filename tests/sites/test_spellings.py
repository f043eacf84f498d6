"""A project written with American spellings (``color``, ``organization``, ``canceled``), as
its users see it: ``opsdocs validate`` refuses a record with both spellings on its line, the
on-call commands edit a window in the spelling its file uses, and the site builds strictly
showing what the British spelling would show."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import feedparser
import yaml
from icalendar import Calendar

from tests.clock import env_at
from tests.editing import assert_problem, replace, where
from tests.html import page
from tests.paths import MINIMAL
from tests.sitebuild import build_site, run_step

WINDOW = "data/maintenance/2026-04-db-upgrade.yml"
LATER_WINDOW = """\
id: 2026-12-10-email-move
title: Email provider move
scheduled_for: 2026-12-10T22:00:00-03:00
scheduled_until: 2026-12-11T00:00:00-03:00
components: [email]
message: Emails may be delayed.
canceled: false
"""


def american(root: Path) -> Path:
    """A copy of the minimal fixture spelled the American way, with the staff handbook (whose
    severities page shows each severity's colour)."""
    project = root / "project"
    shutil.copytree(MINIMAL, project)
    replace(project / "data/severities.yml", "colour:", "color:")
    replace(project / "data/severities.yml", "colour:", "color:")
    replace(project / "data/site.yml", "organisation: Example Org", "organization: Example US Org")
    window = project / WINDOW
    window.write_text(window.read_text(encoding="utf-8") + "canceled: true\n", encoding="utf-8")
    replace(
        project / "mkdocs.yml", "  opsdocs/status: {}\n", "  opsdocs/status: {}\n  opsdocs/handbook: {}\n"
    )
    return project


def test_both_spellings_in_one_record_fail_validation_on_its_line(tmp_path: Path, validate) -> None:
    project = american(tmp_path)
    replace(project / "data/site.yml", "organization:", "organisation: Example Org\norganization:")
    result = validate(project)
    line, column = where(project, "data/site.yml", "product:")
    problem = assert_problem(
        result, "data/site.yml", line, "'organisation' and 'organization'", column=column
    )
    assert "written twice" in problem.message
    assert len(result.problems) == 1


def test_cancel_writes_the_spelling_the_file_uses(tmp_path: Path, validate) -> None:
    project = american(tmp_path)
    path = project / "data/maintenance/2026-12-10-email-move.yml"
    path.write_text(LATER_WINDOW, encoding="utf-8")
    args = ["maintenance", "cancel", "2026-12-10-email-move", "--yes", "--project", str(project)]
    done = run_step([sys.executable, "-m", "opsdocs.cli", *args], env_at())
    assert done.returncode == 0, done.stderr
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["canceled"] is True and "cancelled" not in data
    assert data["revision"] == 1
    assert validate(project).returncode == 0


def test_an_american_spelled_project_builds_strictly_and_shows_the_same(tmp_path: Path) -> None:
    project = american(tmp_path)
    out = tmp_path / "site"
    result = build_site(project / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    swatches = page(out, "handbook/severities/index.html").cssselect(".opsdocs-swatch")
    assert {s.get("style") for s in swatches} >= {"background: #d32f2f", "background: #f57c00"}
    feed = feedparser.parse((out / "status/history.atom").read_bytes())
    assert feed.feed.author == "Example US Org"
    calendar = Calendar.from_ical((out / "status/maintenance.ics").read_bytes())
    (event,) = [e for e in calendar.walk("VEVENT") if "2026-04-db-upgrade" in str(e.get("uid"))]
    assert str(event.get("status")) == "CANCELLED"
