"""A page's meta is what MkDocs reads it to be (``opsdocs.load.markdown_page``): the meta
``opsdocs validate`` checks, and the build acts on, is the meta MkDocs gives the page.

MkDocs itself (``mkdocs.utils.meta.get_data`` on the file as MkDocs reads it) is the oracle;
pages whose meta says ``audience: internal`` in each way MkDocs reads it are built, by the
plugins and by ``opsdocs generate``, and must stay off the public site.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from opsdocs.load.directives import find_directives
from opsdocs.load.markdown_page import (
    fenced_lines,
    first_heading,
    leading_heading,
    page_markdown,
    split_front_matter,
    split_leading_heading,
)
from opsdocs.load.markdown_source import read_markdown
from tests.clock import env_at
from tests.conftest import MINIMAL, run_opsdocs, run_validate
from tests.sitebuild import build_site


def mkdocs_meta(raw: bytes) -> tuple[dict[str, object], str]:
    """The meta and the Markdown MkDocs reads from a page file's bytes."""
    text = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig").read()
    markdown, meta = get_data(text)
    return meta, markdown


def loader_meta(raw: bytes) -> dict[str, object] | None:
    """The meta ``opsdocs validate`` reads from the same bytes; None when it reports a problem."""
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")  # as opsdocs reads a file
    source, problems = read_markdown(text, "docs/page.md", meta_data_lines=True)
    return None if source is None or problems else source.meta.data


PAGES = {
    "closed with dots": b"---\naudience: internal\n...\n# Notes\n",
    "CRLF line endings": b"---\r\naudience: internal\r\n---\r\n# Notes\r\n",
    "CR line endings": b"---\raudience: internal\r---\r# Notes\r",
    "spaces after the dashes": b"---   \naudience: internal\n--- \t\n# Notes\n",
    "a BOM": b"\xef\xbb\xbf---\naudience: internal\n---\n# Notes\n",
    "meta-data lines": b"Audience: internal\nTitle: Notes\n\n# Notes\n",
    "meta-data lines, CRLF": b"audience: internal\r\n\r\n# Notes\r\n",
}
"""Pages whose meta, as MkDocs reads it, says ``audience: internal``."""
AGREEING = {
    "a dashes line inside a code fence": b"# Notes\n\n```yaml\n---\naudience: internal\n---\n```\n",
    "an empty block": b"---\n---\n# Notes\n",
    "a comment-only block": b"---\n# nothing\n---\n# Notes\n",
    "a thematic break first": b"---\n\nText.\n\n---\n\nMore.\n",
}
"""Pages MkDocs reads no meta from."""


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_loader_reads_the_meta_mkdocs_reads(name: str) -> None:
    meta, _ = mkdocs_meta(PAGES[name])
    assert meta == {"audience": "internal", **({"title": "Notes"} if "Title" in str(PAGES[name]) else {})}
    assert loader_meta(PAGES[name]) == meta


@pytest.mark.parametrize("name", sorted(AGREEING))
def test_the_loader_reads_no_meta_where_mkdocs_reads_none(name: str) -> None:
    meta, _ = mkdocs_meta(AGREEING[name])
    assert meta == {}
    assert loader_meta(AGREEING[name]) in ({}, None)


def test_a_block_closed_at_the_end_of_the_file_without_a_line_break_is_reported() -> None:
    """MkDocs reads it as text, not as meta: ``audience: internal`` there would be ignored."""
    raw = b"---\naudience: internal\n---"
    assert mkdocs_meta(raw)[0] == {}
    source, problems = read_markdown(raw.decode(), "docs/page.md", meta_data_lines=True)
    assert source is None
    [problem] = problems
    assert (problem.line, problem.column) == (3, 1)
    assert "no line break" in problem.message


_LINES = st.sampled_from(
    [
        "---",
        "--- ",
        "...",
        "",
        "audience: internal",
        "title: Notes",
        "Title: Notes",
        "    more",
        "tags: [a]",
        "# Heading",
        "```",
        "text",
    ]
)


@settings(deadline=None)
@given(st.lists(_LINES, max_size=8), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_wherever_the_loader_reads_meta_it_is_the_meta_mkdocs_reads(
    lines: list[str], ending: str, final_break: bool
) -> None:
    raw = (ending.join(lines) + (ending if final_break else "")).encode()
    meta = loader_meta(raw)
    if meta is not None:
        assert meta == mkdocs_meta(raw)[0]


@settings(deadline=None)
@given(st.lists(_LINES, max_size=8), st.booleans())
def test_the_page_markdown_is_what_mkdocs_renders(lines: list[str], final_break: bool) -> None:
    raw = ("\n".join(lines) + ("\n" if final_break else "")).encode()
    meta, markdown = mkdocs_meta(raw)
    if loader_meta(raw) is not None and (meta or split_front_matter(raw.decode()).yaml is None):
        assert page_markdown(raw.decode()) == markdown


def test_split_front_matter_keeps_the_block_as_written_and_where_the_body_starts() -> None:
    split = split_front_matter("\ufeff---\r\ntitle: A\r\n...  \r\n\r\nBody\r\n")
    assert split.header == "---\ntitle: A\n...  \n"
    assert split.yaml == "title: A\n"
    assert split.body == "\nBody\n"
    assert split.body_line == 4
    assert split_front_matter("No meta.\n").header == ""


def test_code_fences() -> None:
    markdown = "a\n```\n<!-- opsdocs:x -->\n~~~\n```\n````md\n```\n````\nb\n"
    assert [fenced for _, fenced in fenced_lines(markdown)] == [
        *[False, True, True, True, True],
        *[True, True, True, False],
    ]
    assert find_directives(markdown) == []


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("# Title\n\nText.", "Title"),
        ("#Title", "Title"),
        ("# Title #\n", "Title"),
        ("# Title {: #id }\n", "Title"),
        ("Title\n=====\n", "Title"),
        ("\n\n  Title\n===\nText.", "Title"),
        ("Intro.\n\n# Later\n", "Later"),
        ("```\n# Not this\n```\n# This\n", "This"),
        ("## Second level\n", None),
        ("a\nb\n===\n", None),
        ("    # code\n", None),
        ("    code\n===\n", None),
    ],
)
def test_first_heading_is_a_level_one_heading_as_python_markdown_reads_one(
    markdown: str, text: str | None
) -> None:
    heading = first_heading(markdown)
    assert (heading.text if heading else None) == text


def test_the_leading_heading_is_the_first_block() -> None:
    assert leading_heading("Intro.\n\n# Later\n") is None
    assert split_leading_heading("\n# Title\nRest\n") == ("# Title", "Rest\n")
    assert split_leading_heading("Title\n===\n\nRest") == ("Title\n===", "\nRest")
    assert split_leading_heading("Rest") == ("", "Rest")


# --- built sites ----------------------------------------------------------------------------


def _public_project(root: Path) -> Path:
    shutil.copytree(MINIMAL, root)
    for name, raw in PAGES.items():
        (root / "docs" / f"{name.replace(' ', '-').replace(',', '')}.md").write_bytes(raw)
    config = {
        "site_name": "Pages",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"opsdocs": {"audience": "public"}}, "opsdocs/status"],
    }
    (root / "mkdocs.public.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _public_project(tmp_path_factory.mktemp("pages") / "project")


def _published(site: Path) -> set[str]:
    return {p.parent.name for p in site.rglob("index.html") if p.parent != site}


def test_validate_agrees(project: Path) -> None:
    result = run_validate(project)
    assert result.returncode == 0, result.stderr


def test_a_page_internal_in_its_meta_is_not_on_the_public_site(project: Path, tmp_path: Path) -> None:
    result = build_site(project / "mkdocs.public.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert _published(tmp_path / "site") & {n.replace(" ", "-").replace(",", "") for n in PAGES} == set()


def test_a_page_internal_in_its_meta_is_not_in_the_generated_public_folder(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "generated"
    args = ["generate", str(out), "--project", str(project), "--audience", "public"]
    done = run_opsdocs(*args, "--config", str(project / "mkdocs.public.yml"), env=env_at())
    assert done.returncode == 0, done.stderr
    pages = {p.stem for p in (out / "docs").glob("*.md")}
    assert "index" in pages
    assert pages & {n.replace(" ", "-").replace(",", "") for n in PAGES} == set()
