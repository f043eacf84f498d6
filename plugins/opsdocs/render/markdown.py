"""Markdown written in data files (incident updates, FAQ answers), rendered and sanitized.

Text in data files is pasted from chats and alerts. It is rendered as GitHub-flavored Markdown
(CommonMark with tables, strikethrough and links from bare addresses) by cmark-gfm, GitHub's
own C implementation: a large history has tens of thousands of messages. The HTML is then
cleaned with nh3 (the Ammonia sanitizer), so it can never carry script, event handlers,
``javascript:`` links, frames or styles into a page.
"""

from __future__ import annotations

import html
from functools import lru_cache

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from markupsafe import Markup

from opsdocs.render.links import MARKDOWN_SCHEMES

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h3", "h4", "h5", "h6", "hr", "i",
    "kbd", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
_CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE
"""cmark keeps inline HTML, which nh3 then filters tag by tag (cmark's own safe mode would drop
harmless tags such as ``<kbd>`` along with dangerous ones)."""
_CMARK_EXTENSIONS = ["table", "strikethrough", "autolink"]
"""GitHub's extensions but its tag filter, which would show a ``<script>`` as text: nh3 removes
it with its content instead."""


# Sized for every update message of a large organisation: each is rendered on its incident
# page and again in the feeds and the API.
@lru_cache(maxsize=65536)
def render_markdown(text: str) -> Markup:
    """``text`` as safe HTML: Markdown rendered, then sanitized."""
    html = cmarkgfm.markdown_to_html_with_extensions(text, _CMARK_OPTIONS, _CMARK_EXTENSIONS)
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=set(MARKDOWN_SCHEMES),
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean.strip())


@lru_cache(maxsize=65536)
def plain_text(text: str) -> str:
    """``text`` rendered and stripped of every tag, for feeds' summaries and the JSON API."""
    return nh3.clean(str(render_markdown(text)), tags=set()).strip()


def plain_line(markdown: str) -> str:
    """Markdown as one line of plain text: rendered, stripped of tags, entities decoded."""
    return " ".join(html.unescape(plain_text(markdown)).split())
