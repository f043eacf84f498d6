"""On call from a phone: the steps of the Incident and Incident report workflows, run here as
the workflows run them (``.github/scripts/oncall.py``), against a clone of the small on-call
fixture whose ``origin`` is a bare repository in a tmp folder.

A new incident, an update and a resolve are committed as the person who started the run and
pushed; a push that finds main moved takes the new commits in and succeeds; one that keeps
finding it moved stops after three attempts. An issue written as GitHub writes a form becomes
a branch with the incident, and a hostile one stays data. The workflows' files say what the
scripts rely on.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from opsdocs.authoring.incidents import UPDATE_STATUSES
from tests.gitrepo import changed_in, clean_env, git, last_commit, push_from, race_every_push, seed_remote
from tests.paths import FIXTURES, REPO
from tests.sitebuild import run_step

SCRIPTS = REPO / ".github" / "scripts"
ONCALL = SCRIPTS / "oncall.py"
WORKFLOWS = REPO / ".github" / "workflows"
FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "incident.yml"
NEW = "data/incidents/2026-11-28-api-down.yml"
ACTOR = ("octocat", "583231")
REPORTER = ("reporter-1", "77")


def script(name: str) -> ModuleType:
    """One of the workflows' scripts, imported from ``.github/scripts``."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module(name)


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    """A bare repository holding the on-call fixture project on ``main``."""
    return seed_remote(FIXTURES / "oncall", tmp_path / "remote.git")


def clone(remote: Path, name: str) -> Path:
    """A fresh clone of ``remote``, as actions/checkout makes one."""
    target = remote.parent / name
    git(remote.parent, "clone", "--quiet", str(remote), str(target))
    return target


def run(
    repo: Path, step: str, *args: str, env: dict[str, str] | None = None, actor=ACTOR
) -> subprocess.CompletedProcess[str]:
    """``oncall.py STEP`` in ``repo``, with the runner's identity of ``actor`` and ``env``."""
    full = clean_env() | {"GITHUB_ACTOR": actor[0], "GITHUB_ACTOR_ID": actor[1]} | (env or {})
    return run_step([sys.executable, str(ONCALL), step, *args], full, repo)


def inputs(**values: str) -> dict[str, str]:
    """The environment the Incident workflow's edit step has in a run started with ``values``
    (by input name): the step's ``env``, with each input not given at the workflow's default."""
    workflow = _yaml(WORKFLOWS / "incident.yml")
    declared = workflow[True]["workflow_dispatch"]["inputs"]
    assert set(values) <= set(declared), set(values) - set(declared)
    run_with = {name: values.get(name, str(spec.get("default", ""))) for name, spec in declared.items()}
    step = _edit_step(workflow)
    return {
        var: run_with[value.removeprefix("${{ inputs.").removesuffix(" }}")]
        for var, value in step["env"].items()
    }


def _edit_step(workflow: dict) -> dict:
    """The Incident workflow's step that runs ``oncall.py edit``."""
    (job,) = workflow["jobs"].values()
    (step,) = [s for s in job["steps"] if "oncall.py edit" in s.get("run", "")]
    return step


def edit(repo: Path, actor: tuple[str, str] = ACTOR, **values: str) -> subprocess.CompletedProcess[str]:
    """The Incident workflow's ``oncall.py edit`` step in ``repo``, given the inputs ``values``."""
    return run(repo, "edit", env=inputs(**values), actor=actor)


def declare(repo: Path) -> subprocess.CompletedProcess[str]:
    done = edit(
        repo,
        title="API down",
        severity="sev1 — Critical",
        components="api=major_outage, web-app = partial_outage",
        internal_note="Pager alert 5xx",
    )
    assert done.returncode == 0, done.stderr
    return done


def on_remote(remote: Path, path: str) -> dict:
    return yaml.safe_load(git(remote, "show", f"main:{path}"))


# ---------------------------------------------------------------- the Incident workflow


def test_a_new_incident_is_committed_as_the_person_who_started_the_run_and_pushed(remote: Path) -> None:
    work = clone(remote, "work")
    declare(work)
    commit = last_commit(work)
    assert commit["author"] == commit["committer"] == "octocat"
    assert commit["author_email"] == commit["committer_email"] == "583231+octocat@users.noreply.github.com"
    assert commit["subject"] == "Declared incident 2026-11-28-api-down: API down"
    assert changed_in(work) == [NEW]
    assert git(work, "status", "--porcelain") == ""
    # Not pushed yet: that is the next step.
    assert git(remote, "rev-parse", "main") != git(work, "rev-parse", "HEAD")

    pushed = run(work, "push")
    assert pushed.returncode == 0, pushed.stderr
    assert git(remote, "rev-parse", "main") == git(work, "rev-parse", "HEAD")
    incident = on_remote(remote, NEW)
    assert incident["title"] == "API down"
    assert incident["severity"] == "sev1"
    (update,) = incident["updates"]
    assert update["status"] == "investigating"
    assert update["components"] == {"api": "major_outage", "web-app": "partial_outage"}
    assert update["message"].startswith("**Planner is down.**")  # the sev1 template
    assert update["internal_note"] == "Pager alert 5xx"


def test_an_update_and_a_resolve_each_land_on_main(remote: Path) -> None:
    first = clone(remote, "first")
    declare(first)
    assert run(first, "push").returncode == 0

    second = clone(remote, "second")  # each run checks out main afresh
    done = edit(
        second,
        action="update",
        incident="2026-11-28-api-down",
        status="identified",
        components="api=partial_outage",
        message="We found the cause: a full connection pool.",
    )
    assert done.returncode == 0, done.stderr
    assert run(second, "push").returncode == 0
    assert last_commit(remote, "main")["subject"] == "Updated incident 2026-11-28-api-down: identified"

    third = clone(remote, "third")
    done = edit(third, action="resolve", incident="2026-11-28-api-down", status="(default)", components="")
    assert done.returncode == 0, done.stderr
    assert run(third, "push").returncode == 0

    updates = on_remote(remote, NEW)["updates"]
    assert [u["status"] for u in updates] == ["investigating", "identified", "resolved"]
    assert updates[1]["message"].strip() == "We found the cause: a full connection pool."
    assert updates[1]["components"] == {"api": "partial_outage"}
    assert updates[2]["components"] == {"api": "operational", "web-app": "operational"}
    log = git(remote, "log", "--format=%an", "main").split()
    assert log[:3] == ["octocat"] * 3


def test_a_push_that_finds_main_moved_takes_the_new_commit_in_and_succeeds(remote: Path) -> None:
    work, other = clone(remote, "work"), clone(remote, "other")
    declare(work)
    push_from(other, "NOTES.md")  # lands between the commit and the push
    theirs = git(remote, "rev-parse", "main").strip()

    done = run(work, "push")
    assert done.returncode == 0, done.stderr
    assert "push 1 of 3 refused" in done.stdout
    assert "pushed to main (attempt 2 of 3)" in done.stdout
    ours = last_commit(remote, "main")
    assert ours["parents"] == theirs, "our commit goes on top of theirs"
    assert ours["author"] == "octocat"
    assert changed_in(remote, "main") == [NEW]
    assert git(remote, "show", "main:NOTES.md") == "unrelated\n"


def test_a_push_race_that_never_clears_stops_after_three_attempts(remote: Path) -> None:
    work, other = clone(remote, "work"), clone(remote, "other")
    declare(work)
    races = race_every_push(work, other)

    done = run(work, "push")
    assert done.returncode == 1
    assert "oncall: could not push to main in 3 attempts" in done.stderr
    assert "nothing is published" in done.stderr
    assert races.read_text().count("race") == 3
    # Main has the three other commits and not ours.
    assert git(remote, "log", "--format=%s", "main").split("\n")[:3] == ["race"] * 3
    assert git(remote, "log", "--format=%an", "main").count("octocat") == 0


def test_a_race_on_the_same_lines_stops_with_a_clear_message(remote: Path) -> None:
    work, other = clone(remote, "work"), clone(remote, "other")
    declare(work)
    # Someone else declares the same incident first: the same new file, different content.
    hubot = ("hubot", "42")
    done = edit(
        other, hubot, action="new", title="API down", severity="sev2", components="email=partial_outage"
    )
    assert done.returncode == 0, done.stderr
    assert run(other, "push", actor=hubot).returncode == 0

    done = run(work, "push")
    assert done.returncode == 1
    assert "change the same lines" in done.stderr
    assert "nothing was pushed" in done.stderr
    assert last_commit(remote, "main")["author"] == "hubot"
    assert git(work, "status", "--porcelain") == "", "the rebase was undone"


@pytest.mark.parametrize(
    ("values", "error"),
    [
        (
            {"action": "new", "title": "API down", "severity": "sev1", "components": "api=down"},
            "--component 'api=down': unknown status 'down'",
        ),
        ({"action": "new", "title": "API down", "severity": "(choose)"}, "--severity is required"),
        ({"action": "update", "incident": ""}, "update needs the incident's id"),
        ({"action": "resolve", "incident": "2026-11-28-nope"}, "no incident '2026-11-28-nope'"),
        ({"action": "delete"}, "action 'delete': choose one of new, update, resolve"),
    ],
)
def test_bad_input_is_one_line_and_commits_nothing(remote: Path, values: dict, error: str) -> None:
    work = clone(remote, "work")
    head = git(work, "rev-parse", "HEAD")
    done = edit(work, **values)
    assert done.returncode == 2
    assert error in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert git(work, "rev-parse", "HEAD") == head
    assert git(work, "status", "--porcelain") == ""


def test_values_that_look_like_flags_or_shell_stay_data(remote: Path, tmp_path: Path) -> None:
    work = clone(remote, "work")
    marker = tmp_path / "x"
    title = f"$(touch {marker}) `touch {marker}` --dry-run"
    done = edit(
        work,
        action="new",
        title=title,
        severity="sev2",
        components="email=degraded_performance",
        message="--yes",
        internal_note=f"; touch {marker}\n--id=hijacked",
    )
    assert done.returncode == 0, done.stderr
    (path,) = changed_in(work)
    written = yaml.safe_load((work / path).read_text(encoding="utf-8"))
    assert written["title"] == title
    assert written["updates"][0]["message"].strip() == "--yes"
    assert written["updates"][0]["internal_note"].strip() == f"; touch {marker}\n--id=hijacked"
    assert written["id"] != "hijacked"
    assert not marker.exists()


def test_only_the_choices_placeholders_mean_nothing_chosen() -> None:
    oncall = script("oncall")
    request = oncall.from_inputs(
        inputs(action="new", title="(EU) API down", severity="(choose)", status="(default)", message="(x)")
    )
    assert (request.title, request.message) == ("(EU) API down", "(x)")
    assert (request.severity, request.status) == (None, None)


def test_the_command_arguments_put_each_value_after_its_flag() -> None:
    oncall = script("oncall")
    request = oncall.from_inputs(
        inputs(
            action="update",
            incident="--dry-run",
            title="ignored",
            severity="(choose)",
            status="monitoring",
            components="api=degraded_performance,\nweb-app=operational",
            message="-m",
        )
    )
    assert oncall.command(request, "/p") == [
        "incident",
        "update",
        "--yes",
        "--project=/p",
        "--status=monitoring",
        "--message=-m",
        "--component=api=degraded_performance",
        "--component=web-app=operational",
        "--",
        "--dry-run",
    ]


# ---------------------------------------------------------------- the issue form


def body(**fields: str) -> str:
    """An issue body as GitHub writes the form's answers: ``_No response_`` for an empty field."""
    labels = {f.id: f.label for f in script("issue_form").form_fields()}
    return "\n\n".join(f"### {labels[key]}\n\n{value or '_No response_'}" for key, value in fields.items())


SAMPLE = {
    "title": "Calendar does not load",
    "severity": "sev1 — Critical",
    "components": "api=major_outage, web-app=degraded_performance",
    "status": "investigating",
    "message": "",
}


def test_the_form_body_becomes_the_arguments_of_incident_new() -> None:
    form, oncall = script("issue_form"), script("oncall")
    values = form.parse(body(**SAMPLE).replace("\n", "\r\n"), form.form_fields())
    assert values == {**SAMPLE, "message": None}
    assert oncall.command(oncall.from_issue(values), ".") == [
        "incident",
        "new",
        "--yes",
        "--project=.",
        "--title=Calendar does not load",
        "--severity=sev1",
        "--status=investigating",
        "--component=api=major_outage",
        "--component=web-app=degraded_performance",
    ]


def test_a_body_that_is_not_the_form_is_a_form_error() -> None:
    form = script("issue_form")
    with pytest.raises(form.FormError, match=r"no '### Severity' section"):
        form.parse("### Title\n\nDown\n\nEverything is broken", form.form_fields())
    with pytest.raises(form.FormError, match=r"no '### Title' section"):
        form.parse(None, form.form_fields())


def report(repo: Path, text: str, out: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """``oncall.py report`` for issue 12 by ``REPORTER``; its step outputs."""
    outputs = out.parent / f"{out.name}-outputs.txt"
    env = {
        "ISSUE_BODY": text,
        "ISSUE_NUMBER": "12",
        "ISSUE_AUTHOR": REPORTER[0],
        "ISSUE_AUTHOR_ID": REPORTER[1],
        "GITHUB_OUTPUT": str(outputs),
    }
    done = run(repo, "report", "--out", str(out), env=env)
    lines = outputs.read_text(encoding="utf-8").splitlines() if outputs.exists() else []
    return done, dict(line.split("=", 1) for line in lines)


def test_a_report_becomes_a_branch_with_the_incident_for_a_pull_request(remote: Path, tmp_path: Path) -> None:
    work = clone(remote, "work")
    main = git(remote, "rev-parse", "main")
    done, outputs = report(work, body(**SAMPLE), tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert outputs == {"outcome": "opened", "branch": "incident/issue-12"}
    assert git(remote, "rev-parse", "main") == main, "nothing reaches main before a review"

    commit = last_commit(remote, "incident/issue-12")
    assert (commit["author"], commit["author_email"]) == (
        "reporter-1",
        "77+reporter-1@users.noreply.github.com",
    )
    assert commit["committer"] == "github-actions[bot]"
    (path,) = changed_in(remote, "incident/issue-12")
    incident = yaml.safe_load(git(remote, "show", f"incident/issue-12:{path}"))
    assert incident["title"] == "Calendar does not load"
    assert incident["updates"][0]["components"] == {"api": "major_outage", "web-app": "degraded_performance"}

    assert (tmp_path / "out" / "pr-title.txt").read_text() == "Incident: Calendar does not load\n"
    pr = (tmp_path / "out" / "pr.md").read_text()
    assert "Closes #12" in pr
    assert "+title: Calendar does not load" in pr


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"components": "billing=major_outage"}, "unknown component 'billing'"),
        ({"components": "--dry-run"}, "--component '--dry-run': write it as ID=STATUS"),
        ({"severity": "--yes"}, "unknown severity '--yes'"),
        ({"status": "resolved"}, "argument --status: invalid choice: 'resolved'"),
        ({"title": ""}, "--title is empty"),
    ],
)
def test_a_bad_report_gets_the_one_line_error_and_no_branch(
    remote: Path, tmp_path: Path, fields: dict, error: str
) -> None:
    work = clone(remote, "work")
    done, outputs = report(work, body(**(SAMPLE | fields)), tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert outputs == {"outcome": "rejected"}
    comment = (tmp_path / "out" / "comment.md").read_text()
    assert error in comment
    assert "No pull request was opened" in comment
    assert "incident/issue-12" not in git(remote, "branch", "--list")
    assert not (tmp_path / "out" / "pr.md").exists()


def test_a_hostile_report_is_data_never_run(remote: Path, tmp_path: Path) -> None:
    work = clone(remote, "work")
    marker = tmp_path / "x"
    hostile = SAMPLE | {
        "title": f"$(touch {marker}) `touch {marker}`\n--dry-run",
        "components": f"api=major_outage,$(touch${{IFS}}{marker})=major_outage",
        "message": f"```\n$(touch {marker})\n```\n\n### Severity\n\nsev2 `touch {marker}`",
    }
    done, outputs = report(work, body(**hostile), tmp_path / "out")
    assert outputs == {"outcome": "rejected"}  # the component is not one
    assert f"unknown component '$(touch${{IFS}}{marker})'" in (tmp_path / "out" / "comment.md").read_text()
    assert not marker.exists()

    hostile["components"] = "api=major_outage"
    done, outputs = report(clone(remote, "again"), body(**hostile), tmp_path / "again-out")
    assert done.returncode == 0, done.stderr
    assert outputs["outcome"] == "opened"
    (path,) = changed_in(remote, "incident/issue-12")
    incident = yaml.safe_load(git(remote, "show", f"incident/issue-12:{path}"))
    assert incident["title"] == f"$(touch {marker}) `touch {marker}` --dry-run"  # one line, as written
    assert incident["updates"][0]["message"].strip() == hostile["message"]
    pr = (tmp_path / "again-out" / "pr.md").read_text()
    assert "\n````diff\n" in pr, "the diff's fence is longer than the message's"
    assert not marker.exists()


def test_a_report_that_is_not_the_form_is_answered(remote: Path, tmp_path: Path) -> None:
    done, outputs = report(clone(remote, "work"), "Everything is down!!", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert outputs == {"outcome": "rejected"}
    assert "no '### Title' section" in (tmp_path / "out" / "comment.md").read_text()


# ---------------------------------------------------------------- what the files promise


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _repo_severities() -> list[str]:
    return [f"{s['id']} — {s['name']}" for s in _yaml(REPO / "data" / "severities.yml")["severities"]]


def test_the_form_offers_the_projects_severities_statuses_and_components() -> None:
    fields = {item.get("id"): item for item in _yaml(FORM)["body"]}
    assert set(fields) == {None, "title", "severity", "components", "status", "message"}
    assert fields["severity"]["attributes"]["options"] == _repo_severities()
    assert fields["status"]["attributes"]["options"] == [s.value for s in UPDATE_STATUSES]
    described = fields["components"]["attributes"]["description"]
    components = _yaml(REPO / "data" / "components.yml")
    ids = [c["id"] for g in components.get("groups", []) for c in g["components"]]
    ids += [c["id"] for c in components.get("components", [])]
    assert ids and all(cid in described for cid in ids)
    assert _yaml(FORM)["labels"] == ["incident"]


def test_the_incident_workflow_offers_the_same_choices() -> None:
    dispatch = _yaml(WORKFLOWS / "incident.yml")[True]["workflow_dispatch"]["inputs"]
    assert dispatch["action"]["options"] == ["new", "update", "resolve"]
    assert dispatch["severity"]["options"] == ["(choose)", *_repo_severities()]
    assert dispatch["status"]["options"] == ["(default)", *(s.value for s in UPDATE_STATUSES)]


def test_the_incident_workflow_passes_every_input_through_the_environment() -> None:
    workflow = _yaml(WORKFLOWS / "incident.yml")
    names = set(workflow[True]["workflow_dispatch"]["inputs"])
    (job,) = workflow["jobs"].values()
    edit = _edit_step(workflow)
    assert {value.removeprefix("${{ inputs.").removesuffix(" }}") for value in edit["env"].values()} == names
    assert workflow["permissions"] == {}
    assert job["permissions"] == {"contents": "write", "actions": "write"}
    assert workflow["concurrency"] == {"group": "incident-main", "cancel-in-progress": False, "queue": "max"}
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert [r for r in runs if "oncall.py push" in r] == [
        ".venv/bin/python .github/scripts/oncall.py push --branch main --attempts 3"
    ]
    assert runs[-1] == "gh workflow run publish.yml --ref main"


def test_the_report_workflow_reads_the_body_from_the_environment_only() -> None:
    workflow = _yaml(WORKFLOWS / "incident-report.yml")
    assert workflow[True] == {"issues": {"types": ["opened"]}}
    (job,) = workflow["jobs"].values()
    assert "'incident'" in job["if"]
    assert workflow["permissions"] == {}
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    (write,) = [s for s in job["steps"] if "oncall.py report" in s.get("run", "")]
    assert write["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"


@pytest.mark.parametrize("name", ["incident.yml", "incident-report.yml"])
def test_no_expression_is_written_into_a_script_and_no_checkout_keeps_credentials(name: str) -> None:
    workflow = _yaml(WORKFLOWS / name)
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    assert all("${{" not in s.get("run", "") for s in steps)
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s["with"]["persist-credentials"] is False for s in checkouts)


def test_the_token_reaches_git_as_a_header_for_the_server_only() -> None:
    """Without a checkout's stored credentials, the push steps hand git ``GH_TOKEN`` the way
    actions/checkout does: an HTTP header for the GitHub server, in the environment."""
    env = script("oncall_git").git_env(
        {"GH_TOKEN": "t0ken", "GITHUB_SERVER_URL": "https://github.com", "GIT_CONFIG_COUNT": "1"}
    )
    assert env["GIT_CONFIG_COUNT"] == "2"
    assert env["GIT_CONFIG_KEY_1"] == "http.https://github.com/.extraheader"
    assert env["GIT_CONFIG_VALUE_1"] == "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46dDBrZW4="
    assert "GIT_CONFIG_KEY_1" not in script("oncall_git").git_env({})


def test_the_on_call_benchmark_runs_at_small_scale() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "oncall.py"), "--scales", "small", "--runs", "1"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=clean_env(),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = {
        line.split(" | ")[0].strip("| "): line.strip(" |").split(" | ")[1:]
        for line in done.stdout.splitlines()
        if line.startswith("| ") and not line.startswith("| step")
    }
    steps = ["`opsdocs incident new --yes`", "`opsdocs validate`", "new + validate"]
    steps += ["`opsdocs incident update --yes`"]
    for step in steps:
        wall, spread, cpu = rows[step]
        assert float(wall) > 0 and float(cpu) > 0 and "–" in spread
    assert any(key.startswith("public site build after the update") for key in rows)
    assert any(key.startswith("workflow script: `oncall.py push`") for key in rows)
