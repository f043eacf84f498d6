"""The staff handbook from the example data: what a staff member checks on each page, the
maintenance cycle's calendar, the directives for hand-written pages, and hostile text."""

from __future__ import annotations

import posixpath
import shutil
from datetime import UTC, datetime, timedelta
from itertools import islice, pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from dateutil.rrule import rrulestr
from icalendar import Calendar, Event
from lxml import html as lxml_html

from opsdocs.model import Project, read_project
from opsdocs.model.base import Audience
from opsdocs.render.context import RenderContext, make_context
from opsdocs.render.handbook import render_handbook
from opsdocs.render.handbook.directives import directive_names, expand_directives
from opsdocs.render.plan import SitePlan
from opsdocs.render.spec import SiteSpec
from tests.clock import NOW_AT
from tests.editing import replace
from tests.html import generated, text
from tests.paths import MINIMAL, REPO

LABELS = REPO / "plugins" / "opsdocs" / "render" / "labels"
SANTIAGO = ZoneInfo("America/Santiago")
EDIT = "https://github.com/empresa/calendario-ops/edit/main/"
PAGES = {
    "handbook/severities.md": ["data/severities.yml", "data/support.yml"],
    "handbook/incident-process.md": ["data/incident-process.yml"],
    "handbook/contacts.md": ["data/contacts.yml", "data/team.yml"],
    "handbook/team.md": ["data/team.yml"],
    "handbook/maintenance-cycle.md": ["data/maintenance-cycle.yml"],
    "handbook/deployment.md": ["data/deployment.yml"],
    "handbook/continuity.md": ["data/continuity.yml"],
    "handbook/security.md": ["data/security.yml"],
    "handbook/releases.md": ["data/roadmap.yml"],
    "handbook/support.md": ["data/support.yml", "data/severities.yml"],
}


def context(project: Project, language: str = "es") -> RenderContext:
    return make_context(project, NOW_AT, SiteSpec(language=language))


def handbook(project: Project, language: str = "es") -> SitePlan:
    plan = SitePlan()
    render_handbook(context(project, language), plan)
    return plan


@pytest.fixture(scope="module")
def project() -> Project:
    return read_project(REPO)


@pytest.fixture(scope="module")
def ctx(project: Project) -> RenderContext:
    return context(project)


@pytest.fixture(scope="module")
def plan(project: Project) -> SitePlan:
    return handbook(project)


def page(plan: SitePlan, path: str) -> lxml_html.HtmlElement:
    content = plan[path].content
    assert isinstance(content, str)
    return generated(content)


def copy_example(tmp_path: Path) -> Path:
    """A copy of the example project (data, runbooks and pages) that a test may edit."""
    root = tmp_path / "project"
    for folder in ("data", "runbooks", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    return root


# --- pages ------------------------------------------------------------------------------------


def test_every_page_is_planned_for_staff_only(plan: SitePlan) -> None:
    expected = {"handbook/index.md", "handbook/maintenance-cycle.ics", *PAGES}
    assert {f.path for f in plan} == expected
    assert all(f.audience == Audience.internal for f in plan)
    assert plan.for_site(public=True) == []


def test_index_links_every_page_with_a_description(plan: SitePlan) -> None:
    rows = page(plan, "handbook/index.md").cssselect("table tbody tr")
    targets = [posixpath.normpath(posixpath.join("handbook/", r.cssselect("a")[0].get("href"))) for r in rows]
    assert targets == [path.removesuffix(".md") for path in PAGES]
    assert all(text(r.cssselect("td")[1]) for r in rows)


@pytest.mark.parametrize(("path", "files"), list(PAGES.items()))
def test_each_page_links_to_edit_its_data_files(plan: SitePlan, path: str, files: list[str]) -> None:
    edits = [a.get("href") for a in page(plan, path).cssselect(".opsdocs-source a")]
    assert edits == [EDIT + file for file in files]


def test_severity_matrix_has_each_severity_with_its_targets(plan: SitePlan, ctx: RenderContext) -> None:
    rows = page(plan, "handbook/severities.md").cssselect("[data-opsdocs-table=severity-matrix] tbody tr")
    cells = [[text(td) for td in row.cssselect("td")] for row in rows]
    assert [row.get("data-severity") for row in rows] == ["sev1", "sev2", "sev3"]
    assert [text(row.cssselect("td strong")[0]) for row in rows] == ["Crítico", "Alto", "Medio"]
    # severity, impact, status page impact, respond in, resolve in, communication, examples
    assert cells[0][1:6] == [
        "Servicio no disponible para todos los usuarios", "Crítico", "15 min", "2 h",
        "Inmediata a todos los usuarios",
    ]  # fmt: skip
    assert [c[3] for c in cells] == ["15 min", "30 min", "2 h"]
    assert [c[4] for c in cells] == ["2 h", "4 h", ctx.dates.duration(timedelta(hours=24))]
    assert "Base de datos inaccesible" in cells[0][6]
    swatch = rows[0].cssselect(".opsdocs-swatch")[0]
    assert "#d32f2f" in swatch.get("style")
    assert "Nivel 1" in cells[0][0] and "sev1" in cells[0][0]  # the colour never stands alone


def test_response_targets_and_support_priorities_map_to_severities(plan: SitePlan) -> None:
    root = page(plan, "handbook/severities.md")
    targets = [
        [text(td) for td in tr] for tr in root.cssselect("[data-opsdocs-table=response-targets] tbody tr")
    ]
    assert targets == [["Crítico", "15 min", "2 h"], ["Alto", "30 min", "4 h"], ["Medio", "2 h", "1 d"]]
    support = {
        tr.get("data-priority"): [text(td) for td in tr]
        for tr in root.cssselect("[data-opsdocs-table=support-targets] tbody tr")
    }
    assert support["critical"][:3] == ["Crítica", "1 h", "Crítico"]
    assert support["normal"][2] == "Medio"
    assert support["low"][2] == "Sin severidad equivalente"


def test_incident_process_shows_windows_and_ordered_steps(plan: SitePlan) -> None:
    root = page(plan, "handbook/incident-process.md")
    headings = [text(h) for h in root.cssselect(".opsdocs-phase h3")]
    assert headings == [
        "Fase 1: Detección (0–15 min)", "Fase 2: Investigación (15–60 min)",
        "Fase 3: Resolución (1–4 h)", "Fase 4: Post-Mortem (4–24 h)",
    ]  # fmt: skip
    steps = [text(li) for li in root.cssselect(".opsdocs-phase")[0].cssselect("ol > li")]
    assert steps[0] == "Alerta automática llega al equipo"
    assert steps[1] == "Tech Lead evalúa severidad (responsable: Tech Lead)"


def test_contacts_have_mailto_and_tel_links(plan: SitePlan) -> None:
    root = page(plan, "handbook/contacts.md")
    assert [text(h) for h in root.cssselect("#contacts h3")] == [
        "Equipo de Desarrollo", "Equipo de Operaciones", "Soporte Ejecutivo",
    ]  # fmt: skip
    row = root.cssselect('#contacts tr[data-contact="tech-lead"]')[0]
    hrefs = [a.get("href") for a in row.cssselect("a")]
    assert hrefs == ["mailto:tech-lead@empresa.com", "tel:+56961234587"]
    assert "Camila Rojas" in text(row) and "Lunes a viernes" in text(row)
    oncall = root.cssselect('#contacts tr[data-contact="oncall"]')[0]
    assert "PagerDuty 24/7" in text(oncall)


def test_escalation_levels_are_in_order(plan: SitePlan) -> None:
    levels = page(plan, "handbook/contacts.md").cssselect("ol.opsdocs-escalation > li")
    assert [li.get("value") for li in levels] == ["1", "2", "3", "4"]
    contacts = [[c.get("data-contact") for c in li.cssselect("ul > li")] for li in levels]
    assert contacts == [["oncall"], ["tech-lead", "sre"], ["devops-lead"], ["cto", "product-manager"]]
    heads = [text(li).split(" · ")[:2] for li in levels]
    assert [head[0] for head in heads] == ["Nivel 1", "Nivel 2", "Nivel 3", "Nivel 4"]
    assert heads[0][1].startswith("de inmediato")
    assert heads[1][1].startswith("después de 15 min") and heads[3][1].startswith("después de 1 h")


def test_on_call_names_who_is_paged_first(plan: SitePlan) -> None:
    facts = page(plan, "handbook/contacts.md").cssselect("#on-call dl dd")
    assert "On-call Engineer" in text(facts[0]) and "PagerDuty 24/7" in text(facts[0])
    assert any("Semanal" in text(dd) for dd in facts)


def test_contact_without_its_own_email_shows_its_persons(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    replace(
        root / "data" / "contacts.yml", '    email: tech-lead@empresa.com\n    phone: "+56 9 6123 4587"\n', ""
    )
    contacts = page(handbook(read_project(root)), "handbook/contacts.md")
    row = contacts.cssselect('#contacts tr[data-contact="tech-lead"]')[0]
    assert [a.get("href") for a in row.cssselect("a")] == [
        "mailto:camila.rojas@empresa.com",
        "tel:+56961234587",
    ]


def test_team_lists_roles_by_group_and_people_with_roles(plan: SitePlan) -> None:
    root = page(plan, "handbook/team.md")
    assert [text(h) for h in root.cssselect("#roles h3")] == [
        "Desarrollo y Mantenimiento",
        "Soporte y Operaciones",
    ]
    lead = root.cssselect('tr[data-role="tech-lead"]')[0]
    assert "Responsable de arquitectura y decisiones técnicas" in text(lead)
    ignacio = root.cssselect('tr[data-person="ignacio-vera"]')[0]
    assert "Backend Developer, DevOps Engineer" in text(ignacio)


def test_maintenance_cycle_page_shows_tasks_and_links_the_calendar(plan: SitePlan) -> None:
    root = page(plan, "handbook/maintenance-cycle.md")
    assert [c.get("data-cadence") for c in root.cssselect(".opsdocs-cadence")] == [
        "diario", "semanal", "mensual", "trimestral",
    ]  # fmt: skip
    backup = root.cssselect('tr[data-task="backup-datos-criticos"]')[0]
    assert [text(td) for td in backup.cssselect("td")][1:3] == ["⚙ Automatizada", "DevOps Engineer"]
    review = root.cssselect('tr[data-task="code-quality-review"]')[0]
    assert [text(td) for td in review.cssselect("td")][1:3] == ["✎ Manual", "Tech Lead"]
    href = root.cssselect(".opsdocs-subscribe a")[0].get("href")
    assert (
        posixpath.normpath(posixpath.join("handbook/maintenance-cycle/", href))
        == "handbook/maintenance-cycle.ics"
    )
    assert "handbook/maintenance-cycle.ics" in plan


def test_deployment_page_has_checklist_steps_and_rollback_levels(plan: SitePlan) -> None:
    root = page(plan, "handbook/deployment.md")
    checklist = root.cssselect("#deployment-checklist li")
    assert len(checklist) == 7 and all(li.cssselect('input[type="checkbox"]') for li in checklist)
    assert text(checklist[0]) == "Code review aprobado (responsable: Tech Lead)"
    steps = [text(li) for li in root.cssselect("#deployment-process ol > li")]
    assert steps[0] == "Feature flag OFF (deshabilitar funcionalidad)" and len(steps) == 7
    assert "Monitor por 30 minutos" in text(root.cssselect("#deployment-monitoring")[0])
    levels = [text(tr.cssselect("td")[0]) for tr in root.cssselect("#rollback tbody tr")]
    assert levels == ["1", "2", "3", "4", "5"]


def test_continuity_security_releases_and_support(plan: SitePlan) -> None:
    continuity = page(plan, "handbook/continuity.md")
    facts = {
        text(dt): text(dd)
        for dt, dd in zip(continuity.cssselect("dt"), continuity.cssselect("dd"), strict=True)
    }
    assert facts["Frecuencia de backup"] == "6 h"
    assert facts["Tiempo objetivo de recuperación (RTO)"] == "4 h"
    assert facts["Punto objetivo de recuperación (RPO)"] == "1 h"
    assert facts["Modo degradado"] == "Modo lectura únicamente"

    security = page(plan, "handbook/security.md")
    audit = [text(td) for td in security.cssselect('tr[data-audit="compliance-audit"] td')]
    assert audit[:3] == ["Compliance audit", "Cada año", "Product Manager"]
    assert "Unión Europea" in text(security.cssselect('tr[data-regulation="gdpr"]')[0])

    releases = page(plan, "handbook/releases.md")
    flag = [text(td) for td in releases.cssselect('tr[data-flag="calendar-sync"] td')]
    assert flag == [
        "calendar-sync",
        "Sincronización externa",
        "◐ En despliegue gradual",
        "20 %",
        "Backend Developer",
    ]

    support = page(plan, "handbook/support.md")
    slack = support.cssselect('tr[data-channel="slack"]')[0]
    assert "Interno" in text(slack.cssselect(".opsdocs-badge")[0])
    assert not support.cssselect('tr[data-channel="email"] .opsdocs-badge')
    assert support.cssselect('tr[data-channel="email"] a')[0].get("href") == "mailto:support@empresa.com"
    faq = support.cssselect('li[data-resource="faq"] a')[0].get("href")
    assert faq == "../../help/faq/"


def test_a_project_without_most_data_still_renders_every_page(tmp_path: Path) -> None:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root)
    plan = handbook(read_project(root), "en")
    continuity = page(plan, "handbook/continuity.md")
    assert [text(p) for p in continuity.cssselect(".opsdocs-empty")] == ["Nothing recorded yet."] * 2
    source = text(continuity.cssselect(".opsdocs-source")[0])
    assert source == "Data from: data/continuity.yml (not written yet)"
    assert not any(p.cssselect("a[data-opsdocs-edit]") for p in map(lambda f: page(plan, f), PAGES))
    assert page(plan, "handbook/deployment.md").cssselect(".opsdocs-empty")
    calendar = Calendar.from_ical(plan["handbook/maintenance-cycle.ics"].content)
    assert calendar.walk("VEVENT") == [] and calendar.walk("VTIMEZONE") == []


# --- the maintenance cycle's calendar --------------------------------------------------------


def events(plan: SitePlan) -> dict[str, Event]:
    calendar = Calendar.from_ical(plan["handbook/maintenance-cycle.ics"].content)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def occurrences(event: Event, count: int) -> list[datetime]:
    """The first ``count`` starts of a recurring event, from its DTSTART and RRULE."""
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.DTSTART)
    return list(islice(rule, count))


def test_calendar_has_one_recurring_event_per_cadence(plan: SitePlan, project: Project) -> None:
    found = events(plan)
    assert set(found) == {c.name for c in project.cycle.cadences}
    rules = {name: event["RRULE"].to_ical().decode() for name, event in found.items()}
    assert rules == {
        "Diario": "FREQ=DAILY", "Semanal": "FREQ=WEEKLY", "Mensual": "FREQ=MONTHLY",
        "Trimestral": "FREQ=MONTHLY;INTERVAL=3",
    }  # fmt: skip
    weekly = found["Semanal"]
    assert str(weekly["UID"]) == "cycle-semanal@status.empresa.com"
    start, duration, stamp = weekly.DTSTART, weekly.DURATION, weekly.DTSTAMP
    assert start == datetime(2025, 11, 3, 10, 0, tzinfo=SANTIAGO)
    assert weekly["DTSTART"].params["TZID"] == "America/Santiago"
    assert duration == timedelta(hours=2)
    assert stamp == NOW_AT.astimezone(UTC)
    description = str(weekly["DESCRIPTION"])
    assert "Revisión de errores en logs — Manual, Backend Developer" in description
    assert "Actualización de dependencias — Manual, DevOps Engineer" in description


def test_weekly_cadence_keeps_its_local_time_across_chile_dst_changes(plan: SitePlan) -> None:
    weekly = events(plan)["Semanal"]
    first = occurrences(weekly, 3)
    assert [d.date().isoformat() for d in first] == ["2025-11-03", "2025-11-10", "2025-11-17"]
    assert all(b - a == timedelta(days=7) for a, b in pairwise(first))
    starts = occurrences(weekly, 60)
    for change in ("2026-04-05", "2026-09-06"):
        day = datetime.fromisoformat(change).date()
        around = [d for d in starts if abs((d.date() - day).days) <= 10]
        assert len(around) == 3
        local = [d.astimezone(SANTIAGO) for d in around]
        assert [(d.hour, d.minute, d.weekday()) for d in local] == [(10, 0, 0)] * 3
        assert [(b.date() - a.date()).days for a, b in pairwise(local)] == [7, 7]
        offsets = {d.utcoffset() for d in local}
        assert offsets == {timedelta(hours=-3), timedelta(hours=-4)}  # the change falls inside


def test_quarterly_and_monthly_cadences_expand_to_the_right_days(plan: SitePlan) -> None:
    found = events(plan)
    quarterly = [d.astimezone(SANTIAGO) for d in occurrences(found["Trimestral"], 4)]
    assert [d.strftime("%Y-%m-%d %H:%M") for d in quarterly] == [
        "2026-01-14 10:00", "2026-04-14 10:00", "2026-07-14 10:00", "2026-10-14 10:00",
    ]  # fmt: skip
    monthly = [d.astimezone(SANTIAGO) for d in occurrences(found["Mensual"], 3)]
    assert [d.strftime("%Y-%m-%d %H:%M") for d in monthly] == [
        "2025-11-05 15:00", "2025-12-05 15:00", "2026-01-05 15:00",
    ]  # fmt: skip


@pytest.mark.parametrize(("frequency", "rule"), [("yearly", "FREQ=YEARLY"), ("as_needed", None)])
def test_other_frequencies(tmp_path: Path, frequency: str, rule: str | None) -> None:
    root = copy_example(tmp_path)
    replace(root / "data" / "maintenance-cycle.yml", "frequency: quarterly", f"frequency: {frequency}")
    found = events(handbook(read_project(root)))
    if rule is None:
        assert "Trimestral" not in found and len(found) == 3
    else:
        assert found["Trimestral"]["RRULE"].to_ical().decode() == rule


def test_calendar_is_byte_identical_for_the_same_inputs(project: Project) -> None:
    first = handbook(project)["handbook/maintenance-cycle.ics"].content
    assert handbook(project)["handbook/maintenance-cycle.ics"].content == first
    assert isinstance(first, bytes) and first.count(b"BEGIN:VTIMEZONE") == 1


# --- directives -------------------------------------------------------------------------------


def test_severity_matrix_directive_is_the_handbook_table(ctx: RenderContext, plan: SitePlan) -> None:
    source = "# Guía\n\nAntes de la tabla.\n<!-- opsdocs:severity-matrix -->\nDespués.\n"
    expanded, problems = expand_directives(source, ctx, "maintenance-guide.md")
    assert problems == []
    assert expanded.startswith("# Guía\n\nAntes de la tabla.\n\n<div")
    assert "\n\nDespués.\n" in expanded
    table = generated(expanded).cssselect("[data-opsdocs-table=severity-matrix]")[0]
    assert [tr.get("data-severity") for tr in table.cssselect("tbody tr")] == ["sev1", "sev2", "sev3"]
    on_page = page(plan, "handbook/severities.md").cssselect("[data-opsdocs-table=severity-matrix]")[0]
    assert lxml_html.tostring(table) == lxml_html.tostring(on_page)


def test_directive_links_are_relative_to_the_page(ctx: RenderContext) -> None:
    source = "<!-- opsdocs:maintenance-cycle -->\n\n<!-- opsdocs:self-service -->\n"
    expanded, problems = expand_directives(source, ctx, "guides/maintenance.md")
    assert problems == []
    root = generated(expanded)
    href = root.cssselect(".opsdocs-subscribe a")[0].get("href")
    assert posixpath.normpath(posixpath.join("guides/maintenance/", href)) == "handbook/maintenance-cycle.ics"
    assert root.cssselect('li[data-resource="tutorials"] a')[0].get("href") == "../../user-guide/"


def test_kpis_directive_lists_every_kpi(ctx: RenderContext, project: Project) -> None:
    expanded, _ = expand_directives("<!-- opsdocs:kpis -->\n", ctx, "index.md")
    rows = generated(expanded).cssselect("[data-opsdocs-table=kpis] tbody tr")
    assert len(rows) == len(project.kpis.kpis)
    uptime = [text(td) for td in rows[0].cssselect("td")]
    assert uptime[1:] == ["Calidad", "> 99.9%", "Historial de estado (uptime)"]


def test_every_directive_name_expands(ctx: RenderContext) -> None:
    for name in directive_names():
        expanded, problems = expand_directives(f"<!-- opsdocs:{name} -->\n", ctx, "index.md")
        assert problems == [] and "<!--" not in expanded, name
    assert {"severity-matrix", "contacts", "escalation", "kpis", "support-channels"} <= set(directive_names())


def test_unknown_directive_is_reported_and_left_alone(ctx: RenderContext) -> None:
    source = "Texto.\n\n<!-- opsdocs:severity-matrx -->\n"
    expanded, problems = expand_directives(source, ctx, "guide.md")
    assert expanded == source
    assert len(problems) == 1
    assert (problems[0].path, problems[0].line, problems[0].level) == ("guide.md", 3, "error")
    assert "'severity-matrx'" in problems[0].message
    assert "severity-matrix" in problems[0].message and "kpis" in problems[0].message


def test_directives_in_code_or_inside_text_are_not_expanded(ctx: RenderContext) -> None:
    source = (
        "Escribe `<!-- opsdocs:kpis -->` en su propia línea.\n\n"
        "```markdown\n<!-- opsdocs:kpis -->\n```\n\n"
        "    <!-- opsdocs:kpis -->\n"
        "texto <!-- opsdocs:kpis --> texto\n"
    )
    assert expand_directives(source, ctx, "guide.md") == (source, [])


# --- hostile text -----------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script>"


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    replace(root / "data" / "contacts.yml", "name: Tech Lead\n", f'name: "{HOSTILE}"\n')
    replace(root / "data" / "severities.yml", "- Base de datos inaccesible", f'- "{HOSTILE}"')
    project = read_project(root)
    plan = handbook(project)
    for planned in plan:
        if planned.is_page:
            root_element = page(plan, planned.path)
            assert not root_element.cssselect("script"), planned.path
    contacts = page(plan, "handbook/contacts.md")
    assert HOSTILE in text(contacts.cssselect('tr[data-contact="tech-lead"]')[0])
    severities = page(plan, "handbook/severities.md")
    assert HOSTILE in text(severities.cssselect('tr[data-severity="sev1"]')[0])
    expanded, _ = expand_directives(
        "<!-- opsdocs:contacts -->\n\n<!-- opsdocs:escalation -->\n\n<!-- opsdocs:severity-matrix -->\n",
        context(project),
        "guide.md",
    )
    assert not generated(expanded).cssselect("script") and "<script" not in expanded


# --- labels -----------------------------------------------------------------------------------


def catalog_keys(language: str) -> dict[str, set[str]]:
    return {
        path.name: set(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        for path in sorted((LABELS / language).glob("*.yml"))
    }


def test_every_label_exists_in_english_and_spanish() -> None:
    english, spanish = catalog_keys("en"), catalog_keys("es")
    all_en = set().union(*english.values())
    all_es = set().union(*spanish.values())
    assert sorted(all_en - all_es) == [], "labels missing in Spanish"
    assert sorted(all_es - all_en) == [], "labels missing in English"
    assert set(english) == set(spanish)
    assert all(k.startswith("handbook.") for k in english["handbook.yml"] | spanish["handbook.yml"])


def test_handbook_renders_in_english(project: Project) -> None:
    plan = handbook(project, "en")
    root = page(plan, "handbook/incident-process.md")
    assert text(root.cssselect(".opsdocs-phase h3")[2]) == "Phase 3: Resolución (1–4 hr)"
    source = root.cssselect(".opsdocs-source")[0]
    assert text(source) == "Data from: data/incident-process.yml (edit)"
    assert source.cssselect("a")[0].get("href") == EDIT + "data/incident-process.yml"
