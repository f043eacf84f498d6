"""Markdown written in data files (incident updates, FAQ answers), rendered and sanitized.

Text in data files is pasted from chats and alerts; it is rendered with Python-Markdown and
then cleaned with nh3 (the Ammonia sanitizer), so it can never carry script, event handlers,
``javascript:`` links, frames or styles into a page.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import markdown as markdown_lib
import nh3
from markupsafe import Markup

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h3", "h4", "h5", "h6", "hr", "i",
    "kbd", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}


_PLAIN_SENTENCES = re.compile(r"[^\W\d_][^\W_ ]*(?:[ .,;:!?'\"()%/@$€¿¡+\-–—…°][^\W_]*)*")
"""One line of words, numbers and punctuation without Markdown meaning, starting with a letter
(not a list, heading, quote or code block): most status updates are written like this."""

_converters = threading.local()


def _converter() -> markdown_lib.Markdown:
    """This thread's Markdown converter. Building one registers every extension and pattern,
    which costs more than converting a short message, so each thread builds one and reuses it."""
    converter: markdown_lib.Markdown | None = getattr(_converters, "markdown", None)
    if converter is None:
        converter = markdown_lib.Markdown(extensions=["tables", "sane_lists"], output_format="html")
        _converters.markdown = converter
    return converter


# Sized for every update message of a large organisation: each is rendered on its incident
# page and again in the feeds and the API, and a miss costs a full conversion.
@lru_cache(maxsize=65536)
def render_markdown(text: str) -> Markup:
    """``text`` as safe HTML: Markdown rendered, then sanitized."""
    line = text.rstrip("\n")
    if _PLAIN_SENTENCES.fullmatch(line):
        # What Markdown and the sanitizer would make of it, without their cost: no character
        # in it means anything to either (a property test holds the two paths equal).
        return Markup(f"<p>{line}</p>")
    return Markup(convert_and_sanitize(text))


def convert_and_sanitize(text: str) -> str:
    """``text`` through Python-Markdown and nh3, uncached: what ``render_markdown`` returns."""
    html = _converter().reset().convert(text)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )


@lru_cache(maxsize=65536)
def plain_text(text: str) -> str:
    """``text`` rendered and stripped of every tag, for feeds' summaries and the JSON API."""
    return nh3.clean(str(render_markdown(text)), tags=set()).strip()
