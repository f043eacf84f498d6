"""The staff site's reliability report and postmortem pages.

``render_reliability`` adds ``reliability/index.md`` (``report.py``; each window in
``windows.py``; what the charts show in ``report_charts.py``, drawn by ``charts.py``);
``render_postmortems`` adds ``postmortems/<incident id>.md`` and ``postmortems/index.md``
(``postmortems.py``). Every page they add is internal.
"""

from __future__ import annotations

from opsdocs.render.reliability.postmortems import render_postmortems
from opsdocs.render.reliability.report import POSTMORTEMS, REPORT, render_reliability

__all__ = ["POSTMORTEMS", "REPORT", "render_postmortems", "render_reliability"]
