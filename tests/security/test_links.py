"""Links made from data (``opsdocs.render.links``): a value is refused or kept for what a
browser does with it, however it is spelt."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from opsdocs.model.support import ChannelKind
from opsdocs.render.context import RenderContext
from opsdocs.render.links import (
    channel_href,
    mailto,
    outside_href,
    relative_reference,
    scheme,
    site_href,
    site_path,
    tel,
)
from opsdocs.render.spec import SiteSpec

SCRIPT_SPELLINGS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "  javascript:alert(1)",
    "\t\njavascript:alert(1)",
    "\x01javascript:alert(1)",
    "\x00 javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "jav\r\nascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
]


def _link(path: str) -> str:
    return f"../{path}"


@pytest.mark.parametrize("value", SCRIPT_SPELLINGS)
def test_no_spelling_of_an_unsafe_scheme_is_a_link(value: str) -> None:
    assert outside_href(value) is None
    assert site_href(value, _link) is None
    assert channel_href(ChannelKind.web, value, _link) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("JaVa\tScRiPt:alert(1)", "javascript"),
        ("\x01 https://example.com/", "https"),
        ("mailto:a@b.c", "mailto"),
        ("help/faq.md", ""),
        ("./a:b", ""),
        ("javascript&#58;alert(1)", ""),
        ("#anchor", ""),
        ("1http:x", ""),
    ],
)
def test_the_scheme_is_the_one_a_browser_reads(value: str, expected: str) -> None:
    assert scheme(value) == expected


def test_web_addresses_are_kept_as_written() -> None:
    assert outside_href(" https://status.example.com/a?b=c#d ") == "https://status.example.com/a?b=c#d"
    assert outside_href("HTTP://example.com") == "HTTP://example.com"
    assert outside_href("mailto:a@b.c") is None
    assert outside_href("mailto:a@b.c", frozenset({"mailto"})) == "mailto:a@b.c"
    assert outside_href("") is None
    assert outside_href("faq.md") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("help/faq.md", ("help/faq.md", "")),
        ("help/faq.md#billing", ("help/faq.md", "billing")),
        ("#top", ("", "top")),
        ("status/", ("status/", "")),
        ("/etc/passwd", None),
        ("//evil.example", None),
        ("\\\\evil.example", None),
        ("\t/\t/evil.example", None),
        ("https://example.com", None),
        ("javascript:alert(1)", None),
        ("", None),
    ],
)
def test_site_paths(value: str, expected: tuple[str, str] | None) -> None:
    assert site_path(value) == expected


def test_a_site_path_is_linked_from_the_page_and_keeps_its_anchor() -> None:
    assert site_href("help/faq.md#billing", _link) == "../help/faq.md#billing"
    assert site_href("#top", _link) == "#top"
    assert site_href("#", _link) is None
    assert site_href("https://example.com/x", _link) == "https://example.com/x"
    # A page of a part the site does not have is no link: it would lead nowhere.
    assert site_href("help/faq.md", _link, lacks=lambda path: path.startswith("help/")) is None


def _context(directory_urls: bool = True) -> RenderContext:
    return RenderContext(
        project=None,  # type: ignore[arg-type]
        now=datetime(2026, 1, 1, tzinfo=UTC),
        spec=SiteSpec(public=True, directory_urls=directory_urls),
        labels=None,  # type: ignore[arg-type]
        dates=None,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    ("page", "target"),
    [
        ("help/support.md", "help/support/javascript:alert(1)"),
        ("help/support.md", "help/javascript:alert(1)"),
        ("index.md", "./javascript:alert(1)"),
        ("index.md", "./JavaScript:alert(1)"),
        ("handbook/contacts.md", "handbook/contacts/data:text/html,x"),
    ],
)
def test_a_relative_link_never_reads_as_a_scheme(page: str, target: str, directory_urls: bool) -> None:
    """The path left once the page's folder is taken off may start with ``javascript:``;
    written as it is, a browser would run it."""
    href = site_href(target, lambda path: _context(directory_urls).link(page, path))
    assert href is not None
    assert scheme(href) == ""


def test_a_relative_link_never_leaves_the_site_folder_for_another_host() -> None:
    href = _context().link("a/b.md", "a/b/\\\\evil.example")
    assert href.startswith("./")
    assert relative_reference("\\\\evil.example") == "./\\\\evil.example"
    assert relative_reference("../faq/") == "../faq/"
    assert relative_reference("a:b/c") == "./a:b/c"


def test_mailto_encodes_everything_but_the_address() -> None:
    assert mailto("help@acme.test") == "mailto:help@acme.test"
    assert mailto(" first.last+ops@acme.test ") == "mailto:first.last+ops@acme.test"
    assert mailto("a@b.c?cc=evil@x.test&body=hi") == "mailto:a@b.c%3Fcc%3Devil@x.test%26body%3Dhi"
    assert mailto("") is None
    assert mailto(None) is None


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("+56 2 2940 1500", "tel:+56229401500"),
        ("+1 (555) 010-0199", "tel:+15550100199"),
        ("(02) 2940.1500", "tel:0229401500"),
        ("+56\u00a09\u00a06123\u00a04587", "tel:+56961234587"),
        ("*99#", "tel:*99#"),
        ("1-800-FLOWERS", None),
        ("+56 2 2940 1500 ext. 12", None),
        ("+56 2 2940 1500 (24/7)", None),
        ("javascript:alert(1)", None),
        ("call 555 0100", None),
        ("2940+1500", None),
        ("+", None),
        ("", None),
        (None, None),
    ],
)
def test_tel_links_only_a_phone_number(number: str | None, expected: str | None) -> None:
    """A number with words in it is shown as text: its digits alone would dial a wrong one."""
    assert tel(number) == expected


def test_a_channel_links_by_its_kind() -> None:
    assert channel_href(ChannelKind.email, "help@acme.test", _link) == "mailto:help@acme.test"
    assert channel_href(ChannelKind.phone, "+56 2 1234 5678", _link) == "tel:+56212345678"
    assert channel_href(ChannelKind.web, "status/", _link) == "../status/"
    assert channel_href(ChannelKind.web, "https://status.acme.test/", _link) == "https://status.acme.test/"
    assert channel_href(ChannelKind.slack, "https://acme.slack.com/archives/C1", _link) is None
    assert channel_href(ChannelKind.chat, "#support", _link) is None
    assert channel_href(ChannelKind.email, "  ", _link) is None
