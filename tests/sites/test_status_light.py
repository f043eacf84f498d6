"""What a visitor's first visit and a Statuspage client get: a small search index, Statuspage's
own English texts in the API, and host configuration for browser-side clients."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.clock import NOW
from tests.html import page
from tests.paths import FIXTURES, REPO
from tests.sitebuild import build_site

FIXTURE = FIXTURES / "status_site"


def _build(tmp_path: Path, language: str = "en", **status_options: object) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["theme"]["language"] = language
    config["plugins"]["opsdocs/status"] = status_options
    if status_options.get("standalone"):  # the status page is the home page
        (project / "docs" / "index.md").unlink()
        config.pop("nav")
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    out = project / "site"
    result = build_site(config_path, out, now=NOW)
    assert result.returncode == 0, result.stderr
    return out


def _indexed(site: Path) -> set[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#")[0] for doc in index["docs"]}


def test_incident_maintenance_and_history_pages_stay_out_of_the_search_index(tmp_path: Path) -> None:
    indexed = _indexed(_build(tmp_path))
    assert "status/" in indexed  # the status page itself is found
    assert (tmp_path / "project" / "site" / "status" / "incidents" / "api-down" / "index.html").is_file()
    assert [
        loc for loc in indexed if loc.startswith(("status/incidents", "status/maintenance", "status/history"))
    ] == []


def test_search_history_puts_them_back(tmp_path: Path) -> None:
    indexed = _indexed(_build(tmp_path, search_history=True))
    assert {"status/incidents/api-down/", "status/maintenance/email-now/", "status/history/"} <= indexed


def test_standalone_status_site_ships_without_search(built_site: Callable[..., Path]) -> None:
    out = built_site(REPO / "mkdocs.status.yml")
    assert not (out / "search").exists()
    doc = page(out, "index.html")
    assert doc.cssselect("[data-opsdocs-banner]")
    assert not doc.cssselect("[data-md-component=search]")


def _searches(file: Path) -> bool:
    """Whether Material's script sets search up on ``page``: it fetches the index for a form
    named ``search`` and starts its worker for the search dialog component."""
    doc = page(file)
    return bool(doc.cssselect("form[name=search]") or doc.cssselect("[data-md-component=search]"))


def test_the_status_page_loads_no_search_while_other_pages_keep_it(tmp_path: Path) -> None:
    """During an outage the status page is what visitors load, often on a phone: its first
    visit downloads no search index, worker or lunr (75.0 KB instead of 104.9 KB on the
    example). The index is still built, and the other pages still search."""
    site = _build(tmp_path)
    assert not _searches(site / "status" / "index.html")
    doc = page(site, "status/index.html")
    assert all(
        button.get("hidden") is not None for button in doc.cssselect("label.md-header__button[for=__search]")
    )
    assert _searches(site / "index.html")
    assert "status/" in _indexed(site)


def test_search_history_keeps_search_on_the_status_page(tmp_path: Path) -> None:
    site = _build(tmp_path, search_history=True)
    assert _searches(site / "status" / "index.html")


@pytest.mark.parametrize("language", ["en", "es"])
def test_api_status_description_is_statuspage_english_whatever_the_site_language(
    tmp_path: Path, language: str
) -> None:
    site = _build(tmp_path, language)
    for name in ("summary.json", "status.json"):
        status = json.loads((site / "api" / "v2" / name).read_text(encoding="utf-8"))["status"]
        # The fixture is in a partial outage with a sev2 incident: Statuspage's "major".
        assert status == {"indicator": "major", "description": "Partial System Outage"}
    banner = page(site, "status/index.html").cssselect("[data-opsdocs-banner]")
    expected = {"en": "Partial system outage", "es": "Interrupción parcial del sistema"}[language]
    assert expected in banner[0].text_content()  # the page stays in the site's language


def test_api_language_site_writes_the_api_in_the_site_language(tmp_path: Path) -> None:
    site = _build(tmp_path, "es", api_language="site")
    status = json.loads((site / "api" / "v2" / "status.json").read_text(encoding="utf-8"))["status"]
    assert status["description"] == "Interrupción parcial del sistema"


def _headers_rules(text: str) -> list[tuple[str, dict[str, str]]]:
    """A ``_headers`` file as Netlify and Cloudflare Pages read it: a path pattern at the start
    of a line, then its indented ``Name: value`` lines."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def _headers_for(rules: list[tuple[str, dict[str, str]]], url: str) -> list[dict[str, str]]:
    return [
        h
        for pattern, h in rules
        if url == pattern or (pattern.endswith("*") and url.startswith(pattern[:-1]))
    ]


@pytest.mark.parametrize("standalone", [False, True])
def test_headers_file_lets_browsers_read_the_api_and_keeps_status_fresh(
    tmp_path: Path, standalone: bool
) -> None:
    site = _build(tmp_path, standalone=standalone)
    rules = _headers_rules((site / "_headers").read_text(encoding="utf-8"))
    status = "/" if standalone else "/status/"
    every = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    for url in [f"/{p}" for p in every if p.startswith("api/v2/")]:
        matched = _headers_for(rules, url)
        assert [h.get("Access-Control-Allow-Origin") for h in matched] == ["*"], url
        assert matched[0]["Cache-Control"] == "public, max-age=60"
    for url in (status, f"{status}history.rss", f"{status}incidents/api-down/", f"{status}maintenance.ics"):
        matched = _headers_for(rules, url)
        assert [h["Cache-Control"] for h in matched] == ["public, max-age=60"], url  # one rule, not two
    # Theme assets keep the host's own caching.
    assert _headers_for(rules, "/assets/javascripts/bundle.js") == []
