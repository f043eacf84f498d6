"""What the training templates receive: the index and a learning path."""

from __future__ import annotations

from opsdocs.render.template_context.base import PageTemplate, page, shared

_TRAINING = {
    **shared("labels", "dates", "staff"),
    "total_time": "`total_time(path)`: the time a learning path takes",
    "inline": "`inline(text)`: one line of Markdown from the data as sanitized HTML",
    "anchor": "`anchor(module_id)`: the id of a module's section",
}

TEMPLATES: dict[str, PageTemplate] = {
    "training/index.md.j2": page(
        "the training index, `training/index.md`", _TRAINING, paths="(learning path, link) of each path"
    ),
    "training/path.md.j2": page(
        "a learning path's page, `training/<path>.md`",
        _TRAINING,
        path="the learning path",
        modules="its modules (`number`, `module`, `prerequisites`, `links`)",
        index_link="link to the training index",
    ),
}
