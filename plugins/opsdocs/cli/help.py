"""Command help that reads well: every option's default said after its help, and no
reStructuredText markup (descriptions often come from docstrings) in what ``--help`` prints."""

from __future__ import annotations

import argparse
import re

_LITERAL = re.compile(r"``(.+?)``")
_ROLE = re.compile(r":[a-z]+(?::[a-z]+)?:`~?([^`<]+?)(?:\s*<[^>]+>)?`")
_NO_DEFAULT = (None, False, [], "", argparse.SUPPRESS)


def plain(text: str | None) -> str | None:
    """``text`` without reStructuredText markup: ````literal```` becomes ```literal```
    (Markdown's, which reads as plain text too) and ``:role:`target``` its target."""
    if text is None:
        return None
    return _LITERAL.sub(r"`\1`", _ROLE.sub(r"\1", text))


class HelpFormatter(argparse.HelpFormatter):
    """Descriptions wrapped paragraph by paragraph (a blank line between them kept), and each
    option's default after its help, unless the help already says it: ``(default: data)``."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = re.split(r"\n\s*\n", text.strip())
        return "\n\n".join(super(HelpFormatter, self)._fill_text(p, width, indent) for p in paragraphs)

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if "default" in text or action.default in _NO_DEFAULT or action.required:
            return text
        if not action.option_strings and action.nargs not in ("?", "*"):
            return text
        return f"{text} (default: %(default)s)"


def polish(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``parser`` and every subcommand's parser under it with ``HelpFormatter`` and their texts
    made plain (``plain``)."""
    parser.formatter_class = HelpFormatter
    parser.description = plain(parser.description)
    parser.epilog = plain(parser.epilog)
    for action in parser._actions:
        action.help = plain(action.help) if action.help is not argparse.SUPPRESS else action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = plain(choice.help)
            for sub in set(action.choices.values()):
                polish(sub)
    return parser


Parsers = dict[tuple[str, ...], argparse.ArgumentParser]


def subcommand_parsers(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> Parsers:
    """Every subcommand's parser under ``parser``, by its words (``("incident", "new")``)."""
    found: Parsers = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[(*prefix, name)] = sub
                found.update(subcommand_parsers(sub, (*prefix, name)))
    return found
