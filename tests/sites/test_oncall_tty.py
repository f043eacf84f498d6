"""``opsdocs incident new`` in a terminal: a pseudo-terminal (pexpect) answers its questions as a
person would, with the arrow keys and the prefilled message, and the incident is written."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pexpect
import yaml

from tests.clock import NOW, env_at
from tests.conftest import run_opsdocs
from tests.paths import FIXTURES

FIXTURE = FIXTURES / "oncall"
DOWN, SPACE, ENTER = "\x1b[B", " ", "\r"


def test_new_incident_asked_in_a_terminal(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    env = {**env_at(NOW), "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "opsdocs.cli", "incident", "new", "--project", str(project)],
        env=env,
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=600,  # a guard against a hang, not a limit on speed
    )
    try:
        child.expect("Title")
        child.send("Web app is slow" + ENTER)
        child.expect("Severity")
        child.send(DOWN + ENTER)  # the second choice: sev2
        child.expect("Affected components")
        child.send(DOWN + SPACE + ENTER)  # the second component: web-app
        child.expect("Status of Web app")
        child.send(ENTER)  # the status offered first for a sev2: partial_outage
        child.expect("Public message")
        child.expect("since 12:00")  # prefilled from the template, to edit or keep
        child.send(ENTER)
        child.expect("Internal note")
        child.send("Checked the dashboards" + ENTER)
        child.expect(r"\+      web-app: partial_outage")  # the diff, before the question
        child.expect("Write this change")
        child.send("y")
        child.expect("declared incident 2026-11-28-web-app-is-slow")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0

    data = yaml.safe_load((project / "data/incidents/2026-11-28-web-app-is-slow.yml").read_text())
    assert data["severity"] == "sev2"
    (update,) = data["updates"]
    assert update["components"] == {"web-app": "partial_outage"}
    assert update["message"] == "We are investigating a problem with Web app since 12:00.\n"
    assert update["internal_note"] == "Checked the dashboards"
    check = run_opsdocs("validate", str(project))
    assert check.returncode == 0, check.stderr
