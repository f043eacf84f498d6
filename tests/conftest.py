"""Shared fixtures: a copy of the minimal valid project, the command line as a user runs it, and
the sites that many tests read, each built once per test session."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.clock import NOW
from tests.paths import MINIMAL
from tests.sitebuild import build_site

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


def run_opsdocs(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None, timeout: float | None = None
) -> Run:
    """Run ``opsdocs ARGS`` in a new Python process, the way a user runs the command: in this
    process's environment unless ``env`` is given (``tests.clock.env_at`` fixes "now"), in
    ``cwd``; ``timeout`` bounds a run that must finish promptly."""
    command = [sys.executable, "-m", "opsdocs.cli", *args]
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout, check=False
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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``built_site(config, now=NOW, strict=True)``: the folder of the site that ``mkdocs build``
    makes from ``config`` at ``now``, built the first time it is asked for and shared by every
    later test in the session (in each pytest-xdist worker). Building the example's and the
    fixtures' sites once is what keeps the suite's time in check.

    The folder is shared: a test reads it and never changes it; one that must change a file
    copies the folder first. The project itself is read in place (a build writes nothing
    next to its configuration), so only unmodified projects belong here.
    """
    built: dict[tuple[Path, str, bool], Path] = {}

    def site(config: Path, now: str = NOW, strict: bool = True) -> Path:
        key = (config.resolve(), now, strict)
        if key not in built:
            out = tmp_path_factory.mktemp(f"{config.parent.name}-{config.stem}") / "site"
            result = build_site(config, out, now=now, strict=strict)
            assert result.returncode == 0, result.stderr
            built[key] = out
        return built[key]

    return site
