"""Measured health: ``opsdocs probe`` runs the checks of ``data/checks.yml``, keeps their
results in a small history folder (``history``, ``reader``, ``writer``), and drafts an incident
when a check keeps failing (``alerts``). The sites read the history (``derive.checks``).

Only ``run`` makes requests (httpx); the rest reads and writes files, or computes.
"""
