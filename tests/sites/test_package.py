"""The package as it is shipped: ``python -m build`` makes a wheel and an sdist that ``twine
check`` passes, the wheel holds every file of the package, and the wheel installed alone in a
fresh virtualenv runs ``opsdocs init`` and builds the project it writes."""

from __future__ import annotations

import email.parser
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from opsdocs import __version__
from tests.clock import NOW
from tests.paths import REPO
from tests.sitebuild import run_step

PACKAGE = REPO / "plugins" / "opsdocs"


def clean_environment(**extra: str) -> dict[str, str]:
    """The environment without anything that puts this checkout on ``sys.path``."""
    dropped = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "SOURCE_DATE_EPOCH", "CI"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", NO_MKDOCS_2_WARNING="1", **extra)
    return env


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and the sdist, built from a copy of what the repository ships (building in
    the checkout would leave ``build/`` and an ``egg-info`` in it)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(
        REPO / "plugins", source / "plugins", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        env=clean_environment(),
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def the(dist: Path, pattern: str) -> Path:
    (found,) = dist.glob(pattern)
    return found


def test_twine_check_passes(dist: Path) -> None:
    files = [str(the(dist, "*.whl")), str(the(dist, "*.tar.gz"))]
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


def test_the_wheel_holds_every_file_of_the_package(dist: Path) -> None:
    shipped = {
        "opsdocs/" + p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    with zipfile.ZipFile(the(dist, "*.whl")) as wheel:
        held = {name for name in wheel.namelist() if not name.startswith(f"opsdocs-{__version__}.dist-info/")}
    assert held == shipped
    # What init and the builds read besides code: templates, labels, assets, the scaffold.
    for folder in ("render/templates/", "render/labels/es/", "render/assets/", "scaffold/common/dot-github/"):
        assert any(name.startswith(f"opsdocs/{folder}") for name in held), folder


def test_the_metadata_is_complete(dist: Path) -> None:
    with zipfile.ZipFile(the(dist, "*.whl")) as wheel:
        text = wheel.read(f"opsdocs-{__version__}.dist-info/METADATA").decode("utf-8")
        assert f"opsdocs-{__version__}.dist-info/licenses/LICENSE" in wheel.namelist()
    metadata = email.parser.Parser().parsestr(text)
    assert metadata["Name"] == "opsdocs"
    assert metadata["Version"] == __version__
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert "opsdocs init" in metadata.get_payload()
    urls = dict(value.split(", ", 1) for value in metadata.get_all("Project-URL"))
    assert urls["Homepage"] == "https://github.com/opsdocs/opsdocs"
    assert {"Source", "Issues", "Documentation"} <= set(urls)
    classifiers = metadata.get_all("Classifier")
    assert "Framework :: MkDocs" in classifiers
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "mkdocs-plugin" in metadata["Keywords"].split(",")
    requires = metadata.get_all("Requires-Dist")
    assert any(r.startswith("questionary") for r in requires)


def test_the_sdist_holds_the_package_and_no_tests(dist: Path) -> None:
    with tarfile.open(the(dist, "*.tar.gz")) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"pyproject.toml", "README.md", "LICENSE", "plugins/opsdocs/cli/init.py"} <= names
    assert "plugins/opsdocs/scaffold/es/data/site.yml.j2" in names
    assert not [name for name in names if name.startswith("tests/")]


@pytest.mark.slow
def test_the_installed_wheel_writes_and_builds_a_project(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    bin_dir = venv / "bin"
    env = clean_environment()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env)
    # The wheel's dependencies come from the package index (or pip's cache), as for a user.
    install = subprocess.run(
        [str(bin_dir / "pip"), "install", "--quiet", str(the(dist, "*.whl"))],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]

    work = tmp_path / "work"  # outside the repository, so nothing of the checkout is found
    work.mkdir()
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import opsdocs; print(opsdocs.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=work,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout
    version = subprocess.run(
        [str(bin_dir / "opsdocs"), "--version"], capture_output=True, text=True, env=env, cwd=work, check=True
    )
    assert version.stdout == f"opsdocs {__version__}\n"

    run_env = clean_environment(OPSDOCS_NOW=NOW)
    init = run_step(
        [str(bin_dir / "opsdocs"), "init", "ops", "--yes", "--language", "es", "--status-site"], run_env, work
    )
    assert init.returncode == 0, init.stderr
    project = work / "ops"
    for config in ("mkdocs.yml", "mkdocs.public.yml", "mkdocs.status.yml"):
        built = run_step([str(bin_dir / "mkdocs"), "build", "--strict", "-f", config], run_env, project)
        assert built.returncode == 0, f"{config}:\n{built.stderr}"
    assert (project / "site/public/status/index.html").is_file()
    assert (project / "site/staff/runbooks/componente-caido/index.html").is_file()
    assert (project / "site/status/api/v2/summary.json").is_file()
