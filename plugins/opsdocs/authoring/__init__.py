"""Editing a project's data from the command line: the on-call commands' core.

Each command plans its edit as a ``ChangeSet`` (``changes.py``): files written with
ruamel.yaml's round trip (``yamldoc.py``), so comments and layout survive, and checked as
``opsdocs validate`` checks them before anything is written. Nothing here reads the command
line or prompts: ``opsdocs.cli.incident`` and ``opsdocs.cli.maintenance`` do.
"""
