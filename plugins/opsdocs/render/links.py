"""Links made from data: which ones a page may carry, and how each kind is written.

Data text is untrusted (the trust model in the design): an address in a YAML file may be
``javascript:alert(1)``, spelt in any of the ways a browser still reads as that. So a value is
judged here as a browser reads an ``href`` (the WHATWG URL parser): spaces and control
characters around it dropped, tabs and line breaks removed wherever they are, and its scheme
whatever comes before the first ``:`` when only scheme characters do. A value is refused for
what a browser would do with it, never for how it is spelt. Every renderer that builds a link
from data, and every relative link between pages, goes through this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

from opsdocs.model.support import ChannelKind

WEB_SCHEMES = frozenset({"http", "https"})
"""What an address from data may lead to: a web page."""
MARKDOWN_SCHEMES = WEB_SCHEMES | {"mailto", "tel"}
"""What a link written in Markdown in data (an update, an answer) may use; the sanitizer
removes the address of any other."""

_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*(?=:)")
_PHONE = re.compile(r"\+?[\s().\-0-9*#]*[0-9][\s().\-0-9*#]*")
"""A phone number as people write one: digits (and the keypad's ``*`` and ``#``), an optional
leading ``+``, and spaces, dots, dashes and brackets among them; nothing else."""
_PHONE_SEPARATORS = re.compile(r"[\s().\-]")
_MAILTO_SAFE = "@.+-_"


def as_browser_reads(value: str) -> str:
    """``value`` as a browser reads it in an ``href``: without the spaces and control
    characters around it, and without the tabs and line breaks inside it."""
    return _TAB_OR_NEWLINE.sub("", value.strip(_C0_OR_SPACE))


def scheme(value: str) -> str:
    """The scheme a browser reads in ``value``, lower-cased (``JaVa\\tScript:`` is
    ``javascript``); '' for a reference relative to the page."""
    match = _SCHEME.match(as_browser_reads(value))
    return match.group(0).lower() if match else ""


def outside_href(value: str, schemes: frozenset[str] = WEB_SCHEMES) -> str | None:
    """``value`` (stripped) when a browser reads it as an address with one of ``schemes``,
    by default a web page; None for anything else (``javascript:``, ``data:``, a path)."""
    text = value.strip()
    return text if text and scheme(text) in schemes else None


def site_path(value: str) -> tuple[str, str] | None:
    """``value`` as a path in the site and its ``#anchor`` (either may be empty), when it is
    one: no scheme, and not starting with ``/`` or ``\\`` (another host, or the top of the
    domain rather than of the site); None otherwise."""
    text = value.strip()
    if not text or scheme(text) or as_browser_reads(text).startswith(("/", "\\")):
        return None
    path, _, anchor = text.partition("#")
    return path, anchor


def site_href(
    value: str, link: Callable[[str], str], lacks: Callable[[str], bool] = lambda path: False
) -> str | None:
    """Where a link from data to ``value`` leads: a web address as it is, a path in the site
    through ``link`` (path -> relative link from the page it lands on), keeping its
    ``#anchor``; None for anything else (``javascript:``, ``data:``, ``//other.host``...), and
    for a path the site ``lacks`` (a page of a part it does not have)."""
    web = outside_href(value)
    if web is not None:
        return web
    found = site_path(value)
    if found is None or found == ("", "") or lacks(found[0]):
        return None
    path, anchor = found
    href = link(path) if path else ""
    return f"{href}#{anchor}" if anchor else href


def relative_reference(path: str) -> str:
    """A relative link ``path`` made to read as one: a first segment with a ``:`` in it
    (``javascript:alert(1)``) would be read as a scheme, and a leading ``/`` or ``\\`` as
    another place than the page's folder, so these get a leading ``./`` (RFC 3986, 4.2)."""
    if scheme(path) or as_browser_reads(path).startswith(("/", "\\")):
        return "./" + path
    return path


def mailto(address: str | None) -> str | None:
    """A ``mailto:`` link to ``address``; None without one. Everything but the address's own
    characters is percent-encoded, so an address cannot add headers (``?cc=``, ``&body=``)."""
    text = (address or "").strip()
    return f"mailto:{quote(text, safe=_MAILTO_SAFE)}" if text else None


def tel(number: str | None) -> str | None:
    """A ``tel:`` link to the phone ``number``, written as it dials (``+56 2 2940 1500`` ->
    ``tel:+56229401500``); None when ``number`` is not only a phone number (letters, words,
    ``24/7``): its digits alone would dial a wrong number."""
    text = (number or "").strip()
    if not _PHONE.fullmatch(text):
        return None
    return "tel:" + _PHONE_SEPARATORS.sub("", text)


def channel_href(
    kind: ChannelKind,
    address: str,
    link: Callable[[str], str],
    lacks: Callable[[str], bool] = lambda path: False,
) -> str | None:
    """Where a support channel's ``address`` leads, by the channel's ``kind``: a mail, a
    phone call, or a page (see ``site_href``); chat channels are named, not linked."""
    address = address.strip()
    if not address:
        return None
    if kind == ChannelKind.email:
        return mailto(address)
    if kind == ChannelKind.phone:
        return tel(address)
    if kind == ChannelKind.web:
        return site_href(address, link, lacks)
    return None
