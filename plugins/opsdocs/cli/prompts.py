"""Questions in a terminal (questionary), asked only for what no flag gave.

Every ``ask_*`` returns the flag's value when there is one; without it, it asks when the
session is interactive (a terminal, no ``--yes``) and otherwise returns the default, which the
command then checks like any value. Ctrl-C at a question raises ``KeyboardInterrupt``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


def interactive_terminal(yes: bool) -> bool:
    """Whether to ask: not with ``--yes``, and only when both ends are a terminal."""
    return not yes and sys.stdin.isatty() and sys.stdout.isatty()


@dataclass(frozen=True)
class Prompter:
    """Asks, or does not, for the values a command still needs."""

    interactive: bool

    def text(
        self, given: str | None, question: str, default: str = "", multiline: bool = False
    ) -> str | None:
        """A text: ``given``, else the answer (``default`` prefilled, to edit), else ``default``."""
        if given is not None:
            return given
        if not self.interactive:
            return default or None
        import questionary

        instruction = "(Esc then Enter to finish)" if multiline else None
        answer = questionary.text(question, default=default, multiline=multiline, instruction=instruction)
        return answer.unsafe_ask()

    def select(
        self, given: str | None, question: str, choices: Sequence[tuple[str, str]], default: str | None = None
    ) -> str | None:
        """One of ``choices`` (value, label): ``given``, else the answer (``default`` offered
        first), else None: without a flag nothing is chosen for the person."""
        if given is not None or not self.interactive:
            return given
        import questionary

        options = [questionary.Choice(label, value=value) for value, label in choices]
        chosen = next((o for o in options if o.value == default), None)
        return questionary.select(question, choices=options, default=chosen).unsafe_ask()

    def checkbox(
        self, given: list[str] | None, question: str, choices: Sequence[tuple[str, str]]
    ) -> list[str]:
        """Some of ``choices``: ``given``, else the answers, else none."""
        if given or not self.interactive:
            return list(given or [])
        import questionary

        options = [questionary.Choice(label, value=value) for value, label in choices]
        return list(questionary.checkbox(question, choices=options).unsafe_ask() or [])

    def confirm(self, question: str, default: bool = True) -> bool:
        """Yes or no; yes without asking when the session is not interactive."""
        if not self.interactive:
            return True
        import questionary

        return bool(questionary.confirm(question, default=default).unsafe_ask())


def labelled(items: Sequence[Any], label: str = "name") -> list[tuple[str, str]]:
    """(id, "id — name") for records with an ``id`` and a ``label`` field."""
    return [(item.id, f"{item.id} — {getattr(item, label)}") for item in items]
