"""Git for the on-call workflows: who a commit is by, committing what a command changed, and
pushing it while others push too.

Every git command is a list of arguments (never a shell line), so the values in them (a title
in a commit message, a branch name) stay data.
"""

from __future__ import annotations

import base64
import re
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")
"""The name and e-mail GitHub shows as the GitHub Actions bot."""

_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$")


class GitError(RuntimeError):
    """A git step failed; the message says which, and what git said."""


@dataclass(frozen=True)
class Person:
    """A commit's author or committer."""

    name: str
    email: str


def github_user(login: str | None, user_id: str | None) -> Person:
    """The GitHub user ``login`` (numeric id ``user_id``) with the no-reply address GitHub links
    to their account, ``ID+login@users.noreply.github.com``."""
    login, user_id = (login or "").strip(), (user_id or "").strip()
    if not _LOGIN.match(login) or not user_id.isdigit():
        raise GitError(f"not a GitHub user: login {login!r}, id {user_id!r}")
    return Person(login, f"{user_id}+{login}@users.noreply.github.com")


def git_env(base: Mapping[str, str], author: Person | None = None, committer: Person | None = None) -> dict:
    """The environment for git: ``base``, the identities, and, when ``GH_TOKEN`` is set, the
    token as an HTTP header for the server only (as actions/checkout sets it), through
    ``GIT_CONFIG_*`` variables so that it is never written to disk nor put on a command line."""
    env = dict(base)
    for role, person in (("AUTHOR", author), ("COMMITTER", committer)):
        if person is not None:
            env[f"GIT_{role}_NAME"], env[f"GIT_{role}_EMAIL"] = person.name, person.email
    token = env.get("GH_TOKEN")
    if token:
        server = env.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
        basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
        count = int(env.get("GIT_CONFIG_COUNT", "0") or 0)
        env[f"GIT_CONFIG_KEY_{count}"] = f"http.{server}/.extraheader"
        env[f"GIT_CONFIG_VALUE_{count}"] = f"AUTHORIZATION: basic {basic}"
        env["GIT_CONFIG_COUNT"] = str(count + 1)
    env["GIT_TERMINAL_PROMPT"] = "0"
    return env


def git(repo: Path, *args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``git ARGS`` in ``repo``; its output, whatever its exit status."""
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        env=dict(env) if env is not None else None,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _checked(repo: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    done = git(repo, *args, env=env)
    if done.returncode != 0:
        raise GitError(f"git {args[0]} failed: {_last_words(done)}")
    return done.stdout


def _last_words(done: subprocess.CompletedProcess[str]) -> str:
    lines = [line.strip() for line in (done.stderr + done.stdout).splitlines() if line.strip()]
    return " / ".join(lines[-3:]) or f"exit status {done.returncode}"


def changed_paths(repo: Path) -> set[str]:
    """Every path git sees as changed or new in ``repo`` (ignored files left out)."""
    out = _checked(repo, "status", "--porcelain=v1", "-z", "--untracked-files=all")
    entries = out.split("\0")
    paths: set[str] = set()
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if len(entry) < 4:
            continue
        paths.add(entry[3:])
        if entry[0] in "RC":  # a rename names its source in the next entry
            paths.add(entries[index])
            index += 1
    return paths


def commit(repo: Path, paths: list[str], message: str, env: Mapping[str, str]) -> str:
    """Commit ``paths`` (and only them) with ``message``; the new commit's id."""
    _checked(repo, "add", "--all", "--", *paths, env=env)
    done = subprocess.run(
        ["git", "commit", "--quiet", "--no-verify", "--file=-", "--", *paths],
        cwd=repo,
        env=dict(env),
        input=message,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise GitError(f"git commit failed: {_last_words(done)}")
    return _checked(repo, "rev-parse", "HEAD").strip()


def push_branch(repo: Path, remote: str, branch: str, env: Mapping[str, str]) -> None:
    """Push ``HEAD`` to a new branch ``branch`` of ``remote``."""
    _checked(repo, "push", "--quiet", remote, f"HEAD:refs/heads/{branch}", env=env)


def push_with_retries(
    repo: Path,
    remote: str,
    branch: str,
    attempts: int,
    env: Mapping[str, str],
    still_valid: Callable[[], str | None],
    say: Callable[[str], None] = print,
) -> int:
    """Push ``HEAD`` to ``branch`` of ``remote``; when the push is refused because someone
    pushed first, take their commits in (``git pull --rebase``), check the project again with
    ``still_valid`` (None, or what is wrong) and push again, ``attempts`` times in all.
    Returns the attempt that succeeded; raises ``GitError`` when none did."""
    last = ""
    for attempt in range(1, attempts + 1):
        pushed = git(repo, "push", "--quiet", remote, f"HEAD:refs/heads/{branch}", env=env)
        if pushed.returncode == 0:
            return attempt
        last = _last_words(pushed)
        if attempt == attempts:
            break
        say(f"push {attempt} of {attempts} refused ({last}); taking in the newer commits on {branch}")
        rebased = git(repo, "pull", "--rebase", "--quiet", remote, branch, env=env)
        if rebased.returncode != 0:
            git(repo, "rebase", "--abort", env=env)
            raise GitError(
                f"the newer commits on {branch} change the same lines ({_last_words(rebased)}); "
                "nothing was pushed: run the workflow again on the new state"
            )
        problem = still_valid()
        if problem:
            raise GitError(
                f"with the newer commits on {branch} the project is not valid ({problem}); nothing was pushed"
            )
    raise GitError(
        f"could not push to {branch} in {attempts} attempts: it kept moving, or the push is refused "
        f"(last: {last}); nothing was pushed, so nothing is published: run the workflow again"
    )
