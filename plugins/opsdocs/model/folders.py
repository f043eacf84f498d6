"""What of a project's folders may be read at all: nothing that links outside the project,
and not more than ``MAX_PROJECT_BYTES`` in all."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from opsdocs.problems import Problem


def relative(root: Path, path: Path) -> str:
    """``path`` as the project names it in problems: relative to ``root``, with slashes."""
    return path.relative_to(root).as_posix()


def inside(root: Path, path: Path) -> bool:
    """False for a file that links outside the project, which is not read."""
    # A plain file in a folder that is inside is inside; only links need resolving, and each
    # folder is resolved once, not once per file.
    if not path.is_symlink() and _folder_inside(path.parent, root):
        return True
    # ``folder_problems`` has reported a file that is not.
    return path.resolve().is_relative_to(root)


MAX_PROJECT_BYTES = 200 * 1024 * 1024
"""The whole input (every file of the data, runbooks and pages folders) is refused above this:
ten times the largest project the benchmark builds, and a bound on what one build may cost."""


def folder_problems(root: Path, folders: tuple[str, ...]) -> list[Problem]:
    """What is wrong with ``folders`` (relative to ``root``) as a whole, before any file is read.

    Every file or folder that is a link resolving outside the project is refused: the engine
    would copy or build it, publishing a file such as ``/etc/passwd``. Links are not followed,
    so a linked folder is reported once. And the files together may not exceed
    ``MAX_PROJECT_BYTES``.
    """
    problems = []
    total = 0
    for folder in folders:
        top = root / folder
        if top.is_symlink() and not top.resolve().is_relative_to(root):
            problems.append(Problem(folder, 1, 1, "folder is a link to outside the project; refusing it"))
            continue
        for current, dirs, files in os.walk(top):
            for name in sorted([*dirs, *files]):
                path = Path(current) / name
                if path.is_symlink() and not path.resolve().is_relative_to(root):
                    kind = "folder" if name in dirs else "file"
                    message = f"{kind} is a link to outside the project; refusing to publish it"
                    problems.append(Problem(relative(root, path), 1, 1, message))
                elif name in files:
                    total += path.stat().st_size if path.exists() else 0
    if total > MAX_PROJECT_BYTES:
        limit = MAX_PROJECT_BYTES // (1024 * 1024)
        message = f"the project's files add up to {total / 1048576:.0f} MB; opsdocs reads at most {limit} MB"
        problems.append(Problem(".", 1, 1, message))
    return problems


@functools.lru_cache(maxsize=256)
def _folder_inside(folder: Path, root: Path) -> bool:
    return folder.resolve().is_relative_to(root)


def forget_resolved_folders() -> None:
    """Resolve every folder again from now on: one may have become a link since the last
    read (``mkdocs serve`` reads the project again on each change)."""
    _folder_inside.cache_clear()
