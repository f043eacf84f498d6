"""Adapters: the MkDocs plugins. They load the project once per build and hand over pages."""
