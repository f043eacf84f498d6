"""``opsdocs validate`` tells the whole truth: what a strict build fails on, ``validate``
reports with the same located line; what is overdue is a warning that fails only ``--strict``.

Each case breaks a copy of ``tests/fixtures/minimal`` in one way, then runs ``opsdocs
validate`` and ``mkdocs build --strict`` for real and compares what they print.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.clock import NOW, YEARS_AHEAD, env_at
from tests.conftest import run_opsdocs
from tests.editing import replace, where
from tests.sitebuild import build_site


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def unknown_directive(root: Path) -> tuple[str, str]:
    _append(root / "docs/index.md", "\n<!-- opsdocs:severity-matrx -->\n")
    line, column = where(root, "docs/index.md", "<!-- opsdocs:severity-matrx")
    return f"docs/index.md:{line}:{column}: error: unknown opsdocs directive 'severity-matrx'", "mkdocs.yml"


def link_to_a_generated_page_that_does_not_exist(root: Path) -> tuple[str, str]:
    _append(root / "docs/index.md", "\nSee [the outage](status/incidents/2026-01-01-nope.md).\n")
    line, column = where(root, "docs/index.md", "status/incidents/2026-01-01-nope.md")
    return (
        f"docs/index.md:{line}:{column}: error: link 'status/incidents/2026-01-01-nope.md' leads to no "
        "page or file of this site",
        "mkdocs.yml",
    )


def link_from_a_site_of_its_own_to_the_projects_pages(root: Path) -> tuple[str, str]:
    """A site with pages of its own (``docs_dir: public``) beside the project's pages, which
    the data and the generated pages refer to: a link into the project's pages leads nowhere
    there. (Generated pages link by address, which MkDocs does not check; the data's links to
    pages are checked with the data.)"""
    (root / "public").mkdir()
    (root / "public/index.md").write_text(
        "# Public\n\nRead [the guide](../docs/index.md).\n", encoding="utf-8"
    )
    (root / "mkdocs.public.yml").write_text(
        "site_name: Public\ndocs_dir: public\ntheme: {name: material, font: false}\n"
        "plugins:\n  opsdocs: {audience: public, docs_dir: docs}\n  opsdocs/status: {}\n",
        encoding="utf-8",
    )
    line, column = where(root, "public/index.md", "../docs/index.md")
    return (
        f"public/index.md:{line}:{column}: error: link '../docs/index.md' leads to no page",
        "mkdocs.public.yml",
    )


def nav_entry_that_does_not_exist(root: Path) -> tuple[str, str]:
    _append(root / "mkdocs.yml", "nav:\n  - index.md\n  - Status: status/index.md\n  - Guide: guide.md\n")
    line, column = where(root, "mkdocs.yml", "guide.md")
    return f"mkdocs.yml:{line}:{column}: error: nav entry 'guide.md' is not a page of this site", "mkdocs.yml"


def list_of_plugins_under_a_mapping(root: Path) -> tuple[str, str]:
    (root / "mkdocs.public.yml").write_text(
        "INHERIT: mkdocs.yml\nsite_name: Public\n"
        "plugins:\n  - search\n  - opsdocs:\n      audience: public\n",
        encoding="utf-8",
    )
    line, column = where(root, "mkdocs.public.yml", "plugins:")
    return (
        f"mkdocs.public.yml:{line}:{column}: error: the opsdocs plugin is listed but none of its parts' "
        "plugins",
        "mkdocs.public.yml",
    )


def option_out_of_range(root: Path) -> tuple[str, str]:
    replace(root / "mkdocs.yml", "opsdocs/status: {}", "opsdocs/status: {history_days: 0}")
    line, column = where(root, "mkdocs.yml", "0}")
    return (
        f"mkdocs.yml:{line}:{column}: error: opsdocs/status: history_days: a whole number of days, 1 or "
        "more, not 0",
        "mkdocs.yml",
    )


def link_to_a_part_switched_off(root: Path) -> tuple[str, str]:
    replace(
        root / "mkdocs.yml", "opsdocs/status: {}", "opsdocs/status: {}\n  opsdocs/training: {enabled: false}"
    )
    _append(root / "docs/index.md", "\nStart with [training](training/index.md).\n")
    line, column = where(root, "docs/index.md", "training/index.md")
    return (
        f"docs/index.md:{line}:{column}: error: link 'training/index.md' leads to no page or file of "
        "this site",
        "mkdocs.yml",
    )


CASES: dict[str, Callable[[Path], tuple[str, str]]] = {
    case.__name__: case
    for case in (
        unknown_directive,
        link_to_a_generated_page_that_does_not_exist,
        link_from_a_site_of_its_own_to_the_projects_pages,
        nav_entry_that_does_not_exist,
        list_of_plugins_under_a_mapping,
        option_out_of_range,
        link_to_a_part_switched_off,
    )
}
"""Each case: an edit of the project, returning the start of the located line both must print
and the configuration whose strict build fails."""


@pytest.mark.parametrize("case", list(CASES))
def test_validate_prints_the_line_the_strict_build_fails_with(minimal_project: Path, case: str) -> None:
    expected, config = CASES[case](minimal_project)
    checked = run_opsdocs("validate", str(minimal_project), env=env_at(NOW))
    built = build_site(minimal_project / config, minimal_project / "site")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert built.returncode == 1, built.stderr
    lines = [line for line in checked.stderr.splitlines() if line.startswith(expected)]
    assert lines, f"validate did not print {expected!r}:\n{checked.stderr}"
    assert lines[0] in built.stderr, f"the build did not print {lines[0]!r}:\n{built.stderr}"
    assert "Traceback" not in checked.stderr + built.stderr
    assert not (minimal_project / "site").exists()


def test_a_valid_project_is_valid_for_validate_and_the_build(minimal_project: Path) -> None:
    checked = run_opsdocs("validate", str(minimal_project), env=env_at(NOW))
    assert checked.returncode == 0, checked.stderr
    assert "sites: mkdocs.yml" in checked.stdout
    assert build_site(minimal_project / "mkdocs.yml", minimal_project / "site").returncode == 0


def test_what_is_overdue_is_a_warning_that_fails_only_strict(minimal_project: Path) -> None:
    env = env_at(YEARS_AHEAD[0])
    line, column = where(minimal_project, "runbooks/one.md", "2026-03-01")
    warning = f"runbooks/one.md:{line}:{column}: warning: runbook 'api-outage' is overdue for review"
    relaxed = run_opsdocs("validate", str(minimal_project), env=env)
    assert relaxed.returncode == 0, relaxed.stderr
    assert warning in relaxed.stderr
    strict = run_opsdocs("validate", "--strict", str(minimal_project), env=env)
    assert strict.returncode == 1
    assert warning in strict.stderr
    # The build publishing the status page never fails on it.
    assert (
        build_site(minimal_project / "mkdocs.yml", minimal_project / "site", now=YEARS_AHEAD[0]).returncode
        == 0
    )


def test_a_folder_that_is_not_a_project_is_said_in_one_line(tmp_path: Path) -> None:
    result = run_opsdocs("validate", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"opsdocs: {tmp_path} is not an opsdocs project (no mkdocs.yml and no data/ folder)"
    )


def test_a_configuration_that_does_not_exist_is_an_unusable_argument(minimal_project: Path) -> None:
    result = run_opsdocs("validate", str(minimal_project), "--config", str(minimal_project / "nope.yml"))
    assert result.returncode == 2
    assert "nope.yml: no such configuration file" in result.stderr
