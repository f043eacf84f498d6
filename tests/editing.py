"""Breaking a copy of a fixture project in one place, and finding where the edit landed, so a
test can check that the problem is reported on the edited line (found in the text, never
hard-coded)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import Reported, Run

INCIDENT_API = "data/incidents/2026-03-10-api-errors.yml"
INCIDENT_EMAIL = "data/incidents/2026-03-20-slow-emails.yml"
WINDOW = "data/maintenance/2026-04-db-upgrade.yml"
RUNBOOK = "runbooks/one.md"
"""Files of ``tests/fixtures/minimal`` that the validation tests edit."""


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def edit(root: Path, rel: str, old: str, new: str, mark: str | None = None) -> tuple[int, int]:
    """Replace the one occurrence of ``old`` in ``root/rel`` by ``new``.

    Returns the 1-based (line, column) at which ``mark`` (a part of ``new``; all of it by
    default) stands in the edited file, for comparison with the reported position.
    """
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {rel}"
    start = text.index(old)
    edited = text[:start] + new + text[start + len(old) :]
    path.write_text(edited, encoding="utf-8")
    offset = start + (new.index(mark) if mark is not None else 0)
    return position(edited, offset)


def replace(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path`` (it must be there) with ``new``; the 1-based line
    it stands on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def where(root: Path, rel: str, needle: str) -> tuple[int, int]:
    """The 1-based (line, column) of the one occurrence of ``needle`` in ``root/rel``."""
    text = (root / rel).read_text(encoding="utf-8")
    assert text.count(needle) == 1, f"{needle!r} should occur once in {rel}"
    return position(text, text.index(needle))


def assert_problem(result: Run, path: str, line: int, *words: str, column: int | None = None) -> Reported:
    """The command failed cleanly and reported a problem in ``path`` on ``line`` with ``words``."""
    assert result.returncode == 1, f"expected exit 1, got {result.returncode}\n{result.stdout}{result.stderr}"
    assert "Traceback" not in result.stderr + result.stdout
    problems = result.problems
    assert problems, f"no problem lines in stderr:\n{result.stderr}"
    for problem in problems:
        if (
            problem.path == path
            and problem.line == line
            and problem.level == "error"
            and all(word in problem.message for word in words)
            and (column is None or problem.column == column)
        ):
            return problem
    wanted = f"{path}:{line}:{column or '*'} with {words}"
    raise AssertionError(f"expected a problem at {wanted}; got:\n{result.stderr}")


@dataclass(frozen=True)
class Edit:
    """One edit of a project and the problem ``opsdocs validate`` must then report: on the line
    where ``mark`` (a part of ``new``; all of it by default) stands, with each of ``words`` in
    its message, on ``mark``'s column when ``at_column``; ``says`` are more words that problem's
    message must hold."""

    rel: str
    old: str
    new: str
    words: tuple[str, ...]
    says: tuple[str, ...] = ()
    mark: str | None = None
    at_column: bool = False


def assert_edit_reported(root: Path, validate: Callable[[Path], Run], case: Edit) -> Reported:
    """Make ``case``'s edit in ``root``, validate ``root``, and check the problem it reports."""
    line, column = edit(root, case.rel, case.old, case.new, case.mark)
    column_wanted = column if case.at_column else None
    problem = assert_problem(validate(root), case.rel, line, *case.words, column=column_wanted)
    for words in case.says:
        assert words in problem.message, problem.message
    return problem
