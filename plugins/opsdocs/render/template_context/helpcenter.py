"""What the help center templates receive: its home, a category, the FAQ, the support page,
the incident banner and the related articles."""

from __future__ import annotations

from opsdocs.render.template_context.base import PageTemplate, page, shared

_HELP = {
    **shared("labels", "dates", "render_markdown"),
    "src": "the page's path (`help/faq.md`), for `help.link(src, to)`",
    "help": "the help center: `help.link(from, to, anchor)`, `help.site_href(from, target)`, "
    "`help.channel_href(from, channel)`",
    "banner": "the incident banner of the page (HTML), empty while all is well",
    "status_page": "the status page's path, or `None` on a site without one",
    "home": "the help home's path",
    "faq_page": "the FAQ's path",
    "support_page": "the support page's path",
}

TEMPLATES: dict[str, PageTemplate] = {
    "helpcenter/index.md.j2": page(
        "the help home, `help/index.md`",
        _HELP,
        topics="each help category with its `articles` and `questions`, and its `page`",
        per_topic="how many articles a topic lists",
        popular="the questions the home lists",
        channels="the support channels",
        indicator="the overall status indicator at `now` (`none`, `minor`, ...)",
    ),
    "helpcenter/category.md.j2": page(
        "a help category's page, `help/<category>.md`",
        _HELP,
        topic="the category with its `articles` and `questions`",
    ),
    "helpcenter/faq.md.j2": page(
        "the FAQ, `help/faq.md`",
        _HELP,
        topics="the categories that have questions",
        json_ld="the FAQ's schema.org data, ready for a `<script>` element",
    ),
    "helpcenter/support.md.j2": page(
        "the support page, `help/support.md`",
        _HELP,
        support="the support data (`support.yml`: channels, targets, self-service)",
    ),
    "helpcenter/banner.html.j2": page(
        "the incident banner of a help page",
        shared("labels"),
        messages="what is going on, a sentence each",
        indicator="the overall status indicator at `now`",
        icon="the indicator's icon",
        status_link="link to the status page, or empty",
    ),
    "helpcenter/related.html.j2": page(
        "the related articles at the end of a help article",
        shared("labels"),
        article="the article (`src`, `title`, `category`, ...)",
        related="its related articles",
        help="the help center, for `help.link(from, to)`",
    ),
}
