"""Help articles: hand-written pages whose front matter names a help category.

An article's title and summary are read from the page itself (front matter ``title`` and
``description`` when given, else its first level-1 heading and first paragraph), as plain text:
they land in HTML through autoescaping templates, never in Markdown syntax.
"""

from __future__ import annotations

import heapq
import posixpath
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from opsdocs.load import markdown_page
from opsdocs.model.runbooks import PageMeta
from opsdocs.render.markdown import plain_line
from opsdocs.render.page_meta import first_heading_text

RELATED_LIMIT = 5
SUMMARY_LENGTH = 200

_NOT_A_PARAGRAPH = re.compile(
    r"""^(?:\#|<|!!!|\?\?\?|\||>|[-*+][ \t]|\d+[.)][ \t]|\[TOC\]|\{|-{3,}\s*$|={3,}\s*$|[ ]{4}|\t)"""
)


@dataclass(frozen=True)
class Article:
    """A help article: where it is built from, and what the help pages say about it."""

    src: str
    """The page's path in the site's files (``help/export.md``)."""
    title: str
    summary: str
    category: str
    tags: tuple[str, ...] = ()
    last_reviewed: date | None = None


def article_from_page(src: str, meta: PageMeta, text: str) -> Article | None:
    """The article built from the page at ``src`` (front matter ``meta``, source ``text``);
    None for a page without a category."""
    if not meta.category:
        return None
    body = markdown_page.page_markdown(text)
    extra = meta.model_extra or {}
    title = extra.get("title") if isinstance(extra.get("title"), str) else None
    description = extra.get("description") if isinstance(extra.get("description"), str) else None
    return Article(
        src=src,
        title=" ".join((title or first_heading_text(body) or _title_from_path(src)).split()),
        summary=shorten(plain_line(description) if description else first_paragraph(body)),
        category=meta.category,
        tags=tuple(meta.tags),
        last_reviewed=meta.last_reviewed,
    )


def first_paragraph(body: str) -> str:
    """The first paragraph of ``body`` as plain text; headings, lists, tables, code, quotes,
    admonitions and HTML blocks are not paragraphs."""
    lines: list[str] = []
    skipping = False
    for line, fenced in markdown_page.fenced_lines(body):
        if fenced or not line.strip():
            if lines:
                break
            skipping = False
            continue
        if not lines and (skipping or _NOT_A_PARAGRAPH.match(line)):
            skipping = True
            continue
        lines.append(line.strip())
    return plain_line("\n".join(lines)) if lines else ""


def shorten(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def _title_from_path(src: str) -> str:
    stem = posixpath.splitext(posixpath.basename(src))[0]
    if stem in ("index", "README"):
        stem = posixpath.basename(posixpath.dirname(src)) or stem
    words = stem.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def related_articles(
    article: Article, articles: Sequence[Article], limit: int = RELATED_LIMIT
) -> list[Article]:
    """Up to ``limit`` other articles of the same category or sharing a tag with ``article``,
    the closest first: a shared category counts as much as two shared tags."""
    return RelatedArticles(articles).of(article, limit)


class RelatedArticles:
    """Which articles are related to which: the articles indexed once by category and by tag,
    so finding an article's relatives reads only the articles that share something with it
    instead of every article of the site."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._by_category: dict[str, list[Article]] = defaultdict(list)
        self._by_tag: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            self._by_category[article.category].append(article)
            for tag in _tag_keys(article):
                self._by_tag[tag].append(article)

    def of(self, article: Article, limit: int = RELATED_LIMIT) -> list[Article]:
        """Up to ``limit`` articles related to ``article``, the closest first (see
        ``related_articles``); ties by title, then path."""
        scores: dict[str, int] = defaultdict(int)
        found: dict[str, Article] = {}
        for other in self._by_category.get(article.category, ()):
            scores[other.src] += 2
            found[other.src] = other
        for tag in _tag_keys(article):
            for other in self._by_tag.get(tag, ()):
                scores[other.src] += 1
                found[other.src] = other
        scores.pop(article.src, None)
        if not scores or limit <= 0:
            return []
        # Only articles scoring at least the limit-th best score can be kept: order those.
        floor = heapq.nlargest(limit, scores.values())[-1]
        contenders = [src for src, score in scores.items() if score >= floor]
        contenders.sort(key=lambda src: (-scores[src], found[src].title.casefold(), src))
        return [found[src] for src in contenders[:limit]]


def _tag_keys(article: Article) -> set[str]:
    return {t.casefold() for t in article.tags}
