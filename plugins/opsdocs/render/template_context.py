"""What each page template receives: the contract a template override is written against.

``Templates.render`` holds every render to it (a renderer that passes a variable not listed
here, or leaves one out, is stopped at once), and ``docs/opsdocs/templates.md`` is generated
from it, so the documented variables are the ones a template gets. On the public site every
value is drawn from the public view of the project.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class PageTemplate:
    """A template rendered with values: what it renders, and each variable it receives."""

    renders: str
    values: Mapping[str, str]


_SHARED = {
    "labels": "the labels in the site's language: `labels('key')`, `labels('key', name=value)`",
    "dates": "formats in the site's language and time zone: `dates.date(day)`, "
    "`dates.datetime(moment)`, `dates.time(moment)`, `dates.month(day)`, `dates.duration(span)`",
    "render_markdown": "`render_markdown(text)`: Markdown from the data as sanitized HTML",
    "icons": "the icon of each component status",
    "impact_icons": "the icon of each impact level (`none`, `minor`, `major`, `critical`, `maintenance`)",
    "indicator_icons": "the icon of each overall indicator (same keys as `impact_icons`)",
    "overdue_icon": "the icon of an overdue item",
    "staff": "whether this is the staff site",
}


def _shared(*names: str) -> dict[str, str]:
    return {name: _SHARED[name] for name in names}


def _page(renders: str, *shared: Mapping[str, str], **values: str) -> PageTemplate:
    merged: dict[str, str] = {}
    for group in shared:
        merged.update(group)
    return PageTemplate(renders, {**merged, **values})


_STATUS = _shared("labels", "dates", "icons", "impact_icons", "indicator_icons", "render_markdown")
_HELP = {
    **_shared("labels", "dates", "render_markdown"),
    "src": "the page's path (`help/faq.md`), for `help.link(src, to)`",
    "help": "the help center: `help.link(from, to, anchor)`, `help.site_href(from, target)`, "
    "`help.channel_href(from, channel)`",
    "banner": "the incident banner of the page (HTML), empty while all is well",
    "status_page": "the status page's path, or `None` on a site without one",
    "home": "the help home's path",
    "faq_page": "the FAQ's path",
    "support_page": "the support page's path",
}
_ROADMAP = {
    **_shared("labels", "dates", "render_markdown", "staff"),
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
_TRAINING = {
    **_shared("labels", "dates", "staff"),
    "total_time": "`total_time(path)`: the time a learning path takes",
    "inline": "`inline(text)`: one line of Markdown from the data as sanitized HTML",
    "anchor": "`anchor(module_id)`: the id of a module's section",
}
_RUNBOOKS = {
    **_shared("labels", "dates", "icons"),
    "state_icons": "the icon of each review state (`ok`, `due_soon`, `overdue`)",
}
_POSTMORTEMS = _shared("labels", "dates", "overdue_icon")

PAGE_TEMPLATES: dict[str, PageTemplate] = {
    "home/index.md.j2": _page(
        "the site's home, `index.md`",
        _shared("labels", "dates", "indicator_icons"),
        snapshot="the status at `now` (`StatusSnapshot`: `indicator`, `components`, `active_incidents`, "
        "`active_maintenance`, `upcoming_maintenance`, ...)",
        product="the product's name (`site.yml`)",
        description="the product's description (`site.yml`)",
        status_link="link to the status page, or `None` without one",
        incident_link="`incident_link(id)`: link to an incident's page, or `None`",
        maintenance_link="`maintenance_link(id)`: link to a maintenance page, or `None`",
        help_link="link to the help center, or `None` without one",
        faq_link="link to the FAQ, or `None`",
        support_link="link to the support page, or `None`",
        roadmap_link="link to the roadmap, or `None` without one",
        categories="(category, link) of each help category",
    ),
    "status/index.md.j2": _page(
        "the status page, `status/index.md`",
        _STATUS,
        snapshot="the status at `now` (`StatusSnapshot`: `indicator`, `components`, `incidents`, "
        "`maintenance`, `active_incidents`, `upcoming_maintenance`, ...)",
        groups="the components by group, as shown (each with `name` and `components`)",
        recent="the latest resolved incidents (`IncidentFacts`)",
        upcoming_cap="how many upcoming windows the page lists",
        history_days="the days of the uptime bars",
        day_class="`day_class(day)`: the CSS class of a day of an uptime bar",
        day_text="`day_text(day)`: the text of a day of an uptime bar",
        labels_json="the labels the page's script uses, as JSON for a `<script>` element",
        ahead_json="the status changes scheduled after `now`, as JSON for the script",
        stale_after_minutes="after how long the script says the page may be out of date",
        incident_link="`incident_link(id)`: link to an incident's page",
        maintenance_link="`maintenance_link(id)`: link to a maintenance window's page",
        history_link="link to the history",
        summary_url="link to `api/v2/summary.json`",
        script_url="link to the page's script",
        links="links to the feeds and calendar: `links.rss`, `links.atom`, `links.ics`",
    ),
    "status/incident.md.j2": _page(
        "an incident's page, `status/incidents/<id>.md`",
        _STATUS,
        facts="the incident at `now` (`IncidentFacts`: `incident`, `updates` (published, newest first), "
        "`status`, `impact`, `resolved_at`, `duration`, `is_active`)",
        severity_name="the severity's name on the staff site; empty on the public one",
        affected="(name, status) of each affected component this site shows",
        public_summary="the postmortem's public summary (HTML), or empty",
        back_link="link to the status page",
        postmortem_link="link to the postmortem (staff site), or empty",
    ),
    "status/maintenance.md.j2": _page(
        "a maintenance window's page, `status/maintenance/<id>.md`",
        _STATUS,
        facts="the window at `now` (`MaintenanceFacts`: `window`, `status`, `steps`, ...)",
        component_names="the names of the components it affects that this site shows",
        updates="its updates after the announcement, newest first (`at`, `status`, `message`)",
        back_link="link to the status page",
    ),
    "status/history.md.j2": _page(
        "a page of the history, `status/history/index.md`, `status/history/<n>.md`",
        _STATUS,
        months="(month, entries) of this page; an entry has `at`, `title`, `kind`, `link`, `duration`",
        page="this page's number, from 1",
        pages="how many pages the history has",
        newer_link="link to the newer page, or empty",
        older_link="link to the older page, or empty",
        back_link="link to the status page",
    ),
    "helpcenter/index.md.j2": _page(
        "the help home, `help/index.md`",
        _HELP,
        topics="each help category with its `articles` and `questions`, and its `page`",
        per_topic="how many articles a topic lists",
        popular="the questions the home lists",
        channels="the support channels",
        indicator="the overall status indicator at `now` (`none`, `minor`, ...)",
    ),
    "helpcenter/category.md.j2": _page(
        "a help category's page, `help/<category>.md`",
        _HELP,
        topic="the category with its `articles` and `questions`",
    ),
    "helpcenter/faq.md.j2": _page(
        "the FAQ, `help/faq.md`",
        _HELP,
        topics="the categories that have questions",
        json_ld="the FAQ's schema.org data, ready for a `<script>` element",
    ),
    "helpcenter/support.md.j2": _page(
        "the support page, `help/support.md`",
        _HELP,
        support="the support data (`support.yml`: channels, targets, self-service)",
    ),
    "helpcenter/banner.html.j2": _page(
        "the incident banner of a help page",
        _shared("labels"),
        messages="what is going on, a sentence each",
        indicator="the overall status indicator at `now`",
        icon="the indicator's icon",
        status_link="link to the status page, or empty",
    ),
    "helpcenter/related.html.j2": _page(
        "the related articles at the end of a help article",
        _shared("labels"),
        article="the article (`src`, `title`, `category`, ...)",
        related="its related articles",
        help="the help center, for `help.link(from, to)`",
    ),
    "roadmap/index.md.j2": _page(
        "the roadmap, `roadmap/index.md`",
        _ROADMAP,
        by_status="(status, entries) in roadmap order; an entry has `item` and `release`",
        releases="the releases this site shows",
    ),
    "roadmap/release.md.j2": _page(
        "a release's page, `roadmap/<release>.md`",
        _ROADMAP,
        release="the release",
        entries="its items (`item`, `release`)",
    ),
    "roadmap/release-cycle.md.j2": _page(
        "the release cycle, `roadmap/release-cycle.md`", _ROADMAP, kinds="the kinds of release"
    ),
    "roadmap/changelog.md.j2": _page(
        "the changelog, `roadmap/changelog.md`",
        _ROADMAP,
        months="(month, entries) of shipped items, newest first",
    ),
    "roadmap/feature-flags.md.j2": _page(
        "the feature flags (staff site), `roadmap/feature-flags.md`",
        _ROADMAP,
        registry="every feature flag",
        roles="role names by id",
        gated="the items behind each flag, by flag id",
    ),
    "training/index.md.j2": _page(
        "the training index, `training/index.md`", _TRAINING, paths="(learning path, link) of each path"
    ),
    "training/path.md.j2": _page(
        "a learning path's page, `training/<path>.md`",
        _TRAINING,
        path="the learning path",
        modules="its modules (`number`, `module`, `prerequisites`, `links`)",
        index_link="link to the training index",
    ),
    "runbooks/header.html.j2": _page(
        "the header above a runbook's text (staff site)",
        _RUNBOOKS,
        fact="the runbook's facts at `now` (`review`, `incidents`, ...)",
        meta="its front matter (`title`, `owner`, `components`, `severities`, ...)",
        owner="the owning role's name",
        severities="the severities it is for",
        contacts="(contact, person) of who to call",
        people="the people with the owning role",
        contacts_link="link to the handbook's contacts",
        components="(component, link) of the components it covers",
        incidents="(incident, link, severity) of the incidents that used it",
        edit="link to edit it, or empty",
        source="its path in the repository",
        mailto="`mailto(address)`: a `mailto:` link, or None (`render/links.py`)",
        tel="`tel(number)`: a `tel:` link keeping what dials, or None (`render/links.py`)",
    ),
    "runbooks/title.html.j2": _page(
        "the title of a runbook without a leading heading", title="the runbook's title"
    ),
    "runbooks/index.md.j2": _page(
        "the runbook index (staff site), `runbooks/index.md`",
        _RUNBOOKS,
        facts="every runbook's facts at `now`",
        link="links to the runbooks' pages, by runbook id",
        roles="role names by id",
        by_component="(component name, runbooks) of each component with runbooks",
        by_severity="(severity, runbooks) of each severity with runbooks",
    ),
    "handbook/page.md.j2": _page(
        "a handbook page (staff site), `handbook/<page>.md`",
        _shared("labels"),
        title="the page's title",
        intro="the page's introduction",
        files="the data files it shows (`path`, `edit`, `exists`)",
        sections="its sections (`id`, `heading`, `html`: the fragment's HTML)",
        index_link="link to the handbook's index",
    ),
    "handbook/index.md.j2": _page(
        "the handbook's index (staff site), `handbook/index.md`",
        _shared("labels"),
        entries="each page's `title`, `description`, `link` and `files`",
    ),
    "handbook/directive.html.j2": _page(
        "a fragment where a hand-written page has `<!-- opsdocs:NAME -->`",
        name="the fragment's name",
        html="the fragment's HTML",
    ),
    "reliability/report.md.j2": _page(
        "the reliability report (staff site), `reliability/index.md`",
        _shared("labels", "dates", "overdue_icon"),
        now="the build's `now`",
        windows="each reporting window's figures, uptime, KPIs, breaches and chart",
        severities="the severities",
        series="the chart's series (`name`, `colour`, `shape`)",
        open_now="the incidents open at `now`",
        by_id="the severities by id",
        incident_link="`incident_link(id)`: link to an incident's page",
        postmortem_link="`postmortem_link(id)`: link to its postmortem, or empty",
        postmortems_link="link to the postmortems",
        overdue="the overdue action items",
        months_chart="the chart of incidents by month",
        month_rows="the same as a table",
        verdict_icons="the icon of each verdict",
        dot_glyphs="the chart's glyph of each series shape",
        bar_glyphs="the chart's glyph of each series shape, in bars",
        uptime_kpi="the uptime KPI, if the KPIs have one",
        partial_weight="the share of a partial outage counted as downtime, as text",
        status_link="link to the status page",
    ),
    "reliability/postmortem.md.j2": _page(
        "a postmortem's page (staff site), `postmortems/<incident>.md`",
        _POSTMORTEMS,
        _shared("render_markdown"),
        facts="the incident at `now` (`IncidentFacts`)",
        postmortem="the postmortem",
        severity="the incident's severity, or `None`",
        public_summary="the public summary (HTML), or empty",
        timeline="the timeline, oldest first",
        actions="the action items (`item`, `owner`, `overdue`, `link`)",
        incident_link="link to the incident's page",
        index_link="link to the postmortems",
        report_link="link to the reliability report",
    ),
    "reliability/postmortems.md.j2": _page(
        "the postmortems (staff site), `postmortems/index.md`",
        _POSTMORTEMS,
        entries="each postmortem (`facts`, `link`, `done`, `total`, `overdue`), newest first",
        severities="the severities by id",
        report_link="link to the reliability report",
    ),
}
"""Every template rendered with values, by path under ``render/templates``. The other
templates are libraries of macros, whose parameters say what each macro receives."""
