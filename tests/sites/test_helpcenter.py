"""The help center on a public fixture site built by MkDocs, while an incident and a
maintenance window are active and once all is well again; plus its model checks."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from opsdocs.model import read_project
from opsdocs.model.runbooks import PageMeta
from opsdocs.problems import ProjectInvalid
from opsdocs.render.helpcenter.articles import Article, article_from_page, first_paragraph, related_articles
from tests.clock import NOW
from tests.html import links, page, resolve
from tests.paths import FIXTURES
from tests.sitebuild import build_site, tree

FIXTURE = FIXTURES / "help_site"
ACTIVE = "2026-11-28T10:00:00-03:00"
"""The sync incident (09:00–11:00) and the email maintenance (09:30–10:30) are in progress."""
QUIET = NOW
"""Both are over."""

GENERATED = ["help/index.html", "help/events/index.html", "help/sync/index.html", "help/faq/index.html",
             "help/support/index.html"]  # fmt: skip
ARTICLES = ["help/create-event/index.html", "help/recurring-events/index.html", "help/sync-google/index.html"]
HELP_PAGES = GENERATED + ARTICLES
HOSTILE_QUESTION = "Why is Google Calendar late? <script>alert(1)</script>"


def _build(tmp_path_factory: pytest.TempPathFactory, now: str, audience: str = "public") -> Path:
    project = tmp_path_factory.mktemp("help") / "project"
    shutil.copytree(FIXTURE, project)
    if audience != "public":
        config = project / "mkdocs.yml"
        config.write_text(config.read_text().replace("{audience: public}", f"{{audience: {audience}}}"))
    result = build_site(project / "mkdocs.yml", project / "site", now=now)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def active(built_site: Callable[..., Path]) -> Path:
    return built_site(FIXTURE / "mkdocs.yml", now=ACTIVE)


@pytest.fixture
def quiet(built_site: Callable[..., Path]) -> Path:
    return built_site(FIXTURE / "mkdocs.yml", now=QUIET)


def content(site: Path, path: str) -> lxml_html.HtmlElement:
    return page(site, path).cssselect("article.md-content__inner")[0]


# --- the banner ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", HELP_PAGES)
def test_every_help_page_has_the_banner_while_something_is_active(active: Path, path: str) -> None:
    banners = content(active, path).cssselect("[data-opsdocs-help-banner]")
    assert len(banners) == 1
    banner = banners[0]
    assert banner.get("role") == "status"
    text = " ".join(banner.text_content().split())
    assert "We are having problems with Calendar sync: see the status page." in text
    assert "Maintenance in progress on Email notifications: see the status page." in text
    assert "INTERNAL" not in text, "an internal component is never named"
    hrefs = {a.get("href") for a in banner.cssselect("a")}
    assert len(hrefs) == 1
    assert resolve(path, hrefs.pop()) == "status/index.html"
    assert (active / "status" / "index.html").is_file()


def test_the_banner_is_under_the_title_before_anything_else(active: Path) -> None:
    for path in HELP_PAGES:
        # The theme writes the title itself for a page without a heading (recurring-events).
        blocks = list(content(active, path).iter("h1", "p", "ul", "ol", "div", "table", "h2"))
        h1 = next(i for i, e in enumerate(blocks) if e.tag == "h1")
        banner = next(i for i, e in enumerate(blocks) if e.get("data-opsdocs-help-banner") is not None)
        assert banner == h1 + 1, path


@pytest.mark.parametrize("path", HELP_PAGES)
def test_no_banner_when_nothing_is_active(quiet: Path, path: str) -> None:
    assert (quiet / path).is_file()
    assert b"data-opsdocs-help-banner" not in (quiet / path).read_bytes()


def test_pages_without_a_category_get_no_banner(active: Path) -> None:
    assert not page(active, "index.html").cssselect("[data-opsdocs-help-banner]")


# --- home and category pages --------------------------------------------------------------------


def test_home_has_search_hint_categories_popular_questions_support_and_status(quiet: Path) -> None:
    home = content(quiet, "help/index.html")
    assert "search box" in home.cssselect(".opsdocs-help-search")[0].text_content()
    topics = {t.get("data-category"): links(t) for t in home.cssselect(".opsdocs-help-topic")}
    assert topics == {
        "events": [
            ("📅 Events", "events/"),
            ("Create an event", "create-event/"),
            ("Events that repeat", "recurring-events/"),
        ],
        "sync": [("Sync", "sync/"), ("Sync with Google Calendar", "sync-google/")],
    }
    popular = links(home.cssselect(".opsdocs-help-questions")[0])
    assert popular == [
        ("How do I repeat an event?", "faq/#repeat-event"),
        (HOSTILE_QUESTION, "faq/#google-late"),
    ]
    channels = [li.get("data-channel") for li in home.cssselect(".opsdocs-help-channels-summary li")]
    assert channels == ["email", "phone"]
    assert ("All the ways to reach us, and how soon we answer", "support/") in links(home)
    status = home.cssselect(".opsdocs-help-status")[0]
    assert "All systems operational" in status.text_content()
    assert resolve("help/index.html", status.cssselect("a")[0].get("href")) == "status/index.html"


def test_category_pages_list_their_articles_and_questions(quiet: Path) -> None:
    events = content(quiet, "help/events/index.html")
    assert events.cssselect("h1")[0].text_content().strip() == "📅 Events"
    items = events.cssselect(".opsdocs-help-articles li")
    assert [li.get("data-article") for li in items] == ["help/create-event.md", "help/recurring-events.md"]
    assert items[0].cssselect("a")[0].get("href") == "../create-event/"
    assert "Click an empty slot in the calendar" in items[0].text_content()
    assert "Reviewed Nov 1, 2026" in items[0].text_content()
    assert "Choose Repeat for a weekly meeting" in items[1].text_content(), "a list is not a summary"
    questions = links(events.cssselect(".opsdocs-help-questions")[0])
    assert questions == [("How do I repeat an event?", "../faq/#repeat-event"),
                         ("How do I invite people?", "../faq/#invite-people")]  # fmt: skip

    sync = content(quiet, "help/sync/index.html")
    assert [li.get("data-article") for li in sync.cssselect(".opsdocs-help-articles li")] == [
        "help/sync-google.md"
    ], "the internal article is not on the public site"
    assert [q for q, _ in links(sync.cssselect(".opsdocs-help-questions")[0])] == [HOSTILE_QUESTION]


# --- FAQ ------------------------------------------------------------------------------------------


def test_faq_groups_answers_by_category(quiet: Path) -> None:
    faq = content(quiet, "help/faq/index.html")
    groups = {
        s.get("data-category"): [q.get("id") for q in s.cssselect("h3")]
        for s in faq.cssselect(".opsdocs-help-faq-topic")
    }
    assert groups == {"events": ["repeat-event", "invite-people"], "sync": ["google-late"]}
    answer = faq.cssselect('[data-question="repeat-event"] .opsdocs-help-answer')[0]
    assert answer.cssselect("strong")[0].text == "Repeat", "answers are rendered Markdown"


def test_faq_json_ld_is_a_faq_page_with_every_public_question(quiet: Path) -> None:
    scripts = page(quiet, "help/faq/index.html").cssselect('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    entities = {e["name"]: e for e in data["mainEntity"]}
    # Search engines show these as page meta: plain text, brackets as look-alikes, no markup.
    hostile = "Why is Google Calendar late? ‹script›alert(1)‹/script›"
    assert list(entities) == ["How do I repeat an event?", "How do I invite people?", hostile]
    assert all(
        e["@type"] == "Question" and e["acceptedAnswer"]["@type"] == "Answer" for e in entities.values()
    )
    assert entities["How do I repeat an event?"]["acceptedAnswer"]["text"] == (
        "Choose Repeat when you create it, then how often."
    ), "answers are plain text"
    assert "Tags like ‹/script› are shown as text." in entities[hostile]["acceptedAnswer"]["text"]
    assert "<" not in scripts[0].text_content()


def test_search_index_holds_faq_answers(quiet: Path) -> None:
    index = json.loads((quiet / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {e["location"]: e for e in index["docs"]}
    entry = entries["help/faq/#google-late"]
    assert "zebra-crossing delay is normal" in entry["text"]
    everything = json.dumps(index)
    assert "We are having problems" not in everything


# --- related articles -----------------------------------------------------------------------------


def test_related_articles_share_a_category_or_a_tag(quiet: Path) -> None:
    def related(path: str) -> list[tuple[str, str]]:
        return links(content(quiet, path).cssselect("[data-opsdocs-help-related]")[0])

    # Same category and a tag first, then a shared tag only.
    assert related("help/create-event/index.html") == [
        ("Events that repeat", "../recurring-events/"),
        ("Sync with Google Calendar", "../sync-google/"),
    ]
    assert related("help/recurring-events/index.html") == [("Create an event", "../create-event/")]
    assert related("help/sync-google/index.html") == [("Create an event", "../create-event/")]


def test_related_articles_are_at_most_five_and_never_the_article_itself() -> None:
    def make(n: int, category: str = "c", tags: tuple[str, ...] = ()) -> Article:
        return Article(src=f"a{n}.md", title=f"A{n}", summary="", category=category, tags=tags)

    me = make(0, tags=("x",))
    others = [make(i) for i in range(1, 8)] + [make(9, "other", ("X",)), make(10, "other")]
    found = related_articles(me, [me, *others])
    assert len(found) == 5
    assert me not in found
    assert make(10, "other") not in related_articles(me, [me, *others], limit=20)
    assert [a.src for a in related_articles(make(11, "d", ("x",)), [me, make(9, "other", ("X",))])] == [
        "a0.md",
        "a9.md",
    ], "tags compare without case; ties by title"


_CATEGORIES = st.sampled_from(["events", "sync", "billing"])
_TAGS = st.lists(st.sampled_from(["Google", "google", "ical", "mobile", "team", "export"]), max_size=3)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_CATEGORIES, _TAGS, st.sampled_from(["Alpha", "beta", "Gamma", "alpha"])), max_size=25)
)
def test_related_articles_are_the_closest_by_the_stated_rule(specs: list) -> None:
    """The index finds what scoring every other article would: category 2, each shared tag 1
    (case-insensitive), closest first, ties by title without case, then path."""
    articles = [
        Article(src=f"a{n}.md", title=title, summary="", category=category, tags=tuple(tags))
        for n, (category, tags, title) in enumerate(specs)
    ]

    def score(a: Article, b: Article) -> int:
        shared = {t.casefold() for t in a.tags} & {t.casefold() for t in b.tags}
        return 2 * (a.category == b.category) + len(shared)

    for article in articles:
        expected = sorted(
            (b for b in articles if b.src != article.src and score(article, b)),
            key=lambda b: (-score(article, b), b.title.casefold(), b.src),
        )[:5]
        assert related_articles(article, articles) == expected


# --- support ------------------------------------------------------------------------------------


def test_support_page_shows_public_channels_and_response_times(quiet: Path) -> None:
    support = content(quiet, "help/support/index.html")
    channels = {c.get("data-channel"): c for c in support.cssselect(".opsdocs-help-channel")}
    assert list(channels) == ["email", "phone"]
    email = channels["email"]
    assert email.cssselect('a[href="mailto:help@acme.test"]')[0].text == "help@acme.test"
    assert "Monday to Friday, 9:00–18:00" in email.text_content()
    assert "All plans" in email.text_content()
    phone = channels["phone"]
    assert phone.cssselect('a[href="tel:+56212345678"]')
    assert "Enterprise" in phone.text_content()
    rows = [[td.text_content() for td in tr.cssselect("td")] for tr in support.cssselect("table tbody tr")]
    assert rows == [
        ["Urgent", "1 hr", "The calendar is down for you."],
        ["Normal", "1 day", "Something does not work as expected."],
    ]
    resources = {li.get("data-resource"): li.cssselect("a")[0].get("href") for li in support.cssselect(
        ".opsdocs-help-resources li")}  # fmt: skip
    assert resources == {"faq": "../faq/", "status": "../../status/"}


@pytest.mark.parametrize("fixture", ["active", "quiet"])
def test_nothing_internal_reaches_the_public_site(fixture: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(fixture)
    for path, data in tree(site).items():
        assert b"INTERNAL-" not in data, path
    assert not (site / "internal-sync-notes").exists()


def test_the_staff_site_shows_internal_channels_and_articles(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    site = _build(tmp_path_factory, QUIET, audience="staff")
    support = content(site, "help/support/index.html")
    slack = support.cssselect('[data-channel="slack"]')[0]
    assert "INTERNAL-SLACK" in slack.text_content()
    assert slack.cssselect(".opsdocs-badge--internal")
    sync = content(site, "help/sync/index.html")
    assert "INTERNAL-ARTICLE" in sync.cssselect(".opsdocs-help-articles")[0].text_content()
    faq = page(site, "help/faq/index.html")
    assert "INTERNAL-QUESTION" in faq.cssselect(".opsdocs-help-faq-topic")[1].text_content()
    ld = json.loads(faq.cssselect('script[type="application/ld+json"]')[0].text)
    assert "INTERNAL-QUESTION" not in json.dumps(ld), "structured data is for the public only"


# --- hostile text --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", HELP_PAGES)
def test_hostile_text_makes_no_script_and_no_handler(quiet: Path, path: str) -> None:
    doc = page(quiet, path)
    for script in doc.iter("script"):
        if script.get("type") == "application/ld+json":
            json.loads(script.text)
            continue
        src = script.get("src")
        if src is not None:
            assert "/assets/javascripts/" in "/" + resolve(path, src), src
        else:
            assert "alert(" not in (script.text or ""), "an inline script is the theme's"
    for element in doc.iter():
        if isinstance(element.tag, str):
            handlers = [name for name in element.attrib if name.lower().startswith("on")]
            assert handlers == [], (path, element.tag, handlers)
    faq = page(quiet, "help/faq/index.html")
    assert HOSTILE_QUESTION in faq.cssselect("h3#google-late")[0].text_content(), "shown as text"


# --- articles and the model ----------------------------------------------------------------------


def test_article_title_and_summary_come_from_the_page() -> None:
    meta = PageMeta(category="events", tags=["a"])
    text = (
        "---\ncategory: events\n---\n\n```\n# not a heading\n```\n\n"
        "# The *title* {#anchor}\n\nFirst [words](x.md).\n"
    )
    article = article_from_page("help/x.md", meta, text)
    assert article is not None
    assert (article.title, article.summary, article.tags) == ("The title", "First words.", ("a",))
    titled = PageMeta(category="events", title="Front matter title", description="A <b>short</b> one")
    assert article_from_page("help/x.md", titled, text).title == "Front matter title"  # type: ignore[union-attr]
    assert article_from_page("help/x.md", titled, text).summary == "A short one"  # type: ignore[union-attr]
    untitled = article_from_page("help/how-to_sync.md", meta, "Just text.")
    assert untitled is not None and untitled.title == "How to sync"
    assert article_from_page("x.md", PageMeta(), text) is None, "no category, no article"


def test_first_paragraph_skips_lists_tables_admonitions_and_html() -> None:
    body = (
        "# T\n\n- item\n  more item\n\n| a |\n|---|\n\n!!! note\n    Hidden.\n\n<div>x</div>\n\n"
        "The *one*.\nStill.\n\nNot this."
    )
    assert first_paragraph(body) == "The one. Still."
    assert first_paragraph("# Only a heading\n") == ""


def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    return project


def _problems(project: Path) -> list[str]:
    with pytest.raises(ProjectInvalid) as caught:
        read_project(project)
    return [str(p) for p in caught.value.problems]


def test_unknown_categories_and_duplicate_questions_are_errors(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    faq = project / "data" / "faq.yml"
    faq.write_text(
        faq.read_text().replace("category: sync\n    popular", "category: synk\n    popular")
        + "  - {id: repeat-event, category: events, question: Again?, answer: Yes.}\n"
    )
    article = project / "docs" / "help" / "sync-google.md"
    article.write_text(article.read_text().replace("category: sync", "category: syncing"))
    problems = _problems(project)
    assert any(
        "data/faq.yml" in p and "unknown help category 'synk'; did you mean 'sync'?" in p for p in problems
    )
    assert any(p.startswith("docs/help/sync-google.md:3:") and "unknown help category 'syncing'" in p
               for p in problems)  # fmt: skip
    assert any("duplicate question id 'repeat-event'" in p for p in problems)


def test_a_category_cannot_take_the_name_of_a_help_page(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text().replace("  - id: events\n", "  - id: faq\n"))
    assert any("'faq' is reserved" in p for p in _problems(project))


def test_without_faq_yml_a_page_category_is_free_text(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    (project / "data" / "faq.yml").unlink()
    project_data = read_project(project)
    assert project_data.faq.categories == []
    assert project_data.pages["help/sync-google.md"].category == "sync"
