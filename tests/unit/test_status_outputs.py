"""The status page's machine files: RSS/Atom feeds, the maintenance calendar and the badges.

Each is read back with a real parser (feedparser, icalendar, ElementTree), from a small project
with hostile text in it, and rendered twice to check that the same data and ``now`` give the
same bytes.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar
from lxml import html as lxml_html

from opsdocs.derive.status import status_snapshot
from opsdocs.model import read_project
from opsdocs.render.context import make_context
from opsdocs.render.labels import catalog
from opsdocs.render.markdown import render_markdown
from opsdocs.render.paths import StatusPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.spec import SiteSpec
from opsdocs.render.status.badges import (
    COMPONENT_COLOURS,
    INDICATOR_COLOURS,
    contrast,
    render_badges,
    text_colour,
    text_width,
)
from opsdocs.render.status.calendar import render_calendar
from opsdocs.render.status.feeds import FEED_CAP, render_feeds
from tests.clock import NOW_AT
from tests.paths import FIXTURES

FIXTURE = FIXTURES / "status_outputs"
CHILE = timezone(timedelta(hours=-3))
SITE = "https://status.example.com/"
RSS, ATOM, ICS = "status/history.rss", "status/history.atom", "status/maintenance.ics"
HOSTILE_NAME = 'Reports <b>&"x"'
SVG = "{http://www.w3.org/2000/svg}"


def render(root: Path = FIXTURE, now: datetime = NOW_AT, language: str = "en") -> SitePlan:
    """Every output of the three renderers for the project at ``root``, at ``now``."""
    project = read_project(root)
    snapshot = status_snapshot(project, now)
    ctx = make_context(project, now, SiteSpec(public=True, language=language, site_url=SITE))
    plan = SitePlan()
    pages = StatusPages("status/")
    render_feeds(ctx, snapshot, plan, pages)
    render_calendar(ctx, snapshot, plan, pages)
    render_badges(ctx, snapshot, plan, pages)
    return plan


def data(plan: SitePlan, path: str) -> bytes:
    content = plan[path].content
    return content.encode() if isinstance(content, str) else content


def parsed(plan: SitePlan, path: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse(data(plan, path))
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def local_name(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


@pytest.fixture(scope="module")
def plan() -> SitePlan:
    return render()


# --- feeds ---------------------------------------------------------------------------------


def test_the_feeds_are_at_the_status_folder(plan: SitePlan) -> None:
    assert RSS in plan and ATOM in plan and ICS in plan
    assert "status/badges/overall.svg" in plan


@pytest.mark.parametrize("path", [RSS, ATOM])
def test_feed_has_every_published_update_newest_first(plan: SitePlan, path: str) -> None:
    feed = parsed(plan, path)
    # api-down 3 + hostile 2 + web-slow 2 (its third is after now) + db-past announcement and
    # 2 updates + db-upgrade announcement; the cancelled window is not in the feed.
    assert len(feed.entries) == 11
    times = [datetime(*e.published_parsed[:6], tzinfo=UTC) for e in feed.entries]
    assert times == sorted(times, reverse=True)
    assert times[0] == datetime(2026, 11, 28, 13, 0, tzinfo=UTC)
    titles = [e.title for e in feed.entries]
    assert titles[0] == "Web app slow — Identified"
    assert "Database upgrade — Scheduled" in titles
    assert not any("Email provider migration" in t for t in titles)
    assert not any("Published after now" in e.summary for e in feed.entries)


@pytest.mark.parametrize("path", [RSS, ATOM])
def test_feed_items_link_to_their_pages_with_unique_ids(plan: SitePlan, path: str) -> None:
    feed = parsed(plan, path)
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == len(ids)
    first = feed.entries[0]
    assert first.link == "https://status.example.com/status/incidents/web-slow/"
    assert first.id == "https://status.example.com/status/incidents/web-slow/#update-2"
    assert feed.feed.link == "https://status.example.com/status/"
    assert feed.feed.title == "Acme — System status"
    assert feed.feed.language == "en"


def test_feed_ids_stay_the_same_as_updates_are_published(plan: SitePlan) -> None:
    later = render(now=datetime(2026, 11, 28, 14, 0, tzinfo=CHILE))
    before = {e.id: e.title for e in parsed(plan, ATOM).entries}
    after = {e.id: e.title for e in parsed(later, ATOM).entries}
    assert set(after) - set(before) == {"https://status.example.com/status/incidents/web-slow/#update-3"}
    assert all(after[guid] == title for guid, title in before.items())


@pytest.mark.parametrize("path", [RSS, ATOM])
def test_feed_is_dated_by_its_newest_item_not_the_clock(plan: SitePlan, path: str) -> None:
    feed = parsed(plan, path)
    assert datetime(*feed.feed.updated_parsed[:6], tzinfo=UTC) == datetime(2026, 11, 28, 13, 0, tzinfo=UTC)
    raw = data(plan, path)
    assert b"feedgen" not in raw and b'version="1' not in raw


@pytest.mark.parametrize("path", [RSS, ATOM])
def test_empty_feed_is_dated_now(path: str) -> None:
    early = datetime(2026, 1, 2, 12, 0, tzinfo=CHILE)
    feed = parsed(render(now=early), path)
    assert feed.entries == []
    assert datetime(*feed.feed.updated_parsed[:6], tzinfo=UTC) == early.astimezone(UTC)


@pytest.mark.parametrize("path", [RSS, ATOM])
def test_hostile_text_is_text_in_the_feeds(plan: SitePlan, path: str) -> None:
    feed = parsed(plan, path)
    hostile = [e for e in feed.entries if "/incidents/hostile/" in e.link]
    assert len(hostile) == 2
    # Titles are plain text: the script goes with its content, the rest stays as text.
    assert all(e.title.startswith("& “quotes” ]]› — ") for e in hostile), [e.title for e in hostile]
    root = ET.fromstring(data(plan, path))
    assert not [el for el in root.iter() if local_name(el).lower() in ("script", "img", "b")]
    texts = " ".join(el.text or "" for el in root.iter())
    assert "<script" not in texts
    # The content is escaped HTML; once unescaped it is sanitized: no handler, image or script URL.
    content = [el.text or "" for el in root.iter() if local_name(el) in ("description", "content")]
    broken = next(c for c in content if "Broken" in c)
    assert "<strong>more</strong>" in broken
    for bad in ("<img", "onerror", "javascript:", "<script"):
        assert not any(bad in c for c in content), bad


def test_feed_is_capped_to_the_most_recent_items(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    for n in range(20):
        start = datetime(2026, 10, 1, 10, 0, tzinfo=CHILE) + timedelta(days=n)
        times = [(start + timedelta(minutes=10 * k)).isoformat() for k in range(3)]
        (root / "data" / "incidents" / f"bulk-{n:02d}.yml").write_text(
            f"id: bulk-{n:02d}\ntitle: Bulk {n}\nseverity: sev2\nstarted_at: {times[0]}\n"
            f"resolved_at: {times[2]}\ncomponents: {{api: partial_outage}}\nupdates:\n"
            f"  - {{at: {times[0]}, status: investigating, message: One,"
            f" components: {{api: partial_outage}}}}\n"
            f"  - {{at: {times[1]}, status: monitoring, message: Two}}\n"
            f"  - {{at: {times[2]}, status: resolved, message: Three, components: {{api: operational}}}}\n",
            encoding="utf-8",
        )
    plan = render(root)
    for path in (RSS, ATOM):
        entries = parsed(plan, path).entries
        assert len(entries) == FEED_CAP == 50
        times = [datetime(*e.published_parsed[:6], tzinfo=UTC) for e in entries]
        assert times == sorted(times, reverse=True)
        # 11 fixture items + 60 bulk ones: the 21 oldest bulk updates are left out.
        assert entries[-1].title == "Bulk 7 — Investigating"
        assert not any(e.title.startswith(("Bulk 0 ", "Bulk 6 ")) for e in entries)


def test_feeds_in_spanish() -> None:
    feed = parsed(render(language="es"), RSS)
    assert feed.feed.title == "Acme — Estado del servicio"
    assert feed.entries[0].title == "Web app slow — Identificado"
    assert feed.feed.language == "es"


# --- calendar ------------------------------------------------------------------------------


def events(plan: SitePlan) -> dict[str, object]:
    calendar = Calendar.from_ical(data(plan, ICS))
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_calendar_has_every_window_with_stable_uids(plan: SitePlan) -> None:
    calendar = Calendar.from_ical(data(plan, ICS))
    assert str(calendar["PRODID"]) == "-//opsdocs//status//en"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Acme — scheduled maintenance"
    found = events(plan)
    assert set(found) == {
        "db-past@status.example.com",
        "db-upgrade@status.example.com",
        "email-cancelled@status.example.com",
    }
    later = events(render(now=datetime(2026, 12, 20, tzinfo=CHILE)))
    assert set(later) == set(found)


def test_calendar_events_say_what_and_when(plan: SitePlan) -> None:
    found = events(plan)
    upgrade = found["db-upgrade@status.example.com"]
    assert int(upgrade["SEQUENCE"]) == 2
    assert str(upgrade["STATUS"]) == "CONFIRMED"
    assert str(upgrade["SUMMARY"]) == "Database upgrade"
    assert upgrade.decoded("DTSTART").astimezone(UTC) == datetime(2026, 12, 5, 5, 0, tzinfo=UTC)
    assert upgrade.decoded("DTEND").astimezone(UTC) == datetime(2026, 12, 5, 7, 0, tzinfo=UTC)
    assert upgrade["DTSTART"].params["TZID"] == "America/Santiago"
    assert upgrade.decoded("DTSTAMP") == NOW_AT.astimezone(UTC)
    url = "https://status.example.com/status/maintenance/db-upgrade/"
    assert str(upgrade["URL"]) == url
    description = str(upgrade["DESCRIPTION"])
    assert "read-only" in description and "**" not in description and url in description
    assert "LOCATION" not in upgrade
    cancelled = found["email-cancelled@status.example.com"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) == 1
    assert str(found["db-past@status.example.com"]["STATUS"]) == "CONFIRMED"


def test_calendar_carries_the_sites_time_zone(plan: SitePlan) -> None:
    calendar = Calendar.from_ical(data(plan, ICS))
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/Santiago"]
    assert calendar.get_missing_tzids() == set()


# --- badges --------------------------------------------------------------------------------


def badge(plan: SitePlan, name: str) -> ET.Element:
    return ET.fromstring(data(plan, f"status/badges/{name}.svg"))


@pytest.mark.parametrize("name", ["overall", "api", "web", "email", "reports"])
def test_badges_are_accessible_svg(plan: SitePlan, name: str) -> None:
    svg = badge(plan, name)
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text == svg.get("aria-label")
    rects = [
        r for r in svg.iter(f"{SVG}rect") if r.get("fill", "").startswith("#") and r.get("fill") != "#fff"
    ]
    assert sum(int(r.get("width", "0")) for r in rects) == int(svg.get("width", "0"))


def test_badges_name_the_component_and_its_status(plan: SitePlan) -> None:
    assert badge(plan, "overall").get("aria-label") == "Acme: Partial system outage"
    assert badge(plan, "api").get("aria-label") == "API: Operational"
    web = badge(plan, "web")
    assert web.get("aria-label") == "Web app: Partial outage"
    assert [t.text for t in web.iter(f"{SVG}text")] == [
        "status",
        "status",
        "Partial outage",
        "Partial outage",
    ]
    assert COMPONENT_COLOURS["partial_outage"] in [r.get("fill") for r in web.iter(f"{SVG}rect")]


def test_hostile_component_name_is_escaped_in_badges(plan: SitePlan) -> None:
    raw = data(plan, "status/badges/reports.svg")
    assert b"<b>" not in raw
    svg = ET.fromstring(raw)
    assert svg.get("aria-label") == f"{HOSTILE_NAME}: Operational"
    assert svg.find(f"{SVG}title").text == f"{HOSTILE_NAME}: Operational"
    assert not [el for el in svg.iter() if local_name(el) == "b"]


@pytest.mark.parametrize("name", ["overall", "api", "web"])
def test_badge_text_is_readable(plan: SitePlan, name: str) -> None:
    svg = badge(plan, name)
    label_rect, message_rect = [r for r in svg.iter(f"{SVG}rect") if r.get("fill", "").startswith("#")][1:3]
    texts = [t for t in svg.iter(f"{SVG}text") if t.get("aria-hidden") != "true"]
    for rect, text in zip((label_rect, message_rect), texts, strict=True):
        assert contrast(text.get("fill", ""), rect.get("fill", "")) >= 4.5, (
            name,
            text.get("fill"),
            rect.get("fill"),
        )


def test_every_status_colour_gets_readable_text() -> None:
    for colour in [*COMPONENT_COLOURS.values(), *INDICATOR_COLOURS.values()]:
        assert contrast(text_colour(colour), colour) >= 4.5, colour
    assert text_colour("#f9a825") != "#fff"
    assert text_colour("#c62828") == "#fff"


def test_badge_widths_follow_the_text() -> None:
    assert text_width("Major outage") > text_width("Operational") > text_width("status") > 0


# --- determinism and labels ------------------------------------------------------------------


def test_same_inputs_and_now_give_identical_bytes(plan: SitePlan) -> None:
    again = render()
    assert [p.path for p in again] == [p.path for p in plan]
    for planned in plan:
        assert data(again, planned.path) == data(plan, planned.path), planned.path


def test_new_labels_exist_in_every_language() -> None:
    assert set(catalog("en")) == set(catalog("es"))
    for key in ("feed.title", "feed.description", "feed.item", "calendar.name", "calendar.details"):
        assert key in catalog("en")


def test_update_messages_are_github_flavored_markdown() -> None:
    """Messages pasted from chat read as they did there: a list right after a line, bare
    addresses as links, strikethrough; anything executable is dropped with its content."""
    message = "Affected:\n- sync\n- email\n\nDetails: https://status.example.com ~~was~~ <script>x()</script>"
    html = lxml_html.fragment_fromstring(str(render_markdown(message)), create_parent="div")
    assert [li.text for li in html.cssselect("ul > li")] == ["sync", "email"]
    link = html.cssselect("a")[0]
    assert link.get("href") == "https://status.example.com" and "nofollow" in link.get("rel")
    assert html.cssselect("del")[0].text == "was"
    assert not html.cssselect("script") and "x()" not in html.text_content()
