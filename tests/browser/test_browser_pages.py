"""The example sites' main pages in a real browser: clean load, no overflow, dark mode, accessibility.

Both example sites are built once per test session at a fixed now (``built_site``), served
on loopback and driven with one Chromium. Screenshots of every page (desktop, mobile, dark) go
to test-output/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.chromium import browser, component_statuses, serve
from tests.paths import REPO

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO / "test-output" / "screenshots"
MOBILE = 375
DESKTOP = 1280

PAGES = [
    ("public", "status/"),
    ("public", "status/incidents/2026-03-14-api-caida/"),
    ("public", "status/components/calendar-api/"),
    ("public", "help/"),
    ("public", "help/crear-evento/"),
    ("public", "roadmap/"),
    ("staff", "runbooks/"),
    ("staff", "runbooks/calendar-api-down/"),
    ("staff", "reliability/"),
]
IDS = [f"{site}:{path}" for site, path in PAGES]

# Only these impacts fail a test; "minor" and "moderate" findings are left to review.
BLOCKING = {"serious", "critical"}

OVERFLOWING = """(width) => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 0.5) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim())
      name += '.' + el.className.trim().split(/\\s+/).join('.');
    out.push(name + ' right=' + Math.round(box.right));
  }
  return out.slice(0, 20);
}"""


@pytest.fixture(scope="module")
def bases(built_site: Callable[..., Path]) -> Iterator[dict[str, str]]:
    public, staff = built_site(REPO / "mkdocs.public.yml"), built_site(REPO / "mkdocs.yml")
    with serve(public) as public_base, serve(staff) as staff_base:
        yield {"public": public_base, "staff": staff_base}


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    with browser() as instance:
        yield instance


@pytest.fixture(scope="module")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def shot_name(site: str, path: str, variant: str) -> str:
    slug = path.strip("/").replace("/", "_") or "home"
    return f"{site}_{slug}_{variant}.png"


# Violations in markup that opsdocs does not write, each limited to one rule and to the elements of
# Material (or of its Markdown extensions) that raise it. Anything else fails the test.
THIRD_PARTY = {
    # Material's search dialog (div.md-search role=dialog) has no accessible name.
    "aria-dialog-name": ".md-search",
    # Material's footer copyright: #7f7f7f on #171717 is 4.47:1 in both palettes.
    # Material's slate Pygments colours: .nb (#9383e2) is 4.48:1 on the code background.
    "color-contrast": ".md-copyright, .highlight",
    # pymdownx.tasklist {custom_checkbox: true} wraps each checkbox in a label with no text.
    "label": ".task-list-control",
}


def axe_violations(page: object, rules: list[str] | None = None) -> list[str]:
    """The serious or critical axe-core violations on ``page``, one line per element."""
    from axe_playwright_python.sync_playwright import Axe

    options: dict[str, object] = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    results = Axe().run(page, options=options).response  # type: ignore[arg-type]
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"]:
            target = node["target"][0]
            known = THIRD_PARTY.get(violation["id"])
            if known and page.evaluate(  # type: ignore[attr-defined]
                "([target, known]) => !!document.querySelector(target)?.closest(known)", [target, known]
            ):
                continue
            summary = (node.get("failureSummary") or "").strip().splitlines()
            found.append(
                f"{violation['id']} ({violation['impact']}): {target} - {summary[-1] if summary else ''}"
            )
    return found


def load(chromium: object, url: str, **options: object) -> tuple[object, object, list[str], list[str]]:
    """A new context and page on ``url``, with the console errors and every requested URL."""
    context = chromium.new_context(**options)  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    origin = urlparse(url).netloc

    def on_console(message: object) -> None:
        if message.type != "error":  # type: ignore[attr-defined]
            return
        source = message.location.get("url", "")  # type: ignore[attr-defined]
        # A failed load from another host is reported by the foreign-request test, not twice.
        if source and urlparse(source).netloc not in {"", origin}:
            return
        errors.append(message.text)  # type: ignore[attr-defined]

    # Requests to another host are recorded (see the foreign-request test) but fail at once, without DNS.
    context.route(  # type: ignore[attr-defined]
        lambda u: urlparse(u).netloc != origin, lambda route: route.abort("internetdisconnected")
    )
    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(url, wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    return context, page, errors, requests


@pytest.mark.parametrize(("site", "path"), PAGES, ids=IDS)
def test_page_loads_without_console_errors(
    bases: dict[str, str], chromium: object, screenshots: Path, site: str, path: str
) -> None:
    context, page, errors, _ = load(chromium, bases[site] + path, viewport={"width": DESKTOP, "height": 900})
    try:
        page.screenshot(path=screenshots / shot_name(site, path, "desktop"), full_page=True)  # type: ignore[attr-defined]
        assert errors == []
    finally:
        context.close()  # type: ignore[attr-defined]


# The staff site links its repository; its theme override (overrides/partials/source.html)
# keeps Material's JavaScript from asking api.github.com for the repository's facts, so no
# page of either site requests anything from another host.
@pytest.mark.parametrize(("site", "path"), PAGES, ids=IDS)
def test_page_requests_only_its_own_host(
    bases: dict[str, str], chromium: object, site: str, path: str
) -> None:
    base = bases[site]
    context, _, _, requests = load(chromium, base + path)
    context.close()  # type: ignore[attr-defined]
    origin = urlparse(base).netloc
    assert [url for url in requests if urlparse(url).netloc != origin] == []


@pytest.mark.parametrize(("site", "path"), PAGES, ids=IDS)
def test_nothing_overflows_a_375_pixel_screen(
    bases: dict[str, str], chromium: object, screenshots: Path, site: str, path: str
) -> None:
    context = chromium.new_context(viewport={"width": MOBILE, "height": 812})  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(bases[site] + path, wait_until="load")
        page.screenshot(path=screenshots / shot_name(site, path, "mobile"), full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= MOBILE, f"page is {width}px wide: {page.evaluate(OVERFLOWING, MOBILE)}"
    finally:
        context.close()


@pytest.mark.parametrize(("site", "path"), PAGES, ids=IDS)
def test_no_serious_accessibility_violation(
    bases: dict[str, str], chromium: object, site: str, path: str
) -> None:
    context = chromium.new_context(viewport={"width": DESKTOP, "height": 900})  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(bases[site] + path, wait_until="load")
        violations = axe_violations(page)
        assert violations == [], "\n".join(violations)
    finally:
        context.close()


@pytest.mark.parametrize(("site", "path"), PAGES, ids=IDS)
def test_dark_mode_keeps_text_contrast(
    bases: dict[str, str], chromium: object, screenshots: Path, site: str, path: str
) -> None:
    context = chromium.new_context(  # type: ignore[attr-defined]
        viewport={"width": DESKTOP, "height": 900}, color_scheme="dark"
    )
    try:
        page = context.new_page()
        page.goto(bases[site] + path, wait_until="load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "dark palette chosen"
        page.screenshot(path=screenshots / shot_name(site, path, "dark"), full_page=True)
        violations = axe_violations(page, rules=["color-contrast"])
        assert violations == [], "\n".join(violations)
    finally:
        context.close()


def test_status_page_shows_the_same_statuses_without_javascript(
    bases: dict[str, str], chromium: object
) -> None:
    seen = {}
    for javascript in (True, False):
        context = chromium.new_context(java_script_enabled=javascript)  # type: ignore[attr-defined]
        try:
            page = context.new_page()
            page.goto(bases["public"] + "status/", wait_until="networkidle")
            seen[javascript] = (
                page.locator("[data-opsdocs-indicator]").inner_text().strip(),
                {row: label.strip() for row, label in component_statuses(page).items()},
            )
        finally:
            context.close()
    assert seen[True][1], "the status page lists components"
    assert seen[False] == seen[True]


def test_status_is_never_conveyed_by_colour_alone(bases: dict[str, str], chromium: object) -> None:
    context = chromium.new_context()  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(bases["public"] + "status/", wait_until="networkidle")
        pills = page.evaluate(
            "[...document.querySelectorAll('.opsdocs-pill')].map(e => e.textContent.trim())"
        )
        days = page.evaluate(
            "[...document.querySelectorAll('.opsdocs-day')]"
            ".map(e => (e.getAttribute('aria-label') || '').trim())"
        )
        bars = page.evaluate(
            "[...document.querySelectorAll('ol.opsdocs-bars')].map(e => e.getAttribute('aria-label') || '')"
        )
    finally:
        context.close()
    assert pills, "the status page shows status pills"
    assert all(pills), f"a pill without text: {pills}"
    assert days, "the status page shows day bars"
    assert all(days), "a day bar without aria-label"
    assert bars, "the status page shows uptime bars"
    assert all(re.search(r"\d+(?:[.,]\d+)?\s?%", label) for label in bars), (
        f"a bar without its uptime: {bars}"
    )
