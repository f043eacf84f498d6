"""What every renderer needs: the (possibly public) project, ``now``, labels, dates, URLs."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from opsdocs.render.dates import DateFormatter
from opsdocs.render.labels import Labels

if TYPE_CHECKING:
    from opsdocs.model.project import Project


@dataclass(frozen=True)
class RenderContext:
    """One site's rendering settings. ``project`` is already the public view on the public site."""

    project: Project
    now: datetime
    labels: Labels
    dates: DateFormatter
    public: bool
    site_url: str = ""
    """Absolute address of the site, ending with '/', or '' when unknown."""
    directory_urls: bool = True

    def page_url(self, src: str) -> str:
        """The site-relative URL of the page built from ``src`` (``status/index.md`` -> ``status/``)."""
        if not src.endswith(".md"):
            return src
        stem = src[: -len(".md")]
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def link(self, from_src: str, to: str) -> str:
        """A relative link from the page built from ``from_src`` to ``to`` (a page or a file)."""
        here_url = self.page_url(from_src)
        here = here_url.rstrip("/") if here_url.endswith("/") or not here_url else posixpath.dirname(here_url)
        target = self.page_url(to)
        relative = relative_path(target, here)
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return "./" if relative in (".", "./") else relative

    def absolute(self, path: str) -> str:
        """The absolute address of ``path`` on this site (site-relative when the address is unknown)."""
        return f"{self.site_url}{self.page_url(path)}" if self.site_url else f"/{self.page_url(path)}"


def relative_path(path: str, start: str) -> str:
    """``posixpath.relpath`` for site paths (no ``..`` in them), without its calls to
    ``os.getcwd``: a large site computes tens of thousands of links."""
    to = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    for a, b in zip(to, base, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def make_context(
    project: Project,
    now: datetime,
    language: str,
    public: bool,
    label_overrides: dict[str, str] | None = None,
    site_url: str = "",
    directory_urls: bool = True,
) -> RenderContext:
    """A render context; on the public site ``project`` must already be the public view."""
    site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    return RenderContext(
        project=project,
        now=now,
        labels=Labels(language, label_overrides),
        dates=DateFormatter(language, project.site.zone),
        public=public,
        site_url=site_url,
        directory_urls=directory_urls,
    )
