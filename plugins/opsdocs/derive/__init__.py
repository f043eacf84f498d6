"""Derive: pure functions from the model and ``now`` to facts (statuses, uptime, metrics).

Nothing here reads files or the clock; everything takes ``now`` as an argument.
"""
