"""The public help center: its home, a page per help category, the FAQ and the support page,
plus what every help article gets (the incident banner under its title, related articles at
the end).

Who reads it: a customer who cannot do something in the calendar and wants the answer without
writing to support. So the home page leads with search and topics, every help page says when
the service itself is having problems, and the FAQ carries schema.org ``FAQPage`` data for
search engines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial

from markupsafe import Markup

from opsdocs.load.markdown_page import split_leading_heading
from opsdocs.model.base import Audience
from opsdocs.model.faq import HelpCategory, Question
from opsdocs.model.support import Channel
from opsdocs.render import links
from opsdocs.render.context import RenderContext
from opsdocs.render.helpcenter.articles import Article, RelatedArticles, article_from_page
from opsdocs.render.helpcenter.banner import ServiceNotice, render_banner
from opsdocs.render.markdown import plain_line, render_markdown
from opsdocs.render.pages import front_matter, script_json
from opsdocs.render.paths import HelpPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.text import meta_text

__all__ = ["Article", "HelpCenter", "ServiceNotice", "article_from_page", "help_page", "render_helpcenter"]

ARTICLES_PER_CATEGORY_ON_HOME = 5
POPULAR_QUESTIONS = 6


help_page = HelpPages().page
"""Path of a help page: ``index``, ``faq``, ``support`` or a category's id."""
FAQ_PAGE = HelpPages().faq
SUPPORT_PAGE = HelpPages().support
HOME_PAGE = HelpPages().home


@dataclass(frozen=True)
class _Topic:
    """A category with its articles and questions."""

    category: HelpCategory
    articles: list[Article]
    questions: list[Question]

    @property
    def page(self) -> str:
        return help_page(self.category.id)


@dataclass
class HelpCenter:
    """The help center of one build: the project's categories and questions, the articles the
    site has, and the service's state for the banner."""

    ctx: RenderContext
    articles: Sequence[Article]
    notice: ServiceNotice
    _by_src: dict[str, Article] = field(init=False, repr=False)
    related: RelatedArticles = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.articles = sorted(self.articles, key=lambda a: (a.title.casefold(), a.src))
        self._by_src = {a.src: a for a in self.articles}
        self.related = RelatedArticles(self.articles)

    # --- what pages read ----------------------------------------------------------------------

    @property
    def topics(self) -> list[_Topic]:
        faq = self.ctx.project.faq
        return [
            _Topic(
                category,
                [a for a in self.articles if a.category == category.id],
                [q for q in faq.questions if q.category == category.id],
            )
            for category in faq.categories
        ]

    def article(self, src: str) -> Article | None:
        """The article built from ``src``, if that page is one."""
        return self._by_src.get(src)

    def link(self, from_src: str, to: str, anchor: str = "") -> str:
        """A relative link between two pages, with an optional ``#anchor``."""
        href = self.ctx.link(from_src, to)
        return f"{href}#{anchor}" if anchor else href

    def site_href(self, from_src: str, target: str) -> str | None:
        """A link from data to ``target``, from the page ``from_src`` (see
        ``opsdocs.render.links``); None for a page of a part this site does not have."""
        return links.site_href(target, partial(self.ctx.link, from_src), self.ctx.paths.lacks)

    def channel_href(self, from_src: str, channel: Channel) -> str | None:
        """Where a support channel's address leads: mail, phone, or a page."""
        link = partial(self.ctx.link, from_src)
        return links.channel_href(channel.kind, channel.address, link, self.ctx.paths.lacks)

    def banner(self, page_src: str) -> Markup:
        """The incident banner for a help page; empty while the service is fine."""
        return render_banner(self.ctx, self.notice, page_src)

    # --- pages --------------------------------------------------------------------------------

    def render(self, plan: SitePlan) -> None:
        """Add the help home, a page per category, the FAQ and the support page to ``plan``."""
        labels = self.ctx.labels
        topics = self.topics
        plan.add(HOME_PAGE, front_matter(labels("help.title")) + self._home(topics), Audience.public)
        for topic in topics:
            extra = {"description": topic.category.description} if topic.category.description else {}
            content = self._page("helpcenter/category.md.j2", topic.page, topic=topic)
            plan.add(topic.page, front_matter(topic.category.name, **extra) + content, Audience.public)
        plan.add(FAQ_PAGE, front_matter(labels("help.faq.title")) + self._faq(topics), Audience.public)
        support = self._page("helpcenter/support.md.j2", SUPPORT_PAGE, support=self.ctx.project.support)
        plan.add(SUPPORT_PAGE, front_matter(labels("help.support.title")) + support, Audience.public)

    def _page(self, template: str, src: str, **values: object) -> str:
        """Render a help page's template with what every help page needs."""
        return self.ctx.templates.render(
            template,
            src=src,
            help=self,
            banner=self.banner(src),
            labels=self.ctx.labels,
            dates=self.ctx.dates,
            render_markdown=render_markdown,
            status_page=self.notice.status_page,
            home=HOME_PAGE,
            faq_page=FAQ_PAGE,
            support_page=SUPPORT_PAGE,
            **values,
        )

    def _home(self, topics: list[_Topic]) -> str:
        questions = self.ctx.project.faq.questions
        popular = [q for q in questions if q.popular] or list(questions)
        channels = self.ctx.project.support.channels
        return self._page(
            "helpcenter/index.md.j2",
            HOME_PAGE,
            topics=topics,
            per_topic=ARTICLES_PER_CATEGORY_ON_HOME,
            popular=popular[:POPULAR_QUESTIONS],
            channels=channels,
            indicator=self.notice.snapshot.indicator.value,
        )

    def _faq(self, topics: list[_Topic]) -> str:
        return self._page(
            "helpcenter/faq.md.j2",
            FAQ_PAGE,
            topics=[t for t in topics if t.questions],
            json_ld=script_json(faq_json_ld(q for t in topics for q in t.questions)),
        )

    # --- articles ------------------------------------------------------------------------------

    def decorate(self, article: Article, markdown: str) -> str:
        """An article's Markdown with the banner under its title and its related articles at
        the end.

        The banner goes under the page's leading level-1 heading; a page without one gets its
        title from the theme, above the content, so the banner is under the title either way.
        """
        top, body = split_leading_heading(markdown)
        parts = [top, str(self.banner(article.src)), body.strip("\n")]
        related = self.related.of(article)
        if related:
            values = {"article": article, "related": related, "help": self, "labels": self.ctx.labels}
            parts.append(self.ctx.templates.render("helpcenter/related.html.j2", **values).strip())
        return "\n\n".join(part for part in parts if part) + "\n"


def faq_json_ld(questions: Iterable[Question]) -> dict[str, object]:
    """schema.org ``FAQPage`` data for the public ones of ``questions``, answers as plain text.

    Search engines show these texts as page meta, so they are ``meta_text``: no markup, even
    after un-escaping.

    Serialise it with ``script_json``, which escapes ``<``, ``>`` and ``&``: no question or
    answer can close the ``<script>`` element it is written in.
    """
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": meta_text(q.question),
                "acceptedAnswer": {"@type": "Answer", "text": meta_text(plain_line(q.answer))},
            }
            for q in questions
            if q.audience == Audience.public
        ],
    }


def render_helpcenter(
    ctx: RenderContext, plan: SitePlan, articles: Sequence[Article], notice: ServiceNotice
) -> HelpCenter:
    """Add every help page to ``plan``; return the help center, which also decorates articles."""
    center = HelpCenter(ctx, articles, notice)
    center.render(plan)
    return center
