"""A page per component on the status page, with its own feeds and calendar.

A small project (the status fixture with thirty more incidents of the API, an incident that
also names an internal component, an internal incident of a public component and a cancelled
window) is built as the public and the staff site; pages are read with lxml, feeds with
feedparser, calendars with icalendar.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import lxml.html
import pytest
import yaml
from icalendar import Calendar

from opsdocs.model import read_project
from opsdocs.render.generate import generate_site
from opsdocs.render.spec import SiteSpec
from tests.clock import NOW
from tests.paths import FIXTURES
from tests.sitebuild import build_site, missing_targets

FIXTURE = FIXTURES / "status_site"
BASE = "https://status.acme.test/"
EXTRA_API_INCIDENTS = 30
"""Each with two updates: sixty updates of the API, more than a feed keeps."""


def _write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _project(root: Path) -> Path:
    """The status fixture, with more to tell apart, and a staff configuration beside it (the
    public one has a written ``nav``, the staff one none)."""
    shutil.copytree(FIXTURE, root)
    incidents = root / "data" / "incidents"
    for day in range(1, EXTRA_API_INCIDENTS + 1):
        at = f"2026-10-{day:02d}T10:00:00-03:00"
        end = f"2026-10-{day:02d}T10:30:00-03:00"
        _write(
            incidents / f"api-slow-{day:02d}.yml",
            {
                "id": f"api-slow-{day:02d}",
                "title": f"API slow on day {day}",
                "severity": "sev3",
                "started_at": at,
                "updates": [
                    {"at": at, "status": "investigating", "message": "Slow.",
                     "components": {"api": "degraded_performance"}},
                    {"at": end, "status": "resolved", "message": "Fast again.",
                     "components": {"api": "operational"}},
                ],
            },
        )  # fmt: skip
    # A public incident that names an internal component too.
    _write(
        incidents / "backend-blip.yml",
        {
            "id": "backend-blip",
            "title": "Web app errors",
            "severity": "sev3",
            "started_at": "2026-11-10T10:00:00-03:00",
            "updates": [
                {"at": "2026-11-10T10:00:00-03:00", "status": "investigating", "message": "Errors.",
                 "components": {"web": "partial_outage", "secret-thing": "major_outage"}},
                {"at": "2026-11-10T11:00:00-03:00", "status": "resolved", "message": "Fixed.",
                 "components": {"web": "operational", "secret-thing": "operational"}},
            ],
        },
    )  # fmt: skip
    _write(
        root / "data" / "maintenance" / "api-cancelled.yml",
        {
            "id": "api-cancelled",
            "title": "API gateway swap",
            "scheduled_for": "2026-12-10T02:00:00-03:00",
            "scheduled_until": "2026-12-10T03:00:00-03:00",
            "components": ["api"],
            "message": "Called off.",
            "cancelled": True,
            "revision": 2,
            "announced_at": "2026-11-20T09:00:00-03:00",
        },
    )
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"]["opsdocs"] = {"audience": "staff"}
    config.pop("nav")  # MkDocs' automatic navigation, which lists every page it is not told to skip
    _write(root / "mkdocs.staff.yml", config)
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _project(tmp_path_factory.mktemp("components") / "project")


@pytest.fixture(scope="module")
def sites(project: Path) -> dict[str, Path]:
    built = {}
    for name, config in (("public", "mkdocs.yml"), ("staff", "mkdocs.staff.yml")):
        out = project.parent / name
        result = build_site(project / config, out)
        assert result.returncode == 0, result.stderr[-3000:]
        built[name] = out
    return built


def _page(site: Path, rel: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / rel)).getroot()


def _feed(site: Path, rel: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site / rel).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def _calendar(site: Path, rel: str) -> Calendar:
    return Calendar.from_ical((site / rel).read_bytes())


def _record(link: str) -> str:
    """The id of the incident or window a feed item or event links to."""
    return link.rstrip("/").rsplit("/", 1)[-1]


def _affected(project: Path, site: str) -> dict[str, set[str]]:
    """Each public incident and window of ``project`` with the components it names."""
    data = read_project(project)
    found: dict[str, set[str]] = {}
    for incident in data.incidents:
        if site == "staff" or incident.audience.value == "public":
            found[incident.id] = {c for u in incident.updates for c in u.components}
    for window in data.maintenance:
        found[window.id] = set(window.components)
    return found


def test_a_page_per_component_of_the_site_and_none_for_an_internal_one(sites: dict[str, Path]) -> None:
    public, staff = sites["public"] / "status/components", sites["staff"] / "status/components"
    for component in ("api", "web", "email"):
        for site in (public, staff):
            assert (site / component / "index.html").is_file()
            assert {(site / f"{component}.{kind}").is_file() for kind in ("rss", "atom", "ics")} == {True}
    assert sorted(p.name for p in public.iterdir() if p.name.startswith("secret-thing")) == []
    assert (staff / "secret-thing" / "index.html").is_file() and (staff / "secret-thing.rss").is_file()
    for path in sites["public"].rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".rss", ".atom", ".ics", ".xml"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "secret-thing" not in text and "Secret backend" not in text, path


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("component", ["api", "web", "email"])
def test_a_component_feed_holds_its_own_updates_newest_first_and_capped(
    project: Path, sites: dict[str, Path], component: str, kind: str
) -> None:
    for site in ("public", "staff"):
        feed = _feed(sites[site], f"status/components/{component}.{kind}")
        affected = _affected(project, site)
        records = [_record(entry.link) for entry in feed.entries]
        assert records, (site, component)
        assert all(component in affected[record] for record in records), (site, records)
        times = [entry.published_parsed for entry in feed.entries]
        assert times == sorted(times, reverse=True)
        assert feed.feed.link == f"{BASE}status/components/{component}/"
        site_wide = _feed(sites[site], f"status/history.{kind}")
        shared = {e.id for e in site_wide.entries} & {e.id for e in feed.entries}
        assert shared == {e.id for e in site_wide.entries if component in affected[_record(e.link)]}
    api = _feed(sites["public"], f"status/components/api.{kind}")
    if component == "api":
        assert len(api.entries) == 50, "capped like the site-wide feed"
        records = {_record(entry.link) for entry in api.entries}
        assert "api-down" in records and "api-slow-01" not in records, "the oldest are left out"


def test_an_internal_incident_stays_out_of_its_public_component_feed(sites: dict[str, Path]) -> None:
    public = _feed(sites["public"], "status/components/email.rss")
    staff = _feed(sites["staff"], "status/components/email.rss")
    assert "hidden" not in {_record(e.link) for e in public.entries}
    assert "hidden" in {_record(e.link) for e in staff.entries}
    assert "INTERNAL" not in (sites["public"] / "status/components/email.rss").read_text(encoding="utf-8")


def test_a_component_calendar_holds_its_windows_cancelled_ones_included(sites: dict[str, Path]) -> None:
    site = sites["public"]
    events = {
        _record(str(e["url"])): str(e["status"])
        for e in _calendar(site, "status/components/api.ics").walk("VEVENT")
    }
    assert events == {"db-later": "CONFIRMED", "api-cancelled": "CANCELLED"}
    email = [_record(str(e["url"])) for e in _calendar(site, "status/components/email.ics").walk("VEVENT")]
    assert email == ["email-now"]
    calendar = _calendar(site, "status/components/email.ics")
    assert str(calendar["x-wr-calname"]) == "Acme — Email — scheduled maintenance"
    everything = {_record(str(e["url"])) for e in _calendar(site, "status/maintenance.ics").walk("VEVENT")}
    assert everything == {"db-later", "api-cancelled", "email-now"}


def test_the_page_shows_the_components_status_bars_and_uptime_as_the_status_page(
    sites: dict[str, Path],
) -> None:
    site = sites["public"]
    status = _page(site, "status/index.html")
    for component in ("api", "web", "email"):
        page = _page(site, f"status/components/{component}/index.html")
        [row] = page.cssselect(f'[data-opsdocs-component="{component}"]')
        [on_status] = status.cssselect(f'[data-opsdocs-component="{component}"]')
        pill = row.cssselect("[data-opsdocs-status-value]")[0].get("data-opsdocs-status-value")
        assert pill == on_status.cssselect("[data-opsdocs-status-value]")[0].get("data-opsdocs-status-value")
        days = [li.get("aria-label") for li in row.cssselect(".opsdocs-day")]
        assert len(days) == 90
        assert days == [li.get("aria-label") for li in on_status.cssselect(".opsdocs-day")]
        legend = row.cssselect(".opsdocs-bars__legend")[0].text_content()
        assert legend == on_status.cssselect(".opsdocs-bars__legend")[0].text_content()
    web = _page(site, "status/components/web/index.html")
    assert web.cssselect("h1")[0].text_content() == "Web app status"
    assert web.cssselect('[data-opsdocs-status-value="partial_outage"]'), "web-slow is active at now"


def _listed(page: lxml.html.HtmlElement, heading: str) -> list[str]:
    """The records linked under the page's ``heading`` (an h2), up to the next h2."""
    found, inside = [], False
    for element in page.cssselect(".opsdocs-status")[0]:
        if element.tag == "h2":
            inside = element.text_content() == heading
        elif inside:
            found += [_record(a.get("href")) for a in element.iter("a") if a.getparent().tag in {"h3", "li"}]
    return found


def test_the_page_lists_its_incidents_and_maintenance_capped(sites: dict[str, Path]) -> None:
    site = sites["public"]
    api = _page(site, "status/components/api/index.html")
    recent = _listed(api, "Past incidents")
    assert recent == ["api-down"] + [f"api-slow-{day:02d}" for day in range(30, 21, -1)], "ten, newest first"
    assert _listed(api, "Scheduled maintenance") == ["db-later"]
    web = _page(site, "status/components/web/index.html")
    assert _listed(web, "Active incidents") == ["web-slow"]
    assert _listed(web, "Past incidents") == ["backend-blip"]
    email = _page(site, "status/components/email/index.html")
    assert _listed(email, "Maintenance in progress") == ["email-now"]
    assert _listed(email, "Past incidents") == [], "the internal incident is not there"
    assert "No incidents on record." in email.text_content()
    staff = _page(sites["staff"], "status/components/email/index.html")
    assert _listed(staff, "Past incidents") == ["hidden"]


def test_the_page_links_its_feeds_and_the_site_wide_ones(sites: dict[str, Path]) -> None:
    rel = "status/components/api/index.html"
    page = _page(sites["public"], rel)
    base = urljoin(BASE, rel)
    heads = page.cssselect('head link[rel~="alternate"]')
    alternates = {(link.get("type"), urljoin(base, link.get("href"))) for link in heads}
    own = {f"{BASE}status/components/api.{kind}" for kind in ("rss", "atom", "ics")}
    site_wide = {f"{BASE}status/{name}" for name in ("history.rss", "history.atom", "maintenance.ics")}
    assert {url for _, url in alternates} == own | site_wide
    assert ("application/rss+xml", f"{BASE}status/components/api.rss") in alternates
    assert ("text/calendar", f"{BASE}status/components/api.ics") in alternates
    visible = {urljoin(base, a.get("href")) for a in page.cssselect(".opsdocs-subscribe a")}
    assert own | site_wide <= visible
    status = _page(sites["public"], "status/index.html")
    on_status = status.cssselect('head link[rel~="alternate"]')
    assert {urljoin(f"{BASE}status/", link.get("href")) for link in on_status} == site_wide
    names = {
        a.text_content(): urljoin(f"{BASE}status/", a.get("href"))
        for a in status.cssselect(".opsdocs-component__name a")
    }
    assert names == {name: f"{BASE}status/components/{cid}/" for name, cid in
                     (("API", "api"), ("Web app", "web"), ("Email", "email"))}  # fmt: skip


def _hrefs(site: Path) -> list[tuple[str, str]]:
    """Every ``href`` and ``src`` of every page of ``site``, as absolute addresses."""
    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        for element in lxml.html.parse(str(path)).getroot().iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value and not value.startswith(("#", "mailto:", "data:")):
                    found.append((rel, urljoin(urljoin(BASE, rel), value)))
    return found


def test_every_link_of_both_sites_leads_to_a_file(sites: dict[str, Path]) -> None:
    for site in sites.values():
        links = _hrefs(site)
        assert any("/components/" in url for _, url in links)
        assert missing_targets(site, links, BASE) == []


def test_the_pages_stay_out_of_the_navigation_and_the_search_index(sites: dict[str, Path]) -> None:
    for site in sites.values():
        index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert any(location.startswith("status/") for location in locations)
        assert not [location for location in locations if "components/" in location]
        for rel in ("index.html", "status/index.html", "status/components/api/index.html"):
            nav = [a.get("href") or "" for a in _page(site, rel).cssselect("nav.md-nav a")]
            assert nav and not [href for href in nav if "components/" in href], rel


def test_a_standalone_status_site_has_the_pages_at_its_root(project: Path, tmp_path: Path) -> None:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"]["opsdocs/status"] = {"standalone": True}
    config["nav"] = []
    config["docs_dir"] = "status-docs"
    config["plugins"]["opsdocs"]["docs_dir"] = "docs"
    (project / "status-docs").mkdir(exist_ok=True)
    _write(project / "mkdocs.standalone.yml", config)
    site = tmp_path / "site"
    result = build_site(project / "mkdocs.standalone.yml", site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "components/api/index.html").is_file() and (site / "components/api.rss").is_file()
    assert missing_targets(site, _hrefs(site), BASE) == []
    assert "/components/*" in (site / "_headers").read_text(encoding="utf-8")


def _generated(project: Path, **spec: object) -> dict[str, str]:
    site = generate_site(read_project(project), datetime.fromisoformat(NOW), SiteSpec(**spec))
    return {f.path: f.content for f in site.plan if isinstance(f.content, str)}


def test_the_page_speaks_the_sites_language(project: Path) -> None:
    page = _generated(project, public=True, language="es")["status/components/api.md"]
    body = lxml.html.fromstring(page.split("---\n", 2)[2])
    assert body.cssselect("h1")[0].text_content() == "Estado de API"
    assert "Canal RSS de API" in body.text_content() and "Todos los componentes" in body.text_content()
    assert 'title: "Estado de API"' in page


def test_the_page_template_can_be_overridden(project: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "status").mkdir(parents=True)
    (overrides / "status/component.md.j2").write_text(
        '<p class="mine">{{ facts.component.name }}: {{ recent | length }} · {{ links.rss }}</p>\n',
        encoding="utf-8",
    )
    page = _generated(project, public=True, template_overrides=overrides)["status/components/api.md"]
    assert '<p class="mine">API: 10 · ../api.rss</p>' in page
