"""The Probe workflow (``.github/workflows/probe.yml``, and the copy ``opsdocs init`` writes)
run here step by step: each ``run:`` step read from the workflow file, in order, in a fresh
clone of a small project whose ``origin`` is a bare repository in a tmp folder, its health
checks answered by a server on 127.0.0.1 that answers, fails, then recovers.

Only what the workflow relies on is stood in for: actions/checkout (a depth-1 fetch of the
branch, a failure when it does not exist), the ``if:`` expressions it uses, and ``gh`` (a
script first on PATH that records its arguments and answers ``gh pr list`` from a file, as
GitHub's API would); ``pip install`` is skipped, opsdocs is run from this checkout. The pushes
go to the bare repository through ``$GITHUB_SERVER_URL/$GITHUB_REPOSITORY.git``, a file URL.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from tests.clock import NOW_AT
from tests.gitrepo import changed_in, clean_env, git, last_commit, push_from, race_every_push, seed_remote
from tests.local_http import QuietHandler, serving
from tests.paths import MINIMAL, REPO
from tests.sitebuild import run_step

WORKFLOW = REPO / ".github" / "workflows" / "probe.yml"
SCAFFOLDED = REPO / "plugins" / "opsdocs" / "scaffold" / "common" / "dot-github" / "workflows" / "probe.yml"
REPOSITORY = "acme/status"
TOKEN = "t0ken-for-tests"
FAILURES_FOR_OUTAGE = 3

GH = '''#!{python}
"""gh, standing in for GitHub's API: each call is recorded in calls.jsonl (with the commit of
the history branch then); `gh pr list` answers from prs.json (`pr create` adds an open one, as
GitHub does); a call whose first two words are a line of fail.txt fails as GitHub refusing it
would."""
import json, os, subprocess, sys
from pathlib import Path

state = Path({state!r})
args = sys.argv[1:]
history = subprocess.run(["git", "--git-dir", {bare!r}, "rev-parse", "--verify", "--quiet",
                          "checks-history"], capture_output=True, text=True).stdout.strip()
call = {{"args": args, "GH_TOKEN": os.environ.get("GH_TOKEN", ""), "history": history}}
with (state / "calls.jsonl").open("a") as calls:
    calls.write(json.dumps(call) + "\\n")
if not os.environ.get("GH_TOKEN"):
    sys.exit("gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable.")
fail = state / "fail.txt"
if fail.exists() and " ".join(args[:2]) in fail.read_text().splitlines():
    sys.exit("HTTP 403: GitHub Actions is not permitted to create or approve pull requests.")
prs = json.loads((state / "prs.json").read_text())
def option(name):
    return args[args.index(name) + 1] if name in args else None
if args[:2] == ["pr", "list"]:
    state_wanted = option("--state") or "open"
    found = [p for p in prs if option("--head") in (None, p["head"]) and state_wanted in ("all", p["state"])]
    text = json.dumps([{{k: p[k] for k in option("--json").split(",")}} for p in found])
    if option("--jq"):
        text = subprocess.run(["jq", "-r", option("--jq")], input=text, capture_output=True, text=True,
                              check=True).stdout
    print(text.rstrip("\\n"))
elif args[:2] == ["pr", "create"]:
    number = max((p["number"] for p in prs), default=0) + 1
    prs.append({{"number": number, "head": option("--head"), "state": "open", "title": option("--title")}})
    (state / "prs.json").write_text(json.dumps(prs))
    print(f"https://github.com/{repository}/pull/{{number}}")
elif args[:2] not in (["pr", "comment"], ["workflow", "run"]):
    sys.exit(f"gh (test): unexpected call {{args}}")
'''


@dataclass
class Step:
    """What one step did: ``outcome`` as Actions reports it, and its output."""

    name: str
    outcome: str
    output: str = ""


@dataclass
class Project:
    """The bare repository standing for GitHub's, the stand-in ``gh``'s files, and the runs."""

    tmp: Path
    bare: Path
    gh: Path
    runs: int = 0
    hooks: dict[str, Callable[[Path], None]] = field(default_factory=dict)
    """Called with the workspace before the step of that name (another push, say)."""

    @property
    def server_url(self) -> str:
        return (self.bare.parent.parent).as_uri()

    def calls(self, *prefix: str) -> list[list[str]]:
        """The ``gh`` calls so far whose arguments start with ``prefix``."""
        return [c["args"] for c in self.recorded(*prefix)]

    def recorded(self, *prefix: str) -> list[dict]:
        """The same calls, each with its ``args`` and the ``history`` branch's commit then."""
        path = self.gh / "calls.jsonl"
        lines = path.read_text().splitlines() if path.exists() else []
        calls = [json.loads(line) for line in lines]
        assert all(call["GH_TOKEN"] == TOKEN for call in calls)
        return [c for c in calls if c["args"][: len(prefix)] == list(prefix)]

    def prs(self) -> list[dict]:
        return json.loads((self.gh / "prs.json").read_text())

    def refuse(self, *calls: str) -> None:
        """Have GitHub refuse these ``gh`` calls (by their first two words) from now on."""
        (self.gh / "fail.txt").write_text("".join(f"{call}\n" for call in calls))

    def branches(self) -> dict[str, str]:
        """The bare repository's branches and their commits."""
        lines = git(self.bare, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads").split(
            "\n"
        )
        return dict(line.split(" ") for line in lines if line)

    def files(self, ref: str) -> dict[str, str]:
        """Every file of ``ref`` in the bare repository, with its text."""
        names = git(self.bare, "ls-tree", "-r", "--name-only", ref).split()
        return {name: git(self.bare, "show", f"{ref}:{name}") for name in names}

    def run(self, workflow: Path = WORKFLOW) -> dict[str, Step]:
        """One run of ``workflow``'s job, five minutes after the previous one: its steps by name."""
        at = NOW_AT + timedelta(minutes=5 * self.runs)
        self.runs += 1
        workspace = self.tmp / f"run-{self.runs}"
        workspace.mkdir()
        return run_job(_yaml(workflow), self, workspace, at.isoformat())


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def jq() -> None:
    """The workflow's steps read the report with jq, as GitHub's ubuntu-latest runners have it:
    missing, these tests fail in CI (``.ci/run`` installs it) and are skipped elsewhere."""
    if shutil.which("jq") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("jq is not installed: the Probe workflow's steps need it (.ci/run installs it)")
        pytest.skip("jq is not installed: the Probe workflow's steps need it (apt-get install jq)")


# ---------------------------------------------------------------- the job, step by step


def run_job(workflow: dict, project: Project, workspace: Path, now: str) -> dict[str, Step]:
    """Run the one job's steps in ``workspace`` at ``now``, as a runner would; each step's
    ``if:`` decides, a failed step skips the rest unless they ask otherwise."""
    (job,) = workflow["jobs"].values()
    home = workspace.parent / "home"  # no git identity but the one the steps give
    home.mkdir(exist_ok=True)
    env = clean_env() | {
        "OPSDOCS_NOW": now,
        "HOME": str(home),
        "PATH": f"{project.gh}:{clean_env()['PATH']}",
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_SERVER_URL": project.server_url,
        "GITHUB_REPOSITORY": REPOSITORY,
        "GITHUB_WORKSPACE": str(workspace),
    }
    steps: dict[str, dict] = {}
    done: dict[str, Step] = {}
    failed = False
    for spec in job["steps"]:
        name = spec["name"]
        if not _condition(spec.get("if"), steps, failed):
            step = Step(name, "skipped")
        elif "uses" in spec:
            step = _action(spec, project, workspace)
        elif "pip install" in spec["run"]:
            step = Step(name, "success", "skipped: opsdocs runs from this checkout")
        else:
            if name in project.hooks:
                project.hooks[name](workspace)
            step, outputs = _shell(spec, env, steps, workspace)
            steps.setdefault(spec.get("id", name), {})["outputs"] = outputs
        conclusion = (
            "success" if spec.get("continue-on-error") and step.outcome == "failure" else step.outcome
        )
        steps.setdefault(spec.get("id", name), {}).update(outcome=step.outcome, conclusion=conclusion)
        failed = failed or conclusion == "failure"
        done[name] = step
    return done


def _condition(text: str | None, steps: dict[str, dict], failed: bool) -> bool:
    """The few expressions the workflow's ``if:`` uses: ``steps.ID.outcome`` (or
    ``conclusion``, ``outputs.NAME``) compared with a string, ``&&``, ``!``, and the status
    functions; without one, ``success()`` is implied, as in Actions."""
    if text is None:
        return not failed
    expression = str(text).strip().removeprefix("${{").removesuffix("}}").strip()
    python = _values(expression, steps)
    statuses = {
        "success()": repr(not failed),
        "failure()": repr(failed),
        "always()": "True",
        "cancelled()": "False",
    }
    for function, value in statuses.items():
        python = python.replace(function, value)
    python = python.replace("!=", " NE ").replace("!", " not ").replace(" NE ", " != ")
    python = python.replace("&&", " and ").replace("||", " or ")
    value = bool(eval(python, {"__builtins__": {}}))
    return value if any(f in expression for f in statuses) else value and not failed


def _values(text: str, steps: dict[str, dict]) -> str:
    """``text`` with each ``steps.ID.…`` context value written as a Python string."""

    def value(match: re.Match[str]) -> str:
        step = steps.get(match[1], {})
        if match[2] == "outputs":
            return repr(step.get("outputs", {}).get(match[3], ""))
        return repr(step.get(match[2], ""))

    return re.sub(r"steps\.([\w-]+)\.(outcome|conclusion|outputs)(?:\.([\w-]+))?", value, text)


def _expression(text: str, steps: dict[str, dict]) -> str:
    """A step's ``env`` value: ``${{ … }}`` replaced by what the run has (a secret not set is
    empty, as in Actions)."""

    def value(match: re.Match[str]) -> str:
        inner = match[1].strip()
        if inner.startswith("secrets."):
            return ""
        known = {"github.token": TOKEN, "github.repository": REPOSITORY}
        if inner in known:
            return known[inner]
        return eval(_values(inner, steps), {"__builtins__": {}})

    return re.sub(r"\$\{\{(.+?)\}\}", value, str(text))


def _shell(spec: dict, env: dict[str, str], steps: dict[str, dict], workspace: Path) -> tuple[Step, dict]:
    """A ``run:`` step, in ``bash -e`` as Actions runs it, ``.venv/bin/opsdocs`` being this
    checkout's; the step's outputs, from ``$GITHUB_OUTPUT``."""
    script = spec["run"].replace(".venv/bin/opsdocs ", f"{sys.executable} -m opsdocs.cli ")
    outputs_file = workspace.parent / f"{workspace.name}-output.txt"
    outputs_file.write_text("")
    step_env = env | {k: _expression(v, steps) for k, v in spec.get("env", {}).items()}
    step_env["GITHUB_OUTPUT"] = str(outputs_file)
    done = run_step(["bash", "-e", "-c", script], step_env, workspace)
    outputs = dict(line.split("=", 1) for line in outputs_file.read_text().splitlines() if "=" in line)
    outcome = "success" if done.returncode == 0 else "failure"
    return Step(spec["name"], outcome, done.stdout + done.stderr), outputs


def _action(spec: dict, project: Project, workspace: Path) -> Step:
    """actions/checkout as the workflow uses it (a depth-1 fetch of ``ref`` into ``path``,
    credentials not kept); actions/setup-python is the interpreter running the tests."""
    name = spec["name"]
    if spec["uses"].startswith("actions/setup-python@"):
        return Step(name, "success")
    assert spec["uses"].startswith("actions/checkout@"), spec["uses"]
    assert spec["with"]["persist-credentials"] is False
    ref, target = spec["with"]["ref"], workspace / spec["with"].get("path", "")
    target.mkdir(exist_ok=True)
    git(target, "init", "--quiet")
    git(target, "remote", "add", "origin", f"{project.server_url}/{REPOSITORY}")
    fetched = run_step(
        [
            "git",
            "fetch",
            "--quiet",
            "--no-tags",
            "--depth=1",
            "origin",
            f"+refs/heads/{ref}:refs/remotes/origin/{ref}",
        ],
        clean_env(),
        target,
    )
    if fetched.returncode != 0:
        return Step(name, "failure", fetched.stderr)
    git(target, "checkout", "--quiet", "--force", "-B", ref, f"refs/remotes/origin/{ref}")
    return Step(name, "success")


# ---------------------------------------------------------------- the project and its checks


class _Target:
    """The checked service: each path answers 200 unless it is in ``failing``."""

    def __init__(self) -> None:
        self.port = 0
        self.failing: set[str] = set()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def target() -> Iterator[_Target]:
    state = _Target()

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            self.reply(500 if self.path in state.failing else 200, b"<p>Acme is healthy</p>")

    with serving(Handler) as port:
        state.port = port
        yield state


def make_project(tmp_path: Path, source: Path, checks: dict | None = None) -> Project:
    """``source`` (with ``checks`` as its ``checks.yml``) on ``main`` of a bare repository at
    ``REPOSITORY``'s path, and a stand-in ``gh`` with no pull requests."""
    copy = tmp_path / "source"
    shutil.copytree(source, copy)
    if checks is not None:
        (copy / "data" / "checks.yml").write_text(yaml.safe_dump(checks), encoding="utf-8")
    if not (copy / ".gitignore").exists():
        shutil.copy(
            REPO / "plugins" / "opsdocs" / "scaffold" / "common" / "dot-gitignore", copy / ".gitignore"
        )
    bare = seed_remote(copy, tmp_path / "github" / f"{REPOSITORY}.git")
    gh = tmp_path / "gh"
    gh.mkdir()
    (gh / "prs.json").write_text("[]")
    script = gh / "gh"
    script.write_text(
        GH.format(python=sys.executable, state=str(gh), repository=REPOSITORY, bare=str(bare)),
        encoding="utf-8",
    )
    script.chmod(0o755)
    return Project(tmp_path, bare, gh)


def checked(
    target: _Target, drafts: str = "pull_request", components: tuple[str, ...] = ("web-app",)
) -> dict:
    """A ``checks.yml``: one check of each of ``components``, at ``/COMPONENT``."""
    checks = [
        {
            "id": f"{c}-home",
            "component": c,
            "url": target.url(f"/{c}"),
            "failures_for_outage": FAILURES_FOR_OUTAGE,
        }
        for c in components
    ]
    return {"drafts": drafts, "retries": 0, "checks": checks}


@pytest.fixture
def project(tmp_path: Path, target: _Target) -> Project:
    return make_project(tmp_path, MINIMAL, checked(target))


HISTORY_CHECKOUT = "Check out the history"
PUBLISH = "Publish what was committed to main"


def passed(steps: dict[str, Step], published: bool = False) -> None:
    """Every step succeeded, but the checkout of the history, which fails while the branch does
    not exist (the history is then started, and only then), and Publish, started only when
    ``published`` (a draft was committed to main)."""
    expect = {
        "Start the history branch": "skipped" if steps[HISTORY_CHECKOUT].outcome == "success" else "success",
        PUBLISH: "success" if published else "skipped",
    }
    for name, step in steps.items():
        if name != HISTORY_CHECKOUT:
            assert step.outcome == expect.get(name, "success"), f"{name}: {step.outcome}\n{step.output}"


def fail_until_drafted(project: Project, target: _Target, path: str = "/web-app") -> dict[str, Step]:
    """Runs with ``path`` failing up to the one that drafts; that run's steps."""
    target.failing.add(path)
    for _ in range(FAILURES_FOR_OUTAGE - 1):
        passed(project.run())
    return project.run()


def drafted_ids(files: dict[str, str]) -> list[str]:
    return sorted(
        name.removeprefix("data/incidents/").removesuffix(".yml")
        for name, text in files.items()
        if name.startswith("data/incidents/") and "detected_by: checks" in text
    )


# ---------------------------------------------------------------- the history


def test_the_history_is_kept_on_its_own_branch_and_main_is_untouched(project: Project) -> None:
    main = project.branches()["main"]
    first = project.run()
    passed(first)
    assert first[HISTORY_CHECKOUT].outcome == "failure", "no branch yet: the history starts empty"
    branches = project.branches()
    assert set(branches) == {"main", "checks-history"}
    assert branches["main"] == main
    history = project.files("checks-history")
    assert set(history) == {"daily.csv", "raw/2026-11.csv", "drafts.json"}
    assert len(history["raw/2026-11.csv"].splitlines()) == 2  # the header and one result
    first = branches["checks-history"]

    for _ in range(2):
        later = project.run()
        passed(later)
        assert later[HISTORY_CHECKOUT].outcome == "success"
    branches = project.branches()
    assert branches["main"] == main
    assert git(project.bare, "rev-list", "--count", "checks-history") == "3\n"
    assert git(project.bare, "rev-list", "--max-parents=0", "checks-history").strip() == first
    raw = project.files("checks-history")["raw/2026-11.csv"].splitlines()
    assert len(raw) == 4 and all(",web-app-home,200,," in line for line in raw[1:])
    assert last_commit(project.bare, "checks-history")["committer"] == "github-actions[bot]"
    assert project.calls() == []  # nothing to propose: GitHub is not asked anything


def test_nothing_of_the_run_but_the_history_is_pushed(project: Project, target: _Target) -> None:
    fail_until_drafted(project, target)
    for ref in project.branches():
        files = project.files(ref)
        assert "probe-report.json" not in files, ref
        assert not any(name.startswith((".venv/", "checks-history/")) for name in files), ref
    history = "".join(project.files("checks-history").values())
    assert target.url("/") not in history, "a check's address is internal"
    assert TOKEN not in "".join("".join(project.files(ref).values()) for ref in project.branches())


# ---------------------------------------------------------------- drafts as pull requests


def test_a_failure_is_proposed_once_as_a_pull_request_and_the_recovery_is_a_comment(
    project: Project, target: _Target
) -> None:
    main = project.branches()["main"]
    passed(project.run())
    drafting = fail_until_drafted(project, target)
    passed(drafting)
    branches = project.branches()
    (incident,) = [b.removeprefix("probe/") for b in branches if b.startswith("probe/")]
    branch = f"probe/{incident}"
    assert branches["main"] == main, "a draft reaches main only by its pull request"
    assert git(project.bare, "diff", "--name-only", "main", branch).split() == [
        f"data/incidents/{incident}.yml"
    ]
    draft = yaml.safe_load(project.files(branch)[f"data/incidents/{incident}.yml"])
    assert draft["detected_by"] == "checks"
    assert [u["status"] for u in draft["updates"]] == ["investigating"]
    assert draft["updates"][0]["components"] == {"web-app": "partial_outage"}
    (create,) = project.calls("pr", "create")
    assert create[create.index("--head") + 1] == branch and create[create.index("--base") + 1] == "main"
    kept = json.loads(project.files("checks-history")["drafts.json"])
    assert kept["drafts"]["web-app"]["incident"] == incident

    for _ in range(2):  # still failing: the pull request is there, nothing new
        passed(project.run())
    assert project.branches()[branch] == branches[branch]
    assert len(project.calls("pr", "create")) == 1
    assert project.branches()["main"] == main

    target.failing.clear()
    passed(project.run())
    (comment,) = project.calls("pr", "comment")
    (pr,) = project.prs()
    assert comment[2] == str(pr["number"])
    assert comment[comment.index("--body") + 1].startswith("Checks pass again since 2026-11-28T")
    assert project.branches()[branch] == branches[branch]
    assert project.branches()["main"] == main, "nothing is resolved"
    passed(project.run())
    assert len(project.calls("pr", "comment")) == 1, "the recovery is said once"


def test_two_drafts_in_one_run_each_have_their_own_branch(tmp_path: Path, target: _Target) -> None:
    project = make_project(tmp_path, MINIMAL, checked(target, components=("api", "web-app")))
    passed(project.run())
    target.failing.add("/api")
    passed(fail_until_drafted(project, target))
    drafts = sorted(b for b in project.branches() if b.startswith("probe/"))
    assert len(drafts) == 2
    for branch in drafts:
        changed = git(project.bare, "diff", "--name-only", "main", branch).split()
        assert changed == [f"data/incidents/{branch.removeprefix('probe/')}.yml"], branch
    assert sorted(c[c.index("--head") + 1] for c in project.calls("pr", "create")) == drafts


def test_a_draft_github_refused_is_proposed_at_the_next_run(project: Project, target: _Target) -> None:
    passed(project.run())
    project.refuse("pr create")
    refused = fail_until_drafted(project, target)
    assert refused["Propose what the checks drafted"].outcome == "failure"
    assert "not permitted to create" in refused["Propose what the checks drafted"].output
    assert refused["Keep the history on its branch"].outcome == "success", "the results are kept all the same"
    raw = project.files("checks-history")["raw/2026-11.csv"].splitlines()
    assert len(raw) == 1 + 1 + FAILURES_FOR_OUTAGE
    assert json.loads(project.files("checks-history")["drafts.json"])["drafts"] == {}, "not proposed"
    assert project.prs() == []

    project.refuse()
    passed(project.run())
    refused_call, create = project.calls("pr", "create")
    assert refused_call == create
    (pr,) = project.prs()
    assert create[create.index("--head") + 1] == pr["head"] and pr["head"] in project.branches()
    kept = json.loads(project.files("checks-history")["drafts.json"])["drafts"]
    assert pr["head"] == f"probe/{kept['web-app']['incident']}"
    passed(project.run())
    assert len(project.calls("pr", "create")) == 2, "the refused one, then the one made"


# ---------------------------------------------------------------- drafts committed to main


def test_with_drafts_commit_the_incident_is_committed_to_main_and_published(
    tmp_path: Path, target: _Target
) -> None:
    project = make_project(tmp_path, MINIMAL, checked(target, drafts="commit"))
    main = project.branches()["main"]
    passed(project.run())
    passed(fail_until_drafted(project, target), published=True)
    commit = last_commit(project.bare, "main")
    assert commit["parents"] == main and commit["committer"] == "github-actions[bot]"
    (path,) = changed_in(project.bare, "main")
    (incident,) = drafted_ids(project.files("main"))
    assert path == f"data/incidents/{incident}.yml"
    (publish,) = project.recorded("workflow")
    assert publish["args"] == ["workflow", "run", "publish.yml", "--ref", "main"]
    assert publish["history"] == project.branches()["checks-history"], (
        "Publish builds with this run's figures"
    )
    assert project.calls("pr") == [] and not any(b.startswith("probe/") for b in project.branches())

    passed(project.run())  # still failing
    assert project.branches()["main"] == git(project.bare, "rev-parse", "main").strip()
    assert len(git(project.bare, "log", "--format=%H", f"{main}..main").split()) == 1
    target.failing.clear()
    passed(project.run(), published=True)
    updates = yaml.safe_load(project.files("main")[path])["updates"]
    assert [u["status"] for u in updates] == ["investigating", "monitoring"], "suggested, not resolved"
    assert len(project.calls("workflow", "run")) == 2


def _about_to_commit_a_draft(tmp_path: Path, target: _Target) -> tuple[Project, Path]:
    """A project with ``drafts: commit`` whose next run drafts, and someone else's clone."""
    project = make_project(tmp_path, MINIMAL, checked(target, drafts="commit"))
    passed(project.run())
    target.failing.add("/web-app")
    for _ in range(FAILURES_FOR_OUTAGE - 1):
        passed(project.run())
    return project, _other_clone(project)


def _other_clone(project: Project) -> Path:
    """Someone else's clone of the repository."""
    other = project.tmp / "other"
    git(project.tmp, "clone", "--quiet", str(project.bare), str(other))
    return other


def test_a_committed_draft_that_finds_main_moved_goes_on_top(tmp_path: Path, target: _Target) -> None:
    project, other = _about_to_commit_a_draft(tmp_path, target)
    project.hooks["Propose what the checks drafted"] = lambda _workspace: push_from(other, "NOTES.md")
    passed(project.run(), published=True)
    theirs = git(project.bare, "rev-parse", "main~1").strip()
    assert last_commit(project.bare, "main~1")["subject"] == "Add NOTES.md"
    assert last_commit(project.bare, "main")["parents"] == theirs
    (incident,) = drafted_ids(project.files("main"))
    assert changed_in(project.bare, "main") == [f"data/incidents/{incident}.yml"]
    assert len(project.calls("workflow", "run")) == 1


# ---------------------------------------------------------------- a project without checks


@pytest.mark.parametrize("workflow", [WORKFLOW, SCAFFOLDED], ids=["repository", "scaffold"])
def test_a_new_project_without_checks_passes_every_step_and_pushes_nothing(
    tmp_path: Path, workflow: Path
) -> None:
    new = tmp_path / "new"
    made = run_step([sys.executable, "-m", "opsdocs.cli", "init", str(new), "--yes"], clean_env())
    assert made.returncode == 0, made.stderr
    assert yaml.safe_load((new / "data" / "checks.yml").read_text())["checks"] == []
    project = make_project(tmp_path, new)
    branches = project.branches()
    for _ in range(2):
        passed(project.run(workflow))
    assert project.branches() == branches
    assert project.calls() == []


def test_both_copies_of_the_workflow_run_the_same_steps() -> None:
    ours, theirs = (_yaml(path)["jobs"]["probe"]["steps"] for path in (WORKFLOW, SCAFFOLDED))
    assert [s["name"] for s in ours] == [s["name"] for s in theirs]
    for mine, copy in zip(ours, theirs, strict=True):
        if "pip install" not in mine.get("run", ""):
            assert {k: v for k, v in mine.items() if k != "env" or mine["name"] != "Run the checks"} == {
                k: v for k, v in copy.items() if k != "env" or copy["name"] != "Run the checks"
            }, mine["name"]


def test_a_committed_draft_that_keeps_finding_main_moved_stops_and_is_drafted_again(
    tmp_path: Path, target: _Target
) -> None:
    project, other = _about_to_commit_a_draft(tmp_path, target)
    races: list[Path] = []
    project.hooks["Propose what the checks drafted"] = lambda workspace: races.append(
        race_every_push(workspace, other)
    )
    refused = project.run()
    step = refused["Propose what the checks drafted"]
    assert step.outcome == "failure"
    assert "Could not push to main in 3 attempts; nothing was pushed." in step.output
    assert races[0].read_text().count("race") == 3
    assert drafted_ids(project.files("main")) == [], "main has the three other commits and not the draft"
    assert git(project.bare, "log", "--format=%s", "main").split("\n")[:3] == ["race"] * 3
    assert refused[PUBLISH].outcome == "skipped" and project.calls("workflow") == []
    assert json.loads(project.files("checks-history")["drafts.json"])["drafts"] == {}

    del project.hooks["Propose what the checks drafted"]
    passed(project.run(), published=True)
    assert len(drafted_ids(project.files("main"))) == 1


def test_a_recovery_after_the_draft_was_merged_is_proposed_as_a_monitoring_update(
    project: Project, target: _Target
) -> None:
    passed(fail_until_drafted(project, target))
    (pr,) = project.prs()
    merger = _other_clone(project)
    git(merger, "fetch", "--quiet", "origin", pr["head"])
    git(merger, "merge", "--quiet", "--ff-only", "FETCH_HEAD")
    git(merger, "push", "--quiet", "origin", "HEAD:main")
    pr["state"] = "merged"
    (project.gh / "prs.json").write_text(json.dumps([pr]))
    main = project.branches()["main"]

    target.failing.clear()
    passed(project.run())
    assert project.calls("pr", "comment") == [], "the pull request is merged: nothing to comment on"
    (_, create) = project.calls("pr", "create")
    assert create[create.index("--head") + 1] == pr["head"]
    path = f"data/incidents/{pr['head'].removeprefix('probe/')}.yml"
    assert git(project.bare, "diff", "--name-only", "main", pr["head"]).split() == [path]
    updates = yaml.safe_load(project.files(pr["head"])[path])["updates"]
    assert [u["status"] for u in updates] == ["investigating", "monitoring"], "suggested, not resolved"
    assert project.branches()["main"] == main
