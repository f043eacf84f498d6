"""Reading pages back with lxml, for the tests: a built page from its site folder, a page
opsdocs generated in-process, the text a reader sees in an element, and where its links lead."""

from __future__ import annotations

import posixpath
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import HtmlElement


def page(site: Path, path: str = "") -> HtmlElement:
    """The built page at ``path`` (a file, such as ``status/index.html``) of the site folder
    ``site``; ``page(file)`` reads the one file."""
    return lxml_html.fromstring((site / path).read_bytes())


def generated(markdown: str) -> HtmlElement:
    """The HTML body of a page opsdocs generated (its front matter dropped), or of Markdown
    with directives expanded: the HTML in it as a browser reads it."""
    body = markdown.split("---\n", 2)[2] if markdown.startswith("---\n") else markdown
    return lxml_html.document_fromstring(f"<html><body>{body}</body></html>").body


def text(element: HtmlElement) -> str:
    """The text of ``element`` as a reader sees it: white space folded to single spaces."""
    return " ".join(element.text_content().split())


def hrefs(element: HtmlElement, selector: str = "a") -> list[str]:
    """The ``href`` of every element ``selector`` matches in ``element`` ("" where it has none)."""
    return [a.get("href") or "" for a in element.cssselect(selector)]


def links(element: HtmlElement) -> list[tuple[str, str]]:
    """Each link in ``element``: its text (stripped) and its ``href``."""
    return [(a.text_content().strip(), a.get("href")) for a in element.cssselect("a")]


def resolve(path: str, href: str) -> str:
    """The file of the site that a relative ``href`` on the page at ``path`` leads to: a link to
    a folder leads to its ``index.html``; a fragment is dropped."""
    address = href.split("#")[0]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), address))
    return f"{target}/index.html" if address.endswith("/") else target
