"""What the site's home template receives."""

from __future__ import annotations

from opsdocs.render.template_context.base import PageTemplate, page, shared

TEMPLATES: dict[str, PageTemplate] = {
    "home/index.md.j2": page(
        "the site's home, `index.md`",
        shared("labels", "dates", "indicator_icons"),
        snapshot="the status at `now` (`StatusSnapshot`: `indicator`, `components`, `active_incidents`, "
        "`active_maintenance`, `upcoming_maintenance`, ...)",
        product="the product's name (`site.yml`)",
        description="the product's description (`site.yml`)",
        status_link="link to the status page, or `None` without one",
        incident_link="`incident_link(id)`: link to an incident's page, or `None`",
        maintenance_link="`maintenance_link(id)`: link to a maintenance page, or `None`",
        help_link="link to the help center, or `None` without one",
        faq_link="link to the FAQ, or `None`",
        support_link="link to the support page, or `None`",
        roadmap_link="link to the roadmap, or `None` without one",
        categories="(category, link) of each help category",
    ),
}
