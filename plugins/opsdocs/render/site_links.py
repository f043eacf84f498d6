"""Links and nav entries that lead to no page of a site, found once the site's files are known
(the hand-written pages and the generated ones) and before anything is rendered.

A strict MkDocs build fails on them only once it renders each page, with a message that names
no line. The ``opsdocs`` plugin reports them first, located, and ``opsdocs validate`` reports
the same lines from the same function: a hand-written page's link to a page this site does not
have (a part switched off, a staff page on the public site, an incident that does not exist),
and a ``nav`` entry naming a page that is not there.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from urllib.parse import unquote, urlsplit

from opsdocs.load.directives import find_directives
from opsdocs.load.markdown_page import fenced_lines, split_front_matter
from opsdocs.nav import nav_pages, nav_target_exists
from opsdocs.problems import Level, Problem
from opsdocs.render.handbook.directives import directive_problem

_INLINE = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*(?P<angled><[^>\n]*>|[^)\s]+)")
"""``[text](target …)`` and ``![alt](target …)``: the target, bare or in angle brackets."""
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(?P<angled><[^>\n]*>|\S+)")
"""``[name]: target``, a reference link's definition."""
_CODE_SPAN = re.compile(r"(`+).+?\1")


def page_links(markdown: str, first_line: int = 1) -> Iterator[tuple[str, int, int]]:
    """Each link target written in ``markdown`` (outside code), with its 1-based line (counted
    from ``first_line``) and column."""
    for number, (line, fenced) in enumerate(fenced_lines(markdown), start=first_line):
        if fenced or ("](" not in line and "]:" not in line):
            continue
        text = _CODE_SPAN.sub(lambda span: " " * len(span.group(0)), line)
        found = [*_INLINE.finditer(text), *filter(None, [_DEFINITION.match(text)])]
        for match in found:
            target = match["angled"]
            offset = match.start("angled")
            if target.startswith("<"):
                target, offset = target[1:-1], offset + 1
            yield target, number, offset + 1


def link_target(page: str, target: str) -> str | None:
    """The file of the site that the link ``target`` of ``page`` (both docs-relative) leads
    to, when it names one: a relative path with a file name's suffix (``../status/index.md``,
    ``img/logo.png``); None for an address, an anchor, an absolute path or a folder."""
    parts = urlsplit(target)
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or target.startswith(("/", "\\")) or not path or path.endswith("/"):
        return None
    if "." not in posixpath.basename(path):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def link_problems(
    pages: Iterable[tuple[str, str, str]], site: Collection[str], level: Level
) -> list[Problem]:
    """A problem for each link of the hand-written ``pages`` (docs-relative source, the file's
    path as problems name it, its text) to a file that is not among the ``site``'s files."""
    problems = []
    for src, path, text in pages:
        split = split_front_matter(text)
        for target, line, column in page_links(split.body, split.body_line):
            leads_to = link_target(src, target)
            if leads_to is not None and leads_to not in site:
                named = f" ({leads_to})" if leads_to != target else ""
                message = f"link '{target}' leads to no page or file of this site{named}"
                problems.append(Problem(path, line, column, message, level))
    return problems


def nav_problems(
    nav: object,
    site: Collection[str],
    positions: Callable[[], Mapping[str, tuple[str, int, int]]],
    where: str,
    level: Level,
) -> list[Problem]:
    """A problem for each entry of ``nav`` (as the configuration holds it) that names a page
    the ``site`` does not have, at its place in ``positions()`` (else at the top of ``where``);
    the configuration is read for positions only when an entry is missing."""
    missing = sorted(entry for entry in nav_pages(nav) if not nav_target_exists(entry, site))
    found = positions() if missing else {}
    return [
        Problem(*found.get(entry, (where, 1, 1)), f"nav entry '{entry}' is not a page of this site", level)
        for entry in missing
    ]


def site_problems(
    pages: Iterable[tuple[str, str, str, bool]], site: Collection[str] | None, public: bool, level: Level
) -> list[Problem]:
    """The problems of a site's hand-written ``pages`` (docs-relative source, the file's path as
    problems name it, its text, whether it is one of the project's pages): links to files the
    ``site`` does not have (None: links are not checked) and, on the pages from elsewhere
    (the project's own were checked with the data), directives it cannot expand."""
    pages = list(pages)
    problems = (
        [] if site is None else link_problems(((s, path, text) for s, path, text, _ in pages), site, level)
    )
    for _src, path, text, _ in (page for page in pages if not page[3]):
        split = split_front_matter(text)
        for directive in find_directives(split.body, split.body_line):
            message = directive_problem(directive, public)
            if message:
                problems.append(Problem(path, directive.line, directive.column, message))
    return problems
