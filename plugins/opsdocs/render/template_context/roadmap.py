"""What the roadmap templates receive: the roadmap, a release, the release cycle, the changelog
and the feature flags."""

from __future__ import annotations

from opsdocs.render.template_context.base import PageTemplate, page, shared

_ROADMAP = {
    **shared("labels", "dates", "render_markdown", "staff"),
    "icons": "the icon of each item status",
    "flag_icons": "the icon of each feature flag state",
    "statuses": "the item statuses, in roadmap order",
    "flags": "the feature flags by id (staff site; empty on the public one)",
    "period": "`period(release)`: the release's target quarter or month, as text",
    "progress": "`progress(release)`: (status, count) of its items, in roadmap order",
    "release_link": "`release_link(release)`: link to a release's page",
    "flag_link": "`flag_link(flag_id)`: link to a flag on the feature flags page",
    "index_link": "link to the roadmap",
    "cycle_link": "link to the release cycle page",
    "changelog_link": "link to the changelog",
    "feed_link": "link to the changelog's feed",
    "flags_link": "link to the feature flags page (staff site; empty on the public one)",
}

TEMPLATES: dict[str, PageTemplate] = {
    "roadmap/index.md.j2": page(
        "the roadmap, `roadmap/index.md`",
        _ROADMAP,
        by_status="(status, entries) in roadmap order; an entry has `item` and `release`",
        releases="the releases this site shows",
    ),
    "roadmap/release.md.j2": page(
        "a release's page, `roadmap/<release>.md`",
        _ROADMAP,
        release="the release",
        entries="its items (`item`, `release`)",
    ),
    "roadmap/release-cycle.md.j2": page(
        "the release cycle, `roadmap/release-cycle.md`", _ROADMAP, kinds="the kinds of release"
    ),
    "roadmap/changelog.md.j2": page(
        "the changelog, `roadmap/changelog.md`",
        _ROADMAP,
        months="(month, entries) of shipped items, newest first",
    ),
    "roadmap/feature-flags.md.j2": page(
        "the feature flags (staff site), `roadmap/feature-flags.md`",
        _ROADMAP,
        registry="every feature flag",
        roles="role names by id",
        gated="the items behind each flag, by flag id",
    ),
}
