"""The example project builds strictly, reproducibly, and keeps staff pages off the public site."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_opsdocs
from tests.html import page
from tests.paths import REPO
from tests.sitebuild import build_site, tree


@pytest.fixture
def public_site(built_site: Callable[..., Path]) -> Path:
    return built_site(REPO / "mkdocs.public.yml")


@pytest.fixture
def staff_site(built_site: Callable[..., Path]) -> Path:
    return built_site(REPO / "mkdocs.yml")


def test_the_example_data_is_valid() -> None:
    result = run_opsdocs("validate", str(REPO))
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_two_builds_at_the_same_now_are_byte_identical(public_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = build_site(REPO / "mkdocs.public.yml", again)
    assert result.returncode == 0, result.stderr
    first, second = tree(public_site), tree(again)
    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    assert different == []


def test_internal_pages_are_built_for_staff_only(public_site: Path, staff_site: Path) -> None:
    for name in ("maintenance-guide", "monitoring-metrics", "deployment-guide", "opsdocs/data-files"):
        assert (staff_site / name / "index.html").is_file(), name
        assert not (public_site / name).exists(), name
    assert (public_site / "user-guide" / "index.html").is_file()
    index = json.loads((public_site / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not any(loc.startswith(("maintenance-guide", "deployment-guide", "opsdocs/")) for loc in locations)


def test_no_page_requests_another_host(public_site: Path) -> None:
    for file in public_site.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html, file
        assert "fonts.gstatic.com" not in html, file


def test_example_status_page_shows_every_component_and_past_incidents(public_site: Path) -> None:
    import yaml

    components = yaml.safe_load((REPO / "data" / "components.yml").read_text(encoding="utf-8"))
    names = [c["name"] for g in components.get("groups", []) for c in g["components"]]
    names += [c["name"] for c in components.get("components", [])]
    doc = page(public_site, "status/index.html")
    shown = [e.text_content() for e in doc.cssselect(".opsdocs-component__name")]
    assert shown == names
    past = doc.cssselect("ul.opsdocs-list li a")
    assert past, "the example has resolved incidents"
    for link in past:
        incident_id = link.get("href").rstrip("/").split("/")[-1]
        assert (public_site / "status" / "incidents" / incident_id / "index.html").is_file()
    summary = json.loads((public_site / "api" / "v2" / "incidents.json").read_text())
    assert any(i["status"] == "resolved" for i in summary["incidents"])
    for incident in summary["incidents"]:
        assert (public_site / "status" / "incidents" / incident["id"] / "index.html").is_file()


def test_internal_incidents_stay_off_the_public_site(public_site: Path, staff_site: Path) -> None:
    internal = "2026-05-06-trafico-anomalo-api"
    assert (staff_site / "status" / "incidents" / internal / "index.html").is_file()
    assert not (public_site / "status" / "incidents" / internal).exists()
    for path, content in tree(public_site).items():
        assert internal.encode() not in content, path
