"""Shared fixtures: a copy of the minimal valid project, and the command line as a user runs it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.paths import MINIMAL

_PROBLEM_LINE = re.compile(
    r"^(?:(?P<logged>DEBUG|INFO|WARNING|ERROR) +- +)?"
    r"(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<level>error|warning): (?P<message>.*)$"
)


@dataclass(frozen=True)
class Reported:
    """One ``path:line:col: level: message`` line as ``opsdocs validate`` printed it, or as
    MkDocs logged it in a build's log (at ``logged``, e.g. ``INFO``)."""

    path: str
    line: int
    column: int
    level: str
    message: str
    logged: str = ""


@dataclass(frozen=True)
class Run:
    """The outcome of one run of the command, with the problem lines of stderr parsed."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def problems(self) -> list[Reported]:
        return reported(self.stderr)


def run_opsdocs(*args: str) -> Run:
    """Run ``opsdocs ARGS`` in a new Python process, the way a user runs the command."""
    done = subprocess.run(
        [sys.executable, "-m", "opsdocs.cli", *args], capture_output=True, text=True, check=False
    )
    return Run(done.returncode, done.stdout, done.stderr)


def run_validate(path: Path) -> Run:
    """Run ``opsdocs validate PATH``."""
    return run_opsdocs("validate", str(path))


def reported(output: str) -> list[Reported]:
    """The problems in the output of an opsdocs command or a build's log, in the order printed."""
    found = []
    for text in output.splitlines():
        match = _PROBLEM_LINE.match(text)
        if match:
            found.append(
                Reported(
                    match["path"],
                    int(match["line"]),
                    int(match["column"]),
                    match["level"],
                    match["message"],
                    match["logged"] or "",
                )
            )
    return found


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    """A fresh copy of ``tests/fixtures/minimal`` that a test may edit freely."""
    target = tmp_path / "project"
    shutil.copytree(MINIMAL, target, symlinks=True)
    return target


@pytest.fixture
def validate() -> Callable[[Path], Run]:
    """``opsdocs validate`` as a function of the project folder."""
    return run_validate


@pytest.fixture(scope="session")
def opsdocs() -> Callable[..., Run]:
    """The ``opsdocs`` command as a function of its arguments."""
    return run_opsdocs
