"""A whole project: every data file, runbook and page, validated together, and where its files are.

``opsdocs.model.read.read_project`` builds one from the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from opsdocs.load.directives import Directive
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
from opsdocs.model.runbooks import PageMeta, Runbook
from opsdocs.model.security import Security
from opsdocs.model.severities import Severities
from opsdocs.model.site import Site
from opsdocs.model.support import Support
from opsdocs.model.team import Contacts, Team
from opsdocs.model.training import Training
from opsdocs.problems import Problem


@dataclass
class Project:
    """Everything opsdocs knows about one product's operations."""

    root: Path
    site: Site
    team: Team = field(default_factory=Team)
    contacts: Contacts = field(default_factory=Contacts)
    severities: Severities = field(default_factory=Severities)
    process: IncidentProcess = field(default_factory=IncidentProcess)
    cycle: MaintenanceCycle = field(default_factory=MaintenanceCycle)
    components: Components = field(default_factory=Components)
    incidents: list[Incident] = field(default_factory=list)
    maintenance: list[MaintenanceWindow] = field(default_factory=list)
    communication: Communication = field(default_factory=Communication)
    roadmap: Roadmap = field(default_factory=Roadmap)
    security: Security = field(default_factory=Security)
    deployment: Deployment = field(default_factory=Deployment)
    support: Support = field(default_factory=Support)
    faq: Faq = field(default_factory=Faq)
    kpis: Kpis = field(default_factory=Kpis)
    continuity: Continuity = field(default_factory=Continuity)
    training: Training = field(default_factory=Training)
    notify: Notify = field(default_factory=Notify)
    checks: Checks = field(default_factory=Checks)
    runbooks: list[Runbook] = field(default_factory=list)
    pages: dict[str, PageMeta] = field(default_factory=dict)
    """Front matter of each hand-written page, by its path under ``docs/``."""
    directives: dict[str, list[Directive]] = field(default_factory=dict)
    """The ``<!-- opsdocs:NAME -->`` directives of each hand-written page that has any."""
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its files, relative to its root."""

    data_dir: str = "data"
    runbooks_dir: str = "runbooks"
    docs_dir: str = "docs"
    site_dirs: tuple[str, ...] = ()
    """Other folders a site is built from: the engine's pages folder when it is not
    ``docs_dir`` (a standalone status site), the theme's ``custom_dir``."""

    def folders(self) -> tuple[str, ...]:
        """Every folder whose files can reach a site: nothing in them may link outside."""
        named = (self.data_dir, self.runbooks_dir, self.docs_dir, *self.site_dirs)
        return tuple(dict.fromkeys(folder for folder in named if folder))
