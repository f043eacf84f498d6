"""Text that becomes page meta (a page's title, its description, the site's name) cannot break
out of ``<title>`` or an attribute, whatever the theme does with it.

Material prints ``page.meta.title`` and ``page.meta.description`` without escaping them. A
hostile value is planted in every data text that reaches page meta and in the front matter of
hand-written pages; the sites are built by the plugins, and by ``opsdocs generate`` followed by
plain MkDocs, and every page's head is parsed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import lxml.html
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from opsdocs.render.text import meta_text
from tests.clock import env_at
from tests.conftest import MINIMAL, run_opsdocs
from tests.html import page
from tests.sitebuild import build_site

PAYLOAD = (
    'd"><script>alert(1)</script> </title><script>alert(2)</script> '
    "' onmouseover='alert(3)' &lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt; "
    "<img src=x onerror=alert(5)>"
)
"""Breaks out of a double- or single-quoted attribute and of ``<title>``, raw or after
un-escaping (Jinja's ``striptags``)."""

MARKERS = {
    "CATEGORYNAME": "title",
    "CATEGORYDESCRIPTION": "description",
    "INCIDENTTITLE": "title",
    "MAINTENANCETITLE": "title",
    "RELEASENAME": "title",
    "TRAININGPATH": "title",
    "RUNBOOKTITLE": "title",
    "PAGETITLE": "title",
    "PAGEDESCRIPTION": "description",
    "ARTICLETITLE": "title",
    "ARTICLEDESCRIPTION": "description",
    "HEADINGTITLE": "title",
    "METADATALINE": "title",
    "BOMTITLE": "title",
    "SETEXTTITLE": "title",
    "NOSPACETITLE": "title",
}
"""Each planted value starts with its marker, and says where the marker must show."""
STAFF_ONLY = {"TRAININGPATH", "RUNBOOKTITLE"}
"""Markers in parts only the staff site has (the postmortem's title is the incident's)."""


def hostile(marker: str) -> str:
    return f"{marker} {PAYLOAD}"


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _front_matter(meta: dict[str, object], body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body


PARTS = ["opsdocs/status", "opsdocs/handbook", "opsdocs/runbooks", "opsdocs/helpcenter"]
PARTS += ["opsdocs/training", "opsdocs/roadmap"]


def _config(audience: str) -> dict[str, object]:
    plugins: list[object] = ["search", {"opsdocs": {"audience": audience}}]
    parts = (
        PARTS
        if audience == "staff"
        else [p for p in PARTS if p not in ("opsdocs/handbook", "opsdocs/runbooks")]
    )
    return {
        "site_name": "Meta Test",
        "site_url": "https://ops.example.test/",
        "docs_dir": "docs",
        "theme": {"name": "material", "language": "en", "font": False},
        "plugins": plugins + parts,
        "markdown_extensions": ["attr_list", "md_in_html", "tables"],
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal project with a hostile value in every text that reaches page meta."""
    root = tmp_path_factory.mktemp("page-meta") / "project"
    shutil.copytree(MINIMAL, root)
    data = root / "data"
    _edit_yaml(data / "incidents" / "2026-03-10-api-errors.yml", _incident)
    _edit_yaml(
        data / "maintenance" / "2026-04-db-upgrade.yml", lambda d: d.update(title=hostile("MAINTENANCETITLE"))
    )
    _edit_yaml(data / "roadmap.yml", lambda d: d["releases"][0].update(name=hostile("RELEASENAME")))
    _edit_yaml(data / "training.yml", lambda d: d["paths"][0].update(title=hostile("TRAININGPATH")))
    _edit_yaml(data / "site.yml", lambda d: d.update(product=hostile("PRODUCT")))
    faq = {
        "categories": [
            {"id": "basics", "name": hostile("CATEGORYNAME"), "description": hostile("CATEGORYDESCRIPTION")},
            {"id": "overview", "name": "Overview"},
        ],
        "questions": [
            {"id": "start", "category": "basics", "question": "How do I start?", "answer": "Sign in."}
        ],
    }
    (data / "faq.yml").write_text(yaml.safe_dump(faq, allow_unicode=True), encoding="utf-8")
    runbook = (root / "runbooks" / "one.md").read_text(encoding="utf-8")
    runbook = runbook.replace("title: API outage", "title: " + json.dumps(hostile("RUNBOOKTITLE")))
    runbook = runbook.replace("last_reviewed: 2026-03-01", "last_reviewed: 2026-11-01")
    (root / "runbooks" / "one.md").write_text(runbook, encoding="utf-8")
    docs = root / "docs"
    meta = {"title": hostile("PAGETITLE"), "description": hostile("PAGEDESCRIPTION"), "author": PAYLOAD}
    (docs / "hostile.md").write_text(_front_matter(meta, "# A page\n\nText.\n"), encoding="utf-8")
    # No title in the front matter: the theme takes the first heading, and un-escapes it.
    heading = "HEADINGTITLE &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    heading += " &#60;img src=x onerror=alert(5)>"
    page = _front_matter({"tags": ["x"]}, "# " + heading + "\n\nText.\n")
    (docs / "heading.md").write_text(page, encoding="utf-8")
    # Python-Markdown's other level-1 headings: underlined, and without a space after the #.
    setext = heading.replace("HEADINGTITLE", "SETEXTTITLE") + "\n=====\n\nText.\n"
    (docs / "setext.md").write_text(_front_matter({"tags": ["x"]}, setext), encoding="utf-8")
    nospace = "#" + heading.replace("HEADINGTITLE", "NOSPACETITLE") + "\n\nText.\n"
    (docs / "nospace.md").write_text(nospace, encoding="utf-8")
    # MkDocs reads a page's file without its BOM; so must whatever makes its meta safe.
    bom = "\ufeff" + _front_matter({"title": hostile("BOMTITLE")}, "Text.\n")
    (docs / "bom.md").write_text(bom, encoding="utf-8")
    # MkDocs also reads meta-data lines at the top of a page without front matter.
    lines = f"Title: {hostile('METADATALINE')}\nDescription: {PAYLOAD}\n\n# Lines\n\nText.\n"
    (docs / "lines.md").write_text(lines, encoding="utf-8")
    article = {
        "title": hostile("ARTICLETITLE"),
        "description": hostile("ARTICLEDESCRIPTION"),
        "category": "basics",
    }
    (docs / "article.md").write_text(_front_matter(article, "How to start.\n"), encoding="utf-8")
    for audience, name in (("staff", "mkdocs.yml"), ("public", "mkdocs.public.yml")):
        (root / name).write_text(yaml.safe_dump(_config(audience), sort_keys=False), encoding="utf-8")
        # Without a site_name, opsdocs generate names the site after the product (site.yml).
        unnamed = {k: v for k, v in _config(audience).items() if k != "site_name"}
        (root / f"unnamed.{name}").write_text(yaml.safe_dump(unnamed, sort_keys=False), encoding="utf-8")
    return root


def _incident(data: dict) -> None:
    data["title"] = hostile("INCIDENTTITLE")
    data["postmortem"] = {"summary": "What happened.", "root_cause": "Why it happened."}


def _plugin_build(project: Path, config: str, out: Path) -> Path:
    result = build_site(project / config, out)
    assert result.returncode == 0, result.stderr
    return out


def _generated_build(project: Path, config: str, audience: str, tmp: Path) -> Path:
    folder = tmp / "generated"
    args = ["generate", str(folder), "--project", str(project), "--audience", audience]
    done = run_opsdocs(*args, "--config", str(project / f"unnamed.{config}"), env=env_at())
    assert done.returncode == 0, done.stderr
    # Plain MkDocs, without the opsdocs plugins: only the written front matter protects it.
    plugins = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8")).get("plugins") or []
    assert not [p for p in plugins if "opsdocs" in str(p)]
    return _plugin_build(folder, "mkdocs.yml", tmp / "site")


BUILDS = {
    "plugins-staff": ("mkdocs.yml", "staff", False),
    "plugins-public": ("mkdocs.public.yml", "public", False),
    "generate-staff": ("mkdocs.yml", "staff", True),
    "generate-public": ("mkdocs.public.yml", "public", True),
}


@pytest.fixture(scope="module", params=sorted(BUILDS))
def built(
    request: pytest.FixtureRequest, project: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    config, audience, generated = BUILDS[request.param]
    tmp = tmp_path_factory.mktemp(request.param)
    site = (
        _generated_build(project, config, audience, tmp)
        if generated
        else _plugin_build(project, config, tmp / "site")
    )
    return request.param, site


def head_problems(doc: lxml.html.HtmlElement) -> list[str]:
    """What in a page shows that page meta broke out: a script from the payload, an element
    the payload opened, an event handler, an attribute the payload injected."""
    found = []
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "script" and "alert(" in (element.text or ""):
            found.append(f"script: {element.text[:60]}")
        if element.tag == "img" and element.get("src") == "x":
            found.append("img from the payload")
        for name in element.attrib:
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}>")
            if not name.replace("-", "").replace(":", "").replace("_", "").isalnum():
                found.append(f"<{element.tag}> attribute {name!r}")
    head = doc.find("head")
    titles = head.findall("title")
    if len(titles) != 1:
        found.append(f"{len(titles)} <title> elements")
    for meta in head.iter("meta"):
        if set(meta.attrib) - {"name", "content", "charset", "http-equiv", "property"}:
            found.append(f"meta with {sorted(meta.attrib)}")
    return found


def test_no_page_meta_breaks_out_of_title_or_an_attribute(built: tuple[str, Path]) -> None:
    name, site = built
    problems = []
    shown: dict[str, set[str]] = {"title": set(), "description": set()}
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        doc = page(path)
        problems += [f"{path.relative_to(site)}: {p}" for p in head_problems(doc)]
        head = doc.find("head")
        title = head.findtext("title") or ""
        descriptions = [m.get("content", "") for m in head.iter("meta") if m.get("name") == "description"]
        for marker in MARKERS:
            if marker in title:
                shown["title"].add(marker)
                # The visible text stays readable: the payload's words are there, as text.
                assert "alert(1)" in title and "script" in title, title
                assert "<" not in title, title
            if any(marker in d for d in descriptions):
                shown["description"].add(marker)
                assert all('"' not in d and "<" not in d for d in descriptions), descriptions
    assert problems == []
    expected = {m for m in MARKERS if name.endswith("staff") or m not in STAFF_ONLY}
    for marker in expected:
        assert marker in shown[MARKERS[marker]], f"{marker} is not in any page's {MARKERS[marker]}"
    if name.startswith("generate"):
        # The generated configuration names the site after the product, also printed as it is.
        home = page(site, "index.html")
        assert "PRODUCT" in home.findtext(".//title")


def test_a_category_description_is_the_category_pages_meta_description(built: tuple[str, Path]) -> None:
    _, site = built
    doc = page(site, "help/basics/index.html")
    (meta,) = [m for m in doc.find("head").iter("meta") if m.get("name") == "description"]
    assert meta.get("content") == meta_text(hostile("CATEGORYDESCRIPTION"))
    assert meta.get("content").startswith("CATEGORYDESCRIPTION d”›‹script›alert(1)‹/script›")


@given(st.text())
def test_meta_text_cannot_break_out_even_after_unescaping(text: str) -> None:
    import html

    safe = meta_text(text)
    assert not set(safe) & set("<>\"'")
    assert html.unescape(safe) == safe, "un-escaping must not bring markup back"
    assert meta_text(safe) == safe
