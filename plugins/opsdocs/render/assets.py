"""The stylesheets and scripts opsdocs ships, and where they go in a site."""

from __future__ import annotations

from importlib import resources

ASSET_ROOT = "assets/opsdocs/"
"""Where the shipped stylesheets and scripts go in the site, for the plugins and ``generate``."""

SCRIPTS = ("status.js",)
"""Shipped scripts (the status page's optional refresh)."""


def stylesheets() -> tuple[str, ...]:
    """The shipped stylesheets, by name; every page links all of them."""
    folder = resources.files("opsdocs.render") / "assets"
    return tuple(sorted(item.name for item in folder.iterdir() if item.name.endswith(".css")))


def read_asset(name: str) -> bytes:
    """The bytes of the shipped asset ``name``."""
    return (resources.files("opsdocs.render") / "assets" / name).read_bytes()
