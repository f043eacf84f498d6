"""The Jinja environment the renderers share; templates ship in ``render/templates``."""

from __future__ import annotations

from functools import cache

import jinja2


@cache
def environment() -> jinja2.Environment:
    """A Jinja environment that escapes every value unless it is marked safe.

    Generated pages are Markdown whose body is HTML, so HTML escaping is the right escaping
    for them; sanitized Markdown from data arrives already marked safe.
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("opsdocs.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates ship with the package: checking each file's time at every page costs two
        # stat calls per page and finds nothing.
        auto_reload=False,
    )
    return env


def render(template: str, **context: object) -> str:
    """Render the template named ``template`` with ``context``."""
    return environment().get_template(template).render(**context)
