"""A project overrides opsdocs' templates the Material way: ``<custom_dir>/opsdocs/<path>``
replaces ``render/templates/<path>``, in the plugins' build and in ``opsdocs generate``."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from opsdocs.mkdocs_plugins.shared import keep_between_builds
from opsdocs.render.template_reference import shipped_templates
from opsdocs.render.templates import Templates
from tests.clock import NOW
from tests.conftest import run_opsdocs
from tests.paths import FIXTURES
from tests.sitebuild import build_site, tree

FIXTURE = FIXTURES / "status_site"
INCIDENT = "overrides/opsdocs/status/incident.md.j2"
OVERRIDE = """<div class="custom-incident">
<h1>CUSTOM: {{ facts.incident.title }}</h1>
{% for update in facts.updates %}<p>{{ update.message }}</p>{% endfor %}
</div>
"""


def _site(tmp_path: Path, name: str = "project", override: str | None = OVERRIDE) -> Path:
    """A copy of the status site with the theme's ``custom_dir``, overriding the incident page."""
    root = tmp_path / name
    shutil.copytree(FIXTURE, root)
    config = root / "mkdocs.yml"
    theme = "  font: false\n"
    config.write_text(config.read_text().replace(theme, theme + "  custom_dir: overrides\n"))
    (root / "overrides").mkdir()
    if override is not None:
        (root / INCIDENT).parent.mkdir(parents=True)
        (root / INCIDENT).write_text(override, encoding="utf-8")
    return root


def _incident_page(site: Path) -> str:
    return (site / "status" / "incidents" / "api-down" / "index.html").read_text(encoding="utf-8")


def _build_here(root: Path, site: Path, command: str = "build") -> None:
    """One ``mkdocs build`` in this process, as ``mkdocs serve`` rebuilds."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command=command, dirty=False)
    build(config)


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch):
    """Builds in this process at the tests' fixed ``now``."""
    monkeypatch.setenv("OPSDOCS_NOW", NOW)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    yield
    keep_between_builds(False)


def test_an_override_changes_the_page_in_the_plugin_build(tmp_path: Path) -> None:
    root = _site(tmp_path)
    result = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = _incident_page(tmp_path / "site")
    assert "CUSTOM: API unavailable" in page
    assert "The API returns **errors**." in page  # the override's own choice: the raw text
    assert "opsdocs-timeline" not in page  # the shipped template's markup is gone
    assert "CUSTOM: Web app slow" in (tmp_path / "site/status/incidents/web-slow/index.html").read_text()
    # Other pages keep the shipped templates, and the override is not a file of the site.
    assert "opsdocs-pill" in (tmp_path / "site/status/index.html").read_text(encoding="utf-8")
    assert not [path for path in tree(tmp_path / "site") if path.endswith(".j2")]


def test_an_override_changes_the_page_of_a_generated_folder(tmp_path: Path) -> None:
    root = _site(tmp_path)
    (root / "overrides" / "partials").mkdir()
    (root / "overrides" / "partials" / "copyright.html").write_text("<p>THEME-OVERRIDE</p>", encoding="utf-8")
    out = tmp_path / "generated"
    result = run_opsdocs("generate", str(out), "--project", str(root), "--config", str(root / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr
    assert "CUSTOM: API unavailable" in (out / "docs/status/incidents/api-down.md").read_text()
    # The theme's own overrides travel with the folder; opsdocs' are already applied.
    assert (out / "overrides/partials/copyright.html").is_file()
    assert not (out / "overrides" / "opsdocs").exists()
    built = build_site(out / "mkdocs.yml", tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert "CUSTOM: API unavailable" in _incident_page(tmp_path / "site")
    assert "THEME-OVERRIDE" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_an_override_never_reaches_another_build_in_this_process(tmp_path: Path, in_process: None) -> None:
    with_override, without = _site(tmp_path, "with"), _site(tmp_path, "without", override=None)
    for round_ in range(2):
        _build_here(with_override, tmp_path / f"site-with-{round_}")
        _build_here(without, tmp_path / f"site-without-{round_}")
        assert "CUSTOM:" in _incident_page(tmp_path / f"site-with-{round_}")
        shipped = _incident_page(tmp_path / f"site-without-{round_}")
        assert "CUSTOM:" not in shipped and "opsdocs-timeline" in shipped
    # The same project, its override removed: the next build is the shipped page again.
    (with_override / INCIDENT).unlink()
    _build_here(with_override, tmp_path / "site-removed")
    assert "CUSTOM:" not in _incident_page(tmp_path / "site-removed")


def test_serving_picks_up_an_edited_override(tmp_path: Path, in_process: None) -> None:
    root = _site(tmp_path)
    _build_here(root, tmp_path / "site", command="serve")
    assert "CUSTOM: API unavailable" in _incident_page(tmp_path / "site")
    (root / INCIDENT).write_text(OVERRIDE.replace("CUSTOM:", "EDITED:"), encoding="utf-8")
    _build_here(root, tmp_path / "site", command="serve")
    assert "EDITED: API unavailable" in _incident_page(tmp_path / "site")


BROKEN = {
    "syntax error": ("<p>\n{{ facts.incident.title }\n", 2, "template syntax error"),
    "unknown name": ("<p>\n\n{% if facts.is_active %}{{ nope }}{% endif %}\n", 3, "'nope' is not a name"),
    "missing attribute": ("<p>\n{{ facts.no_such_field }}\n", 2, "has no attribute 'no_such_field'"),
    "library without a macro": (None, 1, "it lacks the macros status_pill"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_override_is_a_located_error_and_the_previous_site_stays(tmp_path: Path, case: str) -> None:
    text, line, message = BROKEN[case]
    root = _site(tmp_path, override=text)
    where = INCIDENT
    if text is None:  # a library of macros without one of the shipped library's macros
        where = "overrides/opsdocs/status/macros.html.j2"
        (root / where).parent.mkdir(parents=True)
        (root / where).write_text("{% macro update_item(update, status_label, dates, render_markdown) %}\n"
                                  "{{ update.message }}{% endmacro %}\n", encoding="utf-8")  # fmt: skip
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    out = tmp_path / "generated"
    out.mkdir()
    (out / "previous.txt").write_text("the previous folder", encoding="utf-8")
    results = {
        "build": build_site(root / "mkdocs.yml", site),
        "generate": run_opsdocs("generate", str(out), "--project", str(root), "--force"),
    }
    for name, result in results.items():
        assert result.returncode != 0, name
        assert "Traceback" not in result.stderr, (name, result.stderr[-3000:])
        pattern = rf"^(?:ERROR\s+-\s+)?{re.escape(where)}:{line}:1: error: (.*)$"
        located = re.search(pattern, result.stderr, re.MULTILINE)
        assert located is not None, (name, result.stderr[-3000:])
        assert message in located.group(1), (name, located.group(1))
    assert tree(site) == {"index.html": b"the previous site"}
    assert tree(out) == {"previous.txt": b"the previous folder"}


DUMP = """{{ facts.incident.model_dump() }}
{% for update in facts.incident.updates %}{{ update.model_dump() }}{% endfor %}
{% for update in facts.updates %}{{ update.model_dump() }}{% endfor %}
"""


def test_an_override_on_the_public_site_sees_only_the_public_view(tmp_path: Path) -> None:
    """An override that prints every field of the incident and of each update: the public site
    gets none of the internal ones, which the same override prints on the staff site."""
    root = _site(tmp_path, override=DUMP)
    incident = root / "data" / "incidents" / "api-down.yml"
    incident.write_text(
        incident.read_text().replace("message: Fixed.,", "message: Fixed., internal_note: INTERNAL-NOTE,"),
        encoding="utf-8",
    )
    staff = root / "mkdocs.staff.yml"
    staff.write_text((root / "mkdocs.yml").read_text().replace("audience: public", "audience: staff"))
    for config, site in ((root / "mkdocs.yml", "public"), (staff, "staff")):
        result = build_site(config, tmp_path / site)
        assert result.returncode == 0, result.stderr
    staff_text = _incident_page(tmp_path / "staff")
    public_text = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "public").rglob("*.html"))
    for secret in ("INTERNAL-NOTE", "INTERNAL-ROOT-CAUSE", "INTERNAL-SUMMARY"):
        assert secret in staff_text, secret
        assert secret not in public_text, secret
    assert "INTERNAL-MESSAGE" not in public_text
    assert "INTERNAL-MESSAGE" in (tmp_path / "staff/status/incidents/hidden/index.html").read_text()


def test_an_override_linking_outside_the_project_is_refused(tmp_path: Path) -> None:
    root = _site(tmp_path, override=None)
    (root / INCIDENT).parent.mkdir(parents=True)
    outside = tmp_path / "outside.md.j2"
    outside.write_text("OUTSIDE-THE-PROJECT", encoding="utf-8")
    (root / INCIDENT).symlink_to(outside)
    result = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert f"{INCIDENT}:1:1: error: file is a link to outside the project" in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("name", shipped_templates())
def test_every_shipped_template_reads_only_what_it_is_given(name: str) -> None:
    """The rule every override is held to when a build starts holds for the shipped ones."""
    assert Templates().unknown_names(name) == []
