"""The benchmark runs to completion at the small scale and prints its tables (no time limits):
the staff, public and standalone status sites, each built strictly beside its plain baseline.

The page weight table needs Chromium: without it the benchmark says why, and the test checks
that line instead, except under CI, where a missing browser is a failure (as in browser tests).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.chromium import chromium_path
from tests.clock import env_at
from tests.paths import REPO


def _row(stdout: str, label: str) -> list[str]:
    """The cells after the label of the first table row that starts with ``label``."""
    for line in stdout.splitlines():
        if line.startswith(f"| {label}"):
            return [cell.strip() for cell in line.strip().strip("|").split("|")][1:]
    raise AssertionError(f"no row {label!r} in:\n{stdout}")


def test_bench_runs_at_small_scale() -> None:
    env = env_at(None)  # the benchmark fixes its own now
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
    assert header == [
        f"{site} {engine}" for site in ("staff", "public", "status") for engine in ("opsdocs", "plain")
    ]
    pages = [int(cell) for cell in _row(out, "pages (.html files)")]
    assert len(pages) == 6 and all(n > 0 for n in pages)
    # The plain baseline builds the same pages as opsdocs does.
    assert pages[0] == pages[1] and pages[2] == pages[3] and pages[4] == pages[5]
    # The standalone status site is the status part alone: fewer pages than the public site.
    assert pages[4] < pages[2]
    assert all(float(cell) > 0 for cell in _row(out, "wall time, median of 1 (s)"))
    assert all(float(cell) > 0 for cell in _row(out, "peak memory (MB)"))
    assert all(float(cell) > 0 for cell in _row(out, "CPU time, median of 1 (s)"))
    ratios = [cell for cell in _row(out, "opsdocs/plain") if cell]
    assert len(ratios) == 3 and all(re.fullmatch(r"\d+\.\d\d", r) for r in ratios)
    assert re.search(
        r"^Standalone status site (no slower|\*\*slower\*\*) than the public site: [\d.]+ s", out, re.M
    )

    for phase in ("load and validate", "derive", "render the plan", "page hooks", "sum of the phases"):
        cells = _row(out, phase)
        assert len(cells) == 3 and all(float(c) >= 0 for c in cells)
    assert "### Targets" in out
    assert re.search(r"\| opsdocs/plain ≤ [\d.]+ \(staff\) \| [\d.]+ \| (met|\*\*missed\*\*) \|", out)
    assert re.search(
        r"\| status site builds no slower than the public site \| .+ \| (met|\*\*missed\*\*) \|", out
    )

    # Page weight of the public status page, measured in Chromium (no limits asserted).
    try:
        chromium_path()
    except pytest.skip.Exception:
        assert "Page weight of the public site: not measured (" in out
        return  # no Chromium outside CI: the rest of the benchmark is checked above
    weight = _row(out, "public status/index.html")
    assert len(weight) == 10, weight
    first_kb, first_requests, first_network = float(weight[0]), int(weight[1]), int(weight[2])
    repeat_kb, repeat_requests = float(weight[3]), int(weight[4])
    deployed_kb, html_gzip_kb = float(weight[6]), float(weight[9])
    assert first_kb > 0 and first_requests > 1 and first_network == first_requests
    assert repeat_requests > 0 and 0 <= repeat_kb < first_kb
    assert 0 < html_gzip_kb <= deployed_kb < first_kb
    targets = _row(out, "targets (`small`, public)")
    assert re.fullmatch(r"≤ \d+: (met|\*\*missed\*\*)", targets[-1]), targets
    assert "- public, off-origin requests: " in out

    # The standalone status site: its status page is its home, and it ships no search.
    status = _row(out, "status index.html")
    assert len(status) == 10 and 0 < float(status[0]) < first_kb
    # What the first visit is made of: the parts add up to the total, per site.
    parts: dict[str, list[str]] = {}
    for line in out.split("| part |", 1)[1].split("\n\n", 1)[0].splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        parts[cells[0]] = cells[1:]
    total = parts.pop("total")
    for column, site_total in enumerate(total):
        summed = sum(float(cells[column]) for cells in parts.values() if cells[column] != "—")
        assert abs(summed - float(site_total)) < 0.1 * len(parts), (column, parts, total)
    assert float(parts["the page (HTML)"][0]) > 0 and float(parts["Material: JavaScript bundle"][1]) > 0
    # Neither status page loads search: the public one leaves it out, the status site has none.
    assert all(cell == "—" for cell in parts.get("search index", ["—"]))
