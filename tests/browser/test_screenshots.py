"""How the staff site's main pages look, in a real browser, at 1280 and 375 pixels, light and dark.

The example staff site is built once per test session at a fixed now (``built_site``) and served
on loopback; each of the reliability report, the runbook index, the status page and the help home
is opened at each width in each colour scheme (dark is the visitor's system preference, which
Material's palette follows). Every view is saved to test-output/screenshots/ and measured once;
the tests then say what a reader would notice: a page wider than a phone, a chart narrower than
the text, chart text too small or illegible in the dark, labels drawn over each other, and a
generated table that does not look like the Markdown tables of the same site.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.chromium import browser, serve
from tests.clock import NOW
from tests.paths import REPO

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO / "test-output" / "screenshots"
PAGES = {"reliability": "reliability/", "runbooks": "runbooks/", "status": "status/", "help": "help/"}
TABLE_PAGES = {**PAGES, "handbook": "handbook/severities/", "support": "help/support/"}
"""Pages whose tables opsdocs generates, checked against ``MARKDOWN``'s."""
MARKDOWN = "opsdocs/reliability/"
"""A hand-written page of the same site with Markdown tables: the look generated tables must have."""
DESKTOP, PHONE = 1280, 375
WIDTHS = (DESKTOP, PHONE)
SCHEMES = ("light", "dark")
VISITED = datetime.fromisoformat(NOW) + timedelta(minutes=5)
"""The browser's clock: a visit soon after the build, so the status page's data is fresh."""
MIN_TEXT = 11.0
"""Smallest chart text, in CSS pixels, on a phone."""
MIN_CONTRAST = 4.5

# What the page shows, measured in the page. Chart text is measured as drawn: its computed
# size times the scale its SVG draws it at (which a viewBox would shrink on a phone).
MEASURE = """() => {
  const inner = document.querySelector('.md-content__inner');
  const box = getComputedStyle(inner);
  const content = inner.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
  const rgba = (text) => {
    const m = text.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [r, g, b, a === undefined ? 1 : a];
  };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const background = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const charts = [...document.querySelectorAll('svg.opsdocs-chart')].map(svg => {
    const bg = background(svg);
    const texts = [...svg.querySelectorAll('text')]
      .filter(t => t.getBoundingClientRect().width > 0)
      .map(t => {
        const m = t.getScreenCTM();
        const r = t.getBoundingClientRect();
        return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
                fill: over(rgba(getComputedStyle(t).fill), bg), background: bg,
                box: [r.left, r.top, r.right, r.bottom]};
      });
    return {id: svg.getAttribute('aria-labelledby').split(' ')[0].replace(/-title$/, ''),
            width: svg.getBoundingClientRect().width, texts};
  });
  return {scheme: document.body.dataset.mdColorScheme, scroll: document.scrollingElement.scrollWidth,
          inner: innerWidth, content, charts};
}"""

# The look of each table in the text: Material's styles of its Markdown tables, and the
# scrolling wrapper its script puts around them.
TABLES = ".md-content__inner table:not(.opsdocs-sr-only)"
"""The tables in the text; the screen-reader-only data tables of the charts are not shown."""
TABLE_LOOK = """(selector) => [...document.querySelectorAll(selector)].map(t => {
  const pick = (e, names) => e ? Object.fromEntries(names.map(n => [n, getComputedStyle(e)[n]])) : null;
  const cell = t.querySelector('tbody td');
  return {
    name: t.getAttribute('data-opsdocs-table') || [...t.attributes].map(a => a.name).join(' ') || 'table',
    wrapper: [t.parentElement.className, t.parentElement.parentElement.className],
    table: pick(t, ['borderTopWidth', 'borderTopStyle', 'borderTopColor', 'borderRadius', 'fontSize',
                    'backgroundColor']),
    th: pick(t.querySelector('thead th'), ['fontWeight', 'paddingTop', 'paddingLeft']),
    td: pick(cell, ['paddingTop', 'paddingLeft', 'borderTopWidth', 'borderTopStyle', 'borderTopColor']),
  };
})"""
HOVERED_ROW = "(row) => getComputedStyle(row).backgroundColor"
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"


@dataclass(frozen=True)
class View:
    """One page at one width in one colour scheme, as measured."""

    page: str
    width: int
    scheme: str
    shot: Path
    facts: dict[str, Any]
    tables: list[dict[str, Any]]
    hovered: str | None
    """The background of the first table's first row under the pointer."""


def _look(
    chromium: Any, url: str, width: int, scheme: str, shot: Path | None
) -> tuple[dict, list, str | None]:
    context = chromium.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(VISITED)
        page.goto(url, wait_until="networkidle")
        if shot is not None:
            page.screenshot(path=shot, full_page=True)
        facts = page.evaluate(MEASURE)
        page.add_style_tag(content=NO_TRANSITIONS)
        tables = page.evaluate(TABLE_LOOK, TABLES)
        hovered = None
        row = page.locator(f"{TABLES} tbody tr").first
        if tables:
            row.hover()
            hovered = row.evaluate(HOVERED_ROW)
        return facts, tables, hovered
    finally:
        context.close()


@pytest.fixture(scope="module")
def views(built_site: Callable[..., Path]) -> Iterator[dict[tuple[str, int, str], View]]:
    out = built_site(REPO / "mkdocs.yml")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    wanted = [(name, width, scheme) for name in PAGES for width in WIDTHS for scheme in SCHEMES]
    wanted += [(name, DESKTOP, scheme) for name in TABLE_PAGES if name not in PAGES for scheme in SCHEMES]
    wanted += [("markdown", DESKTOP, scheme) for scheme in SCHEMES]
    paths = {**TABLE_PAGES, "markdown": MARKDOWN}
    found = {}
    with serve(out) as base, browser() as chromium:
        for name, width, scheme in wanted:
            shot = SCREENSHOTS / f"{name}_{width}_{scheme}.png" if name in PAGES else None
            facts, tables, hovered = _look(chromium, base + paths[name], width, scheme, shot)
            found[name, width, scheme] = View(name, width, scheme, shot or Path(), facts, tables, hovered)
    yield found


def contrast(one: list[float], two: list[float]) -> float:
    """The WCAG contrast ratio of two opaque sRGB colours (0-255 channels)."""

    def luminance(colour: list[float]) -> float:
        linear = [
            c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour[:3]
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def overlaps(texts: list[dict[str, Any]]) -> list[str]:
    """Pairs of chart texts whose boxes overlap by more than a pixel each way."""
    found = []
    for i, one in enumerate(texts):
        for two in texts[i + 1 :]:
            a, b = one["box"], two["box"]
            if min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1:
                found.append(f"{one['text']!r} / {two['text']!r}")
    return found


ALL = [(name, width, scheme) for name in PAGES for width in WIDTHS for scheme in SCHEMES]
CHART_VIEWS = [("reliability", width, scheme) for width in WIDTHS for scheme in SCHEMES]
TABLE_VIEWS = [(name, DESKTOP, scheme) for name in TABLE_PAGES for scheme in SCHEMES]


def ids(keys: list[tuple[str, int, str]]) -> list[str]:
    return [f"{name}-{width}-{scheme}" for name, width, scheme in keys]


@pytest.mark.parametrize("key", ALL, ids=ids(ALL))
def test_each_view_is_saved_in_its_colour_scheme(views: dict, key: tuple[str, int, str]) -> None:
    view = views[key]
    assert view.shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert view.facts["scheme"] == ("slate" if view.scheme == "dark" else "default")


@pytest.mark.parametrize("key", [k for k in ALL if k[1] == PHONE], ids=ids([k for k in ALL if k[1] == PHONE]))
def test_no_page_is_wider_than_a_phone(views: dict, key: tuple[str, int, str]) -> None:
    facts = views[key].facts
    assert facts["scroll"] <= facts["inner"], f"the page scrolls sideways: {facts['scroll']} px wide"


@pytest.mark.parametrize("key", CHART_VIEWS, ids=ids(CHART_VIEWS))
def test_charts_take_the_width_of_the_text(views: dict, key: tuple[str, int, str]) -> None:
    facts = views[key].facts
    assert len(facts["charts"]) == 4, "incidents per month, and time to resolve in each window"
    narrow = {c["id"]: round(c["width"]) for c in facts["charts"] if c["width"] < 0.9 * facts["content"]}
    assert narrow == {}, f"charts under 90 % of the {facts['content']:.0f} px text column"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_chart_text_is_readable_on_a_phone(views: dict, scheme: str) -> None:
    charts = views["reliability", PHONE, scheme].facts["charts"]
    small = {
        (c["id"], t["text"]): round(t["size"], 1) for c in charts for t in c["texts"] if t["size"] < MIN_TEXT
    }
    assert all(c["texts"] for c in charts)
    assert small == {}, f"chart text under {MIN_TEXT} px at {PHONE} px"


@pytest.mark.parametrize("key", CHART_VIEWS, ids=ids(CHART_VIEWS))
def test_chart_labels_are_not_drawn_over_each_other(views: dict, key: tuple[str, int, str]) -> None:
    crossed = {c["id"]: overlaps(c["texts"]) for c in views[key].facts["charts"]}
    assert {chart: pairs for chart, pairs in crossed.items() if pairs} == {}


@pytest.mark.parametrize("key", CHART_VIEWS, ids=ids(CHART_VIEWS))
def test_chart_text_contrasts_with_the_page(views: dict, key: tuple[str, int, str]) -> None:
    texts = [t for c in views[key].facts["charts"] for t in c["texts"]]
    faint = {t["text"]: round(contrast(t["fill"], t["background"]), 2) for t in texts}
    assert texts
    assert {text: ratio for text, ratio in faint.items() if ratio < MIN_CONTRAST} == {}


@pytest.mark.parametrize("key", TABLE_VIEWS, ids=ids(TABLE_VIEWS))
def test_generated_tables_look_like_markdown_tables(views: dict, key: tuple[str, int, str]) -> None:
    view, markdown = views[key], views["markdown", DESKTOP, key[2]]
    assert markdown.tables, f"{MARKDOWN} has a Markdown table to compare with"
    (reference, *_) = markdown.tables
    assert reference["wrapper"] == ["md-typeset__table", "md-typeset__scrollwrap"]
    for table in view.tables:
        seen = {part: table[part] for part in ("wrapper", "table", "th", "td") if table[part] is not None}
        assert seen == {part: reference[part] for part in seen}, table["name"]
    if view.tables:
        assert view.hovered == markdown.hovered, (
            "a row under the pointer is highlighted as in Markdown tables"
        )
        assert view.hovered != view.tables[0]["table"]["backgroundColor"]


def test_the_pages_with_tables_have_them(views: dict) -> None:
    counts = {name: len(views[name, DESKTOP, "light"].tables) for name in TABLE_PAGES}
    assert all(counts[name] for name in ("reliability", "runbooks", "handbook", "support")), counts
