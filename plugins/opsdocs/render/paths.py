"""Where every part's pages are on a site: the one place a renderer asks before it links.

A site description (``opsdocs.render.spec.SiteSpec``) holds a ``SitePaths``; a part this site
does not have is ``None`` there, so a link to one of its pages cannot be written by mistake.
Paths are docs-relative sources (``status/index.md``); ``RenderContext.link`` turns them into
relative links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

FEED_KINDS = {"rss": "history.rss", "atom": "history.atom", "ics": "maintenance.ics"}
"""The status part's feeds and calendar by kind: the site-wide file of each."""


@dataclass(frozen=True)
class StatusPages:
    """The status part's pages; ``root`` is ``status/``, or ``''`` on a standalone status site."""

    root: str = "status/"

    @property
    def index(self) -> str:
        return f"{self.root}index.md"

    def incident(self, incident_id: str) -> str:
        """An incident's page."""
        return f"{self.root}incidents/{incident_id}.md"

    def maintenance(self, window_id: str) -> str:
        """A maintenance window's page."""
        return f"{self.root}maintenance/{window_id}.md"

    def history(self, page: int) -> str:
        """Path of history page ``page`` (1-based)."""
        return f"{self.root}history/index.md" if page == 1 else f"{self.root}history/{page}.md"

    def component(self, component_id: str) -> str:
        """A component's page: its status, day bars, incidents and maintenance."""
        return f"{self.root}components/{component_id}.md"

    def feed(self, kind: str, component_id: str | None = None) -> str:
        """The site-wide feed or calendar of ``kind`` (``FEED_KINDS``: ``history.rss``, …),
        or, with ``component_id``, that component's, beside its page."""
        if component_id is not None:
            return f"{self.root}components/{component_id}.{kind}"
        return self.file(FEED_KINDS[kind])

    def file(self, name: str) -> str:
        """A machine file of the status part (``history.rss``, ``badges/overall.svg``)."""
        return f"{self.root}{name}"


@dataclass(frozen=True)
class FolderPages:
    """A part whose pages are Markdown files in one folder of its own (the subclass's
    ``folder=``): its ``index``, and each other page by its slug."""

    folder: ClassVar[str]
    index: ClassVar[str]

    def __init_subclass__(cls, *, folder: str, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.folder, cls.index = folder, f"{folder}/index.md"

    @classmethod
    def page(cls, slug: str) -> str:
        """The page ``slug`` of the part (``runbooks/db-failover.md``)."""
        return f"{cls.folder}/{slug}.md"


@dataclass(frozen=True)
class HandbookPages(FolderPages, folder="handbook"):
    """The handbook part's pages (staff only)."""

    contacts: str = "handbook/contacts.md"
    calendar: str = "handbook/maintenance-cycle.ics"


@dataclass(frozen=True)
class ReliabilityPages:
    """The reliability report and postmortems, which the handbook part renders (staff only)."""

    report: str = "reliability/index.md"
    postmortems: str = "postmortems/index.md"

    @staticmethod
    def postmortem(incident_id: str) -> str:
        return f"postmortems/{incident_id}.md"


@dataclass(frozen=True)
class RunbookPages(FolderPages, folder="runbooks"):
    """The runbooks part's pages (staff only): its index, and each runbook by its id."""


@dataclass(frozen=True)
class HelpPages:
    """The help center's pages."""

    root: str = "help/"

    def page(self, name: str) -> str:
        """A help page by name (``faq``, ``support``, a category id)."""
        return f"{self.root}{name}.md"

    @property
    def home(self) -> str:
        return self.page("index")

    @property
    def faq(self) -> str:
        return self.page("faq")

    @property
    def support(self) -> str:
        return self.page("support")

    def category(self, category_id: str) -> str:
        return self.page(category_id)


@dataclass(frozen=True)
class RoadmapPages(FolderPages, folder="roadmap"):
    """The roadmap part's pages; each release's page by its id."""

    release_cycle: str = "roadmap/release-cycle.md"
    changelog: str = "roadmap/changelog.md"
    feed: str = "roadmap/changelog.rss"
    feature_flags: str = "roadmap/feature-flags.md"


@dataclass(frozen=True)
class TrainingPages(FolderPages, folder="training"):
    """The training part's pages: its index, and each learning path by its id."""


HOME = "index.md"
"""The site's home page."""


@dataclass(frozen=True)
class SitePaths:
    """Where each part's pages are on one site; ``None`` for a part the site does not have."""

    status: StatusPages | None
    handbook: HandbookPages | None
    reliability: ReliabilityPages | None
    runbooks: RunbookPages | None
    help: HelpPages | None
    roadmap: RoadmapPages | None
    training: TrainingPages | None

    def lacks(self, path: str) -> bool:
        """Whether ``path`` (a site path from data, such as ``status/`` or ``help/faq.md``) is
        a page of a part this site does not have: a link to it would lead nowhere."""
        folder = path.removeprefix("./").split("/", 1)[0]
        absent = (
            (self.status, ("status",)),
            (self.handbook, ("handbook", "reliability", "postmortems")),
            (self.runbooks, ("runbooks",)),
            (self.help, ("help",)),
            (self.roadmap, ("roadmap",)),
            (self.training, ("training",)),
        )
        return any(present is None and folder in folders for present, folders in absent)

    @classmethod
    def of(cls, parts: frozenset[str], standalone_status: bool = False) -> SitePaths:
        """The paths of a site with ``parts``; its status pages at the root when standalone."""
        return cls(
            status=StatusPages("" if standalone_status else "status/") if "status" in parts else None,
            handbook=HandbookPages() if "handbook" in parts else None,
            reliability=ReliabilityPages() if "handbook" in parts else None,
            runbooks=RunbookPages() if "runbooks" in parts else None,
            help=HelpPages() if "helpcenter" in parts else None,
            roadmap=RoadmapPages() if "roadmap" in parts else None,
            training=TrainingPages() if "training" in parts else None,
        )
