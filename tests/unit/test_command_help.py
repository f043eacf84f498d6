"""Command help that reads well: every option of every subcommand says what it is and, when it
has one, its default; no reStructuredText markup reaches ``--help``."""

from __future__ import annotations

import argparse
import contextlib
import io
import re

import pytest

from opsdocs.cli import build_parser
from opsdocs.cli.help import HelpFormatter, subcommand_parsers

PARSERS = subcommand_parsers(build_parser())
MARKUP = re.compile(r"``|:[a-z]+:`")
"""reStructuredText: a ````literal```` or a ``:role:`target```."""


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        action
        for action in parser._actions
        if not isinstance(action, argparse._HelpAction | argparse._SubParsersAction | argparse._VersionAction)
    ]


def test_every_subcommand_is_walked() -> None:
    assert {("validate",), ("check",), ("generate",), ("incident", "new"), ("maintenance", "cancel")} <= set(
        PARSERS
    )


@pytest.mark.parametrize("words", list(PARSERS), ids=" ".join)
def test_every_option_has_help_with_its_default(words: tuple[str, ...]) -> None:
    parser = PARSERS[words]
    assert parser.formatter_class is HelpFormatter
    formatter = parser._get_formatter()
    for action in _options(parser):
        name = "/".join(action.option_strings) or action.dest
        assert action.help, f"opsdocs {' '.join(words)} {name} has no help"
        said = formatter._expand_help(action)
        if action.default not in (None, False, [], "", argparse.SUPPRESS):
            assert "default" in said, f"opsdocs {' '.join(words)} {name}: its default is not said: {said!r}"


@pytest.mark.parametrize("words", [(), *PARSERS], ids=lambda words: " ".join(words) or "opsdocs")
def test_help_has_no_restructuredtext(words: tuple[str, ...]) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as done:
        build_parser().parse_args([*words, "--help"])
    assert done.value.code == 0
    text = out.getvalue()
    assert text.startswith("usage: opsdocs")
    assert not MARKUP.search(text), text


def test_the_default_is_said_as_the_option_has_it() -> None:
    validate = PARSERS[("validate",)]
    text = validate.format_help()
    assert "the project's folder (default: .)" in text
    assert "the data files' folder (default: the configuration's, else data)" in " ".join(text.split())
    check = " ".join(PARSERS[("check",)].format_help().split())
    assert "the data files' folder (default: data)" in check
