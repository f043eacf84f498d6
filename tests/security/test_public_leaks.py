"""The public site contains nothing internal.

Canaries are planted in every internal field, record, id, file name, page and runbook of the
example project (see ``tests/canaries.py``), in internal records that public ones point at, and
a public page uses every directive that is safe on the public site. Then every public output is
built — the public site, the standalone status site, and ``opsdocs generate`` for each of those
configurations followed by a plain MkDocs build of each folder — and every file of every output
is scanned: no canary may appear. The staff site must show every canary, so that a canary
planted where nothing renders (which would prove nothing) is noticed.

Run with ``-s`` to print the counts (planted, found in staff, leaked in public).
"""

from __future__ import annotations

import gzip
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from opsdocs.model.checks_history import Result
from opsdocs.model.files import DATA_KINDS
from opsdocs.probe.writer import record
from opsdocs.render.handbook.directives import directive_names
from tests.canaries import (
    DOCS_INTERNAL_KINDS,
    NOT_PLANTED,
    Planting,
    internal_fields,
    plant_project,
    read_yaml,
    write_yaml,
)
from tests.clock import NOW, env_at
from tests.conftest import Run, run_opsdocs
from tests.paths import REPO
from tests.sitebuild import build_site, tree

COPIED = (
    "data",
    "docs",
    "runbooks",
    "schemas",
    "overrides",
    "status-docs",
    "mkdocs.yml",
    "mkdocs.public.yml",
    "mkdocs.status.yml",
)

PUBLIC_DIRECTIVES = ("support-targets", "release-cycle", "support-channels", "self-service")
"""The directives a public page may use: their tables hold only what the public site shows
anyway (support channels, response times, self-service). Every other directive is a build
error on a public page (see ``test_an_unsafe_directive_on_a_public_page_fails_the_build``)."""

UNSAFE_DIRECTIVES = tuple(name for name in directive_names() if name not in PUBLIC_DIRECTIVES)

NOT_ON_STAFF = {
    "PageMeta.tags": "page tags are read by the theme's tags plugin, which the example does not "
    "enable; opsdocs itself never prints them",
    "IncidentUpdate.internal_note": "no page prints an update's internal note, not even on the "
    "staff site: it is a note for whoever reads the incident's file",
    "MaintenanceWindow.internal_note": "no page prints a window's internal note, not even on the "
    "staff site: it is a note for whoever reads the window's file",
}
"""Canaried fields the staff site does not show either, each with the reason; their canaries
are still required absent from every public output."""


def _copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy(source, target / name)
    (target / "status-docs").mkdir(exist_ok=True)
    return target


def _plant_checks(root: Path, planting: Planting) -> None:
    """A canary address for every check (the planter leaves addresses alone), and a history
    with results of every check, the internal ones included, where the sites read it."""
    path = root / "data" / "checks.yml"
    data = read_yaml(path)
    for index, check in enumerate(data["checks"]):
        mark = planting.id("url", f"data/checks.yml: checks[{index}]: url", "Check.url")
        check["url"] = f"https://{mark}.example.test/health"
    planting.fields.add("Check.url")
    write_yaml(path, data)
    now = datetime.fromisoformat(NOW).astimezone(UTC)
    results = [Result(now - timedelta(minutes=5 * n), check["id"], 200, "", 100 + n)
               for n in range(12) for check in data["checks"]]  # fmt: skip
    record(root / "checks-history", results, now, raw_days=14)


def _directive_page(names: tuple[str, ...]) -> str:
    lines = ["---", "audience: public", "title: Directivas", "---", "", "# Directivas", ""]
    for name in names:
        lines += [f"<!-- opsdocs:{name} -->", ""]
    return "\n".join(lines)


def _opsdocs(*args: str, cwd: Path) -> Run:
    """``opsdocs ARGS`` in ``cwd`` at the fixed now."""
    return run_opsdocs(*args, env=env_at(), cwd=cwd)


@dataclass(frozen=True)
class Outputs:
    """The planted project, its canaries and every built output folder, by name."""

    root: Path
    planting: Planting
    staff: Path
    public: dict[str, Path]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    """Plant the canaries, then build the staff site and every public output once."""
    base = tmp_path_factory.mktemp("canary")
    root = _copy_project(base / "project")
    planting = plant_project(root)
    _plant_checks(root, planting)
    (root / "docs" / "directivas.md").write_text(_directive_page(PUBLIC_DIRECTIVES), encoding="utf-8")
    # A staff page with every directive, so that the staff site shows every table (the KPIs'
    # descriptions, for one, are in no other page).
    every = _directive_page(tuple(directive_names())).replace("audience: public", "audience: internal")
    (root / "docs" / "todas-las-directivas.md").write_text(every, encoding="utf-8")

    staff = base / "staff"
    result = build_site(root / "mkdocs.yml", staff)
    assert result.returncode == 0, result.stderr

    public: dict[str, Path] = {}
    for name, config in (("public", "mkdocs.public.yml"), ("status", "mkdocs.status.yml")):
        out = base / name
        result = build_site(root / config, out)
        assert result.returncode == 0, f"{config}: {result.stderr}"
        public[f"mkdocs build -f {config}"] = out

        folder = base / f"generated-{name}"
        generated = _opsdocs(
            "generate", str(folder), "--audience", "public", "--project", str(root),
            "--config", str(root / config), cwd=root,
        )  # fmt: skip
        assert generated.returncode == 0, f"generate --config {config}: {generated.stderr}"
        public[f"opsdocs generate --config {config} (the folder)"] = folder
        site = base / f"generated-{name}-site"
        built = build_site(folder / "mkdocs.yml", site)
        assert built.returncode == 0, f"mkdocs build of generate --config {config}: {built.stderr}"
        public[f"mkdocs build of opsdocs generate --config {config}"] = site
    return Outputs(root, planting, staff, public)


def _texts(folder: Path) -> dict[str, str]:
    """Every file of an output, lower-cased text (compressed files decompressed), by path."""
    found = {}
    for path, content in tree(folder).items():
        if path.endswith(".gz"):
            content = gzip.decompress(content)
        found[path] = content.decode("utf-8", errors="replace").lower()
    return found


def _found(folder: Path, canaries: list[str]) -> dict[str, list[str]]:
    """Each canary found in ``folder``, with the files it is in."""
    where: dict[str, list[str]] = {}
    texts = _texts(folder)
    for mark in canaries:
        needle = mark.lower()
        files = [path for path, text in texts.items() if needle in text]
        if files:
            where[mark] = files
    return where


def test_every_internal_field_of_the_model_gets_a_canary(outputs: Outputs) -> None:
    """A new internal field in the model, or a part the docs call internal, is planted, or
    this fails naming it (add it to tests/canaries.py, or to NOT_PLANTED with a reason)."""
    missing = sorted(internal_fields() - outputs.planting.fields - set(NOT_PLANTED))
    assert missing == [], f"internal fields without a canary: {missing}"


def test_canaries_cover_ids_file_names_and_the_internal_files(outputs: Outputs) -> None:
    where = outputs.planting.canaries
    for kind in ("file", "twin", "runbook", "page", "component", "person", "role", "flag"):
        assert any(re.match(rf"canary-\d+-{kind}$", mark) for mark in where), kind
    assert any((outputs.root / "data" / "incidents").glob("canary-*-file.yml")), "internal incident file"
    for kind in DOCS_INTERNAL_KINDS:
        pattern = next(k.pattern for k in DATA_KINDS if k.name == kind)
        if (outputs.root / "data" / pattern).exists():
            assert any(spot.startswith(f"data/{pattern}:") for spot in where.values()), kind


def test_staff_site_shows_every_canary(outputs: Outputs) -> None:
    """Each canary is in a field something renders: the staff site shows it."""
    planting = outputs.planting
    expected = [mark for mark in planting.canaries if planting.field_of.get(mark) not in NOT_ON_STAFF]
    found = _found(outputs.staff, expected)
    missing = {mark: planting.canaries[mark] for mark in expected if mark not in found}
    excused = len(planting) - len(expected)
    print(
        f"\ncanaries: {len(planting)} planted, {len(found)} found in staff, {excused} in fields no page "
        f"prints (NOT_ON_STAFF), {len(missing)} missing"
    )
    assert missing == {}, (
        f"{len(planting)} planted, {len(found)} found in staff; not on the staff site: {missing}"
    )


def test_no_canary_in_any_public_output(outputs: Outputs) -> None:
    """Every file of every public output, HTML, JSON, feeds, calendars, SVG, search index,
    sitemap (and its .gz), 404 page and scripts: zero canaries."""
    canaries = list(outputs.planting.canaries)
    leaks: dict[str, dict[str, list[str]]] = {}
    scanned = 0
    for name, folder in outputs.public.items():
        scanned += len(tree(folder))
        found = _found(folder, canaries)
        if found:
            leaks[name] = found
    leaked = {mark for found in leaks.values() for mark in found}
    print(f"\ncanaries: {len(canaries)} planted, {len(leaked)} leaked in {scanned} public files")
    detail = {
        name: {f"{mark} ({outputs.planting.canaries[mark]})": files[:3] for mark, files in found.items()}
        for name, found in leaks.items()
    }
    assert leaks == {}, f"{len(canaries)} planted, {len(leaked)} leaked in public: {detail}"


def test_every_kind_of_public_file_was_scanned(outputs: Outputs) -> None:
    """The scan covers what the issue names; a public output that lost its feeds or API would
    make the scan above weaker without failing it."""
    for name, folder in outputs.public.items():
        if "(the folder)" in name:
            continue
        files = set(tree(folder))
        suffixes = {Path(f).suffix for f in files}
        assert {".html", ".json", ".xml", ".gz", ".js"} <= suffixes, (name, suffixes)
        assert "404.html" in files and "sitemap.xml.gz" in files, name
        # The standalone status site ships without search, for a light first visit.
        assert ("search/search_index.json" in files) != ("mkdocs.status.yml" in name), name
        assert {".ics", ".svg"} <= suffixes, (name, suffixes)
        assert any(f.endswith((".rss", "rss.xml", ".atom", "atom.xml")) for f in files), name


def test_public_page_shows_the_public_directives(outputs: Outputs) -> None:
    """The directives page is on the public site with its tables expanded (so the scan above
    did read their output)."""
    folder = outputs.public["mkdocs build -f mkdocs.public.yml"]
    html = (folder / "directivas" / "index.html").read_text(encoding="utf-8")
    assert "opsdocs:" not in html
    assert html.count("<table") >= 2


@pytest.fixture(scope="module")
def unsafe_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The example project with a public page that uses every directive not safe in public."""
    root = _copy_project(tmp_path_factory.mktemp("unsafe") / "project")
    page = _directive_page(UNSAFE_DIRECTIVES)
    (root / "docs" / "inseguro.md").write_text(page, encoding="utf-8")
    lines = {name: page.splitlines().index(f"<!-- opsdocs:{name} -->") + 1 for name in UNSAFE_DIRECTIVES}
    return root, lines


def _names_each_directive(output: str, lines: dict[str, int]) -> list[str]:
    """The directives the output does not name with the page and line."""
    return [
        name
        for name, line in lines.items()
        if not re.search(rf"inseguro\.md:{line}\b[^\n]*{re.escape(name)}", output)
    ]


def test_an_unsafe_directive_on_a_public_page_fails_the_build(
    unsafe_project: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    root, lines = unsafe_project
    result = build_site(root / "mkdocs.public.yml", tmp_path / "public")
    assert result.returncode != 0, "the public build published directives that are not public"
    assert "Traceback" not in result.stderr
    assert _names_each_directive(result.stderr, lines) == [], result.stderr


def test_an_unsafe_directive_on_a_public_page_fails_generate_and_validate(
    unsafe_project: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    root, lines = unsafe_project
    generated = _opsdocs(
        "generate", str(tmp_path / "out"), "--audience", "public", "--project", str(root),
        "--config", str(root / "mkdocs.public.yml"), cwd=root,
    )  # fmt: skip
    assert generated.returncode != 0, "generate --audience public wrote directives that are not public"
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert _names_each_directive(generated.stderr, lines) == [], generated.stderr
    validated = _opsdocs("validate", str(root), cwd=root)
    assert validated.returncode != 0
    assert _names_each_directive(validated.stderr, lines) == [], validated.stderr


def test_a_public_article_linking_to_internal_pages_is_refused(tmp_path: Path) -> None:
    """A public help article that links to an internal page and runbook: the public build stops
    and names the article and each link, rather than publishing a link to a page that is not
    there (and its internal address)."""
    root = _copy_project(tmp_path / "project")
    article = root / "docs" / "help" / "exportar.md"
    article.write_text(
        article.read_text(encoding="utf-8")
        + "\nVer la [guía de mantenimiento](../maintenance-guide.md) y las "
        "[métricas](../monitoring-metrics.md#alertas).\n",
        encoding="utf-8",
    )
    result = build_site(root / "mkdocs.public.yml", tmp_path / "public")
    assert result.returncode != 0
    for link in ("../maintenance-guide.md", "../monitoring-metrics.md#alertas"):
        assert re.search(rf"help/exportar\.md[^\n]*{re.escape(link)}", result.stderr), result.stderr
    assert build_site(root / "mkdocs.yml", tmp_path / "staff").returncode == 0
