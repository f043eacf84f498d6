"""The checks' history at the size a year of probing makes: 10 components, one check each,
every 5 minutes for 365 days (1,051,200 results), kept as ``opsdocs probe`` keeps them: the
raw results of the last ``raw_days`` (14) days and one aggregate per check and day.

Prints the history's size on disk, the time to read it and to work out the measured figures,
and the time of a strict public build of a 10-component status site with and without the
history, side by side.

Usage: ``python bench/checks_history.py [--work DIR] [--raw-days 14]``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml
from common import BenchError, each_scale
from run import machine, run_build, table

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from opsdocs.derive.checks import measure  # noqa: E402
from opsdocs.model import read_project  # noqa: E402
from opsdocs.model.checks_history import (  # noqa: E402
    Result,
    aggregate,
    read_history,
)
from opsdocs.probe.writer import record, write_aggregates  # noqa: E402

COMPONENTS = 10
DAYS = 365
EVERY = timedelta(minutes=5)
NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)


def _day_results(rng: random.Random, day: datetime, check: str) -> list[Result]:
    found = []
    moment = day
    while moment < day + timedelta(days=1) and moment <= NOW:
        if rng.random() < 0.002:
            found.append(Result(moment, check, None, "timeout", None))
        else:
            found.append(Result(moment, check, 200, "", int(rng.lognormvariate(4.8, 0.35))))
        moment += EVERY
    return found


def write_year(folder: Path, raw_days: int) -> int:
    """A year of results, as the history keeps them; the number of results."""
    rng = random.Random(19)
    first = (NOW - timedelta(days=DAYS - 1)).replace(hour=0, minute=0)
    recent = (NOW - timedelta(days=raw_days - 1)).replace(hour=0, minute=0)
    aggregates, raw, count = [], [], 0
    for offset in range(DAYS):
        day = first + timedelta(days=offset)
        for number in range(COMPONENTS):
            results = _day_results(rng, day, f"check-{number:02d}")
            count += len(results)
            if day >= recent:
                raw.extend(results)
            else:
                aggregates.append(aggregate(day.date(), results[0].check, results))
    write_aggregates(folder, aggregates)
    record(folder, raw, NOW, raw_days)
    return count


def _project(work: Path, history: bool) -> Path:
    """A public status site of 10 components, each with one check."""
    root = work / ("with" if history else "without")
    shutil.copytree(REPO / "tests" / "fixtures" / "status_site", root)
    shutil.rmtree(root / "checks-history")
    components = [{"id": f"c{n:02d}", "name": f"Component {n}"} for n in range(COMPONENTS)]
    (root / "data" / "components.yml").write_text(yaml.safe_dump({"components": components}))
    checks = [{"id": f"check-{n:02d}", "component": f"c{n:02d}", "url": "https://example.test/"}
              for n in range(COMPONENTS)]  # fmt: skip
    (root / "data" / "checks.yml").write_text(yaml.safe_dump({"checks": checks}))
    for folder in ("incidents", "maintenance"):
        shutil.rmtree(root / "data" / folder, ignore_errors=True)
    config = root / "mkdocs.yml"
    option = "checks_history: checks-history" if history else "checks_history: ''"
    config.write_text(config.read_text().replace("checks_history: checks-history", option))
    return root


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure_year(work: Path, raw_days: int) -> str:
    with_history = _project(work, True)
    without = _project(work, False)
    started = time.perf_counter()
    count = write_year(with_history / "checks-history", raw_days)
    written = time.perf_counter() - started
    folder = with_history / "checks-history"
    started = time.perf_counter()
    history = read_history(folder)
    read = time.perf_counter() - started
    project = read_project(with_history)
    started = time.perf_counter()
    measured = measure(project, history, NOW)
    derived = time.perf_counter() - started
    if len(measured.components) != COMPONENTS:
        raise BenchError(f"measured {len(measured.components)} components, not {COMPONENTS}")
    builds = []
    for root in (without, with_history):
        wall, peak, _cpu = run_build(root / "mkdocs.yml", work / f"site-{root.name}", "mkdocs", work)
        builds.append((wall, peak))
    raw_size = _size(folder / "raw")
    rows = [
        ["results generated", f"{count:,}"],
        ["raw results kept", f"{len(history.raw):,} ({raw_days} days)"],
        ["daily aggregates", f"{len(history.daily):,}"],
        [
            "size on disk",
            f"{_size(folder) / 1024:.0f} KB (raw {raw_size / 1024:.0f} KB, daily "
            f"{(folder / 'daily.csv').stat().st_size / 1024:.0f} KB)",
        ],
        ["written in", f"{written:.2f} s"],
        ["read in", f"{read * 1000:.0f} ms"],
        ["measured figures in", f"{derived * 1000:.0f} ms"],
        ["public build without history", f"{builds[0][0]:.2f} s, {builds[0][1]:.0f} MB"],
        ["public build with history", f"{builds[1][0]:.2f} s, {builds[1][1]:.0f} MB"],
    ]
    return table(["one year, 10 components, every 5 minutes", "figure"], rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", help="a folder to keep the generated project in")
    parser.add_argument("--raw-days", type=int, default=14)
    args = parser.parse_args()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="opsdocs-checks-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"checks' history benchmark on {machine()}", flush=True)
    done = each_scale(["year"], lambda _scale: measure_year(work, args.raw_days), work, keep=bool(args.work))
    return 0 if done is not None else 1


if __name__ == "__main__":
    sys.exit(main())
