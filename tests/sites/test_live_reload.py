"""``mkdocs serve`` rebuilds in one process: the data is read again when a file changed, and
only then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from opsdocs.mkdocs_plugins.shared import BuildData, keep_between_builds, load_for_build
from tests.paths import MINIMAL

FIXTURE = MINIMAL


def _start(config_file: Path, command: str) -> None:
    """What MkDocs does once when ``command`` starts: the plugins' startup event."""
    load_config(config_file=str(config_file)).plugins.on_startup(command=command, dirty=False)


def _load(config_file: Path) -> BuildData:
    """What one build loads: MkDocs reads the configuration afresh for every rebuild, then
    runs the plugins' config event."""
    config = load_config(config_file=str(config_file))
    config = config.plugins.on_config(config)
    return load_for_build(config)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    yield root
    keep_between_builds(False)


def test_serving_reads_the_data_again_only_after_an_edit(project: Path) -> None:
    config = project / "mkdocs.yml"
    _start(config, "serve")
    first = _load(config)
    again = _load(config)
    assert again.project is first.project, "nothing changed: the loaded project is reused"

    incident = next((project / "data" / "incidents").glob("*.yml"))
    title = next(i.title for i in first.project.incidents if i.id == incident.stem)
    incident.write_text(incident.read_text(encoding="utf-8").replace(title, "Edited while serving"), "utf-8")
    edited = _load(config)
    assert edited.project is not first.project
    assert "Edited while serving" in [i.title for i in edited.project.incidents]


def test_a_single_build_reads_the_data_of_its_own_moment(project: Path) -> None:
    config = project / "mkdocs.yml"
    _start(config, "build")
    first = _load(config)
    incident = next((project / "data" / "incidents").glob("*.yml"))
    incident.write_text(incident.read_text(encoding="utf-8").replace("title:", "title: Later", 1), "utf-8")
    _start(config, "build")
    later = _load(config)
    assert later.project is not first.project
    assert any(i.title.startswith("Later") for i in later.project.incidents)
