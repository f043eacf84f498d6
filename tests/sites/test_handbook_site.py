"""The handbook on a staff fixture site built by MkDocs: pages, calendar, and directives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.clock import NOW
from tests.html import page
from tests.paths import FIXTURES
from tests.sitebuild import build_site

FIXTURE = FIXTURES / "staff_site"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("handbook") / "project"
    shutil.copytree(FIXTURE, root)
    (root / "runbooks" / "old.md").unlink()  # an overdue runbook would fail the strict build
    return root


def test_staff_site_has_the_handbook_and_a_directive_expands(project: Path) -> None:
    result = build_site(project / "mkdocs.yml", project / "site", now=NOW)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for name in ("index", "severities", "contacts", "incident-process", "maintenance-cycle"):
        assert (site / "handbook" / (name if name != "index" else "") / "index.html").is_file(), name
    guide = page(site, "guide/index.html")
    rows = [r.text_content() for r in guide.cssselect("article table tbody tr")]
    assert len(rows) == 3
    assert "Critical" in rows[0] and "15 min" in rows[0] and "2 hr" in rows[0]
    code = guide.cssselect("article pre code")[0].text_content()
    assert "<!-- opsdocs:severity-matrix -->" in code, "a directive inside a code block stays as written"
    contacts = page(site, "handbook/contacts/index.html")
    assert contacts.cssselect('a[href="mailto:oncall@acme.test"]')


def test_an_unknown_directive_is_an_error_naming_the_page(project: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(project, root, ignore=shutil.ignore_patterns("site"))
    (root / "docs" / "guide.md").write_text("# Guide\n\n<!-- opsdocs:severity-matrx -->\n")
    result = build_site(root / "mkdocs.yml", root / "site", now=NOW)
    assert result.returncode == 1
    assert "docs/guide.md:3:1: error: unknown opsdocs directive 'severity-matrx'" in result.stderr
    assert not (root / "site").exists(), "found before anything is written"


def test_handbook_never_reaches_the_public_site(project: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(project, root, ignore=shutil.ignore_patterns("site"))
    config = (root / "mkdocs.yml").read_text().replace("  opsdocs: {}", "  opsdocs: {audience: public}")
    for entry in ("Runbooks: runbooks/index.md", "Handbook: handbook/index.md", "Guide: guide.md"):
        config = config.replace(f"  - {entry}\n", "")  # the guide is an internal page
    (root / "mkdocs.yml").write_text(config)
    result = build_site(root / "mkdocs.yml", root / "site", now=NOW)
    assert result.returncode == 0, result.stderr
    assert not (root / "site" / "handbook").exists()
