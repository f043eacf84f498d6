"""``opsdocs generate``: one site's pages and files in a folder that engines without the opsdocs
plugins build (plain MkDocs, Zensical), showing what the plugin-built site shows."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
import yaml

from tests.clock import env_at
from tests.conftest import Run, run_opsdocs
from tests.html import page, text
from tests.paths import REPO
from tests.sitebuild import assert_refused, build_site, tree

INCIDENT = "data/incidents/2025-12-09-correos-invitacion-retraso.yml"
PROBLEM_LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error: .+$", re.MULTILINE)


needs_zensical = pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None,
    reason="zensical is not importable: install the test extras (zensical>=0.0.73,<0.1)",
)


def generate(out: Path, *args: str, project: Path = REPO) -> Run:
    """Run ``opsdocs generate OUT --project PROJECT ARGS`` at the fixed ``now``."""
    return run_opsdocs("generate", str(out), "--project", str(project), *args, env=env_at())


def zensical_build(folder: Path) -> subprocess.CompletedProcess[str]:
    """Zensical's build of a folder ``opsdocs generate`` wrote, into ``folder/site``."""
    command = [sys.executable, "-m", "zensical", "build", "-f", str(folder / "mkdocs.yml")]
    return subprocess.run(command, capture_output=True, text=True, env=env_at(), cwd=folder, check=False)


def statuses(file: Path) -> dict[str, str]:
    """Each component row of a built status page: its id and the status label it shows."""
    doc = page(file)
    found = {}
    for row in doc.cssselect("[data-opsdocs-component]"):
        labels = row.cssselect("[data-opsdocs-status-label]")
        assert labels, f"component {row.get('data-opsdocs-component')} has no status label"
        found[row.get("data-opsdocs-component")] = text(labels[0])
    return found


@pytest.fixture(scope="module")
def public_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "public"
    result = generate(out, "--audience", "public", "--config", str(REPO / "mkdocs.public.yml"))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def staff_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "staff"
    result = generate(out, "--audience", "staff")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def plugin_statuses(built_site: Callable[..., Path]) -> dict[str, str]:
    """The component statuses of the public status page the opsdocs plugins build."""
    found = statuses(built_site(REPO / "mkdocs.public.yml") / "status" / "index.html")
    assert found, "the plugin-built status page lists no component"
    return found


def test_public_folder_holds_the_public_site_only(public_out: Path) -> None:
    docs = public_out / "docs"
    for rel in ("status/index.md", "api/v2/summary.json", "help/index.md", "roadmap/index.md"):
        assert (docs / rel).is_file(), rel
    assert (docs / "assets/opsdocs/status.js").is_file()
    assert (docs / "assets/opsdocs/opsdocs.css").is_file()
    assert not (docs / "runbooks").exists()
    assert not (docs / "handbook").exists()
    assert not (docs / "maintenance-guide.md").exists()
    assert (docs / "user-guide.md").is_file()


def test_pages_keep_front_matter_and_need_no_plugin(public_out: Path, staff_out: Path) -> None:
    article = (public_out / "docs/help/exportar.md").read_text(encoding="utf-8")
    assert article.startswith("---\naudience: public\n")
    # The help center plugin's additions (banner, related articles) are in the page itself.
    source = (REPO / "docs/help/exportar.md").read_text(encoding="utf-8")
    assert len(article) > len(source)
    # Directives are expanded as the handbook plugin expands them: no directive line is left.
    for rel in ("deployment-guide.md", "maintenance-guide.md"):
        assert "\n<!-- opsdocs:" in (REPO / "docs" / rel).read_text(encoding="utf-8")
        text = (staff_out / "docs" / rel).read_text(encoding="utf-8")
        assert text.startswith("---\n")
        assert not re.search(r"^ {0,3}<!--\s*opsdocs:", text, re.MULTILINE), rel


def test_staff_folder_has_runbooks_and_handbook(staff_out: Path) -> None:
    docs = staff_out / "docs"
    assert (docs / "runbooks/index.md").is_file()
    assert (docs / "handbook/index.md").is_file()
    assert (docs / "maintenance-guide.md").is_file()
    assert (docs / "status/index.md").is_file()


def test_generated_mkdocs_yml_has_no_opsdocs_plugin(public_out: Path) -> None:
    config = yaml.safe_load((public_out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "plugins" not in config
    assert config["docs_dir"] == "docs"
    assert config["site_name"] == "Calendario · Ayuda y estado"
    assert config["site_url"] == "https://status.empresa.com/"
    assert "assets/opsdocs/opsdocs.css" in config["extra_css"]


def test_generated_mkdocs_yml_carries_the_project_look(staff_out: Path) -> None:
    project = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((staff_out / "mkdocs.yml").read_text(encoding="utf-8"))
    # The hand-written pages' Markdown extensions, with their options, in the project's order.
    assert (
        config["markdown_extensions"][: len(project["markdown_extensions"])] == project["markdown_extensions"]
    )
    for key in ("features", "palette", "language", "font"):
        assert config["theme"][key] == project["theme"][key], key
    assert config["nav"] == project["nav"]
    assert config["validation"] == project["validation"]
    # The theme's overrides travel with the pages; no repository link, so no edit link to a
    # generated page that has no file in the repository, and no api.github.com request.
    assert config["theme"]["custom_dir"] == "overrides"
    assert (staff_out / "overrides/partials/source.html").read_bytes() == (
        REPO / "overrides/partials/source.html"
    ).read_bytes()
    for key in ("plugins", "repo_url", "edit_uri", "site_dir", "hooks"):
        assert key not in config, key


def test_public_site_keeps_the_nav_entries_it_has(tmp_path: Path) -> None:
    out = tmp_path / "public"
    result = generate(out, "--audience", "public")  # the staff site's mkdocs.yml, by default
    assert result.returncode == 0, result.stderr
    assert ": warning: this is the staff site's configuration" in result.stderr
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = yaml.safe_dump(config["nav"])
    for name in ("help/index.md", "status/index.md", "roadmap/changelog.md", "user-guide.md"):
        assert name in listed, name
    for name in ("runbooks/", "handbook/", "reliability/", "maintenance-guide.md", "opsdocs/"):
        assert name not in listed, name
    assert all(not isinstance(v, list) or v for item in config["nav"] for v in item.values())


def test_without_a_configuration_the_defaults_stay(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for folder in ("data", "runbooks", "docs"):
        shutil.copytree(REPO / folder, project / folder)
    out = tmp_path / "out"
    result = generate(out, "--audience", "public", project=project)
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"] == {"name": "material", "language": "es", "font": False}
    assert config["site_name"] == "Calendario"
    assert config["markdown_extensions"] == ["md_in_html", "attr_list", "tables", "admonition", "toc"]
    assert "nav" not in config
    assert not (out / "overrides").exists()


def test_a_missing_configuration_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = generate(out, "--config", str(tmp_path / "nowhere.yml"))
    assert_refused(result, "nowhere.yml: no such configuration file", unwritten=out)


def test_same_inputs_give_the_same_tree(public_out: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert (
        generate(again, "--audience", "public", "--config", str(REPO / "mkdocs.public.yml")).returncode == 0
    )
    assert tree(again) == tree(public_out)


def test_plain_mkdocs_builds_the_folder_with_the_plugin_statuses(
    public_out: Path, plugin_statuses: dict[str, str], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    result = build_site(public_out / "mkdocs.yml", site, strict=False)
    assert result.returncode == 0, result.stderr
    assert statuses(site / "status" / "index.html") == plugin_statuses
    assert (site / "api/v2/summary.json").is_file()


def test_standalone_status_configuration_gives_a_status_site(
    tmp_path: Path, built_site: Callable[..., Path]
) -> None:
    """mkdocs.status.yml puts the status page at the root and turns the other parts off; the
    generated folder does the same, and plain MkDocs builds the page the plugins build."""
    out = tmp_path / "status"
    result = generate(out, "--audience", "public", "--config", str(REPO / "mkdocs.status.yml"))
    assert result.returncode == 0, result.stderr
    docs = out / "docs"
    assert (docs / "index.md").is_file()
    assert (docs / "api/v2/summary.json").is_file()
    for absent in ("status", "help", "roadmap", "training", "runbooks", "user-guide.md"):
        assert not (docs / absent).exists(), absent

    plugin_site = built_site(REPO / "mkdocs.status.yml")
    site = tmp_path / "site"
    plain = build_site(out / "mkdocs.yml", site, strict=False)
    assert plain.returncode == 0, plain.stderr
    expected = statuses(plugin_site / "index.html")
    assert expected
    assert statuses(site / "index.html") == expected


def test_a_bad_plugin_option_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - opsdocs/status:\n      partial_outage_weight: 2\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = generate(out, "--config", str(config))
    assert result.returncode == 1
    assert (
        f"{config}: opsdocs/status: partial_outage_weight: a share of downtime is a number from 0 to 1"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_pages_named_without_directory_urls_keep_their_addresses(tmp_path: Path) -> None:
    """A project built with ``use_directory_urls: false`` gets a folder that builds the same
    way, and the addresses the API gives for incidents and maintenance name built pages."""
    project = tmp_path / "project"
    for folder in ("data", "runbooks", "docs", "overrides"):
        shutil.copytree(REPO / folder, project / folder)
    for name in ("mkdocs.yml", "mkdocs.public.yml"):
        shutil.copy(REPO / name, project / name)
    config = project / "mkdocs.public.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    out = tmp_path / "out"
    result = generate(out, "--audience", "public", "--config", str(config), project=project)
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))["use_directory_urls"] is False

    site = tmp_path / "site"
    built = build_site(out / "mkdocs.yml", site, strict=False)
    assert built.returncode == 0, built.stderr
    listed = json.loads((site / "api/v2/incidents.json").read_text(encoding="utf-8"))["incidents"]
    listed += json.loads((site / "api/v2/scheduled-maintenances.json").read_text(encoding="utf-8"))[
        "scheduled_maintenances"
    ]
    assert listed
    for entry in listed:
        address = entry["shortlink"]
        assert address.startswith("https://status.empresa.com/") and address.endswith(".html"), address
        assert (site / address.removeprefix("https://status.empresa.com/")).is_file(), address


@needs_zensical
def test_zensical_builds_the_folder_with_the_plugin_statuses(
    public_out: Path, plugin_statuses: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "public"
    shutil.copytree(public_out, out)
    result = zensical_build(out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert statuses(out / "site" / "status" / "index.html") == plugin_statuses


def test_bad_data_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for folder in ("data", "runbooks", "docs"):
        shutil.copytree(REPO / folder, project / folder)
    incident = project / INCIDENT
    text = incident.read_text(encoding="utf-8")
    assert text.count("severity: sev3") == 1
    incident.write_text(text.replace("severity: sev3", "severity: sev-unknown"), encoding="utf-8")
    out = tmp_path / "out"
    result = generate(out, "--audience", "public", project=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [m for m in PROBLEM_LINE.finditer(result.stderr) if m["path"] == INCIDENT]
    assert problems, result.stderr
    assert not out.exists()


def test_non_empty_folder_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = generate(out, "--audience", "public")
    assert result.returncode == 1
    assert "not empty" in result.stderr and "--force" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    forced = generate(out, "--audience", "public", "--force")
    assert forced.returncode == 0, forced.stderr
    assert not (out / "keep.txt").exists()
    assert (out / "docs/status/index.md").is_file()


# A hand-written page with what the example's pages use and the generated pages do not:
# an admonition (admonition) and a highlighted fenced code block (superfences, highlight).
SAMPLE = """\
# Muestra

!!! warning "Antes de reiniciar"

    Avisa en el canal de incidentes.

```python
def reiniciar(servicio: str) -> None:
    print(f"reiniciando {servicio}")
```
"""


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project with one more hand-written page, ``docs/muestra.md``."""
    project = tmp_path_factory.mktemp("sample") / "project"
    for folder in ("data", "runbooks", "docs", "overrides"):
        shutil.copytree(REPO / folder, project / folder)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs/muestra.md").write_text(SAMPLE, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def plugin_staff(sample_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The staff site the opsdocs plugins build from the sample project."""
    site = tmp_path_factory.mktemp("plugin-staff") / "site"
    result = build_site(sample_project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def generated_staff(sample_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project's staff folder, as ``opsdocs generate`` writes it."""
    out = tmp_path_factory.mktemp("generated-staff") / "staff"
    result = generate(out, "--audience", "staff", project=sample_project)
    assert result.returncode == 0, result.stderr
    return out


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def article(file: Path) -> str:
    """A page's content, without the edit button (the generated folder links no repository)
    and with whitespace between tags ignored."""
    doc = page(file)
    (content,) = doc.cssselect("div.md-content")
    for button in content.cssselect("a[rel=edit]"):
        button.drop_tree()
    return "".join(lxml.html.tostring(content, encoding="unicode").split())


def rendered(file: Path, selector: str) -> list[str]:
    doc = page(file)
    return [" ".join(lxml.html.tostring(e, encoding="unicode").split()) for e in doc.cssselect(selector)]


def assert_sample_renders_alike(plugin: Path, built: Path) -> None:
    sample = "muestra/index.html"
    admonitions = rendered(plugin / sample, "div.admonition.warning")
    assert len(admonitions) == 1 and "Antes de reiniciar" in admonitions[0]
    assert rendered(built / sample, "div.admonition.warning") == admonitions
    code = rendered(plugin / sample, "div.highlight")
    # Highlighted: Pygments' spans, not a bare <pre> (superfences + highlight).
    assert len(code) == 1 and '<span class="k">def</span>' in code[0]
    assert rendered(built / sample, "div.highlight") == code


def test_plain_mkdocs_renders_the_staff_site_as_the_plugins_do(
    plugin_staff: Path, generated_staff: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    result = build_site(generated_staff / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    assert html_pages(site) == html_pages(plugin_staff)
    assert_sample_renders_alike(plugin_staff, site)
    assert statuses(site / "status/index.html") == statuses(plugin_staff / "status/index.html")
    differ = [rel for rel in sorted(html_pages(site)) if article(site / rel) != article(plugin_staff / rel)]
    assert differ == []


@needs_zensical
def test_zensical_renders_the_sample_page_as_the_plugins_do(
    plugin_staff: Path, generated_staff: Path, tmp_path: Path
) -> None:
    out = tmp_path / "staff"
    shutil.copytree(generated_staff, out)
    result = zensical_build(out)
    assert result.returncode == 0, result.stdout + result.stderr
    site = out / "site"
    assert html_pages(site) >= html_pages(plugin_staff)
    assert_sample_renders_alike(plugin_staff, site)
    assert statuses(site / "status/index.html") == statuses(plugin_staff / "status/index.html")
