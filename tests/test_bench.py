"""The benchmark runs to completion at the small scale and prints its tables (no time limits)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.sitebuild import REPO


def _row(stdout: str, label: str) -> list[str]:
    """The cells after the label of the first table row that starts with ``label``."""
    for line in stdout.splitlines():
        if line.startswith(f"| {label}"):
            return [cell.strip() for cell in line.strip().strip("|").split("|")][1:]
    raise AssertionError(f"no row {label!r} in:\n{stdout}")


def test_bench_runs_at_small_scale() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"SOURCE_DATE_EPOCH", "OPSDOCS_NOW"}}
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--scales", "small", "--runs", "1"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "### Scale `small`" in out

    header = _row(out, "figure")
    assert header == ["staff opsdocs", "staff plain", "public opsdocs", "public plain"]
    pages = [int(cell) for cell in _row(out, "pages (.html files)")]
    assert len(pages) == 4 and all(n > 0 for n in pages)
    # The plain baseline builds the same pages as opsdocs does.
    assert pages[0] == pages[1] and pages[2] == pages[3]
    assert all(float(cell) > 0 for cell in _row(out, "wall time, median of 1 (s)"))
    assert all(float(cell) > 0 for cell in _row(out, "peak memory (MB)"))
    ratios = [cell for cell in _row(out, "opsdocs/plain") if cell]
    assert len(ratios) == 2 and all(re.fullmatch(r"\d+\.\d\d", r) for r in ratios)

    for phase in ("load and validate", "derive", "render the plan", "page hooks", "sum of the phases"):
        cells = _row(out, phase)
        assert len(cells) == 2 and all(float(c) >= 0 for c in cells)
    assert "### Targets" in out
    assert re.search(r"\| opsdocs/plain ≤ [\d.]+ \(staff\) \| [\d.]+ \| (met|\*\*missed\*\*) \|", out)
