"""The handbook's fragments: each table or list, by name, shared by the handbook pages and by
the ``<!-- opsdocs:NAME -->`` directives of hand-written pages.

Every fragment is a macro named like the fragment (with ``_`` for ``-``) in the template of its
group, ``handbook/fragments/<group>.html.j2`` (a group is the handbook page that shows it
first), called as ``NAME(hb, labels, dates, level)``. A fragment names the data files it reads,
for the pages' source lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from opsdocs.render.context import RenderContext
from opsdocs.render.handbook.view import HandbookView

_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Fragment:
    """A named piece of the handbook, its group (the template that holds it), the data kinds
    (``DataKind.name``) it reads, and whether it shows only what the public may read (then a
    public page may embed it)."""

    name: str
    group: str
    sources: tuple[str, ...]
    public: bool = False

    @property
    def macro(self) -> str:
        """Name of the macro that renders it."""
        return self.name.replace("-", "_")

    @property
    def template(self) -> str:
        """The template whose macro renders it."""
        return f"handbook/fragments/{self.group}.html.j2"

    @property
    def heading(self) -> str:
        """Label key of its heading on a handbook page."""
        return f"handbook.section.{self.macro}"


FRAGMENTS: tuple[Fragment, ...] = (
    Fragment("severity-matrix", "severities", ("severities",)),
    Fragment("response-targets", "severities", ("severities",)),
    Fragment("support-targets", "severities", ("support", "severities"), public=True),
    Fragment("incident-process", "incident-process", ("process",)),
    Fragment("contacts", "contacts", ("contacts", "team")),
    Fragment("escalation", "contacts", ("contacts",)),
    Fragment("on-call", "contacts", ("contacts",)),
    Fragment("team", "team", ("team",)),
    Fragment("roles", "team", ("team",)),
    Fragment("people", "team", ("team",)),
    Fragment("maintenance-cycle", "maintenance-cycle", ("cycle",)),
    Fragment("deployment-checklist", "deployment", ("deployment",)),
    Fragment("deployment-process", "deployment", ("deployment",)),
    Fragment("deployment-monitoring", "deployment", ("deployment",)),
    Fragment("rollback", "deployment", ("deployment",)),
    Fragment("continuity", "continuity", ("continuity",)),
    Fragment("disaster-recovery", "continuity", ("continuity",)),
    Fragment("business-continuity", "continuity", ("continuity",)),
    Fragment("security-audits", "security", ("security",)),
    Fragment("data-protection", "security", ("security",)),
    Fragment("compliance", "security", ("security",)),
    Fragment("release-cycle", "releases", ("roadmap",), public=True),
    Fragment("feature-flags", "releases", ("roadmap",)),
    Fragment("support-channels", "support", ("support",), public=True),
    Fragment("self-service", "support", ("support",), public=True),
    Fragment("kpis", "kpis", ("kpis",)),
)
FRAGMENTS_BY_NAME = {fragment.name: fragment for fragment in FRAGMENTS}
PUBLIC_FRAGMENTS = tuple(fragment.name for fragment in FRAGMENTS if fragment.public)
"""The fragments a public page may embed: the rest show internal data."""


class FragmentRenderer:
    """Renders fragments for the page built from ``page_src``: links are relative to it."""

    def __init__(self, ctx: RenderContext, page_src: str) -> None:
        self.view = HandbookView(ctx, page_src)
        self._ctx = ctx

    def render(self, name: str, level: int = 3) -> Markup:
        """The HTML of fragment ``name``; its own headings, if any, are ``<h{level}>``.

        Blank lines are dropped so the fragment stays one HTML block in any Markdown page.
        """
        fragment, ctx = FRAGMENTS_BY_NAME[name], self._ctx
        html = ctx.templates.call_macro(
            fragment.template, fragment.macro, self.view, ctx.labels, ctx.dates, level
        )
        return Markup(_BLANK_LINES.sub("\n", html).strip())
