"""What the runbook templates receive (staff site): a runbook's header and title, the index."""

from __future__ import annotations

from opsdocs.render.template_context.base import PageTemplate, page, shared

_RUNBOOKS = {
    **shared("labels", "dates", "icons"),
    "state_icons": "the icon of each review state (`ok`, `due_soon`, `overdue`)",
}

TEMPLATES: dict[str, PageTemplate] = {
    "runbooks/header.html.j2": page(
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
    "runbooks/title.html.j2": page(
        "the title of a runbook without a leading heading", title="the runbook's title"
    ),
    "runbooks/index.md.j2": page(
        "the runbook index (staff site), `runbooks/index.md`",
        _RUNBOOKS,
        facts="every runbook's facts at `now`",
        link="links to the runbooks' pages, by runbook id",
        roles="role names by id",
        by_component="(component name, runbooks) of each component with runbooks",
        by_severity="(severity, runbooks) of each severity with runbooks",
    ),
}
