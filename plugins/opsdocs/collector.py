"""Pausing Python's cyclic garbage collector while opsdocs builds large, acyclic structures.

Loading a large project creates hundreds of thousands of objects that all stay alive, and each
allocation threshold crossed makes the collector walk every one of them again to find no
garbage: at 5,000 incidents that was 40 % of the time spent loading. Records, parsed YAML and
rendered pages hold no reference cycles, so reference counting frees whatever becomes garbage
while the collector is paused; it runs again, as before, when the pause ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic garbage collector off; restore its state afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
