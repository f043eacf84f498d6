"""The release roadmap, its changelog and feed, on a staff and a public fixture site built by
MkDocs at a fixed now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import feedparser
import pytest
from lxml import html as lxml_html

from opsdocs.model import read_project
from opsdocs.model.audience import public_view
from opsdocs.render.context import make_context
from opsdocs.render.plan import SitePlan
from opsdocs.render.roadmap import render_roadmap
from opsdocs.render.spec import SiteSpec
from tests.clock import NOW
from tests.html import page, text
from tests.paths import FIXTURES
from tests.sitebuild import tree

FIXTURE = FIXTURES / "roadmap_site"
CANARIES = (
    b"INTERNAL-NOTE",
    b"INTERNAL-FLAG",
    b"SECRET-ITEM",
    b"secret-item",
    b"SECRET-RELEASE",
    b"secret-labs",
    b"LABS-ITEM",
    b"labs-export",
    b"flag-offline",
    b"flag-dark-ui",
    b"flag-legacy",
    b"feature-flags",
)


@pytest.fixture
def sites(built_site: Callable[..., Path]) -> dict[str, Path]:
    """The roadmap fixture's staff and public sites, built at ``NOW``."""
    return {"staff": built_site(FIXTURE / "mkdocs.yml"), "public": built_site(FIXTURE / "mkdocs.public.yml")}


def by_status(doc: lxml_html.HtmlElement) -> dict[str, list[str]]:
    return {
        section.get("data-section-status"): [li.get("data-item") for li in section.cssselect("li[data-item]")]
        for section in doc.cssselect("[data-section-status]")
    }


def by_release(doc: lxml_html.HtmlElement) -> dict[str, list[str]]:
    return {
        section.get("data-section-release"): [
            li.get("data-item") for li in section.cssselect("li[data-item]")
        ]
        for section in doc.cssselect("[data-section-release]")
    }


# --- the roadmap ----------------------------------------------------------------------------


def test_each_item_is_under_its_status(sites: dict[str, Path]) -> None:
    assert by_status(page(sites["public"], "roadmap/index.html")) == {
        "exploring": ["sms", "hostile"],
        "planned": ["zoom"],
        "in_progress": ["webhooks"],
        "beta": ["dark-ui"],
        "shipped": ["offline-mode", "ical-export", "fast-sync"],
    }
    assert by_status(page(sites["staff"], "roadmap/index.html")) == {
        "exploring": ["sms", "hostile", "labs-ai"],
        "planned": ["zoom"],
        "in_progress": ["secret-item", "webhooks"],
        "beta": ["dark-ui"],
        "shipped": ["labs-export", "offline-mode", "ical-export", "fast-sync"],
    }


def test_each_item_is_under_its_release(sites: dict[str, Path]) -> None:
    assert by_release(page(sites["public"], "roadmap/index.html")) == {
        "v2-0": ["fast-sync", "offline-mode", "dark-ui"],
        "v2-1": ["zoom", "webhooks", "sms", "ical-export", "hostile"],
    }
    assert by_release(page(sites["staff"], "roadmap/index.html")) == {
        "v2-0": ["fast-sync", "offline-mode", "dark-ui", "secret-item"],
        "v2-1": ["zoom", "webhooks", "sms", "ical-export", "hostile"],
        "secret-labs": ["labs-ai", "labs-export"],
    }


def test_status_is_shown_with_an_icon_and_text(sites: dict[str, Path]) -> None:
    doc = page(sites["public"], "roadmap/index.html")
    section = doc.cssselect('[data-section-release="v2-0"]')[0]
    pills = [text(p) for p in section.cssselect(".opsdocs-roadmap-status")]
    assert pills == ["✓ Shipped", "✓ Shipped", "β Beta"]
    icons = section.cssselect(".opsdocs-roadmap-status .opsdocs-icon")
    assert all(icon.get("aria-hidden") == "true" for icon in icons)
    headings = [text(h) for h in doc.cssselect("[data-section-status] h3")]
    assert headings == ["? Exploring", "○ Planned", "◐ In progress", "β Beta", "✓ Shipped"]


def test_release_links_lead_to_release_pages_with_their_items(sites: dict[str, Path]) -> None:
    site = sites["public"]
    doc = page(site, "roadmap/index.html")
    href = doc.cssselect('[data-section-release="v2-1"] h3 a')[0].get("href")
    assert href == "v2-1/" and (site / "roadmap" / href / "index.html").is_file()
    release = page(site, "roadmap/v2-1/index.html")
    assert text(release.cssselect("article h1")[0]) == "2.1 · Integrations"
    assert text(release.cssselect("[data-target]")[0]) == "February 2027"
    items = release.cssselect("li[data-item]")
    assert [li.get("data-item") for li in items] == ["zoom", "webhooks", "sms", "ical-export", "hostile"]
    assert items[0].get("id") == "item-zoom"
    assert "○ Planned" in text(items[0])
    assert "Export any calendar as an .ics file." in text(items[3])
    assert "shipped Oct 20, 2026" in text(items[3])
    other = page(site, "roadmap/v2-0/index.html")
    assert text(other.cssselect("[data-target]")[0]) == "Q4 2026"
    assert "Everything syncs in seconds." in text(other)


def test_release_cycle_policy(sites: dict[str, Path]) -> None:
    doc = page(sites["public"], "roadmap/release-cycle/index.html")
    rows = [[text(td) for td in tr.cssselect("td")] for tr in doc.cssselect("tbody tr")]
    assert [row[0] for row in rows] == ["Major releases", "Minor releases", "Patch releases", "Hotfixes"]
    assert rows[0] == ["Major releases", "Every 3 months", "2.x.0", "One themed release per quarter."]
    assert rows[3][1] == "Immediately, for critical bugs"


def test_data_text_is_escaped_and_sanitized(sites: dict[str, Path]) -> None:
    doc = page(sites["public"], "roadmap/index.html")
    item = doc.cssselect('[data-section-status="exploring"] li[data-item="hostile"]')[0]
    assert "Emoji & <em>reactions</em>" in text(item), "the title is text, not markup"
    assert not item.cssselect("em") and not doc.cssselect("article script")
    assert b"alert(1)" not in (sites["public"] / "roadmap" / "index.html").read_bytes()


# --- the changelog and its feed ---------------------------------------------------------------


def test_changelog_lists_shipped_items_newest_first_by_month(sites: dict[str, Path]) -> None:
    doc = page(sites["public"], "roadmap/changelog/index.html")
    months = [
        (text(s.cssselect("h2")[0]), [li.get("data-item") for li in s.cssselect("li[data-item]")])
        for s in doc.cssselect(".opsdocs-changelog-month")
    ]
    assert months == [("November 2026", ["offline-mode"]), ("October 2026", ["ical-export", "fast-sync"])]
    first = doc.cssselect("li[data-item]")[0]
    assert first.cssselect("time")[0].get("datetime") == "2026-11-12"
    assert first.cssselect("a")[0].get("href") == "../v2-0/"
    staff = page(sites["staff"], "roadmap/changelog/index.html")
    assert staff.cssselect("li[data-item]")[0].get("data-item") == "labs-export"


def test_changelog_feed_parses_with_the_shipped_items_in_order(sites: dict[str, Path]) -> None:
    raw = (sites["public"] / "roadmap" / "changelog.rss").read_bytes()
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.title == "Acme changelog"
    assert feed.feed.link == "https://status.acme.test/roadmap/changelog/"
    assert [e.title for e in feed.entries] == [
        "Offline mode (2.0)",
        "iCal export (2.1)",
        "Sync in seconds (2.0)",
    ]
    first = feed.entries[0]
    assert first.id == "https://status.acme.test/roadmap/changelog/#item-offline-mode"
    assert first.link == "https://status.acme.test/roadmap/v2-0/#item-offline-mode"
    assert first.tags[0].term == "2.0 · Faster sync"
    assert first.published == "Thu, 12 Nov 2026 00:00:00 -0300"
    # Deterministic: the channel's date is the newest item's, not the time of the build.
    assert b"<lastBuildDate>Thu, 12 Nov 2026 00:00:00 -0300</lastBuildDate>" in raw
    assert "<strong>seconds</strong>" in feed.entries[2].summary
    staff = feedparser.parse((sites["staff"] / "roadmap" / "changelog.rss").read_bytes())
    assert [e.id.rsplit("#", 1)[1] for e in staff.entries] == [
        "item-labs-export",
        "item-offline-mode",
        "item-ical-export",
        "item-fast-sync",
    ]


def test_same_data_and_now_give_the_same_bytes() -> None:
    project = read_project(FIXTURE)
    now = datetime.fromisoformat(NOW)

    def render(public: bool) -> dict[str, str | bytes]:
        ctx = make_context(
            public_view(project) if public else project, now, SiteSpec(public=public, language="en")
        )
        plan = SitePlan()
        render_roadmap(ctx, plan)
        return {planned.path: planned.content for planned in plan}

    assert render(True) == render(True)
    assert render(False) == render(False)


def test_spanish_target_periods_use_the_catalog() -> None:
    project = read_project(FIXTURE)
    ctx = make_context(
        public_view(project), datetime.fromisoformat(NOW), SiteSpec(public=True, language="es")
    )
    plan = SitePlan()
    render_roadmap(ctx, plan)
    assert "<dd data-target>T4 2026</dd>" in str(plan["roadmap/v2-0.md"].content)
    assert "<dd data-target>Febrero 2027</dd>" in str(plan["roadmap/v2-1.md"].content)


# --- audience -----------------------------------------------------------------------------------


def test_public_site_has_nothing_internal(sites: dict[str, Path]) -> None:
    site = sites["public"]
    assert not (site / "roadmap" / "feature-flags").exists()
    assert not (site / "roadmap" / "secret-labs").exists()
    leaks = [(path, mark) for path, content in tree(site).items() for mark in CANARIES if mark in content]
    assert leaks == []
    # The check above would pass on an empty site: the staff build does carry every canary.
    everything = b"".join(tree(sites["staff"]).values())
    assert [mark for mark in CANARIES if mark not in everything] == []


def test_staff_site_shows_internal_notes_and_flags(sites: dict[str, Path]) -> None:
    doc = page(sites["staff"], "roadmap/v2-0/index.html")
    item = doc.cssselect('li[data-item="dark-ui"]')[0]
    assert text(item.cssselect("[data-internal-note]")[0]) == "INTERNAL-NOTE-2 contrast fixes pending."
    flag = item.cssselect("a[data-flag]")[0]
    assert flag.get("href") == "../feature-flags/#flag-flag-dark-ui"
    assert "◐ Rolling out · 25%" in text(item)
    secret = doc.cssselect('li[data-item="secret-item"]')[0]
    assert "Staff only" in text(secret)
    labs = page(sites["staff"], "roadmap/secret-labs/index.html")
    assert "for the team only" in text(labs.cssselect(".opsdocs-notice")[0])


def test_staff_site_lists_the_flag_registry(sites: dict[str, Path]) -> None:
    doc = page(sites["staff"], "roadmap/feature-flags/index.html")
    rows = {
        tr.get("data-flag"): [text(td) for td in tr.cssselect("td")]
        for tr in doc.cssselect("tbody tr[data-flag]")
    }
    assert rows == {
        "flag-offline": ["flag-offline", "INTERNAL-FLAG offline cache", "● On", "—", "Backend Developer",
                         "Offline mode"],
        "flag-dark-ui": ["flag-dark-ui", "INTERNAL-FLAG dark theme", "◐ Rolling out · 25%", "25%",
                         "Site Reliability", "Dark theme"],
        "flag-legacy": ["flag-legacy", "INTERNAL-FLAG legacy export", "○ Off", "—", "—", "—"],
    }  # fmt: skip
    gated = doc.cssselect('tr[data-flag="flag-offline"] a')[0].get("href")
    assert gated == "../v2-0/#item-offline-mode"
