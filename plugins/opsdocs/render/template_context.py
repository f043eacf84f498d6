"""What each page template receives: the contract a template override is written against.

The contract is data, ``render/templates/contract.yml``, beside the templates it describes.
``Templates.render`` holds every render to it (a renderer that passes a variable not listed
there, or leaves one out, is stopped at once), and ``docs/opsdocs/templates.md`` is generated
from it, so the documented variables are the ones a template gets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files

import yaml

CONTRACT = "contract.yml"


@dataclass(frozen=True)
class PageTemplate:
    """A template rendered with values: what it renders, and each variable it receives."""

    renders: str
    values: Mapping[str, str]


def _read_contract() -> dict[str, PageTemplate]:
    """Each template of the contract file, its shared variables first, then its own."""
    text = files("opsdocs.render").joinpath("templates", CONTRACT).read_text(encoding="utf-8")
    contract = yaml.safe_load(text)
    shared: dict[str, str] = contract["shared"]
    return {
        name: PageTemplate(
            entry["renders"],
            {**{key: shared[key] for key in entry["shared"]}, **entry["values"]},
        )
        for name, entry in contract["templates"].items()
    }


PAGE_TEMPLATES: dict[str, PageTemplate] = _read_contract()
"""Every template rendered with values, by path under ``render/templates``. The other
templates are libraries of macros, whose parameters say what each macro receives."""
