"""A hand-written page's meta made safe in the page itself, for an engine without the plugins.

The engine that builds the folder ``opsdocs generate`` writes has no ``opsdocs`` plugin to
make page meta safe (``opsdocs.render.text``), so the front matter written into the page must
already be. The page is read as MkDocs reads it (``opsdocs.load.markdown_page``): the same
front matter block, the same meta-data lines, the same first heading.
"""

from __future__ import annotations

import yaml

from opsdocs.load.markdown_page import first_heading, read_meta_data_lines
from opsdocs.render.markdown import plain_line
from opsdocs.render.text import meta_text, safe_front_matter


def safe_page_meta(header: str, body: str, *, homepage: bool = False) -> tuple[str, str]:
    """A page's front matter block (``---`` lines included, or empty) and its body, with the
    texts of its meta made safe as page meta: as written when they already are, else with the
    front matter written anew from its values.

    MkDocs also reads meta-data lines (``Title: …``) at the top of a page without front
    matter; those become front matter when they are not safe. A page without a ``title``
    takes the theme's title from its first heading, which the theme un-escapes: when that
    heading is not safe as it is, the page gets it as its ``title``, made safe (not the home
    page, whose title is the site's name). A block that does not hold a mapping is kept:
    MkDocs ignores it, and ``validate`` reports it.
    """
    meta: object
    rest = body
    if header:
        inner = header.split("\n", 1)[1].rstrip(" \t\n").rpartition("\n")[0]
        try:
            meta = yaml.safe_load(inner) or {}
        except yaml.YAMLError:
            return header, body
    else:
        lines = read_meta_data_lines(body)
        meta, rest = lines.meta, lines.rest
    if not isinstance(meta, dict):
        return header, body
    safe = safe_front_matter(meta)
    heading = None if homepage or "title" in meta else first_heading_text(rest)
    if heading is not None and meta_text(heading) != heading:
        safe["title"] = meta_text(heading)
    if safe == meta:
        return header, body
    return "---\n" + yaml.safe_dump(safe, allow_unicode=True, sort_keys=False) + "---\n\n", rest


def first_heading_text(body: str) -> str | None:
    """The plain text of a page's first level-1 heading (the title MkDocs may take), or None."""
    heading = first_heading(body)
    return (plain_line(heading.text) or None) if heading is not None else None
