"""Feed titles and descriptions are plain text: readers often show an RSS title as HTML, so
markup from data must be gone from them, not escaped once.

Read back twice: with feedparser, as a reader does, and as raw XML unescaped one level (what a
reader that renders titles as HTML gets), where no ``<script`` or ``onerror`` may remain.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
import yaml

from opsdocs.derive.status import status_snapshot
from opsdocs.model import read_project
from opsdocs.render.context import make_context
from opsdocs.render.paths import StatusPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.roadmap import FEED, render_roadmap
from opsdocs.render.spec import SiteSpec
from opsdocs.render.status.feeds import render_feeds
from tests.clock import NOW_AT
from tests.paths import FIXTURES

MARKUP = '<script>alert(1)</script><img src=x onerror="alert(2)"> &lt;script&gt;alert(3)&lt;/script&gt;'
RSS, ATOM = "status/history.rss", "status/history.atom"


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _copy(fixture: str, tmp_path: Path) -> Path:
    root = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture, root)
    _edit_yaml(root / "data" / "site.yml", lambda d: d.update(product=f"Acme {MARKUP}"))
    return root


def _plan(root: Path, render) -> SitePlan:
    project = read_project(root)
    ctx = make_context(
        project, NOW_AT, SiteSpec(public=True, language="en", site_url="https://status.example.com/")
    )
    plan = SitePlan()
    render(ctx, project, plan)
    return plan


def _bytes(plan: SitePlan, path: str) -> bytes:
    content = plan[path].content
    return content.encode() if isinstance(content, str) else content


def _unescaped_once(raw: bytes) -> list[str]:
    """Every text and attribute value of the XML, entities decoded once, as a reader gets them."""
    root = ET.fromstring(raw)
    found = []
    for element in root.iter():
        found += [element.text or "", element.tail or "", *element.attrib.values()]
    return found


def _assert_no_markup(raw: bytes) -> None:
    for text in _unescaped_once(raw):
        for bad in ("<script", "onerror", "<img"):
            assert bad not in text.lower(), text


@pytest.fixture(scope="module")
def status_feeds(tmp_path_factory: pytest.TempPathFactory) -> SitePlan:
    root = _copy("status_outputs", tmp_path_factory.mktemp("feeds"))
    data = root / "data"
    _edit_yaml(data / "incidents" / "hostile.yml", lambda d: d.update(title=f"API down {MARKUP}"))
    _edit_yaml(data / "maintenance" / "db-upgrade.yml", lambda d: d.update(title=f"DB work {MARKUP}"))

    def render(ctx, project, plan):
        snapshot = status_snapshot(project, NOW_AT)
        render_feeds(ctx, snapshot, plan, StatusPages("status/"))

    return _plan(root, render)


@pytest.mark.parametrize("path", [RSS, ATOM])
def test_status_feed_titles_and_description_are_plain_text(status_feeds: SitePlan, path: str) -> None:
    raw = _bytes(status_feeds, path)
    _assert_no_markup(raw)
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [feed.feed.title, *(e.title for e in feed.entries)]
    assert all("<" not in t and "alert(1)" not in t for t in titles), titles
    # What is text stays: the names, the statuses, and a written-out tag shown as text.
    assert feed.feed.title.startswith("Acme ")
    assert any(t.startswith("API down ‹script›alert(3)‹/script› — ") for t in titles), titles
    assert any(t.startswith("DB work ") for t in titles), titles
    if path == RSS:
        assert "<" not in feed.feed.description and feed.feed.description.startswith("Incident and")
    else:
        root = ET.fromstring(raw)
        kinds = {el.get("type") for el in root.iter() if el.tag.endswith("}title")}
        assert kinds <= {None, "text"}, kinds


def test_changelog_feed_titles_are_plain_text(tmp_path: Path) -> None:
    root = _copy("roadmap_site", tmp_path)

    def hostile_release(data: dict) -> None:
        release = next(r for r in data["releases"] if any(i.get("shipped_on") for i in r.get("items", [])))
        release["name"] = f"Spring {MARKUP}"
        item = next(i for i in release["items"] if i.get("shipped_on"))
        item["title"] = f"Export {MARKUP}"

    _edit_yaml(root / "data" / "roadmap.yml", hostile_release)
    raw = _bytes(_plan(root, lambda ctx, project, plan: render_roadmap(ctx, plan)), FEED)
    _assert_no_markup(raw)
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert "<" not in feed.feed.title and feed.feed.title.startswith("Acme")
    exported = [e for e in feed.entries if e.title.startswith("Export ")]
    assert exported and all("<" not in e.title for e in exported)
    assert all("<" not in tag.term for e in exported for tag in e.tags)
