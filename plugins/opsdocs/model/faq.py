"""Help categories and frequently asked questions (``data/faq.yml``).

Categories group the help center: the FAQ questions here, and the help articles (pages under
``docs/`` whose front matter names a ``category``).
"""

from __future__ import annotations

from pydantic import Field

from opsdocs.model.base import Audience, Id, Markdown, Record, audience_field, page_id

RESERVED_CATEGORY_IDS = frozenset({"index", "faq", "support"})
"""Ids a category cannot take: each category gets a page ``help/<id>.md``, and these paths are
the help center's home, FAQ and support pages."""
CategoryId = page_id("help", RESERVED_CATEGORY_IDS)


class HelpCategory(Record):
    """A help category: a page of its own, listing its articles and questions."""

    id: CategoryId
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
    audience: Audience = audience_field()


class Faq(Record):
    """``data/faq.yml``."""

    categories: list[HelpCategory] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
