"""A build writes beside the site folder and replaces it only when it succeeded.

MkDocs empties ``site_dir`` before it renders a page, so any later failure — a strict-mode
warning, a broken link, an error in a theme or another plugin — would leave no site, or half a
new one, where a deploy or a web server expects the last good one. The ``opsdocs`` plugin
points MkDocs at a fresh folder next to ``site_dir`` and moves it into place at the very end,
after MkDocs' own checks, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler


@dataclass
class Staging:
    """Where one build writes, and the site folder it replaces when it succeeds."""

    config: MkDocsConfig
    target: Path
    folder: Path

    @classmethod
    def start(cls, config: MkDocsConfig) -> Staging:
        """Point ``config`` at a new, empty folder beside its ``site_dir``."""
        target = Path(config.site_dir)
        folder = target.with_name(f".{target.name}.opsdocs-build")
        shutil.rmtree(folder, ignore_errors=True)
        config.site_dir = str(folder)
        return cls(config, target, folder)

    def finish(self) -> bool:
        """Move the new site into place, unless strict mode is about to fail the build (then
        MkDocs raises next, and ``abandon`` removes the new folder). Whether it moved."""
        self.config.site_dir = str(self.target)
        if _strict_warnings():
            return False
        old = self.target.with_name(f".{self.target.name}.opsdocs-old")
        shutil.rmtree(old, ignore_errors=True)
        if self.target.exists():
            self.target.rename(old)
        self.folder.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def abandon(self) -> None:
        """Drop what a failed build wrote; the site folder was never touched."""
        self.config.site_dir = str(self.target)
        shutil.rmtree(self.folder, ignore_errors=True)


def _strict_warnings() -> bool:
    """Whether MkDocs counted warnings that make a strict build fail after the last event."""
    return any(
        isinstance(handler, CountHandler) and handler.get_counts()
        for handler in logging.getLogger("mkdocs").handlers
    )
