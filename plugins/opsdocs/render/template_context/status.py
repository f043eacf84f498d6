"""What the status page templates receive: the page, an incident, a window, the history."""

from __future__ import annotations

from opsdocs.render.template_context.base import PageTemplate, page, shared

_STATUS = shared("labels", "dates", "icons", "impact_icons", "indicator_icons", "render_markdown")

TEMPLATES: dict[str, PageTemplate] = {
    "status/index.md.j2": page(
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
    "status/incident.md.j2": page(
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
    "status/maintenance.md.j2": page(
        "a maintenance window's page, `status/maintenance/<id>.md`",
        _STATUS,
        facts="the window at `now` (`MaintenanceFacts`: `window`, `status`, `steps`, ...)",
        component_names="the names of the components it affects that this site shows",
        updates="its updates after the announcement, newest first (`at`, `status`, `message`)",
        back_link="link to the status page",
    ),
    "status/history.md.j2": page(
        "a page of the history, `status/history/index.md`, `status/history/<n>.md`",
        _STATUS,
        months="(month, entries) of this page; an entry has `at`, `title`, `kind`, `link`, `duration`",
        page="this page's number, from 1",
        pages="how many pages the history has",
        newer_link="link to the newer page, or empty",
        older_link="link to the older page, or empty",
        back_link="link to the status page",
    ),
}
