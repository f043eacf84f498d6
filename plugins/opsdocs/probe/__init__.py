"""Measured health: ``opsdocs probe`` runs the checks of ``data/checks.yml`` (``run``), adds
their results to the history folder (``writer``; the format and its reader are
``opsdocs.model.checks_history``), and drafts an incident when a check keeps failing
(``alerts``). The sites read the history through the model (``derive.checks``).

Only ``run`` makes requests (httpx); the rest reads and writes files, or computes.
"""
