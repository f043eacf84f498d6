"""The reliability report and the postmortem pages.

First the pure parts on hand-made data whose answers are worked out here (overdue action items,
KPI targets); then the report and postmortems rendered for the example project, read back with
real parsers and checked against figures counted straight from the incident files.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import markdown
import pytest
from lxml import html as lxml_html

from opsdocs.derive.kpis import Verdict, check_kpi, check_kpis, check_value, in_unit, overall_uptime
from opsdocs.derive.postmortems import overdue_action_items
from opsdocs.derive.reliability import WindowFigures, window_figures
from opsdocs.derive.status import StatusOptions
from opsdocs.derive.uptime import Uptime, UptimePolicy
from opsdocs.hygiene import overdue_action_item_problems
from opsdocs.model.base import Audience
from opsdocs.model.incidents import Incident
from opsdocs.model.kpis import Kpi
from opsdocs.model.project import Project
from opsdocs.model.read import read_project
from opsdocs.render.context import make_context
from opsdocs.render.generate import generate_site
from opsdocs.render.labels import catalog
from opsdocs.render.markdown import plain_text
from opsdocs.render.plan import SitePlan
from opsdocs.render.reliability import render_postmortems, render_reliability
from opsdocs.render.reliability.report import WINDOWS
from opsdocs.render.spec import PartOptions, SiteSpec
from tests.clock import HAND_MADE_LOG_NOW, NOW_AT
from tests.html import generated, text
from tests.paths import REPO
from tests.unit.test_reliability_metrics import LOG, SEV1, SEV2

SANTIAGO = ZoneInfo("America/Santiago")
SVG = "{http://www.w3.org/2000/svg}"


# --- overdue action items ------------------------------------------------------------------


def with_postmortem(id_: str, started: str, items: list[tuple[str, str, bool]]) -> Incident:
    return Incident.model_validate(
        {
            "id": id_,
            "title": id_,
            "severity": "sev1",
            "started_at": started,
            "resolved_at": started,
            "components": {"api": "major_outage"},
            "updates": [{"at": started, "status": "resolved", "message": "m"}],
            "postmortem": {
                "summary": "s",
                "root_cause": "r",
                "action_items": [
                    {"text": text, "owner": "dev", "due": due, "done": done} for text, due, done in items
                ],
            },
        }
    )


# 2026-06-01 01:00 UTC is still 31 May, 21:00 in Santiago (UTC-04 in winter).
OVERDUE_NOW = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)
POSTMORTEMS = [
    with_postmortem("b", "2026-05-01T10:00:00-04:00", [
        ("due yesterday", "2026-05-30", False),      # overdue by one day
        ("done long ago", "2026-05-02", True),       # done: never overdue
        ("due today", "2026-05-31", False),          # due today in Santiago: not late yet
    ]),
    with_postmortem("a", "2026-04-01T10:00:00-03:00", [
        ("later", "2026-06-15", False),              # not due yet
        ("oldest", "2026-04-20", False),             # overdue, the oldest
        ("same day as b's", "2026-05-30", False),    # overdue, ties with b's first: 'a' sorts first
    ]),
    # Starts after now: it does not exist yet, whatever its items say.
    with_postmortem("future", "2026-07-01T10:00:00-04:00", [("from the future", "2026-01-01", False)]),
]  # fmt: skip


def test_overdue_action_items_are_past_due_in_the_site_zone_and_sorted_by_due_date() -> None:
    found = overdue_action_items(POSTMORTEMS, OVERDUE_NOW, SANTIAGO)
    assert [(i.id, index, item.text) for i, index, item in found] == [
        ("a", 1, "oldest"),
        ("a", 2, "same day as b's"),
        ("b", 0, "due yesterday"),
    ]


def test_the_site_zone_decides_which_day_it_is() -> None:
    # In UTC it is already 1 June, so the item due 31 May is overdue there; in Santiago it is not.
    in_utc = overdue_action_items(POSTMORTEMS, OVERDUE_NOW, ZoneInfo("UTC"))
    assert "due today" in [item.text for _, _, item in in_utc]
    in_santiago = overdue_action_items(POSTMORTEMS, OVERDUE_NOW, SANTIAGO)
    assert "due today" not in [item.text for _, _, item in in_santiago]


# --- KPI targets -----------------------------------------------------------------------------


def kpi(measure: str, target: str) -> Kpi:
    return Kpi.model_validate(
        {"id": f"k-{measure}", "name": measure, "category": "quality", "target": target, "measure": measure}
    )


def figures(
    mtta: timedelta | None, mttr: timedelta | None, mtbf: timedelta | None, days: int = 30
) -> WindowFigures:
    end = datetime(2026, 6, 30, tzinfo=UTC)
    return WindowFigures(days, end - timedelta(days=days), end, (), (), mtta, mttr, mtbf)


NO_UPTIME = Uptime(timedelta(0), timedelta(0))


def verdict(measured: Kpi, window: WindowFigures, uptime: Uptime = NO_UPTIME) -> Verdict:
    check = check_kpi(measured, window, uptime)
    assert check is not None
    return check.verdict


def test_kpis_are_compared_with_the_window_figures_of_the_metrics_test() -> None:
    # The 30-day figures of the hand-made log in test_reliability_metrics: MTTA 19 min,
    # MTTR 2 h 40 min, MTBF 7 days 12 hours.
    window = window_figures(LOG, [SEV1, SEV2], HAND_MADE_LOG_NOW, 30)
    checks = check_kpis(
        [kpi("mtta", "< 30m"), kpi("mttr", "< 2h"), kpi("mtbf", "> 7d"), kpi("mtbf", "> 30d")],
        window,
        NO_UPTIME,
    )
    assert [(c.value, c.verdict) for c in checks] == [
        (19.0, Verdict.met),  # 19 minutes < 30
        (pytest.approx(2 + 40 / 60), Verdict.missed),  # 2.67 hours is not < 2
        (7.5, Verdict.met),  # 7.5 days > 7
        (7.5, Verdict.missed),  # 7.5 days is not > 30
    ]


def test_a_kpi_without_a_measure_is_not_checked() -> None:
    text = Kpi.model_validate({"id": "daily", "name": "d", "category": "development", "target": "Diario"})
    assert check_kpi(text, figures(None, None, None), NO_UPTIME) is None
    assert check_kpis([text], figures(None, None, None), NO_UPTIME) == []


def test_a_figure_equal_to_the_target_meets_only_an_inclusive_operator() -> None:
    window = figures(None, timedelta(hours=2), None)
    assert verdict(kpi("mttr", "< 2h"), window) == Verdict.missed
    assert verdict(kpi("mttr", "<= 2h"), window) == Verdict.met
    # The target's unit decides the value: 2 hours is 120 minutes.
    check = check_kpi(kpi("mttr", "< 150m"), window, NO_UPTIME)
    assert check is not None and (check.value, check.verdict) == (120.0, Verdict.met)


def test_mtbf_of_a_quiet_window_is_more_than_the_window() -> None:
    quiet = figures(None, None, None, days=30)
    # No incident in 30 days: MTBF > 30 days, which meets '> 30d' and '>= 20d' ...
    for target in ("> 30d", ">= 20d"):
        check = check_kpi(kpi("mtbf", target), quiet, NO_UPTIME)
        assert check is not None
        assert (check.value, check.lower_bound, check.verdict) == (30.0, True, Verdict.met)
    # ... misses '< 10d', and says nothing of '> 90d'.
    assert verdict(kpi("mtbf", "< 10d"), quiet) == Verdict.missed
    assert verdict(kpi("mtbf", "> 90d"), quiet) == Verdict.no_data
    # MTTA and MTTR have nothing to measure.
    assert verdict(kpi("mtta", "< 30m"), quiet) == Verdict.no_data


def test_overall_uptime_weighs_each_component_by_its_tracked_time() -> None:
    # A: 30 days tracked, no downtime (100 %). B: tracked for 1 day, 2 hours down (91.67 %).
    a = Uptime(timedelta(days=30), timedelta(0))
    b = Uptime(timedelta(days=1), timedelta(hours=2))
    overall = overall_uptime([a, b])
    # 100 × (1 − 2 h ÷ 31 days) = 100 × (1 − 2 ÷ 744) = 99.731 %; the mean of the two
    # percentages (95.83 %) would miss '> 99.5%', the overall figure meets it.
    assert overall.percent == pytest.approx(100 * (1 - 2 / 744))
    check = check_kpi(kpi("uptime", "> 99.5%"), figures(None, None, None), overall)
    assert check is not None and check.verdict == Verdict.met
    assert verdict(kpi("uptime", "> 99.9%"), figures(None, None, None), overall) == Verdict.missed
    # Nothing tracked: no data.
    assert verdict(kpi("uptime", "> 99.9%"), figures(None, None, None)) == Verdict.no_data


def test_a_unit_that_cannot_be_compared_is_not_guessed() -> None:
    check = check_kpi(kpi("mttr", "< 5%"), figures(None, timedelta(hours=1), None), NO_UPTIME)
    assert check is not None and (check.value, check.verdict) == (None, Verdict.wrong_unit)
    assert in_unit(timedelta(days=1, hours=12), "days") == 1.5
    assert check_value("<", 2.0, None) == Verdict.no_data


# --- the report for the example project ---------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Rendered:
    project: Project
    plan: SitePlan
    overdue: list[str]


def render_all(project: Project, now: datetime = NOW_AT) -> Rendered:
    ctx = make_context(project, now, SiteSpec(language="es"))
    plan = SitePlan()
    render_reliability(ctx, plan)
    render_postmortems(ctx, plan)
    return Rendered(project, plan, [str(p) for p in overdue_action_item_problems(project, now)])


@pytest.fixture(scope="module")
def example() -> Rendered:
    return render_all(read_project(REPO))


def body(plan: SitePlan, path: str) -> str:
    content = plan[path].content
    assert isinstance(content, str) and content.startswith("---\n")
    return content.split("\n---\n", 1)[1]


def page(plan: SitePlan, path: str) -> lxml_html.HtmlElement:
    return generated(body(plan, path))


def window(doc: lxml_html.HtmlElement, days: int) -> lxml_html.HtmlElement:
    (section,) = doc.cssselect(f'section[data-window="{days}"]')
    return section


def test_the_report_has_a_section_per_window(example: Rendered) -> None:
    doc = page(example.plan, "reliability/index.md")
    for days in (30, 90, 365):
        section = window(doc, days)
        assert section.get("id") == f"last-{days}-days"
        assert f"Últimos {days} días" in text(section.cssselect("h2")[0])
        assert doc.cssselect(f'a[href="#last-{days}-days"]')
    assert doc.cssselect("section#definitions dl dt")


def test_counts_per_severity_over_365_days_match_the_incident_files(example: Rendered) -> None:
    start = NOW_AT - timedelta(days=365)
    expected = Counter(i.severity for i in example.project.incidents if start <= i.started_at <= NOW_AT)
    rows = window(page(example.plan, "reliability/index.md"), 365).cssselect(
        "table[data-opsdocs-severities] tr[data-severity]"
    )
    shown = {row.get("data-severity"): int(text(row.cssselect("td[data-count]")[0])) for row in rows}
    assert shown == {s.id: expected.get(s.id, 0) for s in example.project.severities.severities}
    assert sum(shown.values()) == len(example.project.incidents) == 20


# Each breach the example data was written to have, worked out from its file:
EXPECTED_BREACHES = {
    # sev1, 10:05 → 13:20 = 3 h 15 min against 2 h.
    ("2026-03-14-api-caida", "resolution"): "1 h 15 min",
    # sev2, acknowledged 11:58 for a 11:15 start = 43 min against 30 min.
    ("2026-05-19-api-lenta", "response"): "13 min",
    # sev1, acknowledged 23:36 for a 23:18 start = 18 min against 15 min.
    ("2026-07-15-edge-functions-caida", "response"): "3 min",
    # sev2, 15:10 → 20:25 = 5 h 15 min against 4 h.
    ("2026-10-14-google-sync-detenida", "resolution"): "1 h 15 min",
    # sev3, 27 Jan 11:05 → 28 Jan 17:40 = 30 h 35 min against 24 h.
    ("2026-01-27-vista-semanal-glitches", "resolution"): "6 h 35 min",
    # sev2 across the end of summer time: 20:50 -03:00 → 00:20 -04:00 = 4 h 30 min against 4 h.
    ("2026-04-04-sincronizacion-cambio-horario", "resolution"): "30 min",
}


def test_the_365_day_breach_list_has_the_breaches_the_data_was_written_for(example: Rendered) -> None:
    rows = window(page(example.plan, "reliability/index.md"), 365).cssselect(
        "table[data-opsdocs-breaches] tr[data-incident]"
    )
    shown = {
        (r.get("data-incident"), r.get("data-breach")): text(r.cssselect(".opsdocs-breach__amount")[0])
        for r in rows
    }
    assert set(shown) == set(EXPECTED_BREACHES)
    for key, amount in EXPECTED_BREACHES.items():
        assert shown[key] == f"✕ por {amount}", key
    for row in rows:
        assert row.cssselect("a")[0].get("href") == f"../status/incidents/{row.get('data-incident')}/"


def test_the_30_day_window_has_no_breach_and_says_so(example: Rendered) -> None:
    section = window(page(example.plan, "reliability/index.md"), 30)
    assert not section.cssselect("table[data-opsdocs-breaches]")
    assert catalog("es")["reliability.breaches.none"] in text(section)


def test_mttr_is_shown_against_its_kpi_target(example: Rendered) -> None:
    doc = page(example.plan, "reliability/index.md")
    for days in (30, 90, 365):
        start = NOW_AT - timedelta(days=days)
        resolved = [
            (i.resolved_at - i.started_at).total_seconds()
            for i in example.project.incidents
            if start <= i.started_at <= NOW_AT and i.resolved_at is not None and i.resolved_at <= NOW_AT
        ]
        mttr_hours = statistics.fmean(resolved) / 3600
        (row,) = window(doc, days).cssselect('table[data-opsdocs-kpis] tr[data-measure="mttr"]')
        assert text(row.cssselect(".opsdocs-kpi__target")[0]) == "< 2h"
        verdict = row.cssselect("[data-verdict]")[0]
        expected = "met" if mttr_hours < 2 else "missed"
        assert verdict.get("data-verdict") == expected
        # In words and with an icon, never by colour alone.
        assert text(verdict) == {"met": "✓ Cumplido", "missed": "✕ No cumplido"}[expected]
    # The example's MTTR over a year is 4 h 33 min: missed.
    (row,) = window(doc, 365).cssselect('tr[data-measure="mttr"]')
    assert text(row.cssselect(".opsdocs-kpi__value")[0]) == "4 h 33 min"


def test_every_measured_kpi_is_checked_in_every_window(example: Rendered) -> None:
    doc = page(example.plan, "reliability/index.md")
    for days in (30, 90, 365):
        measures = [
            r.get("data-measure")
            for r in window(doc, days).cssselect("table[data-opsdocs-kpis] tr[data-kpi]")
        ]
        assert sorted(measures) == ["mtbf", "mtta", "mttr", "uptime"]


def test_the_charts_are_accessible_svg(example: Rendered) -> None:
    raw = body(example.plan, "reliability/index.md")
    svgs = re.findall(r"<svg\b.*?</svg>", raw, re.DOTALL)
    assert len(svgs) == 4  # incidents per month, and time to resolve for each window
    for source in svgs:
        svg = ET.fromstring(source)
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None and title.text and desc is not None and desc.text
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        # Axes and text take the page's colour, so the dark scheme keeps their contrast.
        assert {t.get("fill") for t in svg.iter(f"{SVG}text")} == {"currentColor"}
    doc = page(example.plan, "reliability/index.md")
    for chart in ("incidents-per-month", "resolve-30", "resolve-90", "resolve-365"):
        assert doc.cssselect(f'table.opsdocs-sr-only[data-opsdocs-chart-data="{chart}"] tbody tr'), chart
    months = ET.fromstring(svgs[0])
    bars = [rect for rect in months.iter(f"{SVG}rect") if "opsdocs-chart__bar" in (rect.get("class") or "")]
    colours = {s.colour for s in example.project.severities.severities}
    assert bars and {bar.get("fill") for bar in bars} <= colours
    legend = text(doc.cssselect("#incidents-per-month figcaption")[0])
    assert all(s.name in legend for s in example.project.severities.severities)


def test_the_page_survives_markdown(example: Rendered) -> None:
    converted = markdown.markdown(
        body(example.plan, "reliability/index.md"), extensions=["md_in_html", "attr_list"]
    )
    assert converted.count("<svg") == 4
    assert len(lxml_html.fromstring(converted).cssselect("section[data-window]")) == 3


def uptime_rows(plan: SitePlan, days: int) -> dict[str, str]:
    """The uptime table of one window: each row's cells as text, ``|``-separated, by component
    id ('' for the row of all components)."""
    rows = window(page(plan, "reliability/index.md"), days).cssselect("table[data-opsdocs-uptime] tr")
    return {
        row.get("data-component"): " | ".join(text(cell) for cell in row.cssselect("th, td"))
        for row in rows
        if row.get("data-component") is not None
    }


def down_minutes(row: str) -> int:
    """The downtime cell of an uptime row (``1 d 2 h 5 min``), in minutes."""
    down = row.split(" | ")[2]
    parts = re.fullmatch(r"(?:(\d+) d ?)?(?:(\d+) h ?)?(?:(\d+) min)?", down)
    assert parts, down
    days, hours, minutes = (int(p or 0) for p in parts.groups())
    return (days * 24 + hours) * 60 + minutes


def test_the_uptime_of_a_year_counts_outages_older_than_the_status_history(example: Rendered) -> None:
    # The status page shows 90 days; the report's 365-day window is cut from the same
    # intervals, which cover all time: a 7-day status history changes none of its figures.
    short = SiteSpec(language="es", options=PartOptions(status=StatusOptions(history_days=7)))
    plan = SitePlan()
    render_reliability(make_context(example.project, NOW_AT, short), plan)
    for days in WINDOWS:
        assert uptime_rows(plan, days) == uptime_rows(example.plan, days), days
    year, quarter = uptime_rows(example.plan, 365), uptime_rows(example.plan, 90)
    assert any(down_minutes(year[c]) > down_minutes(quarter[c]) for c in year), year


def test_the_report_weighs_partial_outages_by_its_own_option(example: Rendered) -> None:
    # The same intervals, two weights: the status page's policy never reaches the report.
    def report(status_weight: float, report_weight: float) -> SitePlan:
        options = PartOptions(
            status=StatusOptions(policy=UptimePolicy(status_weight)), reliability=UptimePolicy(report_weight)
        )
        plan = SitePlan()
        spec = SiteSpec(language="es", options=options)
        render_reliability(make_context(example.project, NOW_AT, spec), plan)
        return plan

    assert uptime_rows(report(1.0, 0.3), 365) == uptime_rows(example.plan, 365)
    full, none = uptime_rows(report(0.3, 1.0), 365), uptime_rows(report(0.3, 0.0), 365)
    assert sum(map(down_minutes, full.values())) > sum(map(down_minutes, none.values()))


def test_open_incidents_are_listed(example: Rendered) -> None:
    doc = page(example.plan, "reliability/index.md")
    ids = [row.get("data-incident") for row in doc.cssselect("table[data-opsdocs-open] tr[data-incident]")]
    assert ids == ["2026-11-27-push-ios-retraso"]


def test_an_open_incident_links_to_its_pages_only_once_they_exist() -> None:
    # At 13:08 UTC the API outage of 14 March had started (13:05) and is open on the report,
    # but its first update (13:12) was not out: it has no status page yet, as on Statuspage.
    project = read_project(REPO)
    incident = "2026-03-14-api-caida"
    site = generate_site(project, datetime(2026, 3, 14, 13, 8, tzinfo=UTC), SiteSpec(language="es"))
    assert f"status/incidents/{incident}.md" not in site.plan
    doc = page(site.plan, "reliability/index.md")
    (row,) = doc.cssselect(f'table[data-opsdocs-open] tr[data-incident="{incident}"]')
    assert row.cssselect("a") == []
    for href in (a.get("href") for a in doc.cssselect("a[href]")):
        if href.startswith(("#", "http")):
            continue
        target = posixpath.normpath(posixpath.join("reliability", href)).removesuffix("/")
        assert f"{target}.md" in site.plan or f"{target}/index.md" in site.plan, href


def test_nothing_is_overdue_in_the_example_today(example: Rendered) -> None:
    # Every open action item is due later.
    assert example.overdue == []
    assert not page(example.plan, "reliability/index.md").cssselect(
        "table[data-opsdocs-overdue] tr[data-incident]"
    )


def test_overdue_action_items_are_reported_and_listed() -> None:
    later = datetime.fromisoformat("2027-01-10T12:00:00-03:00")
    rendered = render_all(read_project(REPO), later)
    today = date(2027, 1, 10)
    expected = [
        (i.id, n)
        for i in rendered.project.incidents
        if i.postmortem
        for n, item in enumerate(i.postmortem.action_items)
        if not item.done and item.due < today
    ]
    assert ("2026-07-15-edge-functions-caida", 0) in expected
    assert ("2026-09-29-recurrentes-horario-incorrecto", 2) in expected
    assert len(rendered.overdue) == len(expected)
    failover = next(
        w for w in rendered.overdue if "2026-07-15-edge-functions-caida: action item 'Automatizar" in w
    )
    lines = (
        (REPO / "data/incidents/2026-07-15-edge-functions-caida.yml").read_text(encoding="utf-8").splitlines()
    )
    due_line = next(n for n, line in enumerate(lines, start=1) if "due: 2026-12-15" in line)
    assert failover.startswith(f"data/incidents/2026-07-15-edge-functions-caida.yml:{due_line}:")
    assert ": warning: 2026-07-15-edge-functions-caida: action item 'Automatizar el failover" in failover
    assert failover.endswith("(owner DevOps Engineer) was due 2026-12-15")
    rows = page(rendered.plan, "reliability/index.md").cssselect(
        "table[data-opsdocs-overdue] tr[data-incident]"
    )
    assert sorted((r.get("data-incident"), int(r.get("data-item"))) for r in rows) == sorted(expected)
    first = text(rows[0])
    assert "✕" in first


def test_a_postmortem_page_for_each_incident_with_a_postmortem(example: Rendered) -> None:
    with_postmortems = [i for i in example.project.incidents if i.postmortem is not None]
    assert len(with_postmortems) == 6
    today = date(2026, 11, 28)
    for incident in with_postmortems:
        assert incident.postmortem is not None
        doc = page(example.plan, f"postmortems/{incident.id}.md")
        assert text(doc.cssselect("[data-opsdocs-root-cause]")[0]) == " ".join(
            plain_text(incident.postmortem.root_cause).split()
        )
        rows = doc.cssselect("table[data-opsdocs-actions] tbody tr")
        assert [text(r.cssselect("td")[0]) for r in rows] == [
            a.text for a in incident.postmortem.action_items
        ]
        for row, item in zip(rows, incident.postmortem.action_items, strict=True):
            state = "done" if item.done else ("overdue" if item.due < today else "open")
            assert row.get("data-state") == state
            if state == "overdue":
                assert "✕ Vencida" in text(row)
        links = [a.get("href") for a in doc.cssselect("a")]
        assert f"../../status/incidents/{incident.id}/" in links
    index = page(example.plan, "postmortems/index.md")
    ids = [row.get("data-incident") for row in index.cssselect("tr[data-incident]")]
    newest_first = sorted(with_postmortems, key=lambda i: i.started_at, reverse=True)
    assert ids == [i.id for i in newest_first]


def test_the_public_summary_is_marked_as_published(example: Rendered) -> None:
    doc = page(example.plan, "postmortems/2026-03-14-api-caida.md")
    published = doc.cssselect("[data-opsdocs-published]")[0]
    assert "No se perdieron datos." in text(published)
    assert catalog("es")["postmortem.public_summary.note"] in text(doc)
    # Times of the timeline are in the site's time zone.
    assert "14 mar 2026, 10:00 UTC-03" in text(doc.cssselect("ol.opsdocs-timeline li")[0])


def test_every_page_is_internal(example: Rendered) -> None:
    paths = {f.path for f in example.plan}
    assert "reliability/index.md" in paths and "postmortems/index.md" in paths
    assert len(paths) == 8
    assert {f.audience for f in example.plan} == {Audience.internal}
    assert example.plan.for_site(public=True) == []


def test_every_label_exists_in_english_and_spanish() -> None:
    english = {k for k in catalog("en") if k.startswith(("reliability.", "postmortem."))}
    spanish = {k for k in catalog("es") if k.startswith(("reliability.", "postmortem."))}
    assert english == spanish


def test_hostile_text_is_escaped_everywhere(example: Rendered) -> None:
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    project = example.project
    incidents = []
    for incident in project.incidents:
        if incident.postmortem is not None:
            items = [item.model_copy(update={"text": hostile, "link": "javascript:alert(3)"})
                     for item in incident.postmortem.action_items]  # fmt: skip
            postmortem = incident.postmortem.model_copy(
                update={"root_cause": hostile, "summary": hostile, "action_items": items}
            )
            incident = incident.model_copy(update={"postmortem": postmortem})
        incidents.append(incident.model_copy(update={"title": hostile}))
    rendered = render_all(dataclasses.replace(project, incidents=incidents))
    for planned in rendered.plan:
        doc = page(rendered.plan, planned.path)
        assert not doc.cssselect("script, img"), planned.path
        for element in doc.iter():
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), planned.path
                assert not value.strip().lower().startswith("javascript:"), planned.path
        for source in re.findall(r"<svg\b.*?</svg>", body(rendered.plan, planned.path), re.DOTALL):
            ET.fromstring(source)
    assert hostile in text(page(rendered.plan, "reliability/index.md"))
