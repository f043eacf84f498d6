"""Host configuration for the status outputs: a ``_headers`` file, read by Netlify and
Cloudflare Pages, that lets browser-side clients read the API and keeps the status page fresh.

Atlassian's status widget and other integrations fetch ``api/v2/*.json`` from another origin,
which a browser allows only with ``Access-Control-Allow-Origin``. The status page, its feeds,
badges and the API change with every build, so caches keep them one minute only.
"""

from __future__ import annotations

HEADERS_FILE = "_headers"
STATUS_MAX_AGE = 60
"""Seconds a browser or CDN may keep the status page and the API: one build interval at most."""
API_ROOT = "api/v2/"


def status_paths(root: str) -> list[str]:
    """URL patterns of the status outputs (pages, feeds, calendars, badges) under ``root``
    (``status/``, or ``''`` for a standalone status site), and of the home page, which shows
    the overall status too; in ``_headers`` syntax."""
    home = ["/", "/index.html"]
    if root:
        return [*home, f"/{root}*"]
    pages = ["/incidents/*", "/maintenance/*", "/history/*", "/components/*", "/badges/*"]
    return [*home, *pages, "/history.rss", "/history.atom", "/maintenance.ics"]


def headers_file(root: str) -> str:
    """The ``_headers`` file of a site whose status pages are under ``root``. No two rules
    match one path, so a host never joins two ``Cache-Control`` values."""
    cache = f"  Cache-Control: public, max-age={STATUS_MAX_AGE}\n"
    lines = [
        "# Written by opsdocs/status for Netlify and Cloudflare Pages; see docs/opsdocs/publishing.md.\n",
        f"/{API_ROOT}*\n  Access-Control-Allow-Origin: *\n{cache}",
    ]
    lines += [f"{pattern}\n{cache}" for pattern in status_paths(root)]
    return "".join(lines)
