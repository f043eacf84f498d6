"""SECURITY.md proves each guarantee it states with a named test: every test it names exists."""

from __future__ import annotations

import ast
import re

from tests.paths import REPO

NAMED_TEST = re.compile(r"`(tests/(?:\w+/)?test_\w+\.py)::(test_\w+)`")


def _test_functions(path: str) -> set[str]:
    tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_every_test_security_md_names_exists() -> None:
    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    named = NAMED_TEST.findall(text)
    assert len(named) >= 20, "each guarantee names the tests that prove it"
    missing = [
        f"{path}::{name}"
        for path, name in named
        if not (REPO / path).is_file() or name not in _test_functions(path)
    ]
    assert missing == []


def test_every_guarantee_names_its_proof() -> None:
    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    section = text.split("## What the public build guarantees", 1)[1].split("\n## ", 1)[0]
    guarantees = re.split(r"\n(?=\d+\. \*\*)", section)[1:]
    assert len(guarantees) >= 6
    for guarantee in guarantees:
        assert "Proven by" in guarantee, guarantee.splitlines()[0]
