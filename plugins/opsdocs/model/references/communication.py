"""Checks of the message templates: the ids they name exist, and each speaks the site's language."""

from __future__ import annotations

from opsdocs.model.references.checker import Checker


def check_communication(c: Checker, severities: set[str], components: set[str]) -> None:
    """Templates name known severities and components, and each has a text in the site's language."""
    data = c.layout.data_dir
    language = c.project.site.language
    communication = c.project.communication
    for templates in (communication.incidents, communication.maintenance):
        for template in templates:
            c.known(
                template,
                ("severity",),
                getattr(template, "severity", None),
                "severity",
                severities,
                f"{data}/severities.yml",
            )
            for i, component_id in enumerate(template.components):
                c.known(
                    template,
                    ("components", i),
                    component_id,
                    "component",
                    components,
                    f"{data}/components.yml",
                )
            if language not in template.text:
                written = ", ".join(sorted(template.text))
                c.at(
                    template,
                    ("text",),
                    f"text: no text in the site's language '{language}' (site.yml), only in {written}",
                )
