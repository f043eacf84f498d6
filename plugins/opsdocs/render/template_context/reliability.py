"""What the reliability templates receive (staff site): the report and the postmortems."""

from __future__ import annotations

from opsdocs.render.template_context.base import PageTemplate, page, shared

_POSTMORTEMS = shared("labels", "dates", "overdue_icon")

TEMPLATES: dict[str, PageTemplate] = {
    "reliability/report.md.j2": page(
        "the reliability report (staff site), `reliability/index.md`",
        shared("labels", "dates", "overdue_icon"),
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
    "reliability/postmortem.md.j2": page(
        "a postmortem's page (staff site), `postmortems/<incident>.md`",
        _POSTMORTEMS,
        shared("render_markdown"),
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
    "reliability/postmortems.md.j2": page(
        "the postmortems (staff site), `postmortems/index.md`",
        _POSTMORTEMS,
        entries="each postmortem (`facts`, `link`, `done`, `total`, `overdue`), newest first",
        severities="the severities by id",
        report_link="link to the reliability report",
    ),
}
