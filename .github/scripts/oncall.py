"""The steps of the on-call workflows, runnable anywhere a clone of the repository is:

    oncall.py edit    # Incident: the run's inputs → `opsdocs incident … --yes`, committed
    oncall.py push    # Incident: that commit pushed to main, retried if main moved meanwhile
    oncall.py report  # Incident report: the issue → `opsdocs incident new` on a branch, pushed

The values come from the environment (``ONCALL_*`` for the Incident workflow's inputs,
``ISSUE_*`` for the issue), never from a command line the workflow writes, and reach
``opsdocs`` as arguments of their own, each ``--flag=value`` (a value that looks like a flag
stays a value). ``opsdocs`` checks them, and the whole project, before it writes anything.

Exit status: 0 done (``report``: also when the issue was answered with what is wrong);
1 a git step failed, or the project is not valid; 2 a value cannot be used.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import issue_form
from oncall_git import (
    BOT,
    GitError,
    Person,
    changed_paths,
    commit,
    git_env,
    github_user,
    push_branch,
    push_with_retries,
)
from runner import annotate, echo, fenced, output, summary

ACTIONS = ("new", "update", "resolve")
PUSH_ATTEMPTS = 3
"""How many times ``push`` tries before it gives up (each retry after a ``git pull --rebase``)."""


class RequestError(ValueError):
    """The inputs ask for something that cannot be done; the message is one line."""


@dataclass(frozen=True)
class Request:
    """One on-call change, as a person asked for it."""

    action: str
    incident: str | None = None
    title: str | None = None
    severity: str | None = None
    status: str | None = None
    components: tuple[str, ...] = ()
    message: str | None = None
    note: str | None = None


PLACEHOLDERS = {"(choose)", "(default)"}
"""The Incident workflow's choices that mean "nothing chosen"."""


def _given(value: str | None) -> str | None:
    """A value as typed, or None for an empty one."""
    text = (value or "").strip()
    return text or None


def first_word(value: str | None) -> str | None:
    """The id in a choice written ``sev1 — Critical``: its first word; None for nothing chosen."""
    text = _given(value)
    return text.split()[0] if text and text not in PLACEHOLDERS else None


def component_pairs(value: str | None) -> tuple[str, ...]:
    """``api=major_outage, web-app=degraded_performance`` (commas, spaces or lines between) as pairs."""
    text = re.sub(r"\s*=\s*", "=", _given(value) or "")
    return tuple(part for part in re.split(r"[,\s]+", text) if part)


def from_inputs(env: dict[str, str]) -> Request:
    """The Incident workflow's inputs, as the workflow puts them in the environment."""
    action = (env.get("ONCALL_ACTION") or "").strip()
    if action not in ACTIONS:
        raise RequestError(f"action {action!r}: choose one of {', '.join(ACTIONS)}")
    incident = _given(env.get("ONCALL_INCIDENT"))
    if action != "new" and not incident:
        raise RequestError(f"{action} needs the incident's id (opsdocs incident list shows the open ones)")
    return Request(
        action=action,
        incident=incident if action != "new" else None,
        title=_given(env.get("ONCALL_TITLE")),
        severity=first_word(env.get("ONCALL_SEVERITY")),
        status=first_word(env.get("ONCALL_STATUS")),
        components=component_pairs(env.get("ONCALL_COMPONENTS")),
        message=_given(env.get("ONCALL_MESSAGE")),
        note=_given(env.get("ONCALL_NOTE")),
    )


def from_issue(values: dict[str, str | None]) -> Request:
    """A new incident from the answers of the issue form."""
    return Request(
        action="new",
        title=values.get("title"),
        severity=first_word(values.get("severity")),
        status=first_word(values.get("status")),
        components=component_pairs(values.get("components")),
        message=values.get("message"),
    )


def command(request: Request, project: str = ".") -> list[str]:
    """The ``opsdocs`` arguments for ``request``: every value after ``=`` of its flag, and an
    incident id after ``--``, so no value can be read as a flag."""
    args = ["incident", request.action, "--yes", f"--project={project}"]
    flags: list[tuple[str, str | None]] = [("--status", request.status), ("--message", request.message)]
    if request.action == "new":
        flags = [("--title", request.title or ""), ("--severity", request.severity), *flags]
    else:
        flags = [
            (flag, value) for flag, value in flags if not (request.action == "resolve" and flag == "--status")
        ]
    flags += [("--component", pair) for pair in request.components]
    flags.append(("--internal-note", request.note))
    args += [f"{flag}={value}" for flag, value in flags if value is not None]
    return [*args, "--", request.incident] if request.incident else args


# --- running opsdocs ---------------------------------------------------------------------


def opsdocs(args: list[str]) -> subprocess.CompletedProcess[str]:
    """``opsdocs ARGS`` with this Python (the one opsdocs is installed in), standard input closed."""
    return subprocess.run(
        [sys.executable, "-m", "opsdocs.cli", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def one_line(stderr: str) -> str:
    """What went wrong, in one line: the first located error, else the last line said."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    located = [line for line in lines if ": error: " in line]
    return (located or lines or ["opsdocs failed without a message"])[0 if located else -1]


# --- the steps ---------------------------------------------------------------------------


def _actor(env: dict[str, str]) -> Person:
    """Who started the run: ``GITHUB_ACTOR`` and ``GITHUB_ACTOR_ID``, which the runner sets."""
    return github_user(env.get("GITHUB_ACTOR"), env.get("GITHUB_ACTOR_ID"))


def _run_url(env: dict[str, str]) -> str:
    parts = [env.get(k, "") for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")]
    return f"{parts[0]}/{parts[1]}/actions/runs/{parts[2]}" if all(parts) else ""


def _write(project: Path, request: Request) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run the change in ``project``; what opsdocs did, and the paths it changed."""
    before = changed_paths(project)
    done = opsdocs(command(request, str(project)))
    echo(done.stdout)
    echo(done.stderr, sys.stderr)
    paths = sorted(changed_paths(project) - before) if done.returncode == 0 else []
    return done, paths


def _subject(printed: str, fallback: str) -> str:
    """A commit's first line: the first line opsdocs printed, capitalised."""
    first = printed.splitlines()[0] if printed.strip() else fallback
    return first[:1].upper() + first[1:]


def edit(project: Path, env: dict[str, str]) -> int:
    """The Incident workflow's change, written by ``opsdocs`` and committed as whoever started the run."""
    try:
        request = from_inputs(env)
        person = _actor(env)
    except (RequestError, GitError) as exc:
        annotate(f"oncall: {exc}")
        return 2
    done, paths = _write(project, request)
    if done.returncode != 0:
        annotate(one_line(done.stderr), printed=True)
        return done.returncode
    if not paths:
        annotate("oncall: opsdocs changed no file; nothing to commit")
        return 1
    first = _subject(done.stdout, f"Incident {request.action}")
    url = _run_url(env)
    message = f"{first}\n\nWith the Incident workflow, started by @{person.name}."
    message += f"\nRun: {url}\n" if url else "\n"
    sha = commit(project, paths, message, git_env(env, person, person))
    summary(f"**{first}** (commit `{sha[:7]}`)\n\n{fenced(done.stdout)}")
    print(f"committed {sha[:7]} as {person.name} <{person.email}>")
    return 0


def push(project: Path, env: dict[str, str], remote: str, branch: str, attempts: int) -> int:
    """Push the commit ``edit`` made to ``branch``, retried as others push."""
    try:
        person = _actor(env)
    except GitError as exc:
        annotate(f"oncall: {exc}")
        return 2

    def still_valid() -> str | None:
        done = opsdocs(["validate", str(project)])
        return None if done.returncode == 0 else one_line(done.stderr)

    try:
        attempt = push_with_retries(
            project, remote, branch, attempts, git_env(env, None, person), still_valid
        )
    except GitError as exc:
        annotate(f"oncall: {exc}")
        return 1
    note = f" (attempt {attempt} of {attempts})" if attempt > 1 else ""
    print(f"pushed to {branch}{note}")
    summary(f"Pushed to `{branch}`{note}; the Publish workflow deploys it.")
    return 0


def report(project: Path, env: dict[str, str], remote: str, out: Path) -> int:
    """The incident an issue reports, on a branch of its own, pushed for a pull request.

    Writes into ``out`` what the workflow posts: ``pr-title.txt`` and ``pr.md`` when a branch
    was pushed (output ``outcome=opened``), else ``comment.md`` saying what is wrong
    (``outcome=rejected``)."""
    out.mkdir(parents=True, exist_ok=True)
    number = (env.get("ISSUE_NUMBER") or "").strip()
    if not number.isdigit():
        annotate(f"oncall: not an issue number: {number!r}")
        return 2
    try:
        author = github_user(env.get("ISSUE_AUTHOR"), env.get("ISSUE_AUTHOR_ID"))
    except GitError as exc:
        annotate(f"oncall: {exc}")
        return 2

    def reject(problem: str) -> int:
        annotate(f"oncall: issue #{number}: {problem}")
        (out / "comment.md").write_text(
            "No pull request was opened: the incident could not be written.\n\n"
            f"{fenced(problem)}\n\nOpen a new report with that corrected.\n",
            encoding="utf-8",
        )
        output("outcome", "rejected")
        return 0

    try:
        request = from_issue(issue_form.parse(env.get("ISSUE_BODY"), issue_form.form_fields()))
    except issue_form.FormError as exc:
        return reject(str(exc))
    branch = f"incident/issue-{number}"
    start = subprocess.run(["git", "switch", "--quiet", "-c", branch], cwd=project, check=False)
    if start.returncode != 0:
        annotate(f"oncall: cannot start the branch {branch}")
        return 1
    done, paths = _write(project, request)
    if done.returncode in (1, 2):
        return reject(one_line(done.stderr))
    if done.returncode != 0 or not paths:
        annotate(f"oncall: opsdocs exited with status {done.returncode} and changed {len(paths)} files")
        return 1
    first = _subject(done.stdout, "Incident new")
    message = f"{first}\n\nReported in issue #{number} by @{author.name}.\n"
    try:
        commit(project, paths, message, git_env(env, author, Person(*BOT)))
        push_branch(project, remote, branch, git_env(env))
    except GitError as exc:
        annotate(f"oncall: {exc}")
        return 1
    diff = subprocess.run(
        ["git", "show", "--format=", "HEAD"], cwd=project, capture_output=True, text=True, check=False
    ).stdout
    title = " ".join((request.title or "").split())[:200]
    (out / "pr-title.txt").write_text(f"Incident: {title}\n", encoding="utf-8")
    (out / "pr.md").write_text(
        f"Reported in #{number} by @{author.name} with the incident form. Merging this pull request "
        "publishes the incident on the status page; closing it publishes nothing.\n\n"
        f"Closes #{number}\n\n`opsdocs incident new` wrote:\n\n{fenced(done.stdout)}\n\n"
        f"{fenced(diff, 'diff')}\n",
        encoding="utf-8",
    )
    output("outcome", "opened")
    output("branch", branch)
    summary(f"**{first}** on branch `{branch}`")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["edit", "push", "report"])
    parser.add_argument("--project", type=Path, default=Path(), help="the clone (default: .)")
    parser.add_argument("--remote", default="origin")
    parser.add_argument("--branch", default="main", help="push: the branch to push to (default: main)")
    parser.add_argument("--attempts", type=int, default=PUSH_ATTEMPTS)
    parser.add_argument("--out", type=Path, help="report: where to write the texts to post")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    project = args.project.resolve()
    if args.step == "edit":
        return edit(project, env)
    if args.step == "push":
        return push(project, env, args.remote, args.branch, max(1, args.attempts))
    out = args.out or Path(env.get("RUNNER_TEMP") or tempfile.gettempdir()) / "oncall"
    return report(project, env, args.remote, out)


if __name__ == "__main__":
    sys.exit(main())
