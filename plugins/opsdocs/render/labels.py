"""Every string the plugins write, from a catalog per language, overridable in ``mkdocs.yml``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

FALLBACK_LANGUAGE = "en"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it: twice as fast on the catalogs as the pure-Python one."""


@cache
def catalog(language: str) -> dict[str, str]:
    """The shipped labels of ``language`` (``en``, ``es``); empty for a language not shipped.

    A language's catalog is a folder with one file per part of the sites (``status.yml``,
    ``handbook.yml``, ...); a key may appear in one file only.
    """
    code = language.split("-")[0].split("_")[0].lower()
    folder = resources.files("opsdocs.render") / "labels" / code
    if not folder.is_dir():
        return {}
    labels: dict[str, str] = {}
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if item.name.endswith(".yml"):
            part = yaml.load(item.read_text(encoding="utf-8"), Loader=_LOADER) or {}
            clash = sorted(set(part) & set(labels))
            if clash:
                raise ValueError(f"labels {clash} appear twice in the '{code}' catalog")
            labels.update(part)
    return labels


class Labels:
    """Labels in one language: the language's catalog, then English, then the overrides on top."""

    def __init__(self, language: str, overrides: Mapping[str, str] | None = None) -> None:
        self.language = language
        self._labels = {**catalog(FALLBACK_LANGUAGE), **catalog(language), **dict(overrides or {})}

    def __call__(self, key: str, **params: Any) -> str:
        """The label ``key``, with ``{name}`` placeholders filled from ``params``."""
        try:
            text = self._labels[key]
        except KeyError:
            raise KeyError(f"no label '{key}' in the catalog") from None
        return text.format(**params) if params else text

    def __contains__(self, key: str) -> bool:
        return key in self._labels
