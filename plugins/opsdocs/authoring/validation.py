"""The checks ``opsdocs validate`` makes, as a function: what an edit must leave passing."""

from __future__ import annotations

from pathlib import Path

from opsdocs.model import Layout, Project, read_project
from opsdocs.problems import Problem, ProjectInvalid
from opsdocs.render.handbook.directives import directive_problems


def checked_project(root: Path, layout: Layout) -> tuple[Project | None, list[Problem]]:
    """The project at ``root`` and every problem a build would report on it (its data, then its
    pages' directives), warnings included; the project is None when any problem is an error."""
    try:
        project = read_project(root, layout)
    except ProjectInvalid as exc:
        return None, exc.problems
    problems = directive_problems(project, layout.docs_dir)
    return (None if problems else project), project.warnings + problems


def project_problems(root: Path, layout: Layout) -> list[Problem]:
    """The errors of the project at ``root``, as ``opsdocs validate`` reports them; empty when valid."""
    return [problem for problem in checked_project(root, layout)[1] if problem.level == "error"]
