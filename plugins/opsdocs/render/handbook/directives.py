"""Directives: hand-written pages embed the handbook's tables with ``<!-- opsdocs:NAME -->``.

A directive is an HTML comment alone on its line (indented at most three spaces, as any
Markdown HTML block). It is replaced by the same fragment the handbook page shows, as one
HTML block, with links relative to the page it lands on. Directives inside fenced code
blocks are left alone, so pages can document them. An unknown name stays as it is (an
invisible comment) and is reported.
"""

from __future__ import annotations

import re

from opsdocs.render.context import RenderContext
from opsdocs.render.handbook.fragments import FRAGMENTS_BY_NAME, FragmentRenderer
from opsdocs.render.templates import render

_DIRECTIVE = re.compile(r"^ {0,3}<!--\s*opsdocs:(?P<name>[^\s>]*)\s*-->\s*$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")


def directive_names() -> list[str]:
    """Every name a directive may use."""
    return list(FRAGMENTS_BY_NAME)


def expand_directives(markdown: str, ctx: RenderContext, page_src: str) -> tuple[str, list[str]]:
    """``markdown`` with each ``<!-- opsdocs:NAME -->`` line replaced by its fragment, and a
    message per unknown directive (naming the page, line and the known names)."""
    renderer: FragmentRenderer | None = None
    problems: list[str] = []
    out: list[str] = []
    fence = ""
    for number, line in enumerate(markdown.splitlines(keepends=True), start=1):
        opener = _FENCE.match(line)
        if fence:
            closes = (
                opener is not None and opener["fence"][0] == fence[0] and len(opener["fence"]) >= len(fence)
            )
            if closes and not line.strip().lstrip(fence[0]):
                fence = ""
            out.append(line)
            continue
        if opener:
            fence = opener["fence"]
            out.append(line)
            continue
        match = _DIRECTIVE.match(line)
        if match is None:
            out.append(line)
            continue
        name = match["name"]
        if name not in FRAGMENTS_BY_NAME:
            known = ", ".join(directive_names())
            problems.append(
                f"{page_src}:{number}: unknown opsdocs directive '{name}'; known directives: {known}"
            )
            out.append(line)
            continue
        renderer = renderer or FragmentRenderer(ctx, page_src)
        block = render("handbook/directive.html.j2", name=name, html=renderer.render(name)).strip()
        # An HTML block needs blank lines around it to stay one block in Markdown.
        out.append(f"\n{block}\n\n")
    return "".join(out), problems
