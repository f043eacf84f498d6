"""One description of a site: the plugins and ``opsdocs generate`` build the same site from the
same configuration, every part can be switched off without leaving a link to a page that is
not there, and a configuration that would build the wrong site says so."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from tests.clock import NOW
from tests.conftest import run_opsdocs
from tests.html import page
from tests.paths import REPO
from tests.sitebuild import assert_refused, build_site, missing_targets

EXAMPLE = ("data", "docs", "runbooks", "overrides", "status-docs")
CONFIGS = ("mkdocs.yml", "mkdocs.public.yml", "mkdocs.status.yml")
STAFF_PARTS = ("status", "runbooks", "handbook", "helpcenter", "training", "roadmap")
PUBLIC_PARTS = ("status", "helpcenter", "training", "roadmap")
BASE = "https://site.test/"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example project, with a configuration per part switched off on each site."""
    root = tmp_path_factory.mktemp("spec") / "project"
    root.mkdir()
    for name in EXAMPLE:
        shutil.copytree(REPO / name, root / name)
    for name in CONFIGS:
        shutil.copy(REPO / name, root / name)
    for site, parent, parts in (
        ("staff", "mkdocs.yml", STAFF_PARTS),
        ("public", "mkdocs.public.yml", PUBLIC_PARTS),
    ):
        for part in parts:
            variant = {"INHERIT": parent, "nav": None, "plugins": {f"opsdocs/{part}": {"enabled": False}}}
            (root / f"{site}-without-{part}.yml").write_text(yaml.safe_dump(variant), encoding="utf-8")
    return root


def _variants() -> list[str]:
    return (
        [*CONFIGS]
        + [f"staff-without-{p}.yml" for p in STAFF_PARTS]
        + [f"public-without-{p}.yml" for p in PUBLIC_PARTS]
    )


@pytest.fixture
def fixed_now() -> Iterator[None]:
    before = os.environ.get("OPSDOCS_NOW")
    os.environ["OPSDOCS_NOW"] = NOW
    yield
    if before is None:
        del os.environ["OPSDOCS_NOW"]
    else:
        os.environ["OPSDOCS_NOW"] = before


def _plugins_plan(config_file: Path) -> dict[str, bytes]:
    """What the opsdocs plugins add to a build of ``config_file``, by path: MkDocs' own
    configuration loading and events, no HTML."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="build", dirty=True)
    try:
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        return {f.src_uri: f.content_bytes for f in files if (f.generated_by or "").startswith("opsdocs")}
    finally:
        config.plugins.on_shutdown()


def _generate_plan(project: Path, config_file: Path) -> dict[str, bytes]:
    """What ``opsdocs generate`` writes under ``docs/`` for ``config_file``'s site that is not a
    hand-written page, by path."""
    from opsdocs.cli.generate import site_files
    from opsdocs.cli.load import project_layout
    from opsdocs.cli.mkdocs_config import read_config
    from opsdocs.clock import build_now
    from opsdocs.model import read_project

    config = read_config(project, str(config_file))
    flags = type("Flags", (), {"data_dir": None, "runbooks_dir": None, "docs_dir": None})()
    layout = project_layout(flags, config, project)  # type: ignore[arg-type]
    audience = config.plugin("opsdocs").get("audience", "staff")
    spec = config.site_spec(
        public=audience == "public",
        language=str(config.theme.get("language") or ""),
        site_url=str(config.values.get("site_url") or ""),
        pages_dir=layout.docs_dir,
    )
    project_data = read_project(project, layout)
    site_pages = config.project_path(str(config.values.get("docs_dir") or "docs"), project)
    files = site_files(project_data, build_now(zone=project_data.site.zone), spec, site_pages, config)
    from opsdocs.model.runbooks import page_is_public

    # The hand-written pages this site publishes: a generated page at the same path gives way.
    docs = project / site_pages
    sources = [p.relative_to(docs).as_posix() for p in docs.rglob("*")]
    hand_written = {src for src in sources if not spec.public or page_is_public(project_data.pages.get(src))}
    return {
        rel.removeprefix("docs/"): content
        for rel, content in files.items()
        if rel.startswith("docs/") and rel.removeprefix("docs/") not in hand_written
    }


@pytest.mark.parametrize("variant", _variants())
def test_the_plugins_and_generate_plan_the_same_site(example: Path, variant: str, fixed_now: None) -> None:
    """For every site of the example and each part switched off, the pages and files the plugins
    hand to MkDocs are the ones ``generate`` writes, byte for byte."""
    plugins = _plugins_plan(example / variant)
    generated = _generate_plan(example, example / variant)
    assert sorted(plugins) == sorted(generated)
    differing = [path for path in plugins if plugins[path] != generated[path]]
    assert differing == []
    assert plugins, "the site has generated pages"


def _page_of(src: str) -> str:
    """The HTML file MkDocs builds from the page ``src`` (directory URLs)."""
    stem = src.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"


def _links(site: Path, docs: Path) -> Iterator[tuple[str, str]]:
    """Every link the opsdocs plugins wrote on the built site: on generated pages all of them,
    on hand-written pages those inside what opsdocs added (directives, help banner, related
    articles). A hand-written link to a part switched off is the author's, and MkDocs warns."""
    hand_written = {_page_of(p.relative_to(docs).as_posix()) for p in docs.rglob("*.md")}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")) or rel == "404.html":
            continue
        content = page(path).cssselect("article.md-content__inner")
        if not content:
            continue
        scopes = content[0].cssselect("[class*='opsdocs']") if rel in hand_written else content
        for scope in scopes:
            for anchor in scope.iter("a"):
                href = anchor.get("href")
                if href and not href.startswith(("#", "mailto:", "tel:")):
                    yield rel, urljoin(urljoin(BASE, rel), href)


def _dangling(site: Path, docs: Path) -> list[str]:
    return missing_targets(site, _links(site, docs), BASE)


@pytest.mark.parametrize(
    "variant",
    [f"staff-without-{p}.yml" for p in STAFF_PARTS] + [f"public-without-{p}.yml" for p in PUBLIC_PARTS],
)
def test_no_link_leads_to_a_part_that_is_switched_off(example: Path, variant: str, tmp_path: Path) -> None:
    """With handbook off, incident pages do not link to postmortems; with status off, the
    reliability report, runbooks and postmortems do not link to status pages; and so on for
    every part, on both sites."""
    site = tmp_path / "site"
    result = build_site(example / variant, site, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _dangling(site, example / "docs") == []


def test_a_part_switched_off_leaves_no_page_of_its_own(example: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_site(example / "staff-without-handbook.yml", site, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (site / "postmortems").exists() and not (site / "handbook").exists()
    incidents = list((site / "status/incidents").glob("*/index.html"))
    assert incidents
    assert not any("postmortems/" in page.read_text(encoding="utf-8") for page in incidents)


def _project(tmp_path: Path, plugins: object, extra: str = "") -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("data", "docs", "runbooks"):
        shutil.copytree(REPO / name, project / name)
    config = {"site_name": "x", "theme": {"name": "material", "language": "es"}, "plugins": plugins}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config) + extra, encoding="utf-8")
    return project


def test_a_part_without_the_opsdocs_plugin_stops_the_build(tmp_path: Path) -> None:
    project = _project(tmp_path, ["search", "opsdocs/status"])
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    message = "opsdocs/status: the `opsdocs` plugin is not listed in `plugins`"
    assert_refused(result, message, unwritten=tmp_path / "site")


def test_a_list_of_plugins_under_a_mapping_is_a_clear_error(tmp_path: Path) -> None:
    """``plugins`` as a list in mkdocs.yml and as a mapping in the public file that inherits it:
    MkDocs replaces the list, so the public site would have no status page, no API and no
    search. Both the build and ``generate`` stop and say what to change."""
    project = _project(tmp_path, ["search", "opsdocs", "opsdocs/status", "opsdocs/helpcenter"])
    public = project / "mkdocs.public.yml"
    public.write_text("INHERIT: mkdocs.yml\nplugins:\n  opsdocs:\n    audience: public\n", encoding="utf-8")
    result = build_site(public, tmp_path / "site")
    assert result.returncode == 1
    expected = (
        "mkdocs.public.yml writes `plugins` as a mapping and the file it inherits, mkdocs.yml, as a list"
    )
    assert expected in result.stderr
    assert "Write `plugins` as a mapping in both files" in result.stderr
    assert not (tmp_path / "site").exists()

    out = tmp_path / "out"
    generated = run_opsdocs("generate", str(out), "--project", str(project), "--config", str(public))
    assert generated.returncode == 1
    assert expected in generated.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("history_days: 0", "option 'history_days': a whole number of days, 1 or more, not 0"),
        ("history_days: -5", "option 'history_days': a whole number of days, 1 or more, not -5"),
        ("history_days: true", "option 'history_days': a whole number of days, 1 or more, not True"),
        (
            "stale_after_minutes: 0",
            "option 'stale_after_minutes': a whole number of minutes, 1 or more, not 0",
        ),
        (
            "partial_outage_weight: 1.5",
            "option 'partial_outage_weight': a share of downtime is a number from 0 to 1",
        ),
    ],
)
def test_a_status_option_out_of_range_is_refused(tmp_path: Path, option: str, message: str) -> None:
    """``history_days: 0`` used to render "last 0 days"."""
    project = _project(tmp_path, {"opsdocs": {}, "opsdocs/status": yaml.safe_load(option)})
    assert_refused(
        build_site(project / "mkdocs.yml", tmp_path / "site"), f"Plugin 'opsdocs/status' {message}"
    )

    generated = run_opsdocs("generate", str(tmp_path / "out"), "--project", str(project))
    assert generated.returncode == 1
    assert f"opsdocs/status: {option.split(':')[0]}: " in generated.stderr


def test_labels_must_be_texts_in_both_adapters(tmp_path: Path) -> None:
    project = _project(
        tmp_path, {"opsdocs": {"labels": {"status.title": ["a", "list"]}}, "opsdocs/status": {}}
    )
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1
    assert "label 'status.title': a label is a text, not list" in result.stderr

    generated = run_opsdocs("generate", str(tmp_path / "out"), "--project", str(project))
    assert generated.returncode == 1
    assert "opsdocs: labels: label 'status.title': a label is a text, not list" in generated.stderr


def test_the_registry_holds_every_part_in_the_spec() -> None:
    from opsdocs.render.parts import REGISTRY
    from opsdocs.render.spec import PARTS, STAFF_ONLY_PARTS

    assert tuple(REGISTRY) == PARTS
    assert {name for name, part in REGISTRY.items() if part.staff_only} == STAFF_ONLY_PARTS


def test_the_public_site_never_has_a_staff_only_part() -> None:
    from opsdocs.render.spec import PARTS, SiteSpec

    spec = SiteSpec(public=True, parts=frozenset(PARTS))
    assert not spec.has("runbooks") and not spec.has("handbook")
    assert spec.paths.runbooks is None and spec.paths.handbook is None and spec.paths.reliability is None


@pytest.mark.parametrize(
    ("variant", "shipped"),
    [
        ("mkdocs.yml", {"opsdocs.css", "helpcenter.css", "reliability.css"}),
        ("mkdocs.public.yml", {"opsdocs.css", "helpcenter.css"}),
        ("mkdocs.status.yml", {"opsdocs.css"}),
    ],
)
def test_a_site_ships_only_the_stylesheets_of_its_parts(
    example: Path, variant: str, shipped: set[str], fixed_now: None
) -> None:
    """The staff-only report's styles stay off the public site, the help center's off the
    standalone status site: a visitor's first visit downloads every linked stylesheet."""
    from mkdocs.config import load_config

    plan = _plugins_plan(example / variant)
    assert {path.rsplit("/", 1)[-1] for path in plan if path.endswith(".css")} == shipped
    config = load_config(config_file=str(example / variant))
    config.plugins.on_startup(command="build", dirty=True)
    try:
        config = config.plugins.on_config(config)
        linked = {href.rsplit("/", 1)[-1] for href in config.extra_css if "opsdocs" in href}
    finally:
        config.plugins.on_shutdown()
    assert linked == shipped
