"""The public site contains nothing internal: canaries planted in every internal field, record,
page and runbook of the example project never appear in any public output file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.canaries import plant_project
from tests.sitebuild import REPO, build_site, tree

COPIED = ("data", "docs", "runbooks", "schemas", "overrides", "mkdocs.yml", "mkdocs.public.yml")


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("canary") / "project"
    root.mkdir()
    for name in COPIED:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    canaries = plant_project(root)
    return root, canaries


def test_canaries_are_planted_in_every_kind_of_internal_data(planted: tuple[Path, list[str]]) -> None:
    _, canaries = planted
    kinds = {c.split("-", 1)[1] for c in canaries if c.startswith("CANARY")}
    # Fields the model marks internal, across several files:
    for field in ("phone", "root_cause", "summary", "internal_note", "availability", "page"):
        assert field in kinds, field
    assert any(c.startswith("canary-file-") for c in canaries), "internal incident and maintenance files"
    assert any(c.startswith("canary-twin-") for c in canaries), "internal records inside files"


def test_staff_site_shows_internal_data(planted: tuple[Path, list[str]], tmp_path: Path) -> None:
    root, _ = planted
    result = build_site(root / "mkdocs.yml", tmp_path / "staff", strict=False)
    assert result.returncode == 0, result.stderr
    everything = b"".join(tree(tmp_path / "staff").values())
    # The check below would be empty if the staff build did not carry canaries at all.
    assert b"CANARY" in everything


def test_no_canary_in_any_public_file(planted: tuple[Path, list[str]], tmp_path: Path) -> None:
    root, canaries = planted
    out = tmp_path / "public"
    result = build_site(root / "mkdocs.public.yml", out)
    assert result.returncode == 0, result.stderr
    leaks = []
    for path, content in tree(out).items():
        for mark in canaries:
            if mark.encode() in content:
                leaks.append((path, mark))
    assert leaks == []
