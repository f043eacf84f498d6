"""Keeping Python's cyclic garbage collector out of the way while opsdocs builds large
structures.

Loading a large project creates hundreds of thousands of objects that all stay alive, and each
allocation threshold crossed makes the collector walk every one of them again to find no
garbage: at 5,000 incidents that was 40 % of the time spent loading. While the collector is
paused, reference counting still frees whatever has no cycles.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, keep_alive_data: bool = False) -> Iterator[None]:
    """Run the body with the cyclic garbage collector off; restore its state afterwards.

    With ``keep_alive_data``, what is alive when the body ends is also moved out of the
    collector's sight for good (``gc.freeze``), so later collections of the build do not walk
    it again: for data that lives as long as the build and holds no reference cycles, such as
    a loaded project (loading the largest benchmark project leaves no cyclic garbage). The
    collector runs once first, so nothing that was already garbage is kept.
    """
    was_enabled = gc.isenabled()
    if keep_alive_data:
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if keep_alive_data:
            gc.freeze()
        if was_enabled:
            gc.enable()
