"""The questions ``opsdocs init`` asks at a terminal, for each value no flag gave.

Each answer is checked as it is typed, by the same parsers the flags go through
(``init_answers``), so a wrong time zone or id is said at once and asked again.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import available_timezones

import questionary

from opsdocs.cli.init_answers import (
    InitError,
    RawAnswers,
    check_id,
    check_text,
    check_timezone,
    check_url,
    defaults,
    humanised,
    languages,
    parse_components,
    severity_presets,
)

LANGUAGE_NAMES = {"en": "English", "es": "Español"}
PRESET_DESCRIPTIONS = {
    "minimal": "2 levels: outage, degradation",
    "standard": "3 levels: critical, high, medium",
    "extended": "4 levels: critical, high, medium, low",
}


class Cancelled(Exception):
    """The person at the terminal stopped the questions (Ctrl-C)."""


def _checked(check: Callable[[str], object]) -> Callable[[str], bool | str]:
    """A prompt validator: True, or the message of the ``InitError`` ``check`` raises."""

    def validate(value: str) -> bool | str:
        try:
            check(value)
        except InitError as exc:
            return str(exc)
        return True

    return validate


def _ask(question: questionary.Question) -> object:
    answer = question.ask()
    if answer is None:
        raise Cancelled
    return answer


def _text(question: str, default: str, check: Callable[[str], object]) -> str:
    """A line of text, prefilled with ``default`` and asked again until ``check`` accepts it."""
    return str(_ask(questionary.text(question, default=default, validate=_checked(check))))


def ask_missing(raw: RawAnswers) -> RawAnswers:
    """``raw`` with every value it lacks asked at the terminal."""
    if raw.language is None:
        choices = [questionary.Choice(LANGUAGE_NAMES.get(code, code), value=code) for code in languages()]
        raw.language = str(_ask(questionary.select("Language of the sites:", choices=choices, default="en")))
    suggested = defaults(raw.language)
    if raw.product is None:
        raw.product = _text("Product name:", suggested["product"], lambda v: check_text("--product", v))
    if raw.organisation is None:
        raw.organisation = _text(
            "Organisation:", suggested["organisation"], lambda v: check_text("--organisation", v)
        )
    if raw.timezone is None:
        raw.timezone = str(
            _ask(
                questionary.autocomplete(
                    "Time zone (IANA, e.g. Europe/Madrid):",
                    choices=sorted(available_timezones()),
                    default=suggested["timezone"],
                    validate=_checked(check_timezone),
                )
            )
        )
    if raw.url is None:
        raw.url = _text("Address of the public site:", suggested["url"], check_url)
    if raw.components is None:
        entered = _text(
            "Components, comma-separated, as [group/]id[=Name]:",
            ", ".join(suggested["components"]),
            lambda v: parse_components([v], []),
        )
        raw.components = [entered]
        raw.groups = raw.groups or _ask_group_names(entered, suggested["groups"])
    if raw.severities is None:
        choices = [
            questionary.Choice(f"{name} ({PRESET_DESCRIPTIONS.get(name, name)})", value=name)
            for name in sorted(severity_presets(), key=_preset_order)
        ]
        raw.severities = str(_ask(questionary.select("Severities:", choices=choices, default="standard")))
    if raw.status_site is None:
        raw.status_site = bool(
            _ask(questionary.confirm("Also a standalone status site (mkdocs.status.yml)?", default=False))
        )
    return raw


def _preset_order(name: str) -> tuple[int, str]:
    """Smallest set first, as the descriptions list them; presets they do not know last."""
    known = list(PRESET_DESCRIPTIONS)
    return (known.index(name) if name in known else len(known), name)


def _ask_group_names(components: str, suggested: list[str]) -> list[str]:
    """``ID=NAME`` for each group the components name, asked with a suggested name."""
    groups, _ = parse_components([components], [])
    known = dict(spec.partition("=")[::2] for spec in suggested)
    names = []
    for group in groups:
        name = _text(
            f"Name of the group '{group.id}':",
            known.get(group.id) or humanised(group.id),
            lambda v: check_text("--group", v),
        )
        names.append(f"{check_id('--group', group.id)}={name}")
    return names
