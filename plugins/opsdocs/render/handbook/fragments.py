"""The handbook's fragments: each table or list, by name, shared by the handbook pages and by
the ``<!-- opsdocs:NAME -->`` directives of hand-written pages.

Every fragment is a macro of ``handbook/fragments.html.j2`` named like the fragment (with
``_`` for ``-``); a fragment names the data files it reads, for the pages' source lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from opsdocs.render.context import RenderContext
from opsdocs.render.handbook.view import HandbookView
from opsdocs.render.templates import environment

TEMPLATE = "handbook/fragments.html.j2"
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Fragment:
    """A named piece of the handbook, the data kinds (``DataKind.name``) it reads, and whether
    it shows only what the public may read (then a public page may embed it)."""

    name: str
    sources: tuple[str, ...]
    public: bool = False

    @property
    def macro(self) -> str:
        """Name of the macro that renders it."""
        return self.name.replace("-", "_")

    @property
    def heading(self) -> str:
        """Label key of its heading on a handbook page."""
        return f"handbook.section.{self.macro}"


FRAGMENTS: tuple[Fragment, ...] = (
    Fragment("severity-matrix", ("severities",)),
    Fragment("response-targets", ("severities",)),
    Fragment("support-targets", ("support", "severities"), public=True),
    Fragment("incident-process", ("process",)),
    Fragment("contacts", ("contacts", "team")),
    Fragment("escalation", ("contacts",)),
    Fragment("on-call", ("contacts",)),
    Fragment("team", ("team",)),
    Fragment("roles", ("team",)),
    Fragment("people", ("team",)),
    Fragment("maintenance-cycle", ("cycle",)),
    Fragment("deployment-checklist", ("deployment",)),
    Fragment("deployment-process", ("deployment",)),
    Fragment("deployment-monitoring", ("deployment",)),
    Fragment("rollback", ("deployment",)),
    Fragment("continuity", ("continuity",)),
    Fragment("disaster-recovery", ("continuity",)),
    Fragment("business-continuity", ("continuity",)),
    Fragment("security-audits", ("security",)),
    Fragment("data-protection", ("security",)),
    Fragment("compliance", ("security",)),
    Fragment("release-cycle", ("roadmap",), public=True),
    Fragment("feature-flags", ("roadmap",)),
    Fragment("support-channels", ("support",), public=True),
    Fragment("self-service", ("support",), public=True),
    Fragment("kpis", ("kpis",)),
)
FRAGMENTS_BY_NAME = {fragment.name: fragment for fragment in FRAGMENTS}
PUBLIC_FRAGMENTS = tuple(fragment.name for fragment in FRAGMENTS if fragment.public)
"""The fragments a public page may embed: the rest show internal data."""


class FragmentRenderer:
    """Renders fragments for the page built from ``page_src``: links are relative to it."""

    def __init__(self, ctx: RenderContext, page_src: str) -> None:
        self.view = HandbookView(ctx, page_src)
        template = environment().get_template(TEMPLATE)
        self._macros = template.make_module({"labels": ctx.labels, "dates": ctx.dates, "hb": self.view})

    def render(self, name: str, level: int = 3) -> Markup:
        """The HTML of fragment ``name``; its own headings, if any, are ``<h{level}>``.

        Blank lines are dropped so the fragment stays one HTML block in any Markdown page.
        """
        macro = getattr(self._macros, FRAGMENTS_BY_NAME[name].macro)
        html = str(macro(level=level) if "level" in macro.arguments else macro())
        return Markup(_BLANK_LINES.sub("\n", html).strip())
