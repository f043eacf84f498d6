"""Helpers every page renderer uses: front matter, JSON in a page, edit links, and the feeds
a page names for its head."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping

from markupsafe import Markup

from opsdocs.render.text import meta_text, safe_meta


def front_matter(title: str, hide: Iterable[str] = (), **extra: object) -> str:
    """A YAML front matter block; values are written as JSON, which YAML reads as they are.

    Every text in it, at any depth, is ``meta_text``: the theme may print any of it as it is.
    """
    lines = ["---", f"title: {json.dumps(meta_text(title), ensure_ascii=False)}"]
    hidden = list(hide)
    if hidden:
        lines.append(f"hide: {json.dumps(hidden)}")
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(safe_meta(value), ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


ALTERNATE = "alternate"
"""The front matter key of a generated page's feeds and calendars, each a mapping of ``href``
(relative to the page), ``type`` and ``title``: the ``opsdocs`` plugin links each from the
page's head (``head_links``), where feed readers and browsers look for them."""
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "ics": "text/calendar"}
"""The media type of each kind of machine file a page may name as an alternate."""


def alternates(links: Mapping[str, str], titles: Mapping[str, str]) -> list[dict[str, str]]:
    """The ``alternate`` front matter of a page: for each kind (``rss``, ``atom``, ``ics``)
    of ``links``, its link, media type and title."""
    return [{"href": href, "type": FEED_TYPES[kind], "title": titles[kind]} for kind, href in links.items()]


FEED_REL = "alternate feed"
"""The ``rel`` of a feed's ``<link>``: ``alternate``, which feed readers look for among its
tokens, and ``feed``, so that it is not ``[rel=alternate]`` exactly: Material's language
selector fetches a ``sitemap.xml`` beside every such link, which beside a feed is not there."""


def head_links(meta: Mapping[str, object]) -> str:
    """The ``<link rel="alternate feed">`` elements of a page's ``alternate`` front matter,
    escaped; empty without it. An entry that is not a mapping of texts is skipped."""
    entries = meta.get(ALTERNATE)
    if not isinstance(entries, list):
        return ""
    lines = []
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        values = {key: entry.get(key) for key in ("type", "title", "href")}
        if not all(isinstance(value, str) and value for value in values.values()):
            continue
        attributes = " ".join(f'{key}="{html.escape(str(value))}"' for key, value in values.items())
        lines.append(f'<link rel="{FEED_REL}" {attributes}>')
    return "\n".join(lines)


def with_head_links(page_html: str, meta: Mapping[str, object]) -> str:
    """``page_html``, a rendered page, with the links of its ``alternate`` front matter
    (``head_links``) at the end of its head, where feed readers and browsers look for them."""
    links = head_links(meta)
    end = page_html.find("</head>") if links else -1
    return page_html if end < 0 else f"{page_html[:end]}{links}\n{page_html[end:]}"


def script_json(value: object) -> Markup:
    """``value`` as JSON safe inside a ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` are written as Unicode escapes, so no text can close the element.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def edit_url(repository_url: str | None, edit_uri: str, path: str) -> str | None:
    """The web address to edit ``path`` (relative to the repository root), or None without a
    repository address."""
    if not repository_url:
        return None
    return f"{str(repository_url).rstrip('/')}/{edit_uri.strip('/')}/{path.lstrip('/')}"
