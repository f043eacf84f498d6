"""Every warning opsdocs prints is a located problem, ``path:line:col: warning: message``, the
same line in the build's log as from the commands, so an editor or CI annotates the line to
change; problems a build finds in a page are located the same way."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.clock import NOW, env_at
from tests.conftest import MINIMAL, Reported, Run, reported, run_opsdocs
from tests.paths import FIXTURES
from tests.sitebuild import build_site

STAFF_SITE = FIXTURES / "staff_site"


def located(text: str, path: str, mark: str) -> tuple[int, int]:
    """The 1-based (line, column) of the one ``mark`` in ``text``, the file at ``path``."""
    assert text.count(mark) == 1, f"{mark!r} should occur once in {path}"
    before = text[: text.index(mark)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def opsdocs(root: Path, *args: str, now: str | None = NOW) -> Run:
    """The ``opsdocs`` command run in the project ``root`` at ``now`` (None: the real clock)."""
    return run_opsdocs(*args, env=env_at(now), cwd=root)


def warnings(output: str) -> list[Reported]:
    return [p for p in reported(output) if p.level == "warning"]


def where(problems: list[Reported]) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.message) for p in problems]


# --- overdue staff items ------------------------------------------------------------------------


@pytest.fixture
def overdue_project(tmp_path: Path) -> tuple[Path, list[tuple[str, int, int, str]]]:
    """The staff fixture with an overdue runbook and an overdue postmortem action item at
    ``NOW``, and the located warning expected for each."""
    root = tmp_path / "project"
    shutil.copytree(STAFF_SITE, root)
    incident = root / "data" / "incidents" / "api-down.yml"
    text = incident.read_text(encoding="utf-8") + (
        "  action_items:\n    - text: Canary every deploy\n      owner: backend\n      due: 2026-11-25\n"
    )
    incident.write_text(text, encoding="utf-8")
    runbook = (root / "runbooks" / "old.md").read_text(encoding="utf-8")
    review = located(runbook, "old.md", "2026-")  # the value of last_reviewed, the only date
    assert runbook.splitlines()[review[0] - 1].startswith("last_reviewed:")
    due = located(text, "api-down.yml", "2026-11-25")
    expected = [
        (
            "runbooks/old.md",
            *review,
            "runbook 'old' is overdue for review since 2026-02-09 (last reviewed 2026-01-10, every 30 days)",
        ),
        (
            "data/incidents/api-down.yml",
            *due,
            "api-down: action item 'Canary every deploy' (owner Backend Developer) was due 2026-11-25",
        ),
    ]
    return root, expected


def test_overdue_items_are_the_same_located_warnings_in_the_build_log_and_from_each_command(
    overdue_project: tuple[Path, list[tuple[str, int, int, str]]], tmp_path: Path
) -> None:
    root, expected = overdue_project
    built = build_site(root / "mkdocs.yml", tmp_path / "site", now=NOW)
    assert built.returncode == 0, built.stderr
    logged = warnings(built.stderr)
    assert where(logged) == expected, built.stderr
    assert {p.logged for p in logged} == {"INFO"}, "a note, never a MkDocs warning: --strict passes"
    assert "opsdocs: 2 overdue item(s) above" in built.stderr

    generated = opsdocs(root, "generate", "--audience", "staff", str(tmp_path / "out"))
    assert generated.returncode == 0, generated.stderr
    assert where(warnings(generated.stderr)) == expected, generated.stderr

    checked = opsdocs(root, "check", ".")
    assert checked.returncode == 1
    assert where(warnings(checked.stdout)) == expected


# --- dates ahead of the clock -------------------------------------------------------------------


def minimal_site(root: Path) -> Path:
    """A copy of the minimal project at ``root``, its site with a status page."""
    shutil.copytree(MINIMAL, root)
    assert "opsdocs/status" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    return root


def test_an_update_dated_ahead_of_the_real_clock_is_the_same_located_warning_everywhere(
    tmp_path: Path,
) -> None:
    root = minimal_site(tmp_path / "project")
    rel = "data/incidents/2026-03-10-api-errors.yml"
    incident = root / rel
    # The resolving update is dated weeks ahead, a typo in a month: the incident reads as open.
    ahead = (datetime.now(tz=UTC) + timedelta(days=40)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    text = incident.read_text(encoding="utf-8").replace("resolved_at: 2026-03-10T10:30:00-03:00\n", "")
    text = text.replace("  - at: 2026-03-10T10:30:00-03:00", f"  - at: {ahead}")
    incident.write_text(text, encoding="utf-8")
    line, column = located(text, rel, ahead)
    index = 2

    validated = opsdocs(root, "validate", ".", now=None)
    assert validated.returncode == 0, validated.stderr
    built = build_site(root / "mkdocs.yml", tmp_path / "site", now=None)
    assert built.returncode == 0, built.stderr
    generated = opsdocs(root, "generate", "--audience", "staff", str(tmp_path / "out"), now=None)
    assert generated.returncode == 0, generated.stderr
    outputs = {"validate": validated.stderr, "build": built.stderr, "generate": generated.stderr}
    for name, output in outputs.items():
        found = [p for p in warnings(output) if "after the build's clock" in p.message]
        assert [(p.path, p.line, p.column) for p in found] == [(rel, line, column)], f"{name}:\n{output}"
        assert found[0].message.startswith(f"updates[{index}].at: "), name
    assert {p.logged for p in warnings(built.stderr)} == {"INFO"}


# --- directives on a page of a site's own ---------------------------------------------------------

STATUS_CONFIG = """\
site_name: Minimal status
docs_dir: status-docs
theme:
  name: material
  font: false
plugins:
  - opsdocs:
      audience: public
      docs_dir: docs
  - opsdocs/status:
      standalone: true
"""


@pytest.fixture
def status_site(tmp_path: Path) -> Path:
    """The minimal project with a standalone status site whose pages (``status-docs/``) are
    not the project's, one of which uses a directive that shows internal data."""
    root = minimal_site(tmp_path / "project")
    (root / "status-docs").mkdir()
    (root / "status-docs" / "index.md").write_text("# Status\n", encoding="utf-8")
    (root / "status-docs" / "about.md").write_text(
        "---\ntitle: About\n---\n\n# About\n\n<!-- opsdocs:contacts -->\n", encoding="utf-8"
    )
    (root / "mkdocs.status.yml").write_text(STATUS_CONFIG, encoding="utf-8")
    return root


def test_a_directive_on_a_page_of_the_sites_own_is_located_in_its_file(
    status_site: Path, tmp_path: Path
) -> None:
    """The project's pages are checked before a build; a page from the site's own folder is
    checked as it is rendered, and named by its own path and the line in its file."""
    built = build_site(status_site / "mkdocs.status.yml", tmp_path / "site", now=NOW)
    assert built.returncode == 1
    generated = opsdocs(status_site, "generate", "--config", "mkdocs.status.yml", str(tmp_path / "out"))
    assert generated.returncode == 1
    for name, output in {"build": built.stderr, "generate": generated.stderr}.items():
        assert "Traceback" not in output, name
        found = [p for p in reported(output) if p.level == "error"]
        assert [(p.path, p.line, p.column) for p in found] == [("status-docs/about.md", 7, 1)], output
        assert found[0].message.startswith("opsdocs directive 'contacts' shows internal data"), name


# --- generate's configuration -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "audience", "mark"),
    [("mkdocs.yml", "public", "opsdocs: {}"), ("mkdocs.status.yml", "staff", "public\n")],
)
def test_a_configuration_for_the_other_site_is_a_located_warning_from_generate(
    status_site: Path, tmp_path: Path, config: str, audience: str, mark: str
) -> None:
    """At the ``audience`` option the configuration sets, or at the ``opsdocs`` plugin that
    leaves it to its default (staff); with ``plugins`` as a mapping or as a list."""
    (status_site / "status-docs" / "about.md").write_text("# About\n", encoding="utf-8")
    line, column = located((status_site / config).read_text(encoding="utf-8"), config, mark)
    out = str(tmp_path / "out")
    generated = opsdocs(status_site, "generate", "--config", config, "--audience", audience, out)
    assert generated.returncode == 0, generated.stderr
    other = "staff" if audience == "public" else "public"
    assert where(warnings(generated.stderr)) == [
        (
            config,
            line,
            column,
            f"this is the {other} site's configuration; the {audience} site gets its theme, "
            "extensions and nav (--config names another)",
        )
    ]
