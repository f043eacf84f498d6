"""The stylesheets and scripts opsdocs ships, and where they go in a site."""

from __future__ import annotations

from importlib import resources

ASSET_ROOT = "assets/opsdocs/"
"""Where the shipped stylesheets and scripts go in the site, for the plugins and ``generate``."""

SCRIPTS = ("status.js",)
"""Shipped scripts (the status page's optional refresh)."""


PART_STYLESHEETS = {"reliability.css": "handbook", "helpcenter.css": "helpcenter"}
"""Stylesheets only a part's pages use, by the part: a site without it does not ship them."""


def stylesheets(parts: frozenset[str] | None = None) -> tuple[str, ...]:
    """The shipped stylesheets a site with ``parts`` needs, by name (all when ``None``);
    every page links all of them."""
    folder = resources.files("opsdocs.render") / "assets"
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".css"))
    return tuple(n for n in names if parts is None or PART_STYLESHEETS.get(n) in (None, *parts))


def read_asset(name: str) -> bytes:
    """The bytes of the shipped asset ``name``."""
    return (resources.files("opsdocs.render") / "assets" / name).read_bytes()
