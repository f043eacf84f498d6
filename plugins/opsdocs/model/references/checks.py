"""Checks of ``checks.yml``: each check names a known component, the draft severity a known one."""

from __future__ import annotations

from opsdocs.model.references.checker import Checker


def check_checks(c: Checker, severities: set[str], components: set[str]) -> None:
    """Every check's component, and the drafts' severity, exist."""
    data = c.layout.data_dir
    checks = c.project.checks
    c.unique("check", checks.checks)
    for check in checks.checks:
        c.known(check, ("component",), check.component, "component", components, f"{data}/components.yml")
    c.known(checks, ("severity",), checks.severity, "severity", severities, f"{data}/severities.yml")
