"""Benchmark: the on-call path, from a form's values to a built public site, on a synthetic
organisation (``generate.py``).

For each scale it times, as separate processes the way the workflows run them:
``opsdocs incident new --yes`` then ``opsdocs validate``, ``opsdocs incident update --yes``,
the public site's ``mkdocs build --strict`` after that update, and the Incident workflow's
script steps (``.github/scripts/oncall.py edit`` and ``push``) on a clone whose ``origin`` is a
bare repository on this machine. Each figure is the median of ``--runs``; each run declares an
incident of its own. It prints a Markdown table per scale, the machine and its load.

Usage: ``python bench/oncall.py [--scales small,large] [--runs 3] [--out report.md]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from common import BenchError, each_scale
from generate import FIXED_NOW, SCALES, generate
from run import machine, run_build, table

REPO = Path(__file__).resolve().parent.parent
ONCALL = REPO / ".github" / "scripts" / "oncall.py"
ROWS = (
    ("new", "`opsdocs incident new --yes`"),
    ("validate", "`opsdocs validate`"),
    ("new+validate", "new + validate"),
    ("update", "`opsdocs incident update --yes`"),
    ("build", "public site build after the update (`mkdocs build --strict`)"),
    ("edit", "workflow script: `oncall.py edit` (the command, then `git commit`)"),
    ("push", "workflow script: `oncall.py push` (to a bare repository here)"),
)


def env() -> dict[str, str]:
    """The commands' environment: "now" fixed, as in ``run.py``, and a GitHub identity."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GH_", "SOURCE_DATE"))}
    return base | {
        "OPSDOCS_NOW": FIXED_NOW,
        "NO_MKDOCS_2_WARNING": "1",
        "GITHUB_ACTOR": "bench",
        "GITHUB_ACTOR_ID": "1",
        "GIT_CONFIG_NOSYSTEM": "1",
    }


Timing = tuple[float, float]
"""Wall time and CPU time (user and system, of the processes started), in seconds."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], cwd: Path, extra: dict[str, str] | None = None) -> Timing:
    """Run ``args``; its wall and CPU time. A failure is a ``BenchError`` with its output."""
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(
        args, cwd=cwd, env=env() | (extra or {}), capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    timing = (time.perf_counter() - started, _children_cpu() - cpu)
    if done.returncode != 0:
        raise BenchError(f"{' '.join(args[:4])} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return timing


def opsdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "opsdocs.cli", *args]


def first_ids(root: Path) -> tuple[str, str]:
    """A severity and a component of the generated project, for the commands' flags."""
    severity = yaml.safe_load((root / "data" / "severities.yml").read_text())["severities"][0]["id"]
    components = yaml.safe_load((root / "data" / "components.yml").read_text())
    listed = [c for g in components.get("groups", []) for c in g["components"]]
    listed += components.get("components", [])
    return severity, listed[0]["id"]


def git(repo: Path, *args: str) -> None:
    identity = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.test"}
    identity |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.test"}
    subprocess.run(["git", *args], cwd=repo, env=env() | identity, check=True, capture_output=True)


def clone_with_remote(project: Path, work: Path) -> Path:
    """A clone of ``project`` (committed to a bare repository in ``work``), as a checkout is."""
    seed, bare, clone = work / "seed", work / "remote.git", work / "clone"
    shutil.copytree(project, seed)
    git(work, "init", "--quiet", "--bare", "--initial-branch=main", str(bare))
    git(seed, "init", "--quiet", "--initial-branch=main")
    git(seed, "add", "--all")
    git(seed, "commit", "--quiet", "-m", "Project")
    git(seed, "push", "--quiet", str(bare), "main")
    git(work, "clone", "--quiet", str(bare), str(clone))
    shutil.rmtree(seed)
    return clone


def measure(scale: str, runs: int, work: Path, log) -> tuple[dict[str, list[Timing]], dict[str, int]]:
    """Every figure of one scale, ``runs`` times."""
    project = work / "project"
    counts = generate(project, scale)
    severity, component = first_ids(project)
    clone = clone_with_remote(project, work)
    figures: dict[str, list[Timing]] = {key: [] for key, _ in ROWS}
    for run in range(1, runs + 1):
        title = f"Bench outage {run}"
        incident = f"{FIXED_NOW[:10]}-bench-outage-{run}"
        new = opsdocs("incident", "new", "--yes", f"--title={title}", f"--severity={severity}")
        new += [f"--component={component}=major_outage", f"--project={project}"]
        figures["new"].append(timed(new, project))
        figures["validate"].append(timed(opsdocs("validate", str(project)), project))
        both = zip(figures["new"][-1], figures["validate"][-1], strict=True)
        figures["new+validate"].append(tuple(a + b for a, b in both))
        update = opsdocs("incident", "update", "--yes", "--status=identified", f"--project={project}")
        figures["update"].append(timed([*update, "--", incident], project))
        wall, _rss, cpu = run_build(project / "mkdocs.public.yml", work / "site", "opsdocs", work)
        figures["build"].append((wall, cpu))
        inputs = {
            "ONCALL_ACTION": "new",
            "ONCALL_TITLE": f"Workflow outage {run}",
            "ONCALL_SEVERITY": severity,
            "ONCALL_COMPONENTS": f"{component}=partial_outage",
        }
        figures["edit"].append(timed([sys.executable, str(ONCALL), "edit"], clone, inputs))
        figures["push"].append(timed([sys.executable, str(ONCALL), "push"], clone))
        log(f"[{scale}] run {run}/{runs}: " + ", ".join(f"{k} {v[-1][0]:.2f} s" for k, v in figures.items()))
    return figures, counts


def report(scale: str, figures: dict[str, list[Timing]], counts: dict[str, int], runs: int) -> str:
    what = ", ".join(f"{k} {v}" for k, v in counts.items())
    rows = []
    for key, label in ROWS:
        walls, cpus = [t[0] for t in figures[key]], [t[1] for t in figures[key]]
        spread = f"{min(walls):.2f}–{max(walls):.2f}"
        rows.append([label, f"{statistics.median(walls):.2f}", spread, f"{statistics.median(cpus):.2f}"])
    header = ["step", f"wall, median of {runs} (s)", "wall, min–max (s)", f"CPU, median of {runs} (s)"]
    return "\n".join([f"### Scale `{scale}`", "", f"Data: {what}.", "", table(header, rows), ""])


def load() -> str:
    try:
        return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "load average unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="small", help="comma-separated: " + ", ".join(SCALES))
    parser.add_argument("--runs", type=int, default=3, help="runs of each step (median)")
    parser.add_argument("--out", type=Path, help="also write the report (Markdown) to this file")
    args = parser.parse_args(argv)
    scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    if not scales or any(s not in SCALES for s in scales) or args.runs < 1:
        parser.error(f"scales must be among {', '.join(SCALES)} and --runs at least 1")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    parts = ["## On call", "", f"Machine: {machine()}; {load()} at the start.", ""]
    parts += [f"`now` is fixed at {FIXED_NOW}.", ""]
    print("\n".join(parts), flush=True)
    work = Path(tempfile.mkdtemp(prefix="opsdocs-bench-oncall-"))

    def one_scale(scale: str) -> str:
        figures, counts = measure(scale, args.runs, work / scale, log)
        return report(scale, figures, counts, args.runs)

    texts = each_scale(scales, one_scale, work)
    if texts is None:
        return 1
    parts += texts
    parts.append(f"Load at the end: {load()}.")
    print(parts[-1])
    if args.out:
        args.out.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
