"""Building real sites with the real ``mkdocs`` command, for the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXED_NOW = "2026-11-28T12:00:00-03:00"


def build_site(
    config: Path, out: Path, now: str = FIXED_NOW, strict: bool = True
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
