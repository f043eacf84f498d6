"""Helpers every page renderer uses: front matter, JSON in a page, edit links."""

from __future__ import annotations

import json
from collections.abc import Iterable

from markupsafe import Markup

from opsdocs.render.text import meta_text, safe_meta


def front_matter(title: str, hide: Iterable[str] = (), **extra: object) -> str:
    """A YAML front matter block; values are written as JSON, which YAML reads as they are.

    Every text in it, at any depth, is ``meta_text``: the theme may print any of it as it is.
    """
    lines = ["---", f"title: {json.dumps(meta_text(title), ensure_ascii=False)}"]
    hidden = list(hide)
    if hidden:
        lines.append(f"hide: {json.dumps(hidden)}")
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(safe_meta(value), ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def script_json(value: object) -> Markup:
    """``value`` as JSON safe inside a ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` are written as Unicode escapes, so no text can close the element.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def edit_url(repository_url: str | None, edit_uri: str, path: str) -> str | None:
    """The web address to edit ``path`` (relative to the repository root), or None without a
    repository address."""
    if not repository_url:
        return None
    return f"{str(repository_url).rstrip('/')}/{edit_uri.strip('/')}/{path.lstrip('/')}"
