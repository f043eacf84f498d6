"""A set of edits to a project's files, checked as a whole before any file is touched.

An edit is validated in a scratch copy of the project's folders with the edit applied, by the
same checks ``opsdocs validate`` makes; only an edit that leaves the project valid is written,
each file replaced in one step, and if writing one fails the files already written are put
back. So a bad edit leaves every file exactly as it was, and a build or ``mkdocs serve``
running meanwhile never reads a half-made change.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from opsdocs.authoring import yamldoc
from opsdocs.authoring.validation import project_problems
from opsdocs.model import Layout
from opsdocs.problems import Problem


@dataclass(frozen=True)
class FileChange:
    """One file's new content; ``before`` is None for a file that does not exist yet."""

    path: str
    """Relative to the project, with ``/``."""
    before: bytes | None
    after: bytes


@dataclass
class ChangeSet:
    """The files one command changes, and a line saying what it does."""

    summary: str
    changes: list[FileChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the person should know before the edit is written (a file re-laid out, say)."""

    @property
    def created_id(self) -> str:
        """The id of the record a ``new`` change creates: its file's name."""
        return self.changes[0].path.rsplit("/", 1)[-1].removesuffix(".yml")

    def add(self, path: str, before: bytes | None, after: bytes) -> None:
        """Plan to write ``after`` to ``path`` (which holds ``before``)."""
        self.changes.append(FileChange(path, before, after))

    def diff(self) -> str:
        """A unified diff of every change, as ``git diff`` shows one."""
        chunks = []
        for change in self.changes:
            old = _lines(change.before)
            new = _lines(change.after)
            source = f"a/{change.path}" if change.before is not None else "/dev/null"
            chunks.extend(difflib.unified_diff(old, new, source, f"b/{change.path}"))
        return "".join(line if line.endswith("\n") else line + "\n" for line in chunks)

    def problems(self, root: Path, layout: Layout) -> list[Problem]:
        """What ``opsdocs validate`` would report on the project with these changes made.

        Checked in a scratch copy of the project's folders, so nothing of the project is
        touched; problems name files relative to the project, as ``opsdocs validate`` does.
        """
        with tempfile.TemporaryDirectory(prefix="opsdocs-check-") as scratch:
            copy = Path(scratch)
            for folder in layout.folders():
                source = root / folder
                if source.is_dir():
                    shutil.copytree(source, copy / folder, symlinks=False, ignore_dangling_symlinks=True)
            for change in self.changes:
                target = copy / change.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(change.after)
            return project_problems(copy, layout)

    def write(self, root: Path) -> None:
        """Write every change, each file replaced at once; on a failure, put back what was
        written and raise the error."""
        done: list[FileChange] = []
        made: list[Path] = []
        try:
            for change in self.changes:
                target = root / change.path
                if not target.parent.exists():
                    missing = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
                    target.parent.mkdir(parents=True)
                    made.extend(missing)
                _replace(target, change.after)
                done.append(change)
        except BaseException:
            for change in reversed(done):
                target = root / change.path
                if change.before is None:
                    target.unlink(missing_ok=True)
                else:
                    _replace(target, change.before)
            for folder in made:
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
            raise


def edit_file(root: Path, path: str, summary: str, change: Callable[[Any], None]) -> ChangeSet:
    """The change ``change`` makes to the data file ``path`` (relative to ``root``), which it
    edits in place as ruamel.yaml's round trip parsed it; noted when ruamel.yaml would lay out
    lines of the file it does not change differently."""
    doc = yamldoc.load(root / path)
    change(doc.data)
    changes = ChangeSet(summary)
    if not doc.keeps_layout():
        changes.notes.append(f"{path}: ruamel.yaml lays out some unchanged lines differently; see the diff")
    changes.add(path, doc.encode(doc.text), doc.encode(doc.dump()))
    return changes


def _replace(target: Path, content: bytes) -> None:
    """Write ``content`` to ``target`` through a file beside it, renamed over it in one step."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        if target.exists():
            shutil.copymode(target, temporary)
        else:
            Path(temporary).chmod(0o666 & ~_umask())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's file mode mask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _lines(content: bytes | None) -> list[str]:
    if content is None:
        return []
    return content.decode("utf-8").removeprefix("\ufeff").splitlines(keepends=True)
