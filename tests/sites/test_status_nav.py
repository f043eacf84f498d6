"""Generated detail pages never enter the navigation, whatever the configuration's ``nav`` says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.clock import NOW, env_at
from tests.conftest import run_opsdocs
from tests.html import hrefs, page
from tests.paths import FIXTURES
from tests.sitebuild import build_site

FIXTURE = FIXTURES / "status_site"
DETAIL = ("incidents/", "maintenance/", "history/")

NAVS = {
    "no nav": None,
    "empty nav": [],
    "explicit nav": [{"Home": "index.md"}, {"Status": "status/index.md"}],
    "nav naming a detail page": [
        {"Home": "index.md"},
        {"Status": ["status/index.md", "status/incidents/api-down.md"]},
    ],
}


def _project(tmp_path: Path, nav: object) -> Path:
    """A copy of the status fixture with ``nav`` (None: no nav at all); its ``mkdocs.yml``."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    if nav is None:
        config.pop("nav", None)
    else:
        config["nav"] = nav
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_path


def _build(tmp_path: Path, nav: object) -> Path:
    config_path = _project(tmp_path, nav)
    out = config_path.parent / "site"
    result = build_site(config_path, out, now=NOW)
    assert result.returncode == 0, result.stderr
    return out


def _nav_links(path: Path) -> list[str]:
    return hrefs(page(path), "nav.md-nav a")


@pytest.mark.parametrize("nav", list(NAVS.values()), ids=list(NAVS))
def test_no_incident_maintenance_or_history_page_in_any_nav(tmp_path: Path, nav: object) -> None:
    site = _build(tmp_path, nav)
    pages = sorted(site.rglob("*.html"))
    assert any("incidents" in p.parts for p in pages)  # the detail pages are built...
    for file in pages:
        links = _nav_links(file)
        # ...and never listed, on any page.
        assert [href for href in links if any(part in href for part in DETAIL)] == [], file
    # The status page itself is in the nav whenever the nav is not written by hand without it.
    assert any(href.rstrip("/").endswith("status") for href in _nav_links(site / "index.html"))


@pytest.mark.parametrize("nav", [None, []], ids=["no nav", "nav: []"])
def test_generate_keeps_detail_pages_out_of_another_engines_nav(tmp_path: Path, nav: object) -> None:
    """``opsdocs generate`` writes ``not_in_nav`` for the pages the plugins keep out, so plain
    MkDocs' automatic navigation leaves them out too."""
    project = _project(tmp_path, nav).parent
    out, site = tmp_path / "generated", tmp_path / "site"
    done = run_opsdocs("generate", str(out), "--project", str(project), env=env_at())
    assert done.returncode == 0, done.stderr
    built = build_site(out / "mkdocs.yml", site, strict=False)
    assert built.returncode == 0, built.stderr
    pages = sorted(site.rglob("*.html"))
    assert any("incidents" in p.parts for p in pages)
    for file in pages:
        assert [href for href in _nav_links(file) if any(part in href for part in DETAIL)] == [], file
    assert any(href.rstrip("/").endswith("status") for href in _nav_links(site / "index.html"))
