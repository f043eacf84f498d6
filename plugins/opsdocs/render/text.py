"""Text safe where a theme or a reader prints it as it gets it: page meta and feed titles.

Themes print page meta without escaping it: Material writes ``page.meta.description`` into
``<meta name="description" content="…">`` and ``page.meta.title`` into ``<title>`` and the
header; other themes escape it, or un-escape it first (Jinja's ``striptags``). Feed readers
often show an RSS title as HTML. Text for those places goes through ``meta_text``, which makes
it read the same in each case and break out of none. It is the one rule for page meta: the
generated pages' front matter, hand-written pages' front matter (in the plugins' build and in
``opsdocs generate``), the FAQ's schema.org data and the feeds' titles all use it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

import nh3

_CHARACTER_REFERENCE = re.compile(r"&(?:#[xX]?[0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;?)")
"""What could be read as a character reference (``&lt;``, ``&#60;``, ``&lt`` without ``;``)."""
_QUOTES = {'"': ("“", "”"), "'": ("‘", "’")}
_BEFORE_AN_OPENING_QUOTE = frozenset("([{«‹—–-/")


def meta_text(text: str) -> str:
    """``text`` safe as page meta (a title, a description) whatever the theme does with it.

    Angle brackets become the look-alike guillemets ``‹ ›``, so no tag can open or close;
    straight quotes become typographic ones (“ ” ‘ ’), so no attribute can end; an ``&``
    that would start a character reference (``&lt;``) becomes ``＆``, so un-escaping it
    cannot bring a ``<`` back; line breaks and runs of spaces become one space. Applying it
    twice changes nothing.
    """
    text = _CHARACTER_REFERENCE.sub(_defuse_reference, text)
    text = text.replace("<", "‹").replace(">", "›")
    text = re.sub("[\"']", _typographic_quote, text)
    return " ".join(text.split())


def plain_meta_text(text: str) -> str:
    """``text`` with its markup removed, then safe as ``meta_text`` is: for feed titles,
    which readers may show as HTML. A ``<script>`` or ``<style>`` goes with its content."""
    return meta_text(html.unescape(nh3.clean(text, tags=set())))


def safe_meta(value: object) -> object:
    """``value`` (a page's front matter, or one of its values) with every text in it, at any
    depth, made ``meta_text``; numbers, booleans and dates are kept as they are."""
    if isinstance(value, str):
        return meta_text(value)
    if isinstance(value, Mapping):
        return {key: safe_meta(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [safe_meta(item) for item in value]
    return value


def safe_front_matter(meta: Mapping[str, Any]) -> dict[str, Any]:
    """A page's front matter with every text in it made ``meta_text`` (see ``safe_meta``)."""
    return {key: safe_meta(value) for key, value in meta.items()}


def heading_title(heading: str) -> str:
    """The title a page takes from its first heading (HTML text, entities as written), made
    page meta: a theme that un-escapes it (``page.title | striptags``) gets no markup back."""
    return meta_text(html.unescape(heading))


def _defuse_reference(match: re.Match[str]) -> str:
    reference = match.group(0)
    return reference if html.unescape(reference) == reference else "＆" + reference[1:]


def _typographic_quote(match: re.Match[str]) -> str:
    opening, closing = _QUOTES[match.group(0)]
    start = match.start()
    before = match.string[start - 1] if start else " "
    return opening if before.isspace() or before in _BEFORE_AN_OPENING_QUOTE else closing
