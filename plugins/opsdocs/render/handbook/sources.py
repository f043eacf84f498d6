"""Which data file a handbook section comes from, and where to edit it."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from opsdocs.model.files import DATA_KINDS
from opsdocs.render.context import RenderContext
from opsdocs.render.pages import edit_url

_KINDS = {kind.name: kind for kind in DATA_KINDS}


@dataclass(frozen=True)
class DataFile:
    """A data file as a page names it: its path in the repository and its edit link."""

    path: str
    edit: str | None
    """Web address to edit the file; None without a repository address or when it is missing."""
    exists: bool


def data_file(ctx: RenderContext, kind_name: str) -> DataFile:
    """The file of data kind ``kind_name`` (``severities``, ``contacts``...).

    The path is the one the project was read from, so a project with another data folder
    links the right file; a file the project lacks is named where it would go, without a link.
    """
    site = ctx.project.site
    kind = _KINDS[kind_name]
    source = getattr(getattr(ctx.project, kind_name, None), "source", None)
    if source is not None:
        return DataFile(source.path, edit_url(site.repository_url, site.edit_uri, source.path), True)
    data_dir = posixpath.dirname(site.source.path) if site.source is not None else "data"
    return DataFile(posixpath.join(data_dir, kind.pattern), None, False)


def data_files(ctx: RenderContext, kind_names: list[str]) -> list[DataFile]:
    """The files of several kinds, each once, in the given order."""
    return [data_file(ctx, name) for name in dict.fromkeys(kind_names)]
