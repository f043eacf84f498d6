"""The status history as RSS 2.0 and Atom feeds, built with feedgen: the site's, and one
component's (its incidents and maintenance only).

One item per published incident update, per published maintenance update and per maintenance
announcement, newest first, the ``FEED_CAP`` most recent only. Everything in the feeds comes
from the snapshot, so two builds with the same data and ``now`` write byte-identical files:
the feeds' ``updated``/``lastBuildDate`` is the newest item's time (``now`` when there is none)
and the generator carries no version. Titles and the description are plain text with markup
removed (readers often show an RSS title as HTML); an item's content is sanitized HTML.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from feedgen.feed import FeedGenerator

from opsdocs.derive.published import published_updates, published_window_updates
from opsdocs.derive.status import StatusSnapshot
from opsdocs.model.base import Audience
from opsdocs.model.maintenance import MaintenanceStatus
from opsdocs.render.context import RenderContext
from opsdocs.render.markdown import render_markdown
from opsdocs.render.paths import StatusPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.text import plain_meta_text
from opsdocs.render.urls import GENERATOR, absolute_context

FEED_CAP = 50
"""The feeds list the 50 most recent items, as Statuspage's do."""


@dataclass(frozen=True)
class FeedItem:
    """One published update, as a feed item."""

    at: datetime
    guid: str
    title: str
    link: str
    html: str


def feed_items(ctx: RenderContext, snapshot: StatusSnapshot, pages: StatusPages) -> list[FeedItem]:
    """Every published incident and maintenance update, newest first, at most ``FEED_CAP``.

    An item's guid is its page's address and ``#update-N``, N counting the record's published
    updates from the oldest, so an item keeps its guid as later updates are published. A
    maintenance window's announcement is ``#announcement``; it is an item once announced.
    Only the items kept are rendered: a long history costs a sort, not its Markdown.
    """
    ctx = absolute_context(ctx)
    now = snapshot.now
    candidates: list[_Candidate] = []
    for facts in snapshot.incidents:
        incident = facts.incident
        page = pages.incident(incident.id)
        for index, update in enumerate(published_updates(incident, now), start=1):
            status = f"incident.status.{update.status.value}"
            candidates.append(
                _Candidate(update.at, page, f"#update-{index}", incident.title, status, update.message)
            )
    for maintenance in snapshot.maintenance:  # every one of them is announced
        window = maintenance.window
        page = pages.maintenance(window.id)
        status = f"maintenance.status.{MaintenanceStatus.scheduled.value}"
        candidates.append(
            _Candidate(window.announced, page, "#announcement", window.title, status, window.message)
        )
        for index, update in enumerate(published_window_updates(window, now), start=1):
            status = f"maintenance.status.{update.status.value}"
            candidates.append(
                _Candidate(update.at, page, f"#update-{index}", window.title, status, update.message)
            )
    links = {page: ctx.absolute(page) for page in {c.page for c in candidates}}
    newest = heapq.nlargest(FEED_CAP, candidates, key=lambda c: (c.at, links[c.page] + c.anchor))
    return [
        FeedItem(
            at=c.at,
            guid=links[c.page] + c.anchor,
            title=ctx.labels("feed.item", title=plain_meta_text(c.title), status=ctx.labels(c.status_label)),
            link=links[c.page],
            html=str(render_markdown(c.message)),
        )
        for c in newest
    ]


class _Candidate(NamedTuple):
    """A published update before it is chosen for the feed: what it takes to render it."""

    at: datetime
    page: str
    anchor: str
    title: str
    status_label: str
    message: str


@dataclass(frozen=True)
class _Channel:
    """One feed's own texts and addresses: the site-wide history, or one component's."""

    title: str
    description: str
    page: str
    """The page the feed is of (its ``alternate`` link)."""
    rss: str
    atom: str


def _generator(
    ctx: RenderContext, snapshot: StatusSnapshot, items: list[FeedItem], channel: _Channel, self_url: str
) -> FeedGenerator:
    """A feed of ``items`` whose own address is ``self_url``."""
    site = ctx.project.site
    feed = FeedGenerator()
    feed.id(self_url)
    feed.title(channel.title)
    feed.description(channel.description)
    feed.author({"name": site.organisation})
    feed.link(href=self_url, rel="self")
    feed.link(href=ctx.absolute(channel.page), rel="alternate")  # last: feedgen takes it for RSS's <link>
    feed.language(ctx.labels.language)
    feed.generator(GENERATOR)
    feed.updated(items[0].at if items else snapshot.now)
    for item in items:
        entry = feed.add_entry(order="append")
        entry.id(item.guid)
        entry.title(item.title)
        entry.link(href=item.link, rel="alternate")
        entry.published(item.at)
        entry.updated(item.at)
        entry.content(item.html, type="html")
    return feed


def _add_feeds(
    ctx: RenderContext, snapshot: StatusSnapshot, plan: SitePlan, pages: StatusPages, channel: _Channel
) -> None:
    """Add the RSS and Atom feeds of ``snapshot``'s updates to ``plan``."""
    items = feed_items(ctx, snapshot, pages)
    rss = _generator(ctx, snapshot, items, channel, ctx.absolute(channel.rss)).rss_str(pretty=True)
    atom = _generator(ctx, snapshot, items, channel, ctx.absolute(channel.atom)).atom_str(pretty=True)
    plan.add(channel.rss, rss, Audience.public)
    plan.add(channel.atom, atom, Audience.public)


def render_feeds(ctx: RenderContext, snapshot: StatusSnapshot, plan: SitePlan, pages: StatusPages) -> None:
    """Add ``history.rss`` and ``history.atom`` to ``plan``, among the status ``pages``
    (under ``status/``, or at the root of a standalone status site), and a pair per component
    the site shows (``components/<id>.rss``, ``.atom``): the same items, of the incidents and
    maintenance that concern that component only, capped alike."""
    ctx = absolute_context(ctx)
    labels = ctx.labels
    product = plain_meta_text(ctx.project.site.product)
    site_wide = _Channel(
        title=labels("feed.title", product=product, title=labels("status.title")),
        description=labels("feed.description", product=product),
        page=pages.index,
        rss=pages.feed("rss"),
        atom=pages.feed("atom"),
    )
    _add_feeds(ctx, snapshot, plan, pages, site_wide)
    for facts in snapshot.components:
        cid, name = facts.component.id, plain_meta_text(facts.component.name)
        channel = _Channel(
            title=labels("feed.title", product=product, title=labels("component.title", name=name)),
            description=labels("feed.component_description", product=product, name=name),
            page=pages.component(cid),
            rss=pages.feed("rss", cid),
            atom=pages.feed("atom", cid),
        )
        _add_feeds(ctx, snapshot.concerning(cid), plan, pages, channel)
