"""Building real sites with the real ``mkdocs`` command, for the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.clock import NOW


def build_site(
    config: Path, out: Path, now: str = NOW, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` on ``config`` into ``out`` at ``now``; return the finished process."""
    env = {k: v for k, v in os.environ.items() if k not in {"SOURCE_DATE_EPOCH"}}
    env["OPSDOCS_NOW"] = now
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(out)]
    if strict:
        args.insert(4, "--strict")
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=config.parent, check=False)


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
