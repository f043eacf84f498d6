"""Directives: hand-written pages embed the handbook's tables with ``<!-- opsdocs:NAME -->``.

A directive (found by ``opsdocs.load.directives``) is replaced by the same fragment the
handbook page shows, as one HTML block, with links relative to the page it lands on.

Which directives a page may use is decided here, once, for ``opsdocs validate``, both builds
and ``opsdocs generate``: a name must be a fragment's, and a page on the public site (see
``page_is_public``) may only use the fragments that show nothing internal
(``PUBLIC_FRAGMENTS``). Every problem is found before anything is rendered or written.
"""

from __future__ import annotations

from opsdocs.load.directives import Directive, scan_lines
from opsdocs.model.project import Project
from opsdocs.model.runbooks import PageMeta, page_is_public
from opsdocs.problems import Problem
from opsdocs.render.context import RenderContext
from opsdocs.render.handbook.fragments import FRAGMENTS_BY_NAME, PUBLIC_FRAGMENTS, FragmentRenderer


def directive_names() -> list[str]:
    """Every name a directive may use."""
    return list(FRAGMENTS_BY_NAME)


def directive_problem(directive: Directive, public_page: bool) -> str | None:
    """What is wrong with ``directive`` on a page that is (or is not) on the public site."""
    fragment = FRAGMENTS_BY_NAME.get(directive.name)
    if fragment is None:
        known = ", ".join(directive_names())
        return f"unknown opsdocs directive '{directive.name}'; known directives: {known}"
    if public_page and not fragment.public:
        allowed = ", ".join(PUBLIC_FRAGMENTS)
        return (
            f"opsdocs directive '{directive.name}' shows internal data and this page is public; "
            f"mark the page 'audience: internal' or use a public directive: {allowed}"
        )
    return None


def page_directive_problems(
    docs_dir: str, src: str, directives: list[Directive], meta: PageMeta | None
) -> list[Problem]:
    """The problems of the directives of page ``src`` (relative to ``docs_dir``)."""
    public_page = page_is_public(meta)
    problems = []
    for directive in directives:
        message = directive_problem(directive, public_page)
        if message:
            problems.append(Problem(f"{docs_dir}/{src}", directive.line, directive.column, message))
    return problems


def directive_problems(project: Project, docs_dir: str) -> list[Problem]:
    """Every directive problem of the project's hand-written pages (under ``docs_dir``)."""
    problems: list[Problem] = []
    for src, directives in sorted(project.directives.items()):
        problems += page_directive_problems(docs_dir, src, directives, project.pages.get(src))
    return problems


def expand_directives(
    markdown: str, ctx: RenderContext, page_src: str, first_line: int = 1, path: str | None = None
) -> tuple[str, list[Problem]]:
    """``markdown``, the page ``page_src`` from line ``first_line`` of its file on, with each
    ``<!-- opsdocs:NAME -->`` line replaced by its fragment, and a problem per directive it
    could not expand, located in the file at ``path`` (default: ``page_src``).

    On the public site only the public fragments are ever rendered: any other directive is
    left as it was written (an invisible comment) and reported, whatever the page says."""
    renderer: FragmentRenderer | None = None
    problems: list[Problem] = []
    out: list[str] = []
    for line, directive in scan_lines(markdown, first_line):
        if directive is None:
            out.append(line)
            continue
        message = directive_problem(directive, ctx.public)
        if message:
            problems.append(Problem(path or page_src, directive.line, directive.column, message))
            out.append(line)
            continue
        renderer = renderer or FragmentRenderer(ctx, page_src)
        block = ctx.templates.render(
            "handbook/directive.html.j2", name=directive.name, html=renderer.render(directive.name)
        )
        # An HTML block needs blank lines around it to stay one block in Markdown.
        out.append(f"\n{block.strip()}\n\n")
    return "".join(out), problems
