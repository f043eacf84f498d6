"""A hand-written page's front matter made safe as page meta, for an engine without the
opsdocs plugin (``opsdocs generate``)."""

from __future__ import annotations

import re

import yaml

from opsdocs.render.helpcenter.articles import first_heading
from opsdocs.render.text import meta_text, safe_front_matter

FRONT_MATTER = re.compile(r"\A(-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n)(.*)\Z", re.DOTALL)
"""A page's YAML front matter and its body, split the way MkDocs splits them."""


def safe_page_meta(header: str, body: str, *, homepage: bool = False) -> tuple[str, str]:
    """A page's front matter block (``---`` lines included, or empty) and its body, with the
    texts of its meta made safe as page meta: as written when they already are, else with the
    front matter written anew from its values.

    The engine that builds a generated folder has no opsdocs plugin to make page meta safe,
    so the written front matter itself must be. MkDocs also reads meta-data lines
    (``Title: …``) at the top of a page without front matter; those become front matter when
    they are not safe. A page without a ``title`` takes the theme's title from its first
    heading, which the theme un-escapes: when that heading is not safe as it is, the page gets
    it as its ``title``, made safe (not the home page, whose title is the site's name). A
    block that does not hold a mapping is kept: MkDocs ignores it, and ``validate`` reports it.
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
        meta, rest = _meta_data_lines(body)
    if not isinstance(meta, dict):
        return header, body
    safe = safe_front_matter(meta)
    heading = None if homepage or "title" in meta else first_heading(rest)
    if heading is not None and meta_text(heading) != heading:
        safe["title"] = meta_text(heading)
    if safe == meta:
        return header, body
    return "---\n" + yaml.safe_dump(safe, allow_unicode=True, sort_keys=False) + "---\n\n", rest


_META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^(?:[ ]{4}|\t)\s*(?P<value>.*)")


def _meta_data_lines(body: str) -> tuple[dict[str, str], str]:
    """The MultiMarkdown meta-data lines at the top of a page without front matter, read as
    MkDocs reads them (keys lower-cased, continuation lines joined), and the rest of the page."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta: dict[str, str] = {}
    key = None
    taken = 0
    for line in lines:
        if not line.strip():
            taken += 1
            break
        if match := _META_LINE.match(line):
            key = match["key"].lower().strip()
            value = match["value"].strip()
            meta[key] = f"{meta[key]} {value}" if key in meta else value
        elif (more := _META_MORE.match(line)) and key:
            meta[key] += " " + more["value"].strip()
        else:
            break
        taken += 1
    if not meta:
        return {}, body
    return meta, "\n".join(lines[taken:]).lstrip("\n")
