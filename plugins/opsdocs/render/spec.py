"""What one site is: its audience, its parts, where their pages go and their options.

Built once per build from the configuration, by the MkDocs plugins and by ``opsdocs generate``
alike (``opsdocs.options.site_spec``), and read by every renderer: a renderer links to another
part only when the site has it (``spec.paths``). Like the rest of the core, no MkDocs here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

from opsdocs.derive.status import StatusOptions
from opsdocs.derive.uptime import UptimePolicy
from opsdocs.render.paths import SitePaths

PARTS = ("status", "runbooks", "handbook", "helpcenter", "training", "roadmap")
"""The parts a site may have, one per feature plugin (``opsdocs/status``, ...), in the order
they render."""
STAFF_ONLY_PARTS = frozenset({"runbooks", "handbook"})
"""Parts that exist on the staff site only; the public site never has them, even when asked."""
STALE_AFTER_MINUTES = 60
"""Default of ``stale_after_minutes``: scheduled builds run late, often by an hour."""


class ApiLanguage(StrEnum):
    """Which language the API's fixed texts are in."""

    statuspage = "statuspage"
    """Statuspage's own English strings: bots and widgets match them ("All Systems Operational")."""
    site = "site"
    """The site's language, as on the pages."""


@dataclass(frozen=True)
class StatusRendering:
    """How the status outputs are written, beside what they show (``StatusOptions``)."""

    search_history: bool = False
    """Whether incident, maintenance, component and history pages go in the search index. Off by
    default: the index is what a visitor's first visit downloads, and these pages are most of it."""
    api_language: ApiLanguage = ApiLanguage.statuspage
    """The language of the API's fixed texts: Statuspage's English strings, which clients
    match, or the site's."""
    stale_after_minutes: int = STALE_AFTER_MINUTES
    """The page's script warns visitors once the data it shows is older than this."""


@dataclass(frozen=True)
class PartOptions:
    """The feature plugins' options that change what a site shows."""

    status: StatusOptions = field(default_factory=StatusOptions)
    """``opsdocs/status`` ``history_days`` and ``partial_outage_weight``: the one status snapshot."""
    status_rendering: StatusRendering = field(default_factory=StatusRendering)
    """``opsdocs/status`` ``search_history``, ``api_language`` and ``stale_after_minutes``."""
    reliability: UptimePolicy = field(default_factory=UptimePolicy)
    """``opsdocs/handbook`` ``partial_outage_weight``, for the reliability report's uptime."""
    checks_history: str = ""
    """``opsdocs/status`` ``checks_history``: the folder of the checks' history (relative to the
    project), whose measured figures the status pages and the reliability report show; ''
    for none."""


@dataclass(frozen=True)
class SiteSpec:
    """One site, as its configuration describes it."""

    public: bool = False
    parts: frozenset[str] = frozenset(PARTS)
    """The parts this site has; on the public site never a staff-only one."""
    standalone_status: bool = False
    """The status page at the site's root, for a status site hosted on its own."""
    options: PartOptions = field(default_factory=PartOptions)
    language: str = ""
    """The pages' language; '' for the project's (``site.yml``)."""
    site_url: str = ""
    """Absolute address of the site, ending with '/', or '' when unknown."""
    directory_urls: bool = True
    """How the engine names pages (MkDocs' ``use_directory_urls``), for absolute addresses."""
    labels: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """The project's own wording of labels, by key."""
    pages_dir: str = "docs"
    """Where this site's hand-written pages are, relative to the project."""
    template_overrides: Path | None = None
    """A folder whose templates replace the shipped ones (the theme's ``custom_dir/opsdocs``)."""
    paths: SitePaths = field(init=False, compare=False, repr=False)
    """Where each of this site's parts puts its pages; ``None`` for a part it lacks."""

    def __post_init__(self) -> None:
        parts = frozenset(self.parts) & frozenset(PARTS)
        if self.public:
            parts -= STAFF_ONLY_PARTS
        object.__setattr__(self, "parts", parts)
        if self.site_url and not self.site_url.endswith("/"):
            object.__setattr__(self, "site_url", self.site_url + "/")
        object.__setattr__(self, "labels", MappingProxyType(dict(self.labels)))
        object.__setattr__(self, "paths", SitePaths.of(parts, self.standalone_status))

    def has(self, part: str) -> bool:
        """Whether this site has ``part``: ask before linking to one of its pages."""
        return part in self.parts
