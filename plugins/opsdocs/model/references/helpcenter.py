"""Checks of the help center: question ids are unique, categories are those of faq.yml."""

from __future__ import annotations

from opsdocs.model.references.checker import Checker


def check_help(c: Checker) -> None:
    """Question ids are unique; a question's and a help article's category is one of faq.yml.

    Articles are checked only when faq.yml exists: without it a page's ``category`` is free
    text, as it was before the help center.
    """
    faq_file = f"{c.layout.data_dir}/faq.yml"
    categories = c.unique("help category", c.project.faq.categories)
    c.unique("question", c.project.faq.questions)
    if not (c.project.root / faq_file).is_file():
        return
    for question in c.project.faq.questions:
        c.known(question, ("category",), question.category, "help category", categories, faq_file)
    for meta in c.project.pages.values():
        c.known(meta, ("category",), meta.category, "help category", categories, faq_file)
