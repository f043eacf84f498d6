"""Script injected into the example data never runs: every output file is checked with a real
parser for script elements, event handlers and javascript: links that came from data."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.html import page
from tests.paths import REPO
from tests.sitebuild import build_site, tree

PAYLOAD = "<script>alert(1)</script>"
ATTACKS = (
    PAYLOAD,
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '"><svg onload=alert(1)>',
    "</title><script>alert(1)</script>",
)
HOSTILE_LINKS = {
    # A path in the site whose part left after the page's own folder is `javascript:…`.
    ("support.yml", "link: status/"): 'link: "help/support/javascript:alert(1)"',
    ("support.yml", "link: troubleshooting.md"): 'link: "\\u00a0JaVaScRiPt:alert(1)"',
    ("support.yml", "address: https://status.empresa.com/"): 'address: "java\\tscript:alert(1)"',
    ("training.yml", "url: https://supabase.com/docs/guides/local-development"): 'url: " data:text/html,x"',
}
"""Links in data (support resources and channels, training links) written to run script."""
_UNSAFE_SCHEME = re.compile(r"(?:javascript|vbscript|data):", re.IGNORECASE)


def inject(root: Path) -> None:
    """Put the attacks into an incident title, an update message, a component name and a FAQ
    answer, and links that run script into support resources, a channel and a training link."""
    incident = root / "data" / "incidents" / "2026-03-14-api-caida.yml"
    text = incident.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    text = text.replace(title_line, "title: " + json.dumps(" ".join(ATTACKS)), 1)
    text = text.replace("    message: |\n", "    message: |\n      " + " ".join(ATTACKS) + "\n", 1)
    incident.write_text(text, encoding="utf-8")
    components = root / "data" / "components.yml"
    text = components.read_text(encoding="utf-8")
    name_line = next(line for line in text.splitlines() if line.strip().startswith("name: API"))
    indent = name_line[: len(name_line) - len(name_line.lstrip())]
    components.write_text(
        text.replace(name_line, indent + "name: " + json.dumps(PAYLOAD + " API"), 1), encoding="utf-8"
    )
    faq = root / "data" / "faq.yml"
    text = faq.read_text(encoding="utf-8")
    answer_line = next(line for line in text.splitlines() if line.strip() == "answer: |")
    block_indent = answer_line[: len(answer_line) - len(answer_line.lstrip())] + "  "
    first_line = answer_line + "\n" + block_indent + " ".join(ATTACKS) + "\n"
    faq.write_text(text.replace(answer_line + "\n", first_line, 1), encoding="utf-8")
    for (name, line), hostile in HOSTILE_LINKS.items():
        path = root / "data" / name
        text = path.read_text(encoding="utf-8")
        assert line in text, (name, line)
        path.write_text(text.replace(line, hostile, 1), encoding="utf-8")


def runs_script(href: str) -> bool:
    """Whether a browser would run ``href`` (or show it as a page of its own): it reads the
    value without the spaces and controls around it, and without tabs and line breaks."""
    read = re.sub(r"[\t\n\r]", "", href.strip("".join(map(chr, range(0x21)))))
    return _UNSAFE_SCHEME.match(read) is not None


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("xss") / "project"
    root.mkdir()
    for name in ("data", "docs", "runbooks", "overrides", "mkdocs.yml", "mkdocs.public.yml"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    inject(root)
    built = {}
    for config in ("mkdocs.yml", "mkdocs.public.yml"):
        out = root / f"site-{config}"
        result = build_site(root / config, out)
        assert result.returncode == 0, result.stderr
        built[config] = out
    return built


def executable_from_data(doc: lxml_html.HtmlElement) -> list[str]:
    """Script elements, handlers and links in a page that carry the injected code."""
    found = []
    for script in doc.iter("script"):
        kind = (script.get("type") or "").lower()
        text = script.text or ""
        if kind in ("application/json", "application/ld+json"):
            json.loads(text)  # data, and it must still parse
            assert "</script" not in text.lower()
        elif "alert(1)" in text or "alert(1)" in (script.get("src") or ""):
            found.append(f"script: {text[:80]}")
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on") and "alert" in value:
                found.append(f"{element.tag} {name}={value}")
            if name.lower() in ("href", "src", "action", "formaction") and runs_script(value):
                found.append(f"{element.tag} {name}={value}")
        # Text inside SVG (a chart's labels) is fine; a script in it is caught above, as are
        # handlers on its elements. Frames and plugins never come from data.
        if element.tag in ("iframe", "object", "embed", "foreignobject"):
            found.append(element.tag)
    return found


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.public.yml"])
def test_no_executable_script_from_data_in_any_file(sites: dict[str, Path], config: str) -> None:
    problems = []
    checked = 0
    for path, content in tree(sites[config]).items():
        if path.endswith(".html"):
            doc = lxml_html.fromstring(content)
            problems += [f"{path}: {p}" for p in executable_from_data(doc)]
            checked += b"alert(1)" in content
        elif path.endswith(".json"):
            json.loads(content)
        elif path.endswith((".xml", ".rss", ".atom", ".svg")):
            root = ET.fromstring(content)
            scripts = [e for e in root.iter() if e.tag.rsplit("}", 1)[-1].lower() == "script"]
            problems += [f"{path}: script element" for _ in scripts]
    assert problems == []
    assert checked >= 3, "the payload must reach several pages, as text"


def test_the_payload_is_shown_as_text(sites: dict[str, Path]) -> None:
    doc = page(sites["mkdocs.public.yml"], "status/incidents/2026-03-14-api-caida/index.html")
    assert PAYLOAD in doc.cssselect("h1")[0].text_content()
    title = doc.find(".//title").text
    assert "<" not in title and "script" in title
    faq = page(sites["mkdocs.public.yml"], "help/faq/index.html")
    # Markdown from data is sanitized: the script is gone, the link text stays, without its URL.
    assert "click" in faq.text_content()
    assert not [a for a in faq.iter("a") if "javascript" in (a.get("href") or "")]
    summary = json.loads((sites["mkdocs.public.yml"] / "api" / "v2" / "components.json").read_text())
    assert any(c["name"] == PAYLOAD + " API" for c in summary["components"])
