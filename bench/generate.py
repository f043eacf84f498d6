"""A synthetic organisation at a chosen scale: valid against the model, deterministic from a seed.

``small`` is a copy of the repository's example. ``medium`` and ``large`` are generated: data
files, incidents, maintenance windows, runbooks, help articles and the MkDocs configurations:
the staff and public ones with the navigation reduced to a few fixed entries (generated pages
never go in the nav), and the standalone status site's ``mkdocs.status.yml`` as it is.

Every kind listed in ``opsdocs.model.files.DATA_KINDS`` gets data: the kinds that grow with
the organisation are generated here; the fixed-size ones (process, cycle, security, support...)
are copied from the example, so a kind added later is still covered by the benchmark.

Usage: ``python bench/generate.py OUT_DIR --scale large --seed 1``.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

REPO = Path(__file__).resolve().parent.parent
ZONE = ZoneInfo("America/Santiago")
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=ZONE)
"""The benchmark's fixed ``now``; it is also ``OPSDOCS_NOW`` when the sites are built."""

FIXED_NOW = NOW.isoformat()

SCALES = ("small", "medium", "large")


@dataclass(frozen=True)
class Scale:
    """How big a generated organisation is."""

    years: int
    groups: int
    components_per_group: int
    incidents: int
    windows: int
    runbooks: int
    articles: int
    roadmap_items: int
    open_incidents: int
    training_paths: int
    questions: int


SIZES = {
    "medium": Scale(1, 4, 5, 1000, 100, 200, 200, 60, 2, 4, 60),
    "large": Scale(5, 10, 10, 5000, 500, 1000, 1000, 300, 4, 8, 300),
}

# --- vocabulary (Spanish, like the example) -----------------------------------------------

GROUPS: list[tuple[str, str, list[str]]] = [
    ("aplicacion", "Aplicación", ["Aplicación web", "Vista mensual", "Vista semanal", "Agenda",
     "Editor de eventos", "Búsqueda de eventos", "Filtros", "Tema y preferencias", "Atajos de teclado",
     "Modo sin conexión"]),
    ("api", "API", ["API de eventos", "API de calendarios", "API de invitaciones", "API pública",
     "Webhooks", "Autenticación", "Permisos", "Límites de uso", "API de adjuntos", "API de zonas horarias"]),
    ("datos", "Datos", ["Base de datos", "Réplicas de lectura", "Caché", "Colas de trabajo", "Backups",
     "Almacenamiento de archivos", "Índice de búsqueda", "Eventos recurrentes", "Historial de cambios",
     "Exportaciones"]),
    ("integraciones", "Integraciones", ["Google Calendar", "Outlook", "Apple Calendar", "Suscripciones iCal",
     "Zoom", "Microsoft Teams", "Slack", "Zapier", "CalDAV", "Importación de archivos"]),
    ("notificaciones", "Notificaciones", ["Correo de invitaciones", "Recordatorios por correo",
     "Push en iOS", "Push en Android", "Push en navegador", "SMS", "Resumen diario", "Avisos de cambios",
     "Notificaciones en la app", "Centro de notificaciones"]),
    ("movil", "Apps móviles", ["App iOS", "App Android", "Widget iOS", "Widget Android",
     "Sincronización móvil", "Inicio de sesión móvil", "Reloj inteligente", "Modo tableta",
     "Accesos directos", "Descarga de adjuntos"]),
    ("cuentas", "Cuentas", ["Inicio de sesión", "Registro", "Inicio de sesión único", "Perfiles",
     "Equipos", "Invitaciones a equipos", "Recuperación de contraseña", "Verificación en dos pasos",
     "Auditoría de accesos", "Eliminación de cuentas"]),
    ("pagos", "Facturación", ["Pagos con tarjeta", "Facturas", "Planes", "Cupones", "Pruebas gratuitas",
     "Portal de facturación", "Impuestos", "Reembolsos", "Renovaciones", "Pagos empresariales"]),
    ("reservas", "Reservas", ["Páginas de reserva", "Disponibilidad", "Salas", "Recursos compartidos",
     "Formularios de reserva", "Confirmaciones", "Listas de espera", "Pagos de reservas",
     "Cancelaciones", "Recordatorios de reservas"]),
    ("plataforma", "Plataforma", ["Edge Functions", "CDN", "DNS", "Balanceadores", "Certificados TLS",
     "Monitoreo", "Registros", "Pipeline de despliegue", "Secretos", "Red privada"]),
]  # fmt: skip

ROLES = [
    "tech-lead",
    "frontend-developer",
    "backend-developer",
    "devops-engineer",
    "product-manager",
    "qa-engineer",
    "support-engineer",
]
TECH_ROLES = ROLES[:4]

TITLES = {
    "sev1": ["Caída de {c}", "{c} no responde", "Errores 500 en {c}", "{c} inaccesible para todos"],
    "sev2": ["Errores intermitentes en {c}", "{c} funciona parcialmente", "Fallas al guardar en {c}",
             "Alta latencia en {c}"],
    "sev3": ["Lentitud en {c}", "Retrasos en {c}", "Errores menores de visualización en {c}",
             "{c} degradado para algunos usuarios"],
}  # fmt: skip
WORST = {
    "sev1": ["major_outage", "major_outage", "partial_outage"],
    "sev2": ["partial_outage", "partial_outage", "degraded_performance"],
    "sev3": ["degraded_performance", "degraded_performance", "partial_outage"],
}
MINUTES = {"sev1": (30, 300), "sev2": (45, 600), "sev3": (60, 2880)}
SYMPTOMS = ["errores al cargar", "tiempos de respuesta altos", "fallas al guardar cambios",
            "solicitudes rechazadas", "datos desactualizados", "retrasos en la entrega"]  # fmt: skip
EFFECTS = ["mensajes de error al abrir el calendario", "eventos que tardan en aparecer",
           "cambios que no se guardan al primer intento", "avisos que llegan con retraso",
           "pantallas en blanco por algunos segundos"]  # fmt: skip
CAUSES = ["un despliegue reciente introdujo una consulta lenta", "se agotó el pool de conexiones",
          "un proveedor externo responde con errores", "un certificado intermedio expiró",
          "una migración de esquema bloqueó una tabla", "un pico de tráfico superó la capacidad",
          "una regla de firewall bloqueó tráfico legítimo",
          "un nodo de caché quedó inconsistente"]  # fmt: skip
ACTIONS = ["revirtiendo el cambio", "aumentando la capacidad", "reiniciando los procesos afectados",
           "desviando el tráfico a otra región", "aplicando una corrección"]  # fmt: skip
FIXES = ["rollback a la versión anterior", "más réplicas", "un índice nuevo", "reintentos con backoff",
         "una regla de firewall corregida", "la caché reconstruida"]  # fmt: skip
SERVICES = ["events-query", "events-write", "sync-worker", "push-dispatch", "mailer", "billing-api",
            "auth-gateway", "search-indexer"]  # fmt: skip

WINDOW_TITLES = ["Actualización de {c}", "Migración de {c}", "Mantenimiento de {c}",
                 "Cambio de proveedor de {c}", "Ampliación de capacidad de {c}"]  # fmt: skip
RUNBOOK_TOPICS = ["caída", "degradación de performance", "errores de conexión", "cola atascada",
                  "certificado por expirar", "uso alto de memoria", "latencia alta", "pérdida de datos",
                  "fallas de autenticación", "picos de tráfico"]  # fmt: skip
CATEGORY_ICONS = ["🚀", "📅", "✉", "🔄", "🔔", "📱", "👤", "💳", "🏢", "🛠"]
CATEGORIES = ["Primeros pasos", "Eventos", "Invitaciones", "Sincronización", "Notificaciones",
              "Apps móviles", "Cuenta y seguridad", "Facturación", "Reservas",
              "Solución de problemas"]  # fmt: skip
TAGS = ["calendario", "eventos", "invitaciones", "sincronización", "notificaciones", "móvil", "cuenta",
        "seguridad", "facturación", "reservas", "problemas", "privacidad", "equipos", "atajos",
        "zonas horarias", "recordatorios"]  # fmt: skip
VERBS = ["Crear", "Editar", "Compartir", "Configurar", "Eliminar", "Exportar", "Recuperar", "Programar",
         "Sincronizar", "Personalizar"]  # fmt: skip
THINGS = ["un evento", "un evento recurrente", "un calendario de equipo", "recordatorios",
          "la zona horaria", "una sala", "una página de reserva", "notificaciones push",
          "el inicio de sesión único", "una suscripción iCal", "un adjunto", "la vista de agenda",
          "la verificación en dos pasos", "una factura", "los permisos de un calendario"]  # fmt: skip
ITEM_WORDS = ["Vista", "Sincronización", "Recordatorios", "Plantillas", "Filtros", "Exportación",
              "Reservas", "Permisos", "Búsqueda", "Integración", "Panel", "Modo"]  # fmt: skip
ITEM_QUALIFIERS = ["avanzada", "en tiempo real", "por equipo", "para móviles", "con IA", "sin conexión",
                   "compartida", "programada", "personalizable", "empresarial"]  # fmt: skip


def slugify(text: str) -> str:
    """Lowercase ASCII id from Spanish text."""
    table = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunaeiouun")
    text = text.translate(table).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def iso(moment: datetime) -> str:
    """A time in the site's zone with its real offset (DST included), to the minute."""
    return moment.astimezone(ZONE).replace(second=0, microsecond=0).isoformat()


def local_at(day: date, hour: int, minute: int = 0) -> datetime:
    """A local wall time, as a UTC moment (a time in a DST gap becomes a real one). Moments stay
    in UTC so that adding minutes to them counts real minutes across a DST change; ``iso``
    writes them in the site's zone."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE).astimezone(UTC)


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style, and multi-line strings as ``|`` blocks, like hand-written files."""


def _str(dumper: Any, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _front_matter(meta: dict[str, Any], body: str) -> str:
    head = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{head}---\n\n{body}"


# --- the generator ------------------------------------------------------------------------


class _Org:
    """One synthetic organisation; every random choice comes from ``self.rng`` in a fixed order."""

    def __init__(self, root: Path, size: Scale, seed: int, now: datetime, help_ids: bool) -> None:
        self.root = root
        self.help_ids = help_ids
        """Whether help categories are ids of ``data/faq.yml`` (else free text in front matter)."""
        self.size = size
        self.rng = random.Random(seed)
        self.now = now.astimezone(UTC)
        self.today = now.astimezone(ZONE).date()
        self.start = self.today.replace(year=self.today.year - size.years)
        self.components: list[dict[str, Any]] = []
        """Each component: id, name, group index, tracked_since (date)."""
        self.runbook_ids: list[str] = []
        self.runbooks_by_component: dict[str, list[str]] = {}
        self.pages: list[str] = []
        self.counts: dict[str, int] = {}

    # -- helpers --

    def _when(self, lo: datetime, hi: datetime) -> datetime:
        """A random instant in [lo, hi), to the minute, in UTC (see ``local_at``)."""
        span = max(60, int((hi - lo).total_seconds()))
        moment = lo + timedelta(seconds=self.rng.randrange(0, span, 60))
        return moment.astimezone(UTC).replace(second=0, microsecond=0)

    def _pick_components(self, at: date, most: int) -> list[dict[str, Any]]:
        """1..``most`` components tracked on ``at``, mostly from one group."""
        tracked = [c for c in self.components if c["since"] <= at]
        group = self.rng.choice(tracked)["group"]
        same = [c for c in tracked if c["group"] == group]
        k = min(len(same), self.rng.choices(range(1, most + 1), weights=[50, 30, 15, 5][:most])[0])
        chosen = self.rng.sample(same, k)
        if self.rng.random() < 0.1:
            other = self.rng.choice(tracked)
            if other not in chosen:
                chosen.append(other)
        return chosen

    # -- kinds --

    def site(self) -> None:
        text = (REPO / "data" / "site.yml").read_text(encoding="utf-8")
        text = re.sub(r"(?m)^tracking_start:.*$", f"tracking_start: {self.start.isoformat()}", text)
        if "tracking_start:" not in text:
            text += f"tracking_start: {self.start.isoformat()}\n"
        (self.root / "data" / "site.yml").write_text(text, encoding="utf-8")

    def components_file(self) -> None:
        rng, size = self.rng, self.size
        groups = []
        for index, (gid, gname, names) in enumerate(GROUPS[: size.groups]):
            members = []
            for name in names[: size.components_per_group]:
                cid = slugify(name)
                since = self.start
                record: dict[str, Any] = {
                    "id": cid,
                    "name": name,
                    "description": f"{name}: parte de {gname.lower()} que los usuarios ven y usan.",
                    "owner": rng.choice(TECH_ROLES),
                }
                if rng.random() < 0.15:
                    since = self.start + timedelta(days=rng.randrange(30, 300 * size.years))
                    record["tracked_since"] = since.isoformat()
                members.append(record)
                self.components.append({"id": cid, "name": name, "group": index, "since": since})
            groups.append(
                {
                    "id": gid,
                    "name": gname,
                    "description": f"Componentes de {gname.lower()}.",
                    "components": members,
                }
            )
        _dump(self.root / "data" / "components.yml", {"groups": groups})
        self.counts["components"] = len(self.components)
        self.counts["component_groups"] = len(groups)

    def runbooks(self) -> None:
        rng = self.rng
        folder = self.root / "runbooks"
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(self.size.runbooks):
            comps = rng.sample(self.components, rng.choice([1, 1, 2, 3]))
            topic = RUNBOOK_TOPICS[n % len(RUNBOOK_TOPICS)]
            rid = f"rb-{n:04d}-{slugify(topic)}-{comps[0]['id']}"[:100]
            title = f"{topic[:1].upper()}{topic[1:]}: {comps[0]['name']}"
            every = rng.choice([90, 180, 365])
            reviewed = self.today - timedelta(days=rng.randrange(0, every - 20))
            meta = {
                "id": rid,
                "title": title,
                "components": [c["id"] for c in comps],
                "severities": sorted(rng.sample(["sev1", "sev2", "sev3"], rng.choice([1, 2]))),
                "owner": rng.choice(TECH_ROLES),
                "alerts": [
                    f"Tasa de errores de {comps[0]['name']} > {rng.choice([1, 2, 5])} % por 5 minutos",
                    f"Latencia p95 de `{rng.choice(SERVICES)}` > {rng.choice([500, 800, 1500])} ms",
                ],
                "last_reviewed": reviewed.isoformat(),
                "review_every": f"{every}d",
            }
            service = rng.choice(SERVICES)
            steps = "\n".join(f"{i}. {rng.choice(ACTIONS).capitalize()} en `{service}`." for i in range(1, 6))
            body = (
                f"# {title}\n\n"
                f"Usa este runbook cuando {comps[0]['name']} presente {topic}. Si el problema afecta a "
                f"otros componentes, revisa también sus runbooks.\n\n"
                f"## Síntomas\n\n- {rng.choice(EFFECTS).capitalize()}.\n- {rng.choice(SYMPTOMS).capitalize()}"
                f" en los tableros.\n- Alertas de `{service}` en el canal de guardia.\n\n"
                f"## Diagnóstico\n\n```bash\nsupabase functions logs {service} --since 30m | grep -i error\n"
                f"psql \"$DATABASE_URL\" -c 'select count(*) from pg_stat_activity'\n```\n\n"
                f"Compara con la línea base: {rng.choice(CAUSES)} es la causa más frecuente.\n\n"
                f"## Mitigación\n\n{steps}\n\n"
                f"## Verificación\n\n- La tasa de errores vuelve bajo el umbral durante 15 minutos.\n"
                f"- La página de estado muestra {comps[0]['name']} operativo.\n\n"
                f"## Escalamiento\n\nSin mejora en 30 minutos, escala al Tech Lead y publica una "
                f"actualización en la página de estado.\n"
            )
            (folder / f"{rid}.md").write_text(_front_matter(meta, body), encoding="utf-8")
            self.runbook_ids.append(rid)
            for c in comps:
                self.runbooks_by_component.setdefault(c["id"], []).append(rid)
        self.counts["runbooks"] = self.size.runbooks

    def _update_message(self, status: str, names: str, resolved_local: datetime | None) -> str:
        rng = self.rng
        if status == "investigating":
            return (
                f"Estamos investigando {rng.choice(SYMPTOMS)} en **{names}**. Algunos usuarios pueden ver "
                f"{rng.choice(EFFECTS)}. Publicaremos novedades en {rng.choice([15, 30, 60])} minutos.\n"
            )
        if status == "identified":
            return f"Identificamos la causa: {rng.choice(CAUSES)}. Estamos {rng.choice(ACTIONS)}.\n"
        if status == "monitoring":
            return (
                f"Aplicamos una corrección ({rng.choice(FIXES)}). {names} se está recuperando; seguimos "
                "monitoreando.\n"
            )
        when = resolved_local.strftime("%H:%M") if resolved_local else ""
        return (
            f"El incidente está resuelto: {names} funciona con normalidad desde las {when}. "
            f"Gracias por tu paciencia.\n"
        )

    def _incident(self, n: int, start: datetime, open_: bool) -> dict[str, Any]:
        rng = self.rng
        severity = rng.choices(["sev1", "sev2", "sev3"], weights=[10, 30, 60])[0]
        day = start.astimezone(ZONE).date()
        comps = self._pick_components(day, 4)
        worst = {c["id"]: rng.choice(WORST[severity]) for c in comps}
        worst[comps[0]["id"]] = WORST[severity][0]
        names = ", ".join(c["name"] for c in comps[:2])
        title = rng.choice(TITLES[severity]).format(c=comps[0]["name"])
        iid = f"{day.isoformat()}-{slugify(comps[0]['name'])}-{n:05d}"
        count = rng.choices([2, 3, 4, 5, 6], weights=[10, 25, 30, 20, 15])[0]
        if open_:
            end = None
            last = self.now - timedelta(minutes=rng.randrange(5, 60))
        else:
            end = start + timedelta(minutes=rng.randrange(*MINUTES[severity]))
            last = end
        first = start + timedelta(minutes=rng.randrange(3, 25))
        first = min(first, last - timedelta(minutes=count))
        # Distinct minutes strictly between the first update and the last.
        span = int((last - first).total_seconds() // 60)
        middle = sorted(rng.sample(range(1, span), count - 2)) if count > 2 else []
        times = [first] + [first + timedelta(minutes=m) for m in middle] + [last]
        statuses = ["investigating"]
        statuses += sorted(
            (rng.choice(["investigating", "identified", "identified", "monitoring"]) for _ in middle),
            key=["investigating", "identified", "monitoring"].index,
        )
        statuses.append("monitoring" if open_ else "resolved")
        updates = []
        for i, (at, status) in enumerate(zip(times, statuses, strict=True)):
            if status == "resolved":
                components = dict.fromkeys(worst, "operational")
            elif status == "monitoring" and not open_:
                components = {cid: rng.choice(["operational", "degraded_performance"]) for cid in worst}
            elif i == 0:
                components = {comps[0]["id"]: worst[comps[0]["id"]]}
            else:
                components = dict(worst)
            update: dict[str, Any] = {
                "at": iso(at),
                "status": status,
                "message": self._update_message(status, names, end.astimezone(ZONE) if end else None),
                "components": components,
            }
            if rng.random() < 0.3:
                update["internal_note"] = (
                    f"`{rng.choice(SERVICES)}` con {rng.randrange(50, 99)} % de errores; "
                    f"{rng.choice(ACTIONS)} a las {at.astimezone(ZONE):%H:%M}."
                )
            updates.append(update)
        incident: dict[str, Any] = {
            "id": iid,
            "title": title,
            "severity": severity,
            "started_at": iso(start),
        }
        if rng.random() < 0.5:
            incident["acknowledged_at"] = iso(max(start, first - timedelta(minutes=rng.randrange(0, 5))))
        if end is not None:
            incident["resolved_at"] = iso(end)
        # No top-level components: they follow from the updates, as an on-call engineer writes them.
        candidates = [r for c in comps for r in self.runbooks_by_component.get(c["id"], [])]
        if candidates:
            incident["runbooks"] = sorted(
                set(rng.sample(candidates, min(len(candidates), rng.choice([0, 1, 2]))))
            )
        incident["updates"] = updates
        if end is not None and (severity == "sev1" or (severity == "sev2" and rng.random() < 0.4)):
            incident["postmortem"] = self._postmortem(start, end, names)
        if rng.random() < 0.02:
            incident["audience"] = "internal"
        return incident

    def _postmortem(self, start: datetime, end: datetime, names: str) -> dict[str, Any]:
        rng = self.rng
        cause = rng.choice(CAUSES)
        items = []
        for _ in range(rng.randrange(2, 5)):
            due = end.astimezone(ZONE).date() + timedelta(days=rng.randrange(7, 60))
            items.append(
                {
                    "text": f"{rng.choice(ACTIONS).capitalize()} y documentarlo en el runbook.",
                    "owner": rng.choice(TECH_ROLES),
                    "due": due.isoformat(),
                    # Past-due items are done: an overdue one is a build warning, and --strict fails.
                    "done": due < self.today or rng.random() < 0.5,
                }
            )
        published = end.astimezone(ZONE).date() + timedelta(days=rng.randrange(2, 8))
        minutes = int((end - start).total_seconds()) // 60
        postmortem: dict[str, Any] = {
            "summary": f"{names}: {cause}. Duración total {minutes} minutos.",
            "public_summary": (
                f"Entre las {start.astimezone(ZONE):%H:%M} y las {end.astimezone(ZONE):%H:%M} hubo problemas "
                f"en {names}. La causa fue que {cause}. No se perdieron datos.\n"
            ),
            "timeline": [
                {"at": iso(start), "text": "Primera alerta."},
                {"at": iso(start + (end - start) / 2), "text": f"Se aplica {rng.choice(FIXES)}."},
                {"at": iso(end), "text": "Servicio recuperado."},
            ],
            "root_cause": cause.capitalize() + ".",
            "contributing_factors": [rng.choice(CAUSES).capitalize() + "."],
            "action_items": items,
        }
        if published <= self.today:
            postmortem["published_on"] = published.isoformat()
        return postmortem

    def incidents(self) -> None:
        size, rng = self.size, self.rng
        folder = self.root / "data" / "incidents"
        lo = datetime.combine(self.start + timedelta(days=1), time(0), tzinfo=ZONE).astimezone(UTC)
        hi = self.now - timedelta(days=2, hours=2)
        resolved = size.incidents - size.open_incidents
        starts = sorted(self._when(lo, hi) for _ in range(resolved))
        for n, start in enumerate(starts):
            incident = self._incident(n, start, open_=False)
            _dump(folder / f"{incident['id']}.yml", incident)
        for k in range(size.open_incidents):
            start = self.now - timedelta(hours=rng.randrange(3, 20))
            incident = self._incident(resolved + k, start.replace(second=0, microsecond=0), open_=True)
            _dump(folder / f"{incident['id']}.yml", incident)
        self.counts["incidents"] = size.incidents
        self.counts["open_incidents"] = size.open_incidents

    def maintenance(self) -> None:
        size, rng = self.size, self.rng
        folder = self.root / "data" / "maintenance"
        upcoming = max(3, size.windows // 50)
        past = size.windows - upcoming - 1
        total_days = (self.today - self.start).days - 3
        days = sorted(self.start + timedelta(days=rng.randrange(2, total_days)) for _ in range(past))
        days += [self.today + timedelta(days=rng.randrange(3, 60)) for _ in range(upcoming)]
        for n, day in enumerate(days):
            self._dump_window(folder, n, local_at(day, rng.choice([22, 23, 1, 2, 3])))
        # One window in progress at ``now``.
        self._dump_window(folder, len(days), self.now - timedelta(hours=1), hours=3)
        self.counts["maintenance"] = len(days) + 1

    def _dump_window(self, folder: Path, n: int, start: datetime, hours: int = 0) -> None:
        rng = self.rng
        day = start.astimezone(ZONE).date()
        comps = self._pick_components(min(day, self.today), 3)
        end = start + timedelta(hours=hours or rng.choice([1, 2, 2, 3, 4]))
        title = rng.choice(WINDOW_TITLES).format(c=comps[0]["name"])
        wid = f"{day.isoformat()}-{slugify(comps[0]['name'])}-m{n:04d}"
        names = ", ".join(c["name"] for c in comps)
        window: dict[str, Any] = {
            "id": wid,
            "title": title,
            "scheduled_for": iso(start),
            "scheduled_until": iso(end),
            "components": [c["id"] for c in comps],
            "message": (
                f"Durante la ventana, **{names}** puede no estar disponible por algunos minutos. "
                f"{rng.choice(EFFECTS).capitalize()} son esperables.\n"
            ),
        }
        announced = start - timedelta(days=rng.randrange(3, 15))
        if rng.random() < 0.5:
            window["announced_at"] = iso(announced)
        updates = []
        # Without announced_at the announcement is the window's own, 72 hours before it starts.
        if announced <= self.now and "announced_at" in window:
            updates.append(
                {"at": iso(announced), "status": "scheduled", "message": "Programamos este mantenimiento."}
            )
        if start <= self.now:
            updates.append(
                {"at": iso(start), "status": "in_progress", "message": "Comenzó el mantenimiento."}
            )
        if end <= self.now:
            if rng.random() < 0.5:
                verifying = start + (end - start) * 3 / 4
                updates.append(
                    {
                        "at": iso(verifying),
                        "status": "verifying",
                        "message": "Estamos verificando los cambios.",
                    }
                )
            updates.append({"at": iso(end), "status": "completed", "message": "El mantenimiento terminó."})
        if rng.random() < 0.8:
            window["updates"] = updates
        if rng.random() < 0.02:
            window["cancelled"] = True
            window["revision"] = 1
        if rng.random() < 0.5:
            window["internal_note"] = f"Responsable: {rng.choice(ROLES)}; rollback preparado."
        _dump(folder / f"{wid}.yml", window)

    def articles(self) -> None:
        rng = self.rng
        docs = self.root / "docs"
        plan: list[tuple[str, str, str]] = []
        for n in range(self.size.articles):
            category = CATEGORIES[n % len(CATEGORIES)]
            title = f"{rng.choice(VERBS)} {rng.choice(THINGS)}"
            path = f"ayuda/{slugify(category)}/{slugify(title)}-{n:04d}.md"
            plan.append((path, title, category))
        by_category: dict[str, list[str]] = {}
        for path, _, category in plan:
            by_category.setdefault(category, []).append(path)
        for path, title, category in plan:
            siblings = [p for p in by_category[category] if p != path]
            related = rng.sample(siblings, min(2, len(siblings)))
            related_links = "\n".join(f"- [{Path(p).stem}]({Path(p).name})" for p in related)
            steps = "\n".join(
                f"{i}. {rng.choice(VERBS)} {rng.choice(THINGS)} desde el menú **{rng.choice(ITEM_WORDS)}**."
                for i in range(1, rng.randrange(4, 8))
            )
            table = ""
            if rng.random() < 0.4:
                rows = "\n".join(f"| {rng.choice(ITEM_WORDS)} | {rng.choice(THINGS)} |" for _ in range(4))
                table = f"| opción | qué hace |\n|---|---|\n{rows}\n\n"
            body = (
                f"# {title}\n\n"
                f"Este artículo explica cómo {title.lower()} en el calendario. Toma menos de "
                f"{rng.randrange(2, 10)} minutos.\n\n"
                f"## Antes de empezar\n\n- Necesitas una cuenta con permisos de edición.\n"
                f"- Funciona en la aplicación web y en las apps móviles.\n\n"
                f"## Pasos\n\n{steps}\n\n{table}"
                f'!!! tip "Consejo"\n    Puedes deshacer el cambio durante {rng.randrange(5, 30)} '
                "segundos.\n\n"
                f"## Si algo no funciona\n\nRevisa el [estado del servicio](../../status/index.md) y, "
                f"si el problema sigue, escríbenos.\n\n## Artículos relacionados\n\n{related_links}\n"
            )
            meta = {
                "audience": "public",
                "category": slugify(category) if self.help_ids else category,
                "tags": sorted(rng.sample(TAGS, rng.randrange(2, 5))),
            }
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_front_matter(meta, body), encoding="utf-8")
            self.pages.append(path)
        self.counts["articles"] = len(plan)

    def roadmap(self) -> None:
        rng, size = self.rng, self.size
        example = yaml.safe_load((REPO / "data" / "roadmap.yml").read_text(encoding="utf-8")) or {}
        quarters: list[tuple[int, int]] = []
        year, quarter = self.start.year, (self.start.month - 1) // 3 + 1
        end_year = self.today.year + 1
        while (year, quarter) <= (end_year, (self.today.month - 1) // 3 + 1):
            quarters.append((year, quarter))
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        flags = [
            {
                "id": f"flag-{n:03d}",
                "description": f"{rng.choice(ITEM_WORDS)} {rng.choice(ITEM_QUALIFIERS)}",
                "state": rng.choice(["off", "rollout", "on"]),
                "owner": rng.choice(ROLES),
            }
            for n in range(max(4, size.roadmap_items // 10))
        ]
        for flag in flags:
            if flag["state"] == "rollout":
                flag["rollout_percent"] = rng.choice([5, 20, 50])
        releases = []
        this_quarter = (self.today.year, (self.today.month - 1) // 3 + 1)
        per_release, extra = divmod(size.roadmap_items, len(quarters))
        n_item = 0
        for index, (year, quarter) in enumerate(quarters):
            q_start = date(year, 3 * quarter - 2, 1)
            items = []
            for _ in range(per_release + (1 if index < extra else 0)):
                title = f"{rng.choice(ITEM_WORDS)} {rng.choice(ITEM_QUALIFIERS)}"
                item: dict[str, Any] = {"id": f"item-{n_item:04d}-{slugify(title)}", "title": title}
                if (year, quarter) < this_quarter or ((year, quarter) == this_quarter and rng.random() < 0.5):
                    shipped = q_start + timedelta(days=rng.randrange(0, 85))
                    status = "shipped" if shipped <= self.today and rng.random() < 0.92 else "beta"
                    item["status"] = status
                    if status == "shipped":
                        item["shipped_on"] = min(shipped, self.today).isoformat()
                else:
                    item["status"] = rng.choice(["exploring", "planned", "planned", "in_progress", "beta"])
                item["description"] = f"{title} para {rng.choice(THINGS)}, disponible en web y móvil."
                if rng.random() < 0.3:
                    item["internal_note"] = f"Depende de {rng.choice(SERVICES)}."
                if rng.random() < 0.2:
                    item["feature_flag"] = rng.choice(flags)["id"]
                if rng.random() < 0.05:
                    item["audience"] = "internal"
                items.append(item)
                n_item += 1
            major, minor = 1 + index // 4, index % 4
            releases.append(
                {
                    "id": f"v{major}-{minor}",
                    "version": f"V{major}.{minor}",
                    "name": f"{rng.choice(ITEM_WORDS)} {rng.choice(ITEM_QUALIFIERS)}",
                    "theme": f"Un calendario con {rng.choice(THINGS)} más simple.",
                    "target": f"{year}-Q{quarter}",
                    "items": items,
                }
            )
        data = {
            "release_cycle": example.get("release_cycle", []),
            "releases": releases,
            "feature_flags": flags,
        }
        _dump(self.root / "data" / "roadmap.yml", data)
        self.counts["roadmap_items"] = n_item
        self.counts["releases"] = len(releases)

    def training(self) -> None:
        rng = self.rng
        guides = ["user-guide.md", "troubleshooting.md", "maintenance-guide.md", "deployment-guide.md"]
        paths = []
        for p in range(self.size.training_paths):
            modules = []
            for m in range(rng.randrange(4, 7)):
                links = []
                for _ in range(rng.randrange(1, 4)):
                    kind = rng.choice(["page", "article", "runbook", "url"])
                    if kind == "page":
                        links.append({"title": "Guía", "page": rng.choice(guides)})
                    elif kind == "article" and self.pages:
                        links.append({"title": "Artículo de ayuda", "page": rng.choice(self.pages)})
                    elif kind == "runbook" and self.runbook_ids:
                        links.append({"title": "Runbook", "runbook": rng.choice(self.runbook_ids)})
                    else:
                        links.append({"title": "Video", "url": f"https://ayuda.empresa.com/videos/{p}-{m}"})
                module: dict[str, Any] = {
                    "id": f"path{p:02d}-mod{m:02d}",
                    "title": f"{rng.choice(VERBS)} {rng.choice(THINGS)}",
                    "goal": f"Saber {rng.choice(VERBS).lower()} {rng.choice(THINGS)} sin ayuda.",
                    "duration": rng.choice(["15m", "30m", "1h", "2h", "1h30m"]),
                    "links": links,
                    "checklist": [f"{rng.choice(VERBS)} {rng.choice(THINGS)}" for _ in range(3)],
                }
                if m:
                    module["prerequisites"] = [f"path{p:02d}-mod{m - 1:02d}"]
                modules.append(module)
            paths.append(
                {
                    "id": f"ruta-{p:02d}",
                    "title": f"Ruta de aprendizaje {p + 1}",
                    "learners": rng.choice(
                        ["Desarrolladores nuevos", "Soporte", "Usuarios", "Product Managers"]
                    ),
                    "description": "Del primer día a la autonomía.",
                    "audience": "public" if p % 3 == 2 else "internal",
                    "modules": modules,
                }
            )
        _dump(self.root / "data" / "training.yml", {"paths": paths})
        self.counts["training_paths"] = len(paths)

    def faq(self) -> None:
        rng = self.rng
        categories = [
            {
                "id": slugify(name),
                "name": name,
                "description": f"Preguntas y guías sobre {name.lower()}.",
                "icon": icon,
            }
            for name, icon in zip(CATEGORIES, CATEGORY_ICONS, strict=True)
        ]
        questions = []
        for n in range(self.size.questions):
            thing = rng.choice(THINGS)
            verb = rng.choice(VERBS).lower()
            question: dict[str, Any] = {
                "id": f"q{n:04d}-{slugify(verb)}-{slugify(thing)}",
                "category": categories[n % len(categories)]["id"],
                "question": f"¿Cómo puedo {verb} {thing}?",
                "answer": (
                    f"Abre **{rng.choice(ITEM_WORDS)}** y elige **{rng.choice(VERBS)}**. Los cambios se "
                    f"guardan al instante y se sincronizan con tus otros dispositivos en menos de "
                    f"{rng.randrange(1, 10)} minutos.\n"
                ),
            }
            if rng.random() < 0.05:
                question["popular"] = True
            if rng.random() < 0.03:
                question["audience"] = "internal"
            questions.append(question)
        _dump(self.root / "data" / "faq.yml", {"categories": categories, "questions": questions})
        self.counts["questions"] = len(questions)

    def copy_guide(self, page: Path) -> None:
        """Copy a hand-written guide; its ``category`` becomes a generated help category id when
        faq.yml defines them, or is dropped when it names none of them."""
        text = page.read_text(encoding="utf-8")
        if self.help_ids:
            ids = {slugify(name) for name in CATEGORIES}

            def fix(match: re.Match[str]) -> str:
                slug = slugify(match.group(1).strip().strip("'\""))
                return f"category: {slug}\n" if slug in ids else ""

            head, sep, rest = text.partition("\n---\n")
            if text.startswith("---\n") and sep:
                text = re.sub(r"(?m)^category:(.*)\n", fix, head) + sep + rest
        (self.root / "docs" / page.name).write_text(text, encoding="utf-8")

    def communication(self) -> None:
        """The example's message templates, without those kept for some of its components
        (the generated organisation has other components)."""
        source = REPO / "data" / "communication.yml"
        if not source.is_file():
            return
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        for kind in ("incidents", "maintenance"):
            if isinstance(data.get(kind), list):
                data[kind] = [t for t in data[kind] if not t.get("components")]
        _dump(self.root / "data" / "communication.yml", data)

    def copy_example(self, pattern: str) -> bool:
        """Copy the example's file (or folder) of a fixed-size kind; False when it has none."""
        source = REPO / "data" / pattern
        if "*" in pattern:
            folder = source.parent
            if not folder.is_dir():
                return False
            shutil.copytree(folder, self.root / "data" / folder.name, dirs_exist_ok=True)
            return True
        if not source.is_file():
            return False
        shutil.copy2(source, self.root / "data" / pattern)
        return True


THEME_OVERRIDES = "overrides"
"""The example's theme overrides (``theme.custom_dir``), which its configurations need."""
STATUS_CONFIG = "mkdocs.status.yml"
STATUS_DOCS = "status-docs"
"""The standalone status site: its configuration (which inherits ``mkdocs.public.yml``) and
its own, nearly empty, docs folder. Copied as they are: its ``nav: []`` is what a user
writes, and opsdocs keeps the generated pages out of the navigation itself."""


def _copy_example(root: Path) -> dict[str, int]:
    for name in ("data", "docs", "runbooks", THEME_OVERRIDES, STATUS_DOCS):
        shutil.copytree(REPO / name, root / name)
    for name in ("mkdocs.yml", "mkdocs.public.yml", STATUS_CONFIG):
        shutil.copy2(REPO / name, root / name)
    return _count(root)


def _count(root: Path) -> dict[str, int]:
    from opsdocs.model.files import DATA_KINDS

    counts: dict[str, int] = {}
    for kind in DATA_KINDS:
        if kind.many:
            folder = root / "data" / kind.pattern.split("/")[0]
            counts[kind.name] = len(list(folder.glob("*.yml"))) if folder.is_dir() else 0
    counts["runbooks"] = len(list((root / "runbooks").glob("*.md")))
    counts["pages"] = len(list((root / "docs").rglob("*.md")))
    return counts


_NAV_STAFF = """nav:
  - Inicio: index.md
  - Guías:
      - user-guide.md
      - troubleshooting.md
      - maintenance-guide.md
      - monitoring-metrics.md
      - deployment-guide.md
  - Estado: status/index.md
  - Runbooks: runbooks/index.md
"""
_NAV_PUBLIC = """nav:
  - Estado: status/index.md
  - Guía de usuario: user-guide.md
  - Solución de problemas: troubleshooting.md
"""


def replace_nav(text: str, nav: str) -> str:
    """``text`` (a mkdocs.yml) with its top-level ``nav`` replaced by ``nav``; text-based, so
    comments and custom tags elsewhere in the file survive."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    skipping = False
    for line in lines:
        if re.match(r"^nav\s*:", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t", "-")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    body = "".join(out).rstrip("\n") + "\n\n"
    return body + nav


def generate(root: Path, scale: str, seed: int = 1, now: datetime = NOW) -> dict[str, int]:
    """Write a complete project at ``scale`` into ``root`` (created, must be empty); return counts."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    root.mkdir(parents=True, exist_ok=True)
    if any(root.iterdir()):
        raise ValueError(f"{root} is not empty")
    if scale == "small":
        return _copy_example(root)

    from opsdocs.model.files import DATA_KINDS

    kinds = {kind.name for kind in DATA_KINDS}
    org = _Org(root, SIZES[scale], seed, now, help_ids="faq" in kinds)
    (root / "data").mkdir()
    # Hand-written guides: the copied fixed-size data files link to them.
    (root / "docs").mkdir()
    for page in sorted((REPO / "docs").glob("*.md")):
        org.copy_guide(page)
    generators = {
        "site": org.site,
        "components": org.components_file,
        "incidents": org.incidents,
        "maintenance": org.maintenance,
        "roadmap": org.roadmap,
        "training": org.training,
        "faq": org.faq,
        "communication": org.communication,
    }
    # Order matters: components before everything that names them; runbooks and articles
    # before incidents (which use runbooks) and training (which links both).
    org.site()
    org.components_file()
    org.runbooks()
    org.articles()
    skipped = []
    for kind in DATA_KINDS:
        if kind.name in {"site", "components"}:
            continue
        make = generators.get(kind.name)
        if make is not None:
            make()
        elif not org.copy_example(kind.pattern):
            skipped.append(kind.name)
    if skipped:
        print(f"generate: no generator and no example data for: {', '.join(skipped)}", file=sys.stderr)

    shutil.copytree(REPO / THEME_OVERRIDES, root / THEME_OVERRIDES)  # mkdocs.yml's custom_dir
    shutil.copytree(REPO / STATUS_DOCS, root / STATUS_DOCS)
    shutil.copy2(REPO / STATUS_CONFIG, root / STATUS_CONFIG)
    for name, nav in (("mkdocs.yml", _NAV_STAFF), ("mkdocs.public.yml", _NAV_PUBLIC)):
        text = (REPO / name).read_text(encoding="utf-8")
        (root / name).write_text(replace_nav(text, nav), encoding="utf-8")
    counts = _count(root)
    counts.update(org.counts)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="empty or missing folder to write the project into")
    parser.add_argument("--scale", choices=SCALES, default="small")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    counts = generate(args.out, args.scale, args.seed)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
