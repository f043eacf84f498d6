"""Help categories and frequently asked questions (``data/faq.yml``).

Categories group the help center: the FAQ questions here, and the help articles (pages under
``docs/`` whose front matter names a ``category``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from opsdocs.model.base import Audience, Id, Markdown, Record, public_record

RESERVED_CATEGORY_IDS = frozenset({"index", "faq", "support"})
"""Ids a category cannot take: each category gets a page ``help/<id>.md``, and these paths are
the help center's home, FAQ and support pages."""


def _not_reserved(value: str) -> str:
    if value in RESERVED_CATEGORY_IDS:
        raise ValueError(f"'{value}' is reserved for the help center's own page help/{value}.md")
    return value


class HelpCategory(Record):
    """A help category: a page of its own, listing its articles and questions."""

    id: Annotated[Id, AfterValidator(_not_reserved)] = Field(
        description="Also the name of the category's page under help/; not index, faq or support.",
        json_schema_extra={"not": {"enum": sorted(RESERVED_CATEGORY_IDS)}},
    )
    name: str
    description: str = ""
    icon: str = Field("", max_length=8, description="A short symbol or emoji shown before the name.")


class Question(Record):
    """A frequently asked question and its answer."""

    id: Id = Field(description="Also the question's anchor on the FAQ page.")
    question: str
    answer: Markdown
    category: Id = Field(description="Id of a category of this file.")
    popular: bool = Field(False, description="Shown on the help center's home page.")
    audience: Audience = public_record()


class Faq(Record):
    """``data/faq.yml``."""

    categories: list[HelpCategory] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
