"""What is out at ``now`` is decided once, in ``derive``: no renderer compares a time with ``now``.

A renderer that filters a record's updates by ``u.at <= now`` makes its own rule of what is
published, and the next one makes another (the feeds once did it apart from the pages). The
rules live in ``opsdocs/derive/published.py``; renderers read the snapshot and ``derive``.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.paths import REPO

RENDER = REPO / "plugins" / "opsdocs" / "render"

# A comparison with anything called now: ``x <= now``, ``ctx.now > x``, ``snapshot.now >= x``.
COMPARES_NOW = re.compile(r"(?:<=|>=|<|>)\s*(?:\w+\.)*now\b|\bnow\s*(?:<=|>=|<(?!<)|>(?!>))")
# The model's old as-of helpers, should they come back.
AS_OF_METHOD = re.compile(r"\.(?:is_announced|resolved_by)\(")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def _code(path: Path) -> list[tuple[int, str]]:
    """The lines of ``path`` that are code: Python lines, or a template's Jinja expressions."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return list(enumerate(text.splitlines(), start=1))
    return [(text.count("\n", 0, m.start()) + 1, m.group(0)) for m in JINJA.finditer(text)]


def test_no_renderer_decides_what_is_out_at_now() -> None:
    files = sorted([*RENDER.rglob("*.py"), *RENDER.rglob("*.j2")])
    assert files, RENDER
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in files
        for number, line in _code(path)
        if COMPARES_NOW.search(line) or AS_OF_METHOD.search(line)
    ]
    assert found == [], (
        "a renderer compares a record's time with now; ask opsdocs/derive/published.py (or the "
        "status snapshot) what is published, started, resolved or announced at now instead:\n"
        + "\n".join(found)
    )


def test_the_check_sees_the_comparisons_it_forbids() -> None:
    forbidden = (
        "if u.at <= now:",
        "x > ctx.now",
        "if snapshot.now >= w.at",
        "if now < t",
        "w.is_announced(t)",
    )
    for line in forbidden:
        assert COMPARES_NOW.search(line) or AS_OF_METHOD.search(line), line
    for line in ("now=now,", "def f(now: datetime) -> None:", "duration(now - start)", "return ctx.now"):
        assert not (COMPARES_NOW.search(line) or AS_OF_METHOD.search(line)), line
