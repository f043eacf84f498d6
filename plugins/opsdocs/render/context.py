"""What every renderer needs: the (possibly public) project, ``now``, the site's description,
labels, dates, links and the build's templates."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from opsdocs.render.dates import DateFormatter
from opsdocs.render.labels import Labels
from opsdocs.render.links import relative_reference
from opsdocs.render.paths import SitePaths
from opsdocs.render.spec import SiteSpec
from opsdocs.render.templates import Templates

if TYPE_CHECKING:
    from opsdocs.model.project import Project


@dataclass(frozen=True)
class RenderContext:
    """One site's rendering settings. ``project`` is already the public view on the public site."""

    project: Project
    now: datetime
    spec: SiteSpec
    labels: Labels
    dates: DateFormatter
    templates: Templates = field(default_factory=Templates)
    """This build's templates: the shipped ones, and the project's overrides of them."""

    @property
    def public(self) -> bool:
        """Whether this is the public site (``project`` is then the public view)."""
        return self.spec.public

    @property
    def paths(self) -> SitePaths:
        """Where this site's parts put their pages; ``None`` for a part it lacks."""
        return self.spec.paths

    @property
    def site_url(self) -> str:
        """Absolute address of the site, ending with '/', or '' when unknown."""
        return self.spec.site_url

    def page_url(self, src: str) -> str:
        """The site-relative URL of the page built from ``src`` (``status/index.md`` -> ``status/``)."""
        if not src.endswith(".md"):
            return src
        stem = src[: -len(".md")]
        if not self.spec.directory_urls:
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
        return "./" if relative in (".", "./") else relative_reference(relative)

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


def make_context(project: Project, now: datetime, spec: SiteSpec) -> RenderContext:
    """The render context of the site ``spec`` describes; on the public site ``project`` must
    already be the public view."""
    language = spec.language or project.site.language
    return RenderContext(
        project=project,
        now=now,
        spec=spec,
        labels=Labels(language, dict(spec.labels)),
        dates=DateFormatter(language, project.site.zone),
        templates=Templates(spec.template_overrides, root=project.root),
    )
