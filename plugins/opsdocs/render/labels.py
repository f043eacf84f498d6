"""Every string the plugins write, from a catalog per language, overridable in ``mkdocs.yml``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

FALLBACK_LANGUAGE = "en"


@cache
def catalog(language: str) -> dict[str, str]:
    """The shipped labels of ``language`` (``en``, ``es``); empty for a language not shipped."""
    name = f"{language.split('-')[0].split('_')[0].lower()}.yml"
    path = resources.files("opsdocs.render") / "labels" / name
    if not path.is_file():
        return {}
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")) or {})


def shipped_languages() -> list[str]:
    """Languages with a shipped catalog."""
    folder = resources.files("opsdocs.render") / "labels"
    return sorted(item.name.removesuffix(".yml") for item in folder.iterdir() if item.name.endswith(".yml"))


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
