"""The public site has a home at ``/``, made from the data, and every address it publishes leads
to a file of the site."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest

from tests.clock import env_at
from tests.conftest import run_opsdocs
from tests.html import page
from tests.paths import REPO
from tests.sitebuild import build_site, missing_targets

SITE_URL = "https://status.empresa.com/"


def _copy_example(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("data", "docs", "runbooks", "overrides", "status-docs"):
        shutil.copytree(REPO / name, target / name)
    for name in ("mkdocs.yml", "mkdocs.public.yml", "mkdocs.status.yml"):
        shutil.copy(REPO / name, target / name)
    return target


@pytest.fixture
def public_site(built_site: Callable[..., Path]) -> Path:
    return built_site(REPO / "mkdocs.public.yml")


def test_the_public_site_has_a_home_with_the_status_and_the_help_topics(public_site: Path) -> None:
    home = page(public_site, "index.html")
    [banner] = home.cssselect(".opsdocs-home .opsdocs-banner")
    summary = json.loads((public_site / "api/v2/summary.json").read_text(encoding="utf-8"))
    assert banner.get("class").endswith(f"--{summary['status']['indicator']}")
    assert banner.cssselect("a")[0].get("href") == "status/"
    now = [a.get("href") for a in home.cssselect(".opsdocs-home-now a")]
    active = [i for i in summary["incidents"] if i["status"] != "resolved"]
    assert len(now) >= len(active) > 0
    topics = [a.get("href") for a in home.cssselect(".opsdocs-home-topics a")]
    assert topics and all(href.startswith("help/") for href in topics)
    links = {a.get("href") for a in home.cssselect(".opsdocs-home-links a")}
    assert {"status/", "help/", "help/faq/", "help/support/", "roadmap/"} <= links
    assert summary["page"]["url"] == SITE_URL


def _json_urls(value: object) -> list[str]:
    """Every ``url`` and ``shortlink`` in a JSON document, at any depth."""
    if isinstance(value, dict):
        own = [v for k, v in value.items() if k in {"url", "shortlink"} and isinstance(v, str)]
        return own + [url for item in value.values() for url in _json_urls(item)]
    if isinstance(value, list):
        return [url for item in value for url in _json_urls(item)]
    return []


def _targets(site: Path) -> dict[str, list[str]]:
    """Every address of the site's pages, feeds, API and sitemap, by the file it is in."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")) or not path.is_file():
            continue
        base = urljoin(SITE_URL, rel)
        if path.suffix == ".html":
            tree = page(path)
            refs = [e.get("href") for e in tree.iter() if e.get("href")]
            refs += [e.get("src") for e in tree.iter() if e.get("src")]
            found[rel] = [urljoin(base, r) for r in refs]
        elif path.suffix == ".json":
            found[rel] = list(_json_urls(json.loads(path.read_text(encoding="utf-8"))))
        elif path.suffix in {".rss", ".atom", ".xml"}:
            text = path.read_text(encoding="utf-8")
            tree = lxml.etree.fromstring(text.encode("utf-8"))
            urls = [
                e.text.strip()
                for e in tree.iter()
                if isinstance(e.tag, str) and e.tag.endswith(("link", "loc")) and e.text and e.text.strip()
            ]
            urls += [e.get("href") for e in tree.iter() if isinstance(e.tag, str) and e.get("href")]
            found[rel] = urls
    return found


def _dangling(site: Path) -> list[str]:
    links = ((rel, url) for rel, urls in _targets(site).items() for url in urls)
    return missing_targets(site, links, SITE_URL)


def test_every_address_of_the_public_site_leads_to_a_file(public_site: Path) -> None:
    assert _dangling(public_site) == []


def test_a_hand_written_public_home_replaces_the_generated_one(tmp_path: Path) -> None:
    project = _copy_example(tmp_path / "project")
    (project / "docs/index.md").write_text("# Our own home\n\nWritten by hand.\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project / "mkdocs.public.yml", site)
    assert result.returncode == 0, result.stderr[-3000:]
    home = page(site, "index.html")
    assert "Written by hand." in home.text_content()
    assert not home.cssselect(".opsdocs-home")


def test_the_home_links_only_to_parts_the_site_has(tmp_path: Path) -> None:
    project = _copy_example(tmp_path / "project")
    config = project / "mkdocs.public.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace(
            "plugins:\n  opsdocs:\n    audience: public\n",
            "plugins:\n  opsdocs:\n    audience: public\n  opsdocs/roadmap:\n    enabled: false\n",
        )
        .replace(
            "  - Hoja de ruta:\n      - roadmap/index.md\n      - roadmap/changelog.md\n"
            "      - roadmap/release-cycle.md\n",
            "",
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = build_site(config, site, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    links = {a.get("href") for a in page(site, "index.html").cssselect(".opsdocs-home-links a")}
    assert "status/" in links and not any(href.startswith("roadmap") for href in links)


def test_generate_writes_the_home_for_plain_mkdocs(tmp_path: Path) -> None:
    project = _copy_example(tmp_path / "project")
    out = tmp_path / "generated"
    args = ["generate", str(out), "--project", str(project), "--audience", "public"]
    done = run_opsdocs(*args, "--config", str(project / "mkdocs.public.yml"), env=env_at())
    assert done.returncode == 0, done.stderr[-3000:]
    site = tmp_path / "site"
    built = build_site(out / "mkdocs.yml", site, strict=False)
    assert built.returncode == 0, built.stderr[-3000:]
    assert page(site, "index.html").cssselect(".opsdocs-home .opsdocs-banner")


def test_every_address_of_the_standalone_status_site_leads_to_a_file(tmp_path: Path) -> None:
    project = _copy_example(tmp_path / "project")
    site = tmp_path / "site"
    result = build_site(project / "mkdocs.status.yml", site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "index.html").is_file()
    assert _dangling(site) == []


def test_every_address_of_the_staff_site_leads_to_a_file(tmp_path: Path) -> None:
    project = _copy_example(tmp_path / "project")
    site = tmp_path / "site"
    result = build_site(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _dangling(site) == []
