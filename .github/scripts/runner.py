"""What a step of a workflow shows on the run's page, and hands to the next step.

Under GitHub Actions (``GITHUB_ACTIONS=true``) the runner reads lines such as ``::error::`` in a
step's output as commands; output that holds what a person typed is printed between
``::stop-commands::`` markers, so that none of it is read as one. Elsewhere (tests, a terminal)
everything is printed as it is.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TextIO


def echo(text: str, stream: TextIO = sys.stdout) -> None:
    """Print ``text`` (output that holds the inputs) on ``stream`` so that the runner never
    reads a line of it as a workflow command."""
    if not text:
        return
    if os.environ.get("GITHUB_ACTIONS") != "true":
        print(text, end="" if text.endswith("\n") else "\n", file=stream, flush=True)
        return
    token = os.urandom(16).hex()
    print(f"::stop-commands::{token}\n{text.rstrip()}\n::{token}::", file=stream, flush=True)


def annotate(message: str, printed: bool = False) -> None:
    """``message`` as an error: on standard error (unless already ``printed`` there), and on
    the run's page under Actions."""
    if not printed:
        print(message, file=sys.stderr, flush=True)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        escaped = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        print(f"::error::{escaped}", flush=True)


def summary(markdown: str) -> None:
    """Add ``markdown`` to the run's summary page, under Actions."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with Path(path).open("a", encoding="utf-8") as out:
            out.write(markdown.rstrip() + "\n\n")


def output(name: str, value: str) -> None:
    """A step output (``value`` is one of a few fixed words or a branch this script named)."""
    path = os.environ.get("GITHUB_OUTPUT")
    if path:
        with Path(path).open("a", encoding="utf-8") as out:
            out.write(f"{name}={value}\n")


def fenced(text: str, info: str = "") -> str:
    """``text`` in a Markdown code block whose fence no line of it can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text.rstrip()}\n{fence}"
