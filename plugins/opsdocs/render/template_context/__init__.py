"""What each page template receives: the contract a template override is written against.

``Templates.render`` holds every render to it (a renderer that passes a variable not listed
here, or leaves one out, is stopped at once), and ``docs/opsdocs/templates.md`` is generated
from it, so the documented variables are the ones a template gets. On the public site every
value is drawn from the public view of the project.

The variables of the templates in ``render/templates/<folder>/`` are listed in
``template_context/<folder>.py``.
"""

from __future__ import annotations

from opsdocs.render.template_context import (
    handbook,
    helpcenter,
    home,
    reliability,
    roadmap,
    runbooks,
    status,
    training,
)
from opsdocs.render.template_context.base import PageTemplate

PAGE_TEMPLATES: dict[str, PageTemplate] = {
    **home.TEMPLATES,
    **status.TEMPLATES,
    **helpcenter.TEMPLATES,
    **roadmap.TEMPLATES,
    **training.TEMPLATES,
    **runbooks.TEMPLATES,
    **handbook.TEMPLATES,
    **reliability.TEMPLATES,
}
"""Every template rendered with values, by path under ``render/templates``. The other
templates are libraries of macros, whose parameters say what each macro receives."""
