"""Run ``mkdocs`` in this process and report its own peak memory and time.

Usage: ``python bench/buildrun.py REPORT.json build --strict -f mkdocs.yml -d out``. The report
holds the exit code, the peak resident memory of this process (the build's; ``VmHWM``, else
``ru_maxrss``) and the seconds from start to end, imports included. The exit code is mkdocs'
own.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _peak_kb() -> int | None:
    """This process's peak resident memory since its ``exec`` (``VmHWM``), or None off Linux.

    ``ru_maxrss`` is not enough: Linux carries the parent's peak over ``fork`` and ``exec``, so
    a build started by a big benchmark process would report the benchmark's memory.
    """
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def main() -> int:
    started = time.perf_counter()
    report = Path(sys.argv[1])
    code = 1
    try:
        from mkdocs.__main__ import cli

        cli.main(args=sys.argv[2:], prog_name="mkdocs", standalone_mode=True)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        report.write_text(
            json.dumps(
                {
                    "code": code,
                    "peak_kb": _peak_kb() or usage.ru_maxrss,
                    "maxrss_kb": usage.ru_maxrss,
                    "seconds": time.perf_counter() - started,
                    "user": usage.ru_utime,
                    "system": usage.ru_stime,
                }
            ),
            encoding="utf-8",
        )
    return code


if __name__ == "__main__":
    sys.exit(main())
