"""Mutation testing of the code that keeps the public site safe: ``make mutation``.

mutmut imports the code it mutates from ``mutants/``, ``mutants/src`` or ``mutants/source``,
by the module names of the files' paths there; the package lives in ``plugins/opsdocs``. So
this stages a copy of the package (as ``opsdocs/``), the tests and ``pyproject.toml`` (whose
``[tool.mutmut]`` table says what is mutated and which fast tests run) in ``.mutation/``,
runs mutmut there and prints the kill ratio and the surviving mutants.

Slow (minutes to an hour): run by hand, not in CI. ``--max-children N`` sets mutmut's parallel
workers (default 2); other arguments are mutant names or globs for ``mutmut run``
(``'opsdocs.derive.runbooks*'`` runs a subset); ``--report-only`` prints the last results.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STAGE = REPO / ".mutation"


def stage() -> None:
    """Copy what mutmut needs into ``.mutation/``, keeping mutmut's earlier results there."""
    STAGE.mkdir(exist_ok=True)
    for name, source in (("opsdocs", REPO / "plugins" / "opsdocs"), ("tests", REPO / "tests")):
        target = STAGE / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", STAGE / "pyproject.toml")


def mutmut(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``mutmut ARGS`` in the staging folder."""
    command = [sys.executable, "-m", "mutmut", *args]
    return subprocess.run(command, cwd=STAGE, check=False, text=True, capture_output=args[0] != "run")


def report() -> int:
    """Print the kill ratio and every surviving mutant; return 0."""
    listed = mutmut("results", "--all", "true").stdout
    states: Counter[str] = Counter()
    survivors = []
    for line in listed.splitlines():
        name, _, state = line.strip().rpartition(": ")
        if not name:
            continue
        states[state] += 1
        if state == "survived":
            survivors.append(name)
    killed = states["killed"] + states["timeout"]
    judged = killed + states["survived"]
    ratio = f"{killed / judged:.1%}" if judged else "n/a"
    print(f"\nmutants: {sum(states.values())}; " + ", ".join(f"{k} {v}" for k, v in sorted(states.items())))
    print(f"kill ratio: {killed}/{judged} = {ratio} (killed and timed out, of those judged)")
    if survivors:
        print("\nsurvivors (inspect one with: cd .mutation && ../.venv/bin/mutmut show NAME):")
        for name in survivors:
            print(f"  {name}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-children", default="2", help="parallel workers (default 2)")
    parser.add_argument("--report-only", action="store_true", help="print the last run's results")
    parser.add_argument("mutants", nargs="*", help="mutant names or globs to run (default: all)")
    args = parser.parse_args()
    if not args.report_only:
        stage()
        mutmut("run", "--max-children", args.max_children, *args.mutants)
    return report()


if __name__ == "__main__":
    raise SystemExit(main())
