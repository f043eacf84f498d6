"""Building real sites with the real ``mkdocs`` command, for the tests."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from tests.clock import NOW, env_at


def build_site(
    config: Path, out: Path, now: str | None = NOW, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` on ``config`` into ``out`` at ``now`` (None: the real clock), from
    the configuration's folder; return the finished process."""
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(out)]
    if strict:
        args.insert(4, "--strict")
    return subprocess.run(
        args, capture_output=True, text=True, env=env_at(now), cwd=config.parent, check=False
    )


def run_step(
    args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``args`` as a CI step runs a command: standard input not a terminal (nothing is
    asked), the output captured as text, a failure returned rather than raised."""
    return subprocess.run(
        args, capture_output=True, text=True, env=env, cwd=cwd, stdin=subprocess.DEVNULL, check=False
    )


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def missing_targets(site: Path, links: Iterable[tuple[str, str]], base: str) -> list[str]:
    """``file: url`` for each of ``links`` (the file it is in, an absolute address) that points
    into the built ``site`` at ``base`` and leads to no file there; queries are not pages."""
    missing = set()
    for rel, url in links:
        parts = urlsplit(url)
        if not url.startswith(base) or parts.query:
            continue
        path = unquote(parts.path[len(urlsplit(base).path) :])
        target = site / path
        if path.endswith("/") or path == "":
            target = target / "index.html"
        if not target.is_file():
            missing.add(f"{rel}: {url}")
    return sorted(missing)


class Finished(Protocol):
    """A finished command: a ``subprocess.CompletedProcess`` or a ``tests.conftest.Run``."""

    returncode: int
    stdout: str
    stderr: str


def assert_refused(result: Finished, *messages: str, unwritten: Path | None = None) -> None:
    """The build or command stopped with exit status 1, printed each of ``messages``, printed
    no traceback, and (when ``unwritten`` is given) wrote nothing at that path."""
    assert result.returncode == 1, result.stdout + result.stderr
    for message in messages:
        assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    if unwritten is not None:
        assert not unwritten.exists(), f"{unwritten} was written by a run that failed"
