"""What the handbook templates receive (staff site): a page, the index, a directive's fragment."""

from __future__ import annotations

from opsdocs.render.template_context.base import PageTemplate, page, shared

TEMPLATES: dict[str, PageTemplate] = {
    "handbook/page.md.j2": page(
        "a handbook page (staff site), `handbook/<page>.md`",
        shared("labels"),
        title="the page's title",
        intro="the page's introduction",
        files="the data files it shows (`path`, `edit`, `exists`)",
        sections="its sections (`id`, `heading`, `html`: the fragment's HTML)",
        index_link="link to the handbook's index",
    ),
    "handbook/index.md.j2": page(
        "the handbook's index (staff site), `handbook/index.md`",
        shared("labels"),
        entries="each page's `title`, `description`, `link` and `files`",
    ),
    "handbook/directive.html.j2": page(
        "a fragment where a hand-written page has `<!-- opsdocs:NAME -->`",
        name="the fragment's name",
        html="the fragment's HTML",
    ),
}
