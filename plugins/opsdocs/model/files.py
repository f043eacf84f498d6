"""Every kind of data file: where it lives and which model validates it."""

from __future__ import annotations

from dataclasses import dataclass

from opsdocs.model.base import Record
from opsdocs.model.checks import Checks
from opsdocs.model.communication import Communication
from opsdocs.model.components import Components
from opsdocs.model.continuity import Continuity
from opsdocs.model.cycle import MaintenanceCycle
from opsdocs.model.deployment import Deployment
from opsdocs.model.faq import Faq
from opsdocs.model.incidents import Incident
from opsdocs.model.kpis import Kpis
from opsdocs.model.maintenance import MaintenanceWindow
from opsdocs.model.notify import Notify
from opsdocs.model.process import IncidentProcess
from opsdocs.model.roadmap import Roadmap
from opsdocs.model.runbooks import PageMeta, RunbookMeta
from opsdocs.model.security import Security
from opsdocs.model.severities import Severities
from opsdocs.model.site import Site
from opsdocs.model.support import Support
from opsdocs.model.team import Contacts, Team
from opsdocs.model.training import Training


@dataclass(frozen=True)
class DataKind:
    """A kind of data file: ``name`` is also the attribute of ``Project`` that holds it."""

    name: str
    pattern: str
    """Path under the data folder; ``*`` marks a folder of one file per record."""
    model: type[Record]
    description: str
    required: bool = False

    @property
    def many(self) -> bool:
        """Whether this kind is a folder of files, one record each."""
        return "*" in self.pattern

    @property
    def schema_name(self) -> str:
        """File name of this kind's JSON Schema, named as its data file is (``incident-process.yml``:
        ``incident-process.schema.json``), a folder of one file per record as the folder
        (``incidents/``: ``incidents.schema.json``); front matter as its kind (``runbook``)."""
        stem = self.pattern.split("/")[0].removesuffix(".yml") if self.pattern.endswith(".yml") else self.name
        return f"{stem}.schema.json"


DATA_KINDS: tuple[DataKind, ...] = (
    DataKind("site", "site.yml", Site, "Product, organisation, time zone, address, language.", True),
    DataKind("team", "team.yml", Team, "Role groups, roles and their responsibilities, people."),
    DataKind("contacts", "contacts.yml", Contacts, "Emergency contacts, escalation path, on-call."),
    DataKind("severities", "severities.yml", Severities, "Severity levels and their targets."),
    DataKind("process", "incident-process.yml", IncidentProcess, "Incident process phases."),
    DataKind("cycle", "maintenance-cycle.yml", MaintenanceCycle, "Recurring maintenance tasks."),
    DataKind("components", "components.yml", Components, "Components, grouped, for the status page."),
    DataKind("incidents", "incidents/*.yml", Incident, "One incident per file."),
    DataKind("maintenance", "maintenance/*.yml", MaintenanceWindow, "One maintenance window per file."),
    DataKind("communication", "communication.yml", Communication, "Message templates for on-call updates."),
    DataKind("roadmap", "roadmap.yml", Roadmap, "Release cycle, releases and items, feature flags."),
    DataKind("security", "security.yml", Security, "Audits, data protection, privacy compliance."),
    DataKind("deployment", "deployment.yml", Deployment, "Checklist, process, rollback strategies."),
    DataKind("support", "support.yml", Support, "Support channels, response targets, self-service."),
    DataKind("faq", "faq.yml", Faq, "Help categories and frequently asked questions."),
    DataKind("kpis", "kpis.yml", Kpis, "Quality, development and support KPIs with targets."),
    DataKind("continuity", "continuity.yml", Continuity, "Disaster recovery, business continuity."),
    DataKind("training", "training.yml", Training, "Learning paths per audience."),
    DataKind("notify", "notify.yml", Notify, "Channels that `opsdocs notify` tells what was published."),
    DataKind("checks", "checks.yml", Checks, "Health checks that `opsdocs probe` runs, per component."),
)

FRONT_MATTER_KINDS: tuple[DataKind, ...] = (
    DataKind("runbook", "runbooks/*.md", RunbookMeta, "Front matter of a runbook."),
    DataKind("page", "docs/**/*.md", PageMeta, "Front matter of a hand-written page."),
)
