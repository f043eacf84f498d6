"""Problems found in a project's files, reported as ``path:line:col: error: message``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file; ``line`` and ``column`` are 1-based (0 when unknown)."""

    path: str
    line: int
    column: int
    message: str
    level: Level = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level}: {self.message}"


class ProjectInvalid(Exception):
    """Raised when a project cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    """The problems one per line, in file order, followed by a count."""
    lines = [str(p) for p in sorted(problems)]
    errors = sum(1 for p in problems if p.level == "error")
    lines.append(f"{errors} error(s) found." if errors else "No errors found.")
    return "\n".join(lines)
