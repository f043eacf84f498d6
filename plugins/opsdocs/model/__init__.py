"""Model: typed records of a project's operations data, one module per domain."""

from opsdocs.model.project import Layout, Project
from opsdocs.model.read import read_project

__all__ = ["Layout", "Project", "read_project"]
