"""Guards against careless changes: each test here fails when one rule that keeps the public
site honest is broken in a small, plausible way (a required internal field kept, a title no
longer escaped, a staff-only part or link on the public site, Markdown in the API, the
indicator or a boundary off by one).

They render in-process with the functions the plugins and ``opsdocs generate`` call, so they
are fast enough to run under mutation testing (``make mutation``); the leak test and the
example-site tests check the same rules through real builds.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from opsdocs.derive.overall import Indicator
from opsdocs.derive.reliability import window_figures
from opsdocs.derive.runbooks import DUE_SOON, ReviewState, review_state
from opsdocs.derive.status import status_snapshot
from opsdocs.model import read_project
from opsdocs.model.audience import public_view
from opsdocs.model.project import Project
from opsdocs.render.generate import GeneratedSite, generate_site
from opsdocs.render.pages import front_matter, script_json
from opsdocs.render.spec import PARTS, STAFF_ONLY_PARTS, SiteSpec
from opsdocs.render.status.api import LIST_CAP
from opsdocs.render.text import meta_text
from tests.clock import NOW_AT
from tests.conftest import Run
from tests.paths import MINIMAL

CHILE = timezone(timedelta(hours=-3))

SUMMARY = "Internal summary: the deploy script skipped the canary stage."
ROOT_CAUSE = "Root cause: a missing index on the events table."
PUBLIC_SUMMARY = "A faulty deployment caused API errors for ninety minutes."
HOSTILE_TITLE = '<img src=x onerror=alert(1)><script>alert(2)</script>Database & "upgrade"'
MARKDOWN_MESSAGE = "We are **investigating** <em>errors</em> on the [API](https://example.com/api)."


def _edit(path: Path, **changes: object) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The minimal project with a postmortem, a hostile window title, Markdown in an update
    and a window that has not started at ``NOW_AT``."""
    root = tmp_path_factory.mktemp("guards") / "project"
    shutil.copytree(MINIMAL, root)
    incident = root / "data" / "incidents" / "2026-03-10-api-errors.yml"
    data = yaml.safe_load(incident.read_text(encoding="utf-8"))
    data["postmortem"] = {"summary": SUMMARY, "root_cause": ROOT_CAUSE, "public_summary": PUBLIC_SUMMARY}
    data["updates"][0]["message"] = MARKDOWN_MESSAGE
    incident.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _edit(
        root / "data" / "maintenance" / "2026-04-db-upgrade.yml",
        title=HOSTILE_TITLE,
        message=MARKDOWN_MESSAGE,
    )
    upcoming = {
        "id": "2026-12-upcoming",
        "title": f"Upcoming: {HOSTILE_TITLE}",
        "scheduled_for": "2026-12-05T02:00:00-03:00",
        "scheduled_until": "2026-12-05T04:00:00-03:00",
        "components": ["api"],
        "message": "The API will be upgraded.",
        "announced_at": "2026-11-20T12:00:00-03:00",
    }
    (root / "data" / "maintenance" / "2026-12-upcoming.yml").write_text(yaml.safe_dump(upcoming))
    return read_project(root)


@pytest.fixture(scope="module")
def public_site(project: Project) -> GeneratedSite:
    return generate_site(
        project, NOW_AT, SiteSpec(public=True, language="en", site_url="https://status.example.com/")
    )


@pytest.fixture(scope="module")
def staff_site(project: Project) -> GeneratedSite:
    return generate_site(
        project, NOW_AT, SiteSpec(public=False, language="en", site_url="https://ops.example.com/")
    )


def _text(site: GeneratedSite, path: str) -> str:
    content = site.plan[path].content
    return content if isinstance(content, str) else content.decode("utf-8")


def _everything(site: GeneratedSite) -> str:
    text = (".md", ".json", ".xml", ".rss", ".atom", ".ics", ".svg")
    return "\n".join(_text(site, planned.path) for planned in site.plan if planned.path.endswith(text))


# --- the public view --------------------------------------------------------------------


def test_public_view_empties_required_internal_fields(project: Project) -> None:
    """A postmortem's summary and root cause are required and internal: the public view still
    empties them, and keeps the public summary."""
    incident = next(i for i in project.incidents if i.postmortem is not None)
    assert incident.postmortem.summary == SUMMARY  # the staff view keeps them
    viewed = next(i for i in public_view(project).incidents if i.id == incident.id)
    assert viewed.postmortem.summary == ""
    assert viewed.postmortem.root_cause == ""
    assert viewed.postmortem.public_summary == PUBLIC_SUMMARY


def test_public_site_has_no_required_internal_text(
    public_site: GeneratedSite, staff_site: GeneratedSite
) -> None:
    everything = _everything(public_site)
    assert PUBLIC_SUMMARY in everything
    assert SUMMARY not in everything and ROOT_CAUSE not in everything
    assert SUMMARY in _everything(staff_site)


# --- escaping ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["status/maintenance/2026-04-db-upgrade.md", "status/history/index.md", "status/index.md"]
)
def test_maintenance_title_is_escaped(public_site: GeneratedSite, path: str) -> None:
    """A window's title is text wherever the status pages print it: no element, no handler."""
    body = _text(public_site, path).split("\n---\n", 1)[-1]
    page = lxml_html.fragment_fromstring(body, create_parent="div")
    assert page.xpath("//img") == [] and page.xpath("//*[@onerror]") == []
    assert [s for s in page.xpath("//script") if "alert" in (s.text or "")] == []
    assert "onerror=alert(1)" in body, "the page shows the title"
    assert "alert(1)" not in body.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_active_maintenance_title_is_escaped_on_the_status_page(project: Project) -> None:
    """While the window runs, the status page lists it at the top: still text."""
    during = generate_site(
        project, datetime(2026, 12, 5, 3, 0, tzinfo=CHILE), SiteSpec(public=True, language="en")
    )
    body = _text(during, "status/index.md").split("\n---\n", 1)[-1]
    page = lxml_html.fragment_fromstring(body, create_parent="div")
    assert page.xpath("//img") == [] and page.xpath("//*[@onerror]") == []
    assert any(a.text_content() == "Upcoming: " + HOSTILE_TITLE for a in page.iter("a"))


def test_maintenance_title_shows_as_written(public_site: GeneratedSite) -> None:
    body = _text(public_site, "status/maintenance/2026-04-db-upgrade.md").split("\n---\n", 1)[-1]
    page = lxml_html.fragment_fromstring(body, create_parent="div")
    assert [h.text_content() for h in page.iter("h1")] == [HOSTILE_TITLE]


# --- what the public site leaves out ----------------------------------------------------


def test_public_site_leaves_out_staff_only_parts_even_when_asked(project: Project) -> None:
    """``opsdocs generate --audience public`` with a configuration that enables every part (the
    staff site's) still writes no runbook, handbook, reliability or postmortem page."""
    site = generate_site(
        project, NOW_AT, SiteSpec(public=True, language="en", parts=frozenset({"status", *STAFF_ONLY_PARTS}))
    )
    top = {planned.path.split("/")[0] for planned in site.plan}
    assert top & {"runbooks", "handbook", "reliability", "postmortems"} == set()
    assert "status" in top


def test_generate_public_with_the_staff_configuration_writes_no_staff_part(
    tmp_path: Path, opsdocs: Callable[..., Run]
) -> None:
    """``opsdocs generate --audience public`` reading a configuration that enables every part
    (the staff site's): no runbook, handbook, reliability or postmortem page, no internal page,
    and no nav entry for them."""
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    (root / "docs" / "internal-notes.md").write_text("---\naudience: internal\n---\n# Notes\n")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search", "opsdocs", *(f"opsdocs/{p}" for p in sorted(PARTS))]
    config["nav"] = ["index.md", "internal-notes.md", {"Runbooks": "runbooks/index.md"}, "status/index.md"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    out = tmp_path / "out"
    result = opsdocs("generate", str(out), "--audience", "public", "--project", str(root))
    assert result.returncode == 0, result.stderr
    docs = {p.relative_to(out / "docs").as_posix() for p in (out / "docs").rglob("*") if p.is_file()}
    assert "status/index.md" in docs
    staff = {d for d in docs if d.split("/")[0] in {"runbooks", "handbook", "reliability", "postmortems"}}
    assert staff == set()
    assert "internal-notes.md" not in docs
    nav = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert "runbooks" not in str(nav) and "internal-notes" not in str(nav)


def test_public_incident_page_does_not_link_the_postmortem(
    public_site: GeneratedSite, staff_site: GeneratedSite
) -> None:
    path = "status/incidents/2026-03-10-api-errors.md"
    assert "postmortems/" in _text(staff_site, path)  # the staff page does link it
    public = _text(public_site, path)
    assert "postmortems/" not in public
    assert PUBLIC_SUMMARY in public


# --- the JSON API and the indicator -----------------------------------------------------


def _api(site: GeneratedSite, name: str) -> dict:
    return json.loads(_text(site, f"api/v2/{name}.json"))


def test_api_update_body_is_plain_text(public_site: GeneratedSite) -> None:
    incident = next(
        i for i in _api(public_site, "incidents")["incidents"] if i["id"] == "2026-03-10-api-errors"
    )
    first = incident["incident_updates"][-1]
    assert first["body"] == "We are investigating errors on the API."


def test_api_maintenance_body_is_plain_text(public_site: GeneratedSite) -> None:
    windows = _api(public_site, "scheduled-maintenances")["scheduled_maintenances"]
    window = next(w for w in windows if w["id"] == "2026-04-db-upgrade")
    bodies = {u["id"]: u["body"] for u in window["incident_updates"]}
    assert bodies["2026-04-db-upgrade-scheduled"] == "We are investigating errors on the API."
    assert not any(mark in body for body in bodies.values() for mark in ("<", "**", "]("))


def test_upcoming_maintenance_does_not_set_the_indicator(
    project: Project, public_site: GeneratedSite
) -> None:
    """A window that has not started leaves the indicator at 'none'; once it runs, it says
    'maintenance'."""
    assert status_snapshot(project, NOW_AT).indicator == Indicator.none
    status = _api(public_site, "status")["status"]
    assert status["indicator"] == "none"
    assert [
        m["id"] for m in _api(public_site, "scheduled-maintenances/upcoming")["scheduled_maintenances"]
    ] == ["2026-12-upcoming"]
    during = datetime(2026, 12, 5, 3, 0, tzinfo=CHILE)
    assert status_snapshot(project, during).indicator == Indicator.maintenance


# --- boundaries -------------------------------------------------------------------------


def test_runbook_review_boundaries() -> None:
    """Due on its day is 'due soon', not overdue; the day after is overdue; exactly
    ``DUE_SOON`` ahead is 'due soon', a day more is fine."""
    last, every = date(2026, 1, 1), timedelta(days=90)
    due = last + every
    assert review_state(last, every, due) == (due, ReviewState.due_soon)
    assert review_state(last, every, due + timedelta(days=1)) == (due, ReviewState.overdue)
    assert review_state(last, every, due - DUE_SOON) == (due, ReviewState.due_soon)
    assert review_state(last, every, due - DUE_SOON - timedelta(days=1)) == (due, ReviewState.ok)
    assert timedelta(days=14) == DUE_SOON


def test_incident_starting_exactly_at_a_report_window_start_is_counted(project: Project) -> None:
    incident = next(i for i in project.incidents if i.id == "2026-03-10-api-errors")
    severities = project.severities.severities
    for days in (30, 90):
        now = incident.started_at + timedelta(days=days)
        inside = window_figures([incident], severities, now, days)
        assert [t.incident.id for t in inside.times] == [incident.id], days
        later = window_figures([incident], severities, now + timedelta(seconds=1), days)
        assert later.times == (), days


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> GeneratedSite:
    """The minimal project with 55 incidents and 55 maintenance windows, a day apart."""
    root = tmp_path_factory.mktemp("crowded") / "project"
    shutil.copytree(MINIMAL, root)
    start = datetime(2026, 6, 1, 12, tzinfo=UTC)
    for n in range(55):
        at = start + timedelta(days=n)
        incident = {
            "id": f"incident-{n:02d}",
            "title": f"Incident {n}",
            "severity": "sev2",
            "started_at": at.isoformat(),
            "updates": [
                {
                    "at": at.isoformat(),
                    "status": "investigating",
                    "message": "Looking.",
                    "components": {"api": "partial_outage"},
                },
                {
                    "at": (at + timedelta(hours=1)).isoformat(),
                    "status": "resolved",
                    "message": "Fixed.",
                    "components": {"api": "operational"},
                },
            ],
        }
        (root / "data" / "incidents" / f"incident-{n:02d}.yml").write_text(yaml.safe_dump(incident))
        window = {
            "id": f"window-{n:02d}",
            "title": f"Window {n}",
            "scheduled_for": (at + timedelta(hours=3)).isoformat(),
            "scheduled_until": (at + timedelta(hours=4)).isoformat(),
            "components": ["api"],
            "message": "Upgrade.",
        }
        (root / "data" / "maintenance" / f"window-{n:02d}.yml").write_text(yaml.safe_dump(window))
    return generate_site(read_project(root), NOW_AT, SiteSpec(public=True, language="en"))


def test_api_lists_are_capped_at_statuspage_50(crowded: GeneratedSite) -> None:
    """Statuspage lists the 50 most recent incidents and maintenances: 50, the newest."""
    assert LIST_CAP == 50
    incidents = _api(crowded, "incidents")["incidents"]
    assert len(incidents) == 50
    assert incidents[0]["id"] == "incident-54" and incidents[-1]["id"] == "incident-05"
    windows = _api(crowded, "scheduled-maintenances")["scheduled_maintenances"]
    assert len(windows) == 50
    assert windows[0]["id"] == "window-54" and windows[-1]["id"] == "window-05"


# --- the escaping helpers ---------------------------------------------------------------


@pytest.mark.parametrize("title", [HOSTILE_TITLE, "</title><script>alert(1)</script>", "a\n<b>\tc  d"])
def test_page_titles_cannot_open_a_tag(title: str) -> None:
    """The theme un-escapes page titles: a generated page's title never holds an angle
    bracket, stays on one line, and reads back from the front matter as written."""
    head = front_matter(title)
    meta = yaml.safe_load(head.strip().strip("-"))
    assert set(meta) == {"title"}
    assert "<" not in meta["title"] and ">" not in meta["title"]
    assert "\n" not in meta["title"] and "  " not in meta["title"]
    assert meta["title"] == meta_text(title)
    assert meta_text("a\n<b>\tc  d") == "a ‹b› c d"


def test_script_json_cannot_close_its_element() -> None:
    """Data embedded in a page's ``<script type="application/json">``: no text closes the
    element or opens a comment, and it reads back unchanged, in a stable order."""
    value = {"title": "</script><script>alert(1)</script>", "note": "<!-- & -->", "name": "Año"}
    text = str(script_json(value))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value
    assert "Año" in text
    assert str(script_json({"b": 1, "a": 2})) == str(script_json({"a": 2, "b": 1}))


def test_public_view_drops_internal_pages_and_keeps_public_ones(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    (root / "docs" / "open.md").write_text("---\naudience: public\n---\n# Open\n")
    (root / "docs" / "closed.md").write_text("---\naudience: internal\n---\n# Closed\n")
    project = read_project(root)
    assert {"open.md", "closed.md"} <= set(project.pages)
    viewed = public_view(project)
    assert "open.md" in viewed.pages and "closed.md" not in viewed.pages
    assert viewed.pages["open.md"] is project.pages["open.md"]
