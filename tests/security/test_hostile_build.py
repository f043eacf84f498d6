"""Hostile input through every path that publishes: ``validate``, the staff and the public
builds, and ``opsdocs generate``. Each must refuse it with the same located error, print no
traceback, and leave a site folder that was already there exactly as it was."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.clock import env_at
from tests.conftest import Run, run_opsdocs
from tests.editing import replace
from tests.paths import REPO
from tests.sitebuild import assert_refused, build_site, tree

PROBLEM = re.compile(r"^(?P<where>\S+:\d+:\d+): error: (?P<message>.+)$", re.MULTILINE)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example project, to break in one place."""
    target = tmp_path / "project"
    target.mkdir()
    for name in ("data", "docs", "runbooks", "overrides", "status-docs"):
        shutil.copytree(REPO / name, target / name, symlinks=True)
    for name in ("mkdocs.yml", "mkdocs.public.yml", "mkdocs.status.yml"):
        shutil.copy(REPO / name, target / name)
    return target


def first_file(folder: Path) -> Path:
    return sorted(folder.glob("*.yml"))[0]


def _release_ids(project: Path) -> tuple[str, str]:
    roadmap = project / "data/roadmap.yml"
    line = replace(roadmap, "  - id: v1-1\n", "  - id: index\n")
    replace(roadmap, "  - id: v1-2\n", "  - id: release-index\n")
    return f"data/roadmap.yml:{line}:", "'index' is reserved for the page roadmap/index.md"


def _path_ids(project: Path) -> tuple[str, str]:
    line = replace(project / "data/training.yml", "  - id: developer-onboarding\n", "  - id: index\n")
    replace(project / "data/training.yml", "  - id: support-training\n", "  - id: path-index\n")
    return f"data/training.yml:{line}:", "'index' is reserved for the page training/index.md"


def _timestamp(folder: str, key: str, value: str) -> Callable[[Path], tuple[str, str]]:
    def breaks(project: Path) -> tuple[str, str]:
        path = first_file(project / "data" / folder)
        text = path.read_text(encoding="utf-8")
        old = re.search(rf"^{key}: .*$", text, re.MULTILINE)
        assert old is not None
        line = replace(path, old.group(), f"{key}: {value}")
        return f"{path.relative_to(project).as_posix()}:{line}:", "time is out of range"

    return breaks


def _control_character(rel: str, character: str) -> Callable[[Path], tuple[str, str]]:
    def breaks(project: Path) -> tuple[str, str]:
        path = project / rel
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[5] = f"Before{character}after.\n" + lines[5]
        path.write_text("".join(lines), encoding="utf-8")
        return f"{rel}:6:7:", f"control character U+{ord(character):04X}"

    return breaks


def _long_text(project: Path) -> tuple[str, str]:
    path = first_file(project / "data/incidents")
    text = path.read_text(encoding="utf-8")
    old = re.search(r"^title: .*$", text, re.MULTILINE)
    assert old is not None
    line = replace(path, old.group(), "title: " + "x" * 100_001)
    return f"{path.relative_to(project).as_posix()}:{line}:", "the limit is 100,000"


def _id_index(rel: str, folder: str) -> Callable[[Path], tuple[str, str]]:
    def breaks(project: Path) -> tuple[str, str]:
        path = project / rel
        old = re.search(r"^id: .*$", path.read_text(encoding="utf-8"), re.MULTILINE)
        assert old is not None
        line = replace(path, old.group(), "id: index")
        return f"{rel}:{line}:", f"'index' is reserved for the page {folder}/index.md"

    return breaks


CASES: dict[str, Callable[[Path], tuple[str, str]]] = {
    "release ids index and release-index": _release_ids,
    "learning path ids index and path-index": _path_ids,
    "an incident starting in year 1": _timestamp("incidents", "started_at", "0001-01-01T00:00:00Z"),
    "a window until year 9999": _timestamp("maintenance", "scheduled_until", "9999-12-31T00:00:00Z"),
    "a window from year 1": _timestamp("maintenance", "scheduled_for", "0001-01-02T00:00:00Z"),
    "an incident with id index": _id_index(
        "data/incidents/2025-12-09-correos-invitacion-retraso.yml", "postmortems"
    ),
    "a runbook with id index": _id_index("runbooks/calendar-api-down.md", "runbooks"),
    "NUL in a page": _control_character("docs/user-guide.md", "\x00"),
    "ESC in a runbook": _control_character("runbooks/calendar-api-down.md", "\x1b"),
    "a text of 100,001 characters": _long_text,
}


def _generate(project: Path, out: Path, config: str) -> Run:
    return run_opsdocs(
        "generate", str(out), "--project", str(project), "--config", str(project / config), "--force"
    )


def _previous_site(folder: Path) -> dict[str, bytes]:
    """A site folder as a previous deploy left it."""
    (folder / "status").mkdir(parents=True)
    (folder / "index.html").write_text("<p>the previous site</p>", encoding="utf-8")
    (folder / "status" / "index.html").write_text("<p>all good</p>", encoding="utf-8")
    return tree(folder)


@pytest.mark.parametrize("case", list(CASES))
def test_every_path_refuses_with_the_same_located_error_and_keeps_the_site(
    example: Path, tmp_path: Path, case: str
) -> None:
    where, message = CASES[case](example)
    outputs = {"validate": run_opsdocs("validate", str(example))}
    sites = {}
    for config in ("mkdocs.yml", "mkdocs.public.yml"):
        site = tmp_path / config.replace(".", "-")
        sites[config] = (site, _previous_site(site))
        outputs[config] = build_site(example / config, site)
    generated = tmp_path / "generated"
    before = _previous_site(generated)
    outputs["generate"] = _generate(example, generated, "mkdocs.public.yml")

    for name, result in outputs.items():
        text = result.stdout + result.stderr
        assert result.returncode != 0, f"{name} accepted {case}:\n{text[-2000:]}"
        assert "Traceback" not in text, f"{name}:\n{text[-3000:]}"
        found = [m for m in PROBLEM.finditer(result.stderr) if message in m["message"]]
        assert found, f"{name} did not say {message!r}:\n{result.stderr[-2000:]}"
        assert (found[0]["where"] + ":").startswith(where), (name, found[0].group())
    for config, (site, previous) in sites.items():
        assert tree(site) == previous, f"the failed build of {config} changed the previous site"
    assert tree(generated) == before, "the failed generate changed the folder"


def test_the_messages_are_the_same_from_validate_and_the_build(example: Path, tmp_path: Path) -> None:
    _release_ids(example)
    _timestamp("incidents", "started_at", "0001-01-01T00:00:00Z")(example)
    check = run_opsdocs("validate", str(example))
    build = build_site(example / "mkdocs.public.yml", tmp_path / "site")
    lines = [m.group() for m in PROBLEM.finditer(check.stderr)]
    assert len(lines) == 2
    for line in lines:
        assert line in build.stderr


def _symlinked_file(project: Path) -> str:
    (project / "docs/passwd.txt").symlink_to("/etc/passwd")
    return "docs/passwd.txt"


def _symlinked_folder(project: Path, tmp_path: Path) -> str:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nOUTSIDE-THE-PROJECT\n", encoding="utf-8")
    (project / "docs/help/linked").symlink_to(outside, target_is_directory=True)
    return "docs/help/linked"


def _symlinked_override(project: Path) -> str:
    (project / "overrides/passwd.html").symlink_to("/etc/passwd")
    return "overrides/passwd.html"


@pytest.mark.parametrize("kind", ["file", "folder", "override"])
def test_a_link_to_outside_the_project_is_refused_everywhere(
    example: Path, tmp_path: Path, kind: str
) -> None:
    if kind == "file":
        rel = _symlinked_file(example)
    elif kind == "folder":
        rel = _symlinked_folder(example, tmp_path)
    else:
        rel = _symlinked_override(example)
    site = tmp_path / "site"
    previous = _previous_site(site)
    generated = tmp_path / "generated"
    outputs = {
        "validate": run_opsdocs("validate", str(example)),
        "public build": build_site(example / "mkdocs.public.yml", site),
        "staff build": build_site(example / "mkdocs.yml", tmp_path / "staff"),
        "generate": _generate(example, generated, "mkdocs.public.yml"),
    }
    for name, result in outputs.items():
        assert result.returncode != 0, f"{name} published {rel}"
        assert "Traceback" not in result.stderr
        assert f"{rel}:1:1: error:" in result.stderr, (name, result.stderr[-2000:])
        assert "link to outside the project" in result.stderr
    assert tree(site) == previous
    assert not (tmp_path / "staff").exists()
    published = "\n".join(str(p) for p in generated.rglob("*"))
    assert "passwd" not in published and "secret" not in published


def test_the_whole_input_has_a_bound(example: Path, tmp_path: Path) -> None:
    # A sparse file: its size counts as the engine would copy it, and costs no disk.
    with (example / "docs/huge.bin").open("wb") as huge:
        huge.truncate(201 * 1024 * 1024)
    assert_refused(run_opsdocs("validate", str(example)), "opsdocs reads at most 200 MB")


def test_now_outside_the_range_is_a_clear_error(example: Path, tmp_path: Path) -> None:
    result = build_site(example / "mkdocs.public.yml", tmp_path / "site", now="0001-01-01T00:00:00Z")
    message = "OPSDOCS_NOW='0001-01-01T00:00:00Z': time is out of range"
    assert_refused(result, message, unwritten=tmp_path / "site")


def test_the_largest_accepted_times_build(example: Path, tmp_path: Path) -> None:
    """The range's ends are usable: a window at the end of the range builds."""
    _timestamp("maintenance", "scheduled_until", "2999-12-31T00:00:00Z")(example)
    result = run_opsdocs("validate", str(example), env=env_at())
    assert result.returncode == 0, result.stderr
    build = build_site(example / "mkdocs.public.yml", tmp_path / "site")
    assert build.returncode == 0, build.stderr[-3000:]


def test_a_build_failing_late_keeps_the_previous_site_and_a_good_one_replaces_it(
    example: Path, tmp_path: Path
) -> None:
    """MkDocs empties the site folder before it renders; a strict-mode failure found while
    rendering (here a broken link) must still leave the last good site being served."""
    site = tmp_path / "site"
    previous = _previous_site(site)
    page = example / "docs/user-guide.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\n[Broken](nowhere.md)\n", encoding="utf-8")
    failed = build_site(example / "mkdocs.public.yml", site)
    assert failed.returncode == 1
    assert "nowhere.md" in failed.stderr
    assert tree(site) == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "a build folder was left behind"

    page.write_text(good, encoding="utf-8")
    built = build_site(example / "mkdocs.public.yml", site)
    assert built.returncode == 0, built.stderr[-2000:]
    assert (site / "status" / "index.html").read_bytes() != previous["status/index.html"]
    assert not (site / "index.html").exists() or (site / "index.html").read_bytes() != previous["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]
