"""Runbook pages and their index on a staff fixture site built by MkDocs at a fixed now."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from opsdocs.derive.status import StatusOptions, status_snapshot
from opsdocs.model import read_project
from opsdocs.render.context import make_context
from opsdocs.render.plan import SitePlan
from opsdocs.render.runbooks import render_runbooks
from opsdocs.render.spec import SiteSpec
from tests.clock import NOW
from tests.html import generated, page
from tests.paths import FIXTURES
from tests.sitebuild import build_site, tree

FIXTURE = FIXTURES / "staff_site"


@pytest.fixture
def site(built_site: Callable[..., Path]) -> Path:
    return built_site(FIXTURE / "mkdocs.yml", now=NOW)


def test_an_overdue_runbook_is_printed_but_never_fails_a_strict_build(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    result = build_site(project / "mkdocs.yml", project / "site", now=NOW)
    assert result.returncode == 0, result.stderr
    lines = (project / "runbooks" / "old.md").read_text().splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith("last_reviewed:"))
    expected = f"runbooks/old.md:{line}:16: warning: runbook 'old' is overdue for review since 2026-02-09"
    (note,) = [text for text in result.stderr.splitlines() if expected in text]
    assert note.startswith("INFO"), note
    assert not [text for text in result.stderr.splitlines() if text.startswith("WARNING")]


def test_runbook_header_has_targets_contacts_components_and_past_incidents(site: Path) -> None:
    doc = page(site, "runbooks/api-down/index.html")
    header = doc.cssselect(".opsdocs-runbook-header")[0]
    assert doc.cssselect("article h1")[0].text_content().strip().startswith("API down")
    rows = [
        [cell.text_content().strip() for cell in row.cssselect("td")] for row in header.cssselect("tbody tr")
    ]
    assert rows == [
        ["Critical", "15 min", "2 hr", "Everyone at once"],
        ["High", "30 min", "4 hr", "Affected users"],
    ]
    contacts = [li.text_content() for li in header.cssselect(".opsdocs-contacts li")]
    assert contacts == [
        "Ana Díaz (Backend Developer) · ana@acme.test · +56 9 1111 2222",
        "On-call Engineer · oncall@acme.test · PagerDuty 24/7",
    ]
    assert header.cssselect('a[href="tel:+56911112222"]')
    component = header.cssselect('a[href$="status/#component-api"]')[0]
    assert component.text_content() == "API"
    assert "Operational" in component.getparent().text_content()
    past = [a.text_content() for a in header.cssselect('a[href*="status/incidents/"]')]
    assert past == ["API unavailable"]
    assert "Check the health endpoint." in doc.text_content(), "the runbook's own steps follow the header"


def test_a_runbook_without_a_heading_gets_one(site: Path) -> None:
    doc = page(site, "runbooks/slow-web/index.html")
    assert doc.cssselect("article h1")[0].text_content() == "Slow web app"


def test_overdue_runbook_is_marked_on_its_page(site: Path) -> None:
    notice = page(site, "runbooks/old/index.html").cssselect(".opsdocs-notice")
    assert notice and "was due for review on Feb 9, 2026" in notice[0].text_content()


def test_index_lists_runbooks_by_component_and_severity_with_review_state(site: Path) -> None:
    doc = page(site, "runbooks/index.html")
    tables = doc.cssselect(".opsdocs-runbooks table")
    by_component = {
        r.cssselect("td")[0].text_content(): r.cssselect("td")[1].text_content()
        for r in tables[0].cssselect("tbody tr")
    }
    assert list(by_component) == ["API", "Web app", "Email"]
    assert "API down · ✓ Current" in by_component["API"]
    assert "Slow web app · ! Review due soon" in by_component["Web app"]
    assert "Old procedure · ✕ Overdue for review" in by_component["Email"]
    by_severity = [r.cssselect("td")[0].text_content().strip() for r in tables[1].cssselect("tbody tr")]
    assert by_severity == ["Critical", "High", "Medium"]
    everything = [[c.text_content() for c in r.cssselect("td")] for r in tables[2].cssselect("tbody tr")]
    assert everything[0] == ["API down", "Backend Developer", "Nov 1, 2026", "Jan 30, 2027", "✓ Current", "1"]


def test_runbooks_never_reach_the_public_site(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = (project / "mkdocs.yml").read_text().replace("  opsdocs: {}", "  opsdocs: {audience: public}")
    staff_only_pages = ("Runbooks: runbooks/index.md", "Handbook: handbook/index.md", "Guide: guide.md")
    for staff_only in (f"  - {entry}\n" for entry in staff_only_pages):
        config = config.replace(staff_only, "")
    (project / "mkdocs.yml").write_text(config)
    result = build_site(project / "mkdocs.yml", project / "site", now=NOW)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "runbooks").exists()
    for path, content in tree(project / "site").items():
        assert b"Check the health endpoint" not in content, path
        assert b"api-down.md" not in content, path


def test_runbook_contacts_link_only_the_address_and_a_number_that_dials() -> None:
    """An address cannot add mail headers, and a phone written with words is shown as text:
    its digits alone would dial someone else."""
    project = read_project(FIXTURE)
    team = project.team
    people = [
        p.model_copy(update={"email": "ana@acme.test?bcc=x%40evil.test&body=hi", "phone": "1-800-FLOWERS"})
        if p.id == "ana"
        else p
        for p in team.people
    ]
    project = dataclasses.replace(project, team=team.model_copy(update={"people": people}))
    now = datetime.fromisoformat(NOW)
    plan = SitePlan()
    ctx = make_context(project, now, SiteSpec(language="en"))
    render_runbooks(ctx, plan, status_snapshot(project, now, StatusOptions()))
    markdown = next(p.content for p in plan if p.path == "runbooks/api-down.md")
    header = generated(markdown).cssselect(".opsdocs-runbook-header")[0]
    ana = header.cssselect(".opsdocs-contacts li")[0]
    assert [a.get("href") for a in ana.cssselect("a")] == [
        "mailto:ana@acme.test%3Fbcc%3Dx%2540evil.test%26body%3Dhi"
    ]
    assert "1-800-FLOWERS" in ana.text_content()
