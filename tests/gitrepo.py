"""Git repositories for the workflow tests: a bare repository in a tmp folder standing for
GitHub's, git run in a clone of it in an environment without the runner's variables or a
token (the tests never reach GitHub), and what a commit holds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.clock import NOW, env_at

SEED = {"GIT_AUTHOR_NAME": "Seed", "GIT_AUTHOR_EMAIL": "seed@example.test"}
SEED |= {"GIT_COMMITTER_NAME": "Seed", "GIT_COMMITTER_EMAIL": "seed@example.test"}
"""The identity of the commits that set a fixture project up."""


def clean_env() -> dict[str, str]:
    """This process's environment at ``NOW`` without the runner's variables, a token, or the
    machine's git configuration."""
    env = {k: v for k, v in env_at(NOW).items() if not k.startswith(("GITHUB_", "GH_", "RUNNER_", "ONCALL_"))}
    return env | {"GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """``git ARGS`` in ``repo``; its output. A failure fails the test, with git's message."""
    done = subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        env={**clean_env(), **(env or {})},
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def seed_remote(project: Path, bare: Path) -> Path:
    """A bare repository at ``bare`` holding a copy of ``project`` as one commit on ``main``."""
    bare.parent.mkdir(parents=True, exist_ok=True)
    git(bare.parent, "init", "--quiet", "--bare", "--initial-branch=main", str(bare))
    seed = bare.parent / f"{bare.name}-seed"
    shutil.copytree(project, seed)
    git(seed, "init", "--quiet", "--initial-branch=main")
    git(seed, "add", "--all")
    git(seed, "commit", "--quiet", "-m", "Project", env=SEED)
    git(seed, "push", "--quiet", str(bare), "main")
    shutil.rmtree(seed)
    return bare


def last_commit(repo: Path, ref: str = "HEAD") -> dict[str, str]:
    """The author, committer, subject and parents of ``ref``'s commit."""
    fields = git(repo, "log", "-1", "--format=%an%n%ae%n%cn%n%ce%n%s%n%P", ref).splitlines()
    keys = ("author", "author_email", "committer", "committer_email", "subject", "parents")
    return dict(zip(keys, fields, strict=True))


def changed_in(repo: Path, ref: str = "HEAD") -> list[str]:
    """The files ``ref``'s commit changes."""
    return git(repo, "show", "--name-only", "--format=", ref).split()


def push_from(other: Path, name: str) -> None:
    """Another person's commit, pushed to main from their clone."""
    git(other, "pull", "--quiet", "--rebase")
    (other / name).write_text("unrelated\n", encoding="utf-8")
    git(other, "add", name)
    git(other, "commit", "--quiet", "-m", f"Add {name}", env=SEED)
    git(other, "push", "--quiet", "origin", "HEAD:main")


def race_every_push(work: Path, other: Path) -> Path:
    """A pre-push hook in ``work`` that, at each push, first has ``other`` push a commit: main
    moves again between every refusal and the next attempt."""
    count = work.parent / "races.txt"
    hook = work / ".git" / "hooks" / "pre-push"
    env = " ".join(f"{k}='{v}'" for k, v in SEED.items())
    hook.write_text(
        "#!/bin/sh\n"
        "unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE\n"
        f"cd '{other}' || exit 1\n"
        f"echo race >> '{count}'\n"
        "git pull --quiet --rebase || exit 1\n"
        f"date +%s%N > race-$(wc -l < '{count}' | tr -d ' ').txt\n"
        "git add --all\n"
        f"env {env} git commit --quiet -m race || exit 1\n"
        "git push --quiet origin HEAD:main || exit 1\n"
        "exit 0\n",
        encoding="utf-8",
    )
    hook.chmod(0o755)
    return count
