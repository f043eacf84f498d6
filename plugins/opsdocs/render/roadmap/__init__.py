"""The release roadmap: the roadmap by status and by release, a page per release, the release
cycle, the changelog with its RSS feed and, on the staff site only, the feature flag registry.

The renderer never decides what the public may read: on the public site ``ctx.project`` is
already the public view, without internal releases, items and flags and with internal notes
emptied. Staff-only parts are also drawn only when ``ctx.public`` is false, so a page rendered
for the public site cannot show them even from a full project.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import groupby

from feedgen.feed import FeedGenerator

from opsdocs.model.base import Audience
from opsdocs.model.roadmap import FlagState, ItemStatus, Release, RoadmapItem
from opsdocs.render.context import RenderContext
from opsdocs.render.markdown import render_markdown
from opsdocs.render.pages import front_matter
from opsdocs.render.paths import RoadmapPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.text import plain_meta_text
from opsdocs.render.urls import GENERATOR, absolute_context

STATUS_ORDER = (
    ItemStatus.exploring,
    ItemStatus.planned,
    ItemStatus.in_progress,
    ItemStatus.beta,
    ItemStatus.shipped,
)
"""The roadmap's sections, from the earliest stage to shipped."""

STATUS_ICONS = {
    ItemStatus.exploring: "?",
    ItemStatus.planned: "○",
    ItemStatus.in_progress: "◐",
    ItemStatus.beta: "β",
    ItemStatus.shipped: "✓",
}
"""Each status has an icon next to its text, so status never rests on colour alone."""

FLAG_ICONS = {FlagState.off: "○", FlagState.rollout: "◐", FlagState.on: "●"}

FEED_CAP = 50
"""The changelog feed lists the 50 most recently shipped items."""

INDEX = RoadmapPages.index
RELEASE_CYCLE = RoadmapPages.release_cycle
CHANGELOG = RoadmapPages.changelog
FEED = RoadmapPages.feed
FEATURE_FLAGS = RoadmapPages.feature_flags
release_page = RoadmapPages.page
"""Path of a release's page; the model keeps release ids off the roadmap's own pages."""


@dataclass(frozen=True)
class Entry:
    """A roadmap item with the release it belongs to."""

    item: RoadmapItem
    release: Release

    @property
    def internal(self) -> bool:
        """Whether the item or its release is for the team only."""
        return Audience.internal in (self.item.audience, self.release.audience)


def entries(releases: list[Release]) -> list[Entry]:
    """Every item of ``releases``, in the order written."""
    return [Entry(item, release) for release in releases for item in release.items]


def shipped(releases: list[Release]) -> list[Entry]:
    """Shipped items, newest first by ``shipped_on``; items shipped the same day keep the
    order they are written in."""
    done = [e for e in entries(releases) if e.item.status == ItemStatus.shipped and e.item.shipped_on]
    return sorted(done, key=lambda e: e.item.shipped_on or date.min, reverse=True)


def progress(release: Release) -> list[tuple[ItemStatus, int]]:
    """How many of the release's items are at each status, in roadmap order, zeros left out."""
    counts = Counter(item.status for item in release.items)
    return [(status, counts[status]) for status in STATUS_ORDER if counts[status]]


def render_roadmap(ctx: RenderContext, plan: SitePlan) -> None:
    """Add the roadmap pages and the changelog feed to ``plan``; on the staff site, also the
    feature flag registry."""
    project = ctx.project
    labels, dates = ctx.labels, ctx.dates
    staff = not ctx.public
    releases = project.roadmap.releases
    if ctx.public:  # the public view has none; never trust a caller with the full project
        releases = [
            r.model_copy(update={"items": [i for i in r.items if i.audience == Audience.public]})
            for r in releases
            if r.audience == Audience.public
        ]
    every = entries(releases)
    flags = project.roadmap.feature_flags_by_id if staff else {}

    def period(release: Release) -> str:
        year, _, part = release.target.partition("-")
        if part.startswith("Q"):
            return labels("roadmap.quarter", quarter=part[1:], year=year)
        month = dates.month(date(int(year), int(part), 1))
        return month[:1].upper() + month[1:]

    def links(here: str) -> dict[str, object]:
        return {
            "release_link": lambda release: ctx.link(here, release_page(release.id)),
            "flag_link": lambda flag_id: f"{ctx.link(here, FEATURE_FLAGS)}#flag-{flag_id}",
            "index_link": ctx.link(here, INDEX),
            "cycle_link": ctx.link(here, RELEASE_CYCLE),
            "changelog_link": ctx.link(here, CHANGELOG),
            "feed_link": ctx.link(here, FEED),
            "flags_link": ctx.link(here, FEATURE_FLAGS) if staff else "",
        }

    common: dict[str, object] = {
        "labels": labels,
        "dates": dates,
        "icons": STATUS_ICONS,
        "flag_icons": FLAG_ICONS,
        "statuses": STATUS_ORDER,
        "render_markdown": render_markdown,
        "staff": staff,
        "flags": flags,
        "period": period,
        "progress": progress,
    }

    # Shipped items newest first, as in the changelog; the other stages in the order written.
    changelog = shipped(releases)
    by_status = [
        (status, changelog if status == ItemStatus.shipped else [e for e in every if e.item.status == status])
        for status in STATUS_ORDER
    ]
    page = ctx.templates.render(
        "roadmap/index.md.j2", by_status=by_status, releases=releases, **links(INDEX), **common
    )
    plan.add(INDEX, front_matter(labels("roadmap.title")) + page, Audience.public)

    for release in releases:
        path = release_page(release.id)
        page = ctx.templates.render(
            "roadmap/release.md.j2",
            release=release,
            entries=[e for e in every if e.release is release],
            **links(path),
            **common,
        )
        title = labels("roadmap.release_title", version=release.version, name=release.name)
        plan.add(path, front_matter(title) + page, release.audience, listed=False)

    kinds = project.roadmap.release_cycle
    page = ctx.templates.render("roadmap/release-cycle.md.j2", kinds=kinds, **links(RELEASE_CYCLE), **common)
    plan.add(RELEASE_CYCLE, front_matter(labels("roadmap.cycle.title")) + page, Audience.public)

    months = []
    for _, group in groupby(changelog, key=lambda e: (e.item.shipped_on or date.min).strftime("%Y-%m")):
        members = list(group)
        month = dates.month(members[0].item.shipped_on or date.min)
        months.append((month[:1].upper() + month[1:], members))
    page = ctx.templates.render("roadmap/changelog.md.j2", months=months, **links(CHANGELOG), **common)
    plan.add(CHANGELOG, front_matter(labels("roadmap.changelog.title")) + page, Audience.public)
    plan.add(FEED, changelog_feed(ctx, changelog), Audience.public)

    if staff:
        gated = {flag_id: [e for e in every if e.item.feature_flag == flag_id] for flag_id in flags}
        page = ctx.templates.render(
            "roadmap/feature-flags.md.j2",
            registry=project.roadmap.feature_flags,
            roles=project.team.role_names,
            gated=gated,
            **links(FEATURE_FLAGS),
            **common,
        )
        plan.add(FEATURE_FLAGS, front_matter(labels("roadmap.flags.title")) + page, Audience.internal)


def shipped_at(ctx: RenderContext, day: date) -> datetime:
    """The moment an item counts as shipped: 00:00 of its day in the site's time zone."""
    return datetime.combine(day, time(0), tzinfo=ctx.project.site.zone)


def changelog_feed(ctx: RenderContext, changelog: list[Entry]) -> bytes:
    """The changelog as RSS 2.0: the ``FEED_CAP`` most recently shipped items, newest first.

    Every value comes from the data, so the same data gives the same bytes: the channel's
    ``lastBuildDate`` is the newest item's day (``now`` without items), and an item's guid
    is its anchor on the changelog page, which stays as long as the item's id does. Titles,
    categories and the channel's description are plain text with markup removed (readers
    often show them as HTML); an item's description is sanitized HTML.
    """
    ctx = absolute_context(ctx)
    labels, site = ctx.labels, ctx.project.site
    items = changelog[:FEED_CAP]
    changelog_url = ctx.absolute(CHANGELOG)
    feed = FeedGenerator()
    feed.id(ctx.absolute(FEED))
    product = plain_meta_text(site.product)
    feed.title(labels("roadmap.feed.title", product=product))
    feed.description(labels("roadmap.feed.description", product=product))
    feed.link(href=ctx.absolute(FEED), rel="self")
    feed.link(href=changelog_url, rel="alternate")  # last: feedgen takes it for RSS's <link>
    feed.language(labels.language)
    feed.generator(GENERATOR)
    newest = items[0].item.shipped_on if items else None
    feed.lastBuildDate(shipped_at(ctx, newest) if newest else ctx.now)
    for e in items:
        item, release = e.item, e.release
        entry = feed.add_entry(order="append")
        entry.guid(f"{changelog_url}#item-{item.id}", permalink=True)
        version = plain_meta_text(release.version)
        entry.title(labels("roadmap.feed.item", title=plain_meta_text(item.title), version=version))
        entry.link(href=f"{ctx.absolute(release_page(release.id))}#item-{item.id}")
        name = plain_meta_text(release.name)
        entry.category(term=labels("roadmap.release_title", version=version, name=name))
        if item.description:
            entry.description(str(render_markdown(item.description)))
        if item.shipped_on:
            entry.pubDate(shipped_at(ctx, item.shipped_on))
    return feed.rss_str(pretty=True)
