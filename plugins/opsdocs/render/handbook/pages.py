"""The handbook's pages: which fragments each page shows, under which headings, and the index.

A page is a list of fragments (see ``fragments.py``) under ``<h2>`` headings, with the data
files they come from named at the top, each with an edit link.
"""

from __future__ import annotations

from dataclasses import dataclass

from opsdocs.model.base import Audience
from opsdocs.render.context import RenderContext
from opsdocs.render.handbook.fragments import FRAGMENTS_BY_NAME, FragmentRenderer
from opsdocs.render.handbook.sources import DataFile, data_files
from opsdocs.render.pages import front_matter
from opsdocs.render.paths import HandbookPages
from opsdocs.render.plan import SitePlan

INDEX = HandbookPages.index


@dataclass(frozen=True)
class HandbookPage:
    """A handbook page: ``handbook/<slug>.md``, showing ``sections`` (fragment names) in order."""

    slug: str
    sections: tuple[str, ...]

    @property
    def path(self) -> str:
        return HandbookPages.page(self.slug)

    @property
    def title_key(self) -> str:
        return f"handbook.page.{self.slug.replace('-', '_')}"

    @property
    def description_key(self) -> str:
        return f"{self.title_key}.description"

    @property
    def sources(self) -> list[str]:
        """Data kinds the page reads, in the order its sections first read them."""
        return [kind for name in self.sections for kind in FRAGMENTS_BY_NAME[name].sources]


PAGES: tuple[HandbookPage, ...] = (
    HandbookPage("severities", ("severity-matrix", "response-targets", "support-targets")),
    HandbookPage("incident-process", ("incident-process",)),
    HandbookPage("contacts", ("contacts", "escalation", "on-call")),
    HandbookPage("team", ("roles", "people")),
    HandbookPage("maintenance-cycle", ("maintenance-cycle",)),
    HandbookPage(
        "deployment", ("deployment-checklist", "deployment-process", "deployment-monitoring", "rollback")
    ),
    HandbookPage("continuity", ("disaster-recovery", "business-continuity")),
    HandbookPage("security", ("security-audits", "data-protection", "compliance")),
    HandbookPage("releases", ("release-cycle", "feature-flags")),
    HandbookPage("support", ("support-channels", "support-targets", "self-service")),
)


@dataclass(frozen=True)
class _Section:
    id: str
    heading: str
    html: str


@dataclass(frozen=True)
class _IndexEntry:
    title: str
    description: str
    link: str
    files: list[DataFile]


def render_pages(ctx: RenderContext, plan: SitePlan) -> None:
    """Add every handbook page and the handbook's index to ``plan``, for staff only."""
    labels = ctx.labels
    for page in PAGES:
        fragments = FragmentRenderer(ctx, page.path)
        sections = [
            _Section(name, labels(FRAGMENTS_BY_NAME[name].heading), fragments.render(name, level=3))
            for name in page.sections
        ]
        title = labels(page.title_key)
        body = ctx.templates.render(
            "handbook/page.md.j2",
            labels=labels,
            title=title,
            intro=labels(page.description_key),
            files=data_files(ctx, page.sources),
            sections=sections,
            index_link=ctx.link(page.path, INDEX),
        )
        plan.add(page.path, front_matter(title, hide=["toc"]) + body, Audience.internal)

    entries = [
        _IndexEntry(
            title=labels(page.title_key),
            description=labels(page.description_key),
            link=ctx.link(INDEX, page.path),
            files=data_files(ctx, page.sources),
        )
        for page in PAGES
    ]
    body = ctx.templates.render("handbook/index.md.j2", labels=labels, entries=entries)
    plan.add(INDEX, front_matter(labels("handbook.title"), hide=["toc"]) + body, Audience.internal)
