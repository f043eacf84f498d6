"""``opsdocs validate`` tells the whole truth: what a strict build fails on, ``validate``
reports with the same located line; what is overdue is a warning that fails only ``--strict``.

Each case breaks a copy of ``tests/fixtures/minimal`` in one way, then runs ``opsdocs
validate`` and ``mkdocs build --strict`` for real and compares what they print.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.clock import NOW, YEARS_AHEAD, env_at
from tests.conftest import run_opsdocs
from tests.editing import replace, where
from tests.sitebuild import build_site


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _site_of_its_own(root: Path) -> None:
    """A site with pages of its own (``docs_dir: public``) beside the project's pages, which
    the data and the generated pages refer to: a link into the project's pages leads nowhere
    there. (Generated pages link by address, which MkDocs does not check; the data's links to
    pages are checked with the data.)"""
    (root / "public").mkdir()
    (root / "public/index.md").write_text("# Public\n\nRead [the guide](../docs/index.md).\n", "utf-8")
    (root / "mkdocs.public.yml").write_text(
        "site_name: Public\ndocs_dir: public\ntheme: {name: material, font: false}\n"
        "plugins:\n  opsdocs: {audience: public, docs_dir: docs}\n  opsdocs/status: {}\n",
        encoding="utf-8",
    )


LIST_OF_PLUGINS = (
    "INHERIT: mkdocs.yml\nsite_name: Public\nplugins:\n  - search\n  - opsdocs: {audience: public}\n"
)
NOPE = "status/incidents/2026-01-01-nope.md"
NAV = "nav:\n  - index.md\n  - Status: status/index.md\n  - Guide: guide.md\n"
TRAINING_OFF = "opsdocs/status: {}\n  opsdocs/training: {enabled: false}"
NO_PAGE = "leads to no page or file of this site"


@dataclass(frozen=True)
class Case:
    """An edit of the project, and the problem it makes: in the file ``rel`` at ``mark``,
    starting with ``message``; ``config`` is the configuration whose strict build fails."""

    edit: Callable[[Path], object]
    rel: str
    mark: str
    message: str
    config: str = "mkdocs.yml"


CASES = {
    "unknown directive": Case(
        lambda root: _append(root / "docs/index.md", "\n<!-- opsdocs:severity-matrx -->\n"),
        "docs/index.md", "<!-- opsdocs:severity-matrx", "unknown opsdocs directive 'severity-matrx'",
    ),
    "link to a generated page that does not exist": Case(
        lambda root: _append(root / "docs/index.md", f"\nSee [the outage]({NOPE}).\n"),
        "docs/index.md", NOPE, f"link '{NOPE}' {NO_PAGE}",
    ),
    "link from a site of its own to the project's pages": Case(
        _site_of_its_own, "public/index.md", "../docs/index.md", "link '../docs/index.md' leads to no page",
        "mkdocs.public.yml",
    ),
    "nav entry that does not exist": Case(
        lambda root: _append(root / "mkdocs.yml", NAV),
        "mkdocs.yml", "guide.md", "nav entry 'guide.md' is not a page of this site",
    ),
    "list of plugins under a mapping": Case(
        lambda root: (root / "mkdocs.public.yml").write_text(LIST_OF_PLUGINS, encoding="utf-8"),
        "mkdocs.public.yml", "plugins:", "the opsdocs plugin is listed but none of its parts' plugins",
        "mkdocs.public.yml",
    ),
    "option out of range": Case(
        lambda root: replace(root / "mkdocs.yml", "opsdocs/status: {}", "opsdocs/status: {history_days: 0}"),
        "mkdocs.yml", "0}", "opsdocs/status: history_days: a whole number of days, 1 or more, not 0",
    ),
    "link to a part switched off": Case(
        lambda root: (
            replace(root / "mkdocs.yml", "opsdocs/status: {}", TRAINING_OFF),
            _append(root / "docs/index.md", "\nStart with [training](training/index.md).\n"),
        ),
        "docs/index.md", "training/index.md", f"link 'training/index.md' {NO_PAGE}",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_validate_prints_the_line_the_strict_build_fails_with(minimal_project: Path, case: str) -> None:
    broken = CASES[case]
    broken.edit(minimal_project)
    line, column = where(minimal_project, broken.rel, broken.mark)
    expected, config = f"{broken.rel}:{line}:{column}: error: {broken.message}", broken.config
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


def test_a_nav_entry_written_as_mkdocs_reads_it_is_a_page(minimal_project: Path) -> None:
    # MkDocs finds ``./index.md`` and ``status//index.md``; neither check may say otherwise.
    _append(minimal_project / "mkdocs.yml", "nav:\n  - ./index.md\n  - Status: status//index.md\n")
    checked = run_opsdocs("validate", str(minimal_project), env=env_at(NOW))
    assert checked.returncode == 0, checked.stderr
    built = build_site(minimal_project / "mkdocs.yml", minimal_project / "site")
    assert built.returncode == 0, built.stderr


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
