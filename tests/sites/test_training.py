"""Learning paths on a staff and a public fixture site built by MkDocs at a fixed now."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.conftest import run_opsdocs
from tests.html import page, resolve, text
from tests.paths import FIXTURES
from tests.sitebuild import assert_refused, tree

FIXTURE = FIXTURES / "roadmap_site"
PATH_PAGE = "training/getting-started/index.html"


@pytest.fixture
def sites(built_site: Callable[..., Path]) -> dict[str, Path]:
    """The roadmap fixture's staff and public sites, built at ``NOW``."""
    return {"staff": built_site(FIXTURE / "mkdocs.yml"), "public": built_site(FIXTURE / "mkdocs.public.yml")}


def module(doc: lxml_html.HtmlElement, module_id: str) -> lxml_html.HtmlElement:
    return doc.cssselect(f'section[data-module="{module_id}"]')[0]


def link_items(section: lxml_html.HtmlElement) -> dict[str, lxml_html.HtmlElement]:
    return {
        text(li.cssselect("a, .opsdocs-unlinked")[0]): li
        for li in section.cssselect(".opsdocs-training-links li")
    }


# --- the path page ----------------------------------------------------------------------------


def test_path_page_shows_total_time_and_modules_in_order(sites: dict[str, Path]) -> None:
    doc = page(sites["staff"], PATH_PAGE)
    assert text(doc.cssselect("article h1")[0]) == "Getting started"
    assert text(doc.cssselect("[data-total]")[0]) == "1 hr 30 min", "30m + 45m + 15m"
    assert text(doc.cssselect("[data-modules]")[0]) == "3"
    sections = doc.cssselect("section[data-module]")
    assert [s.get("data-module") for s in sections] == ["basics", "sharing", "fixing"]
    assert [text(s.cssselect("h2")[0]) for s in sections] == [
        "1. The basics",
        "2. Sharing calendars",
        "3. Fixing common problems",
    ]
    assert [text(s.cssselect("[data-duration]")[0]) for s in sections] == ["30 min", "45 min", "15 min"]
    assert (
        text(module(doc, "basics").cssselect("[data-goal]")[0]) == "Move between views and create an event."
    )
    contents = [a.get("href") for a in doc.cssselect(".opsdocs-training-contents a")]
    assert contents == ["#module-basics", "#module-sharing", "#module-fixing"]


def test_prerequisites_link_to_the_earlier_modules(sites: dict[str, Path]) -> None:
    doc = page(sites["staff"], PATH_PAGE)
    assert text(module(doc, "basics").cssselect("[data-prerequisites]")[0]) == "None"
    links = module(doc, "fixing").cssselect("[data-prerequisites] a")
    assert [(a.get("href"), text(a)) for a in links] == [
        ("#module-basics", "1. The basics"),
        ("#module-sharing", "2. Sharing calendars"),
    ]
    for a in links:
        assert doc.cssselect(a.get("href")), "the anchor is on the page"


def test_each_module_has_a_checklist_of_disabled_labelled_checkboxes(sites: dict[str, Path]) -> None:
    doc = page(sites["staff"], PATH_PAGE)
    items = module(doc, "basics").cssselect(".opsdocs-checklist li")
    assert [text(li) for li in items] == ["Open the week view", "Create an event"]
    for li in items:
        box = li.cssselect("label > input")[0]
        assert box.get("type") == "checkbox" and box.get("disabled") is not None
    assert items[0].cssselect("label code")[0].text == "week", "inline Markdown in a checklist item"


def test_links_to_pages_runbooks_and_outside_addresses(sites: dict[str, Path]) -> None:
    site = sites["staff"]
    doc = page(site, PATH_PAGE)
    basics = link_items(module(doc, "basics"))
    guide = basics["User guide"].cssselect("a")[0]
    assert guide.get("href") == "../../guide/"
    video = basics["Video: the basics"].cssselect("a")[0]
    assert video.get("href") == "https://video.acme.test/basics"
    assert video.get("rel") == "noopener"
    sharing = link_items(module(doc, "sharing"))
    assert sharing["Sharing section"].cssselect("a")[0].get("href") == "../../guide/#sharing"
    assert sharing["Restart procedure"].cssselect("a")[0].get("href") == "../../runbooks/one/"
    assert sharing["Staff notes on sharing"].cssselect("a")[0].get("href") == "../../staff-notes/"
    for a in doc.cssselect("article a[href]"):
        href = a.get("href")
        if not href.startswith(("#", "https:")):
            assert (site / resolve(PATH_PAGE, href)).is_file(), href


# --- audience -----------------------------------------------------------------------------------


def test_index_lists_the_paths_of_each_site(sites: dict[str, Path]) -> None:
    staff = page(sites["staff"], "training/index.html")
    cards = staff.cssselect("[data-path]")
    assert [c.get("data-path") for c in cards] == ["getting-started", "oncall"]
    assert text(cards[0].cssselect("[data-learners]")[0]) == "For: New users of the calendar"
    assert text(cards[0].cssselect("[data-modules]")[0]) == "Modules: 3"
    assert text(cards[1].cssselect("[data-total]")[0]) == "Total time: 3 hr 30 min"
    assert cards[1].cssselect("h2 a")[0].get("href") == "oncall/"
    public = page(sites["public"], "training/index.html")
    assert [c.get("data-path") for c in public.cssselect("[data-path]")] == ["getting-started"]


def test_a_public_path_is_public_and_an_internal_one_is_not(sites: dict[str, Path]) -> None:
    assert (sites["public"] / PATH_PAGE).is_file()
    assert (sites["staff"] / "training" / "oncall" / "index.html").is_file()
    assert not (sites["public"] / "training" / "oncall").exists()
    leaks = [
        (path, mark)
        for path, content in tree(sites["public"]).items()
        for mark in (b"ONCALL-PATH", b"STAFF-PAGE", b"RUNBOOK-BODY", b"New on-call engineers")
        if mark in content
    ]
    assert leaks == []


def test_on_the_public_site_links_to_internal_things_are_plain_text(sites: dict[str, Path]) -> None:
    site = sites["public"]
    doc = page(site, PATH_PAGE)
    sharing = link_items(module(doc, "sharing"))
    for title in ("Restart procedure", "Staff notes on sharing"):
        item = sharing[title]
        assert not item.cssselect("a"), title
        assert text(item) == f"{title} (staff only)"
    assert sharing["Sharing section"].cssselect("a")[0].get("href") == "../../guide/#sharing"
    assert not (site / "runbooks").exists() and not (site / "staff-notes").exists()
    for a in doc.cssselect("article a[href]"):
        href = a.get("href")
        if not href.startswith(("#", "https:")):
            assert (site / resolve(PATH_PAGE, href)).is_file(), href


# --- validation ---------------------------------------------------------------------------------


def test_a_broken_page_link_fails_validation_naming_file_and_line(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    training = project / "data" / "training.yml"
    lines = training.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(n for n, line in enumerate(lines) if line.strip() == "page: guide.md#sharing")
    lines[index] = lines[index].replace("guide.md#sharing", "missing.md#sharing")
    training.write_text("".join(lines), encoding="utf-8")
    result = run_opsdocs("validate", str(project))
    assert_refused(result, f"data/training.yml:{index + 1}:", "missing.md")
