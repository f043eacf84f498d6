"""``opsdocs generate``: one site's pages and files in a folder that engines without the opsdocs
plugins build (plain MkDocs, Zensical), showing what the plugin-built site shows."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from tests.sitebuild import FIXED_NOW, REPO, build_site, tree

INCIDENT = "data/incidents/2025-12-09-correos-invitacion-retraso.yml"
PROBLEM_LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error: .+$", re.MULTILINE)


def env(now: str = FIXED_NOW) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    values.update(OPSDOCS_NOW=now, NO_MKDOCS_2_WARNING="1")
    return values


def generate(out: Path, *args: str, project: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run ``python -m opsdocs.cli generate OUT --project PROJECT ARGS`` at the fixed ``now``."""
    command = [sys.executable, "-m", "opsdocs.cli", "generate", str(out), "--project", str(project), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env(), check=False)


def statuses(page: Path) -> dict[str, str]:
    """Each component row of a built status page: its id and the status label it shows."""
    doc = lxml.html.parse(str(page)).getroot()
    found = {}
    for row in doc.cssselect("[data-opsdocs-component]"):
        labels = row.cssselect("[data-opsdocs-status-label]")
        assert labels, f"component {row.get('data-opsdocs-component')} has no status label"
        found[row.get("data-opsdocs-component")] = " ".join(labels[0].text_content().split())
    return found


@pytest.fixture(scope="module")
def public_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "public"
    result = generate(out, "--audience", "public")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def staff_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "staff"
    result = generate(out, "--audience", "staff")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def plugin_statuses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The component statuses of the public status page the opsdocs plugins build."""
    site = tmp_path_factory.mktemp("plugin-site")
    result = build_site(REPO / "mkdocs.public.yml", site)
    assert result.returncode == 0, result.stderr
    found = statuses(site / "status" / "index.html")
    assert found, "the plugin-built status page lists no component"
    return found


def test_public_folder_holds_the_public_site_only(public_out: Path) -> None:
    docs = public_out / "docs"
    for rel in ("status/index.md", "api/v2/summary.json", "help/index.md", "roadmap/index.md"):
        assert (docs / rel).is_file(), rel
    assert (docs / "assets/opsdocs/status.js").is_file()
    assert (docs / "assets/opsdocs/opsdocs.css").is_file()
    assert not (docs / "runbooks").exists()
    assert not (docs / "handbook").exists()
    assert not (docs / "maintenance-guide.md").exists()
    assert (docs / "user-guide.md").is_file()


def test_pages_keep_front_matter_and_need_no_plugin(public_out: Path, staff_out: Path) -> None:
    article = (public_out / "docs/help/exportar.md").read_text(encoding="utf-8")
    assert article.startswith("---\naudience: public\n")
    # The help center plugin's additions (banner, related articles) are in the page itself.
    source = (REPO / "docs/help/exportar.md").read_text(encoding="utf-8")
    assert len(article) > len(source)
    # Directives are expanded as the handbook plugin expands them: no directive line is left.
    for rel in ("deployment-guide.md", "maintenance-guide.md"):
        assert "\n<!-- opsdocs:" in (REPO / "docs" / rel).read_text(encoding="utf-8")
        text = (staff_out / "docs" / rel).read_text(encoding="utf-8")
        assert text.startswith("---\n")
        assert not re.search(r"^ {0,3}<!--\s*opsdocs:", text, re.MULTILINE), rel


def test_staff_folder_has_runbooks_and_handbook(staff_out: Path) -> None:
    docs = staff_out / "docs"
    assert (docs / "runbooks/index.md").is_file()
    assert (docs / "handbook/index.md").is_file()
    assert (docs / "maintenance-guide.md").is_file()
    assert (docs / "status/index.md").is_file()


def test_generated_mkdocs_yml_has_no_opsdocs_plugin(public_out: Path) -> None:
    import yaml

    config = yaml.safe_load((public_out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "plugins" not in config
    assert config["docs_dir"] == "docs"
    assert config["theme"] == {"name": "material", "language": "es", "font": False}
    assert config["site_name"] == "Calendario"
    assert "assets/opsdocs/opsdocs.css" in config["extra_css"]


def test_same_inputs_give_the_same_tree(public_out: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert generate(again, "--audience", "public").returncode == 0
    assert tree(again) == tree(public_out)


def test_plain_mkdocs_builds_the_folder_with_the_plugin_statuses(
    public_out: Path, plugin_statuses: dict[str, str], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(public_out / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, env=env(), cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert statuses(site / "status" / "index.html") == plugin_statuses
    assert (site / "api/v2/summary.json").is_file()


@pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None,
    reason="zensical is not importable: install the test extras (zensical>=0.0.73,<0.1)",
)
def test_zensical_builds_the_folder_with_the_plugin_statuses(
    public_out: Path, plugin_statuses: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "public"
    shutil.copytree(public_out, out)
    command = [sys.executable, "-m", "zensical", "build", "-f", str(out / "mkdocs.yml")]
    result = subprocess.run(command, capture_output=True, text=True, env=env(), cwd=out, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert statuses(out / "site" / "status" / "index.html") == plugin_statuses


def test_bad_data_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for folder in ("data", "runbooks", "docs"):
        shutil.copytree(REPO / folder, project / folder)
    incident = project / INCIDENT
    text = incident.read_text(encoding="utf-8")
    assert text.count("severity: sev3") == 1
    incident.write_text(text.replace("severity: sev3", "severity: sev-unknown"), encoding="utf-8")
    out = tmp_path / "out"
    result = generate(out, "--audience", "public", project=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [m for m in PROBLEM_LINE.finditer(result.stderr) if m["path"] == INCIDENT]
    assert problems, result.stderr
    assert not out.exists()


def test_non_empty_folder_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = generate(out, "--audience", "public")
    assert result.returncode == 1
    assert "not empty" in result.stderr and "--force" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    forced = generate(out, "--audience", "public", "--force")
    assert forced.returncode == 0, forced.stderr
    assert not (out / "keep.txt").exists()
    assert (out / "docs/status/index.md").is_file()
