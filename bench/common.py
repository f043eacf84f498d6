"""What the benchmarks share: their error and the loop over scales.

``run.py`` and ``oncall.py`` both measure one scale after another in a temporary folder, print
each scale's report as soon as it is ready, and stop with one line on stderr at the first
failed step.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path


class BenchError(Exception):
    """A step failed; the message says which and why."""


def each_scale(
    scales: list[str], measure: Callable[[str], str], work: Path, keep: bool = False
) -> list[str] | None:
    """Run ``measure`` on each scale, printing the report it returns; the reports, in order.

    At a ``BenchError`` it prints ``bench: <message>`` to stderr and returns None, so the caller
    exits non-zero. ``work`` is removed at the end either way, unless ``keep`` (a folder the
    user chose).
    """
    texts: list[str] = []
    try:
        for scale in scales:
            text = measure(scale)
            print(text, flush=True)
            texts.append(text)
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return None
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return texts
