"""``opsdocs notify``: a replay of real builds of a small status site, told to real receivers.

A webhook receiver (``http.server``) and an SMTP server (``aiosmtpd``) run on 127.0.0.1; the
chat-like channel is Apprise's ``json://`` to the same HTTP receiver, and e-mail is Apprise's
``mailto://`` to the SMTP server. Each step edits the project's incident and maintenance files
(or only moves the clock), builds the public site with MkDocs at that ``OPSDOCS_NOW``, and
runs ``opsdocs notify`` with a state folder, as the publish workflow does.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import hashlib
import hmac
import json
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import pytest
import yaml
from aiosmtpd.controller import Controller

from opsdocs.cli import main
from tests.local_http import QuietHandler, serving
from tests.paths import FIXTURES, REPO, WEBHOOK_SCHEMA
from tests.sitebuild import build_site

SCHEMA = json.loads(WEBHOOK_SCHEMA.read_text(encoding="utf-8"))
SECRET = "test-signing-key"
CANARIES = (
    "CANARY-INTERNAL-NOTE",
    "CANARY-MAINTENANCE-NOTE",
    "CANARY-INTERNAL-COMPONENT",
    "canary-internal-id",
    "INTERNAL-INCIDENT-TITLE",
    "INTERNAL-MESSAGE",
    "INTERNAL-SUMMARY",
    "INTERNAL-ROOT-CAUSE",
)
"""Text of internal fields and records of the fixture: never in anything sent."""

NOTIFY_YML = """\
channels:
  - name: hook
    kind: webhook
    url_env: HOOK_URL
    secret_env: HOOK_SECRET
  - name: down
    kind: webhook
    url_env: DOWN_URL
  - name: filtered
    kind: webhook
    url_env: FILTERED_URL
    components: [email]
  - name: chat
    kind: apprise
    url_env: CHAT_URL
    events: [incident.created, incident.updated, incident.resolved]
    impacts: [major, critical]
  - name: mail
    kind: apprise
    url_env: MAIL_URL
    events: [incident.created, incident.resolved, maintenance.scheduled, maintenance.started,
             maintenance.completed, maintenance.cancelled]
"""

COMPONENTS_YML = """\
groups:
  - id: core
    name: Core
    components:
      - {id: api, name: API, description: The public API}
      - {id: web, name: Web app}
components:
  - {id: email, name: Email, tracked_since: 2026-11-01}
  - {id: canary-internal-id, name: CANARY-INTERNAL-COMPONENT, audience: internal}
"""

UPDATES = [
    ("2026-12-01T10:05:00-03:00", "investigating", "Jobs are queueing.",
     {"api": "partial_outage", "canary-internal-id": "major_outage"}),
    ("2026-12-01T10:30:00-03:00", "identified", "A worker pool is stuck.", {}),
    ("2026-12-01T11:00:00-03:00", "monitoring", "Workers restarted; queues are draining.",
     {"api": "degraded_performance"}),
    ("2026-12-01T11:30:00-03:00", "resolved", "Queues are empty again.",
     {"api": "operational", "canary-internal-id": "operational"}),
]  # fmt: skip


def write_incident(project: Path, updates: int) -> None:
    """The incident ``queue`` with its first ``updates`` updates, each with an internal note."""
    incident = {
        "id": "queue",
        "title": "Jobs delayed",
        "severity": "sev2",
        "started_at": "2026-12-01T10:00:00-03:00",
        "updates": [
            {
                "at": at,
                "status": status,
                "message": message,
                "components": components,
                "internal_note": "CANARY-INTERNAL-NOTE",
            }
            for at, status, message, components in UPDATES[:updates]
        ],
    }
    (project / "data" / "incidents" / "queue.yml").write_text(yaml.safe_dump(incident), encoding="utf-8")


def write_windows(project: Path, cancelled: bool = False) -> None:
    """Two windows announced on 2 December: ``upgrade`` (web), and ``email-move`` (email)."""
    folder = project / "data" / "maintenance"
    upgrade = {
        "id": "upgrade",
        "title": "Web app upgrade",
        "scheduled_for": "2026-12-03T02:00:00-03:00",
        "scheduled_until": "2026-12-03T04:00:00-03:00",
        "announced_at": "2026-12-02T09:00:00-03:00",
        "components": ["web"],
        "message": "The web app may be slow.",
        "internal_note": "CANARY-MAINTENANCE-NOTE",
    }
    move = {
        "id": "email-move",
        "title": "Email provider move",
        "scheduled_for": "2026-12-04T10:00:00-03:00",
        "scheduled_until": "2026-12-04T12:00:00-03:00",
        "announced_at": "2026-12-02T09:00:00-03:00",
        "components": ["email"],
        "message": "Emails may be delayed.",
        "cancelled": cancelled,
    }
    for window in (upgrade, move):
        (folder / f"{window['id']}.yml").write_text(yaml.safe_dump(window), encoding="utf-8")


STEPS = [
    # (OPSDOCS_NOW, change to the data before the build)
    ("2026-12-01T09:00:00-03:00", lambda p: None),
    ("2026-12-01T10:10:00-03:00", lambda p: write_incident(p, 1)),
    ("2026-12-01T10:40:00-03:00", lambda p: write_incident(p, 2)),
    ("2026-12-01T11:10:00-03:00", lambda p: write_incident(p, 3)),
    ("2026-12-01T11:40:00-03:00", lambda p: write_incident(p, 4)),
    ("2026-12-02T10:00:00-03:00", lambda p: write_windows(p)),
    ("2026-12-03T02:30:00-03:00", lambda p: None),
    ("2026-12-03T04:30:00-03:00", lambda p: write_windows(p, cancelled=True)),
    ("2026-12-03T04:45:00-03:00", lambda p: None),
]

EVENTS = [
    set(),
    {("incident.created", "queue"), ("component.updated", "api")},
    {("incident.updated", "queue")},
    {("incident.updated", "queue"), ("component.updated", "api")},
    {("incident.resolved", "queue"), ("component.updated", "api")},
    {("maintenance.scheduled", "upgrade"), ("maintenance.scheduled", "email-move")},
    {("maintenance.started", "upgrade"), ("component.updated", "web")},
    {
        ("maintenance.completed", "upgrade"),
        ("component.updated", "web"),
        ("maintenance.cancelled", "email-move"),
    },
    set(),
]
"""What each step published that the previous one had not."""


def make_project(root: Path) -> Path:
    project = root / "project"
    shutil.copytree(FIXTURES / "status_site", project)
    (project / "data" / "incidents" / "web-slow.yml").unlink()
    for path in (project / "data" / "maintenance").glob("*.yml"):
        path.unlink()
    (project / "data" / "components.yml").write_text(COMPONENTS_YML, encoding="utf-8")
    (project / "data" / "checks.yml").unlink()  # its checks name components replaced above
    (project / "data" / "notify.yml").write_text(NOTIFY_YML, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """The project and its public site built at each step."""
    root = tmp_path_factory.mktemp("notify")
    project = make_project(root)
    sites = []
    for number, (now, change) in enumerate(STEPS):
        change(project)
        site = root / f"site-{number}"
        result = build_site(project / "mkdocs.yml", site, now=now)
        assert result.returncode == 0, result.stderr
        sites.append(site)
    return project, sites


# ---------------------------------------------------------------- receivers


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """Records every POST; answers 500 on the paths in ``failing``; serves ``live`` under /live/."""

    port: int = 0
    requests: list[Received] = field(default_factory=list)
    failing: set[str] = field(default_factory=set)
    live: Path | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def take(self, path: str) -> list[Received]:
        """The requests to ``path`` since the last call, forgotten."""
        found = [r for r in self.requests if r.path == path]
        self.requests = [r for r in self.requests if r.path != path]
        return found


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(QuietHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            state.requests.append(Received(self.path, dict(self.headers.items()), body))
            self.send_response(500 if self.path in state.failing else 200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            file = None
            if state.live is not None and self.path.startswith("/live/"):
                file = state.live / self.path.removeprefix("/live/")
            if file is None or not file.is_file():
                self.send_error(404)
                return
            self.reply(200, file.read_bytes())

    with serving(Handler) as port:
        state.port = port
        yield state


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802 (aiosmtpd's name)
        raw = envelope.content  # type: ignore[attr-defined]
        self.messages.append(email.message_from_bytes(raw, policy=email.policy.default))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    def take(self) -> list[email.message.EmailMessage]:
        found, self.messages = self.messages, []
        return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port, loop=asyncio.new_event_loop())
    controller.start()
    yield box, port
    controller.stop()


def _point_channels(monkeypatch: pytest.MonkeyPatch, receiver: Receiver, smtp_port: int) -> None:
    """Set the variables data/notify.yml reads to the local receiver and SMTP port."""
    mail = f"mailto://127.0.0.1:{smtp_port}?from=status@acme.test&to=ops@acme.test&mode=insecure"
    values = {
        "HOOK_URL": receiver.url("/hook"),
        "HOOK_SECRET": SECRET,
        "DOWN_URL": receiver.url("/down"),
        "FILTERED_URL": receiver.url("/filtered"),
        "CHAT_URL": f"json://127.0.0.1:{receiver.port}/chat",
        "MAIL_URL": mail,
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def channels(receiver: Receiver, mailbox: tuple[Mailbox, int], monkeypatch: pytest.MonkeyPatch) -> Mailbox:
    """Every channel pointed at the local receiver and mailbox; the mailbox."""
    box, smtp_port = mailbox
    _point_channels(monkeypatch, receiver, smtp_port)
    return box


def run_notify(project: Path, site: Path, *args: str) -> int:
    return main(
        ["notify", str(site), "--project", str(project), "--attempts", "2", "--backoff", "0.01", *args]
    )


def _webhook_events(requests: list[Received]) -> list[tuple[str, str]]:
    found = []
    for request in requests:
        body = json.loads(request.body)
        jsonschema.validate(body, SCHEMA)
        subject = body["incident"]["id"] if "incident" in body else body["component"]["id"]
        found.append((request.headers["X-Opsdocs-Event"], subject))
    return found


def _assert_no_canary(text: str, where: str) -> None:
    for canary in CANARIES:
        assert canary not in text, f"{canary} in {where}"


# ---------------------------------------------------------------- the replay


def test_each_event_reaches_each_channel_once(
    builds: tuple[Path, list[Path]],
    receiver: Receiver,
    channels: Mailbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, sites = builds
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    state = tmp_path / "state"
    receiver.failing = {"/down"}
    owed_to_down: list[tuple[str, str]] = []
    keys: dict[str, list[str]] = {"/hook": [], "/down": [], "/filtered": []}

    for number, site in enumerate(sites):
        if number == 3:
            receiver.failing = set()  # the failing receiver is back
        run = tmp_path / f"run-{number}"
        shutil.copytree(site, run)  # as CI unpacks the deployed site
        status = run_notify(project, run, "--state", str(state), "--previous", receiver.url("/live/"))
        out = capsys.readouterr().out
        expected = EVENTS[number]

        hook = receiver.take("/hook")
        assert sorted(_webhook_events(hook)) == sorted(expected), number
        for request in hook:
            assert (
                request.headers["X-Opsdocs-Signature"]
                == "sha256=" + hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
            )
        # Only what touches the email component: the window that moves its provider.
        filtered = _webhook_events(receiver.take("/filtered"))
        assert filtered == [e for e in expected if e[1] == "email-move"]

        down = receiver.take("/down")
        if number in (1, 2):
            # Tried twice (--attempts 2), then the channel's other events wait: owed.
            assert len(down) == 2 and status == 1, number
            assert "failed: down:" in out and "HTTP 500" in out
            owed_to_down += sorted(expected)
        else:
            assert status == 0, out
            assert sorted(_webhook_events(down)) == sorted(owed_to_down + sorted(expected)), number
            owed_to_down = []

        chat = [json.loads(r.body)["title"] for r in receiver.take("/chat")]
        incidents = {"incident.created": "New incident", "incident.updated": "Incident update",
                     "incident.resolved": "Resolved"}  # fmt: skip
        assert sorted(chat) == sorted(
            f"Acme: {incidents[k]}: Jobs delayed" for k, _ in expected if k in incidents
        )

        mails = channels.take()
        wanted = {k for k, _ in expected} - {"incident.updated", "component.updated"}
        assert len(mails) == len([e for e in expected if e[0] in wanted]), number
        for message in mails:
            text = message.get_body(("plain",)).get_content()
            _assert_no_canary(message.as_string(), f"e-mail of step {number}")
            if "Jobs delayed" in message["Subject"]:
                assert "https://status.acme.test/status/incidents/queue/" in text
        for request in hook + down:
            _assert_no_canary(request.body.decode(), f"webhook of step {number}")
            keys[request.path].append(request.headers["X-Opsdocs-Event-Key"])
        _assert_no_canary((run / "api" / "opsdocs" / "notified.json").read_text(), "the sent-log")

        # Running again on the same build (a retried job) sends nothing more.
        assert run_notify(project, run, "--state", str(state)) == (1 if number in (1, 2) else 0)
        capsys.readouterr()
        assert receiver.take("/hook") == [] and receiver.take("/chat") == [] and channels.take() == []
        receiver.take("/down")

    # Each event once per channel, over the whole replay.
    assert len(keys["/hook"]) == len(set(keys["/hook"])) == sum(len(e) for e in EVENTS)
    delivered_down = [k for k in keys["/down"]]
    assert len(set(delivered_down)) == sum(len(e) for e in EVENTS)
    text = summary.read_text(encoding="utf-8")
    assert text.count("### Notifications") == 2 * len(STEPS)
    assert "| down | webhook | 0 | 0 | 2 |" in text


def test_the_mail_is_in_the_sites_language_with_the_window(
    builds: tuple[Path, list[Path]],
    receiver: Receiver,
    channels: Mailbox,
    tmp_path: Path,
) -> None:
    project, sites = builds
    run = tmp_path / "run"
    shutil.copytree(sites[5], run)
    assert run_notify(project, run, "--previous", str(sites[4]), "--language", "es") == 0
    mails = {m["Subject"]: m.get_body(("plain",)).get_content() for m in channels.take()}
    assert sorted(mails) == ["Acme: Mantenimiento programado: Email provider move",
                             "Acme: Mantenimiento programado: Web app upgrade"]  # fmt: skip
    upgrade = mails["Acme: Mantenimiento programado: Web app upgrade"]
    assert "Estado: Programado" in upgrade
    assert "Ventana: 3 dic 2026, 02:00 UTC-03 – 3 dic 2026, 04:00 UTC-03" in upgrade
    assert "Detalles: https://status.acme.test/status/maintenance/upgrade/" in upgrade
    hooks = receiver.take("/hook")
    assert sorted(json.loads(r.body)["incident"]["scheduled_for"] for r in hooks) == [
        "2026-12-03T05:00:00.000Z",
        "2026-12-04T13:00:00.000Z",
    ]


def test_the_live_site_is_read_over_http_and_a_dry_run_sends_nothing(
    builds: tuple[Path, list[Path]], receiver: Receiver, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, sites = builds
    receiver.live = sites[3]
    run = tmp_path / "run"
    shutil.copytree(sites[4], run)
    assert run_notify(project, run, "--previous", receiver.url("/live/"), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "--- hook: incident.resolved (incident:queue:queue-4)" in out
    assert "Acme: Resolved: Jobs delayed" in out
    assert "Details: https://status.acme.test/status/incidents/queue/" in out
    assert receiver.requests == []
    assert not (run / "api" / "opsdocs" / "notified.json").exists()


def test_with_no_state_what_was_online_before_the_deploy_is_the_baseline(
    builds: tuple[Path, list[Path]], receiver: Receiver, channels: Mailbox, tmp_path: Path
) -> None:
    # The publish workflow's order with an empty cache: `public` copies what is online, deploy
    # replaces it, then `notify` runs with no state. The deploy's news still reaches everyone.
    project, sites = builds
    receiver.live = sites[3]
    baseline = tmp_path / "previous-publication"
    assert main(["notify-baseline", str(baseline), "--from", receiver.url("/live/")]) == 0
    assert (baseline / "api" / "v2" / "summary.json").read_bytes() == (
        sites[3] / "api" / "v2" / "summary.json"
    ).read_bytes()
    receiver.live = sites[4]  # deployed
    run = tmp_path / "run"
    shutil.copytree(sites[4], run)
    state = tmp_path / "empty-cache"
    assert run_notify(project, run, "--state", str(state), "--previous", str(baseline)) == 0
    assert set(_webhook_events(receiver.take("/hook"))) == EVENTS[4]
    assert [m["Subject"] for m in channels.take()] == ["Acme: Resolved: Jobs delayed"]
    # The next run, with the state this one kept, has nothing new to send.
    assert run_notify(project, run, "--state", str(state), "--previous", str(baseline)) == 0
    assert receiver.take("/hook") == [] and channels.take() == []


def test_the_baseline_of_a_site_with_nothing_online_yet_is_empty(receiver: Receiver, tmp_path: Path) -> None:
    baseline = tmp_path / "previous-publication"
    assert main(["notify-baseline", str(baseline), "--from", receiver.url("/live/")]) == 0
    assert list(baseline.iterdir()) == []


def test_a_live_site_that_is_not_an_api_leaves_no_baseline(
    builds: tuple[Path, list[Path]], receiver: Receiver, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _project, sites = builds
    broken = tmp_path / "broken"
    shutil.copytree(sites[3], broken)
    (broken / "api" / "v2" / "incidents.json").write_text("<html>", encoding="utf-8")
    receiver.live = broken
    baseline = tmp_path / "previous-publication"
    assert main(["notify-baseline", str(baseline), "--from", receiver.url("/live/")]) == 2
    assert "incidents.json: not JSON" in capsys.readouterr().err
    assert not (baseline / "api").exists()


def test_an_unset_variable_is_bad_input_and_nothing_is_sent(
    builds: tuple[Path, list[Path]],
    receiver: Receiver,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, sites = builds
    _point_channels(monkeypatch, receiver, 9)
    monkeypatch.delenv("MAIL_URL")
    run = tmp_path / "run"
    shutil.copytree(sites[1], run)
    assert run_notify(project, run, "--previous", str(sites[0])) == 2
    assert "channel 'mail': environment variable MAIL_URL is not set" in capsys.readouterr().err
    assert receiver.requests == []


# ---------------------------------------------------------------- the channels file


@pytest.mark.parametrize(
    ("channel", "message"),
    [
        (
            "{name: a, kind: webhook, url_env: 'https://hooks.example.com/x'}",
            "channels[0].url_env: a literal address has no place in the repository",
        ),
        (
            "{name: a, kind: apprise, url_env: A_URL, description: 'see mailto://ops@example.com'}",
            "description: a literal address has no place in the repository",
        ),
        (
            "{name: a, kind: apprise, url_env: A_URL, secret_env: A_KEY}",
            "secret_env: only webhook channels are signed",
        ),
        (
            "{name: a, kind: webhook, url_env: A_URL, components: [apii]}",
            "components[0]: unknown component 'apii'; did you mean 'api'?",
        ),
        ("{name: a, kind: webhook, url_env: lower_case}", "capital letters, digits and '_'"),
        (
            "{name: a, kind: webhook, url_env: A_URL, events: [incident.deleted]}",
            "channels[0].events[0]: Input should be 'incident.created'",
        ),
    ],
)
def test_a_bad_channel_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], channel: str, message: str
) -> None:
    project = make_project(tmp_path)
    (project / "data" / "notify.yml").write_text(f"channels:\n  - {channel}\n", encoding="utf-8")
    assert main(["validate", str(project)]) == 1
    err = capsys.readouterr().err
    assert "data/notify.yml:2:" in err and message in err, err


# ---------------------------------------------------------------- the publish workflow


def test_the_workflow_notifies_after_the_deploy_with_secrets_through_env() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["notify"]
    assert job["needs"] == "deploy"
    steps = job["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    (notify,) = [s for s in steps if "opsdocs notify" in s.get("run", "")]
    assert notify["run"].strip() == (
        ".venv/bin/opsdocs notify site/public --state notify-state --previous previous-publication"
    )
    assert "${{" not in notify["run"], "secrets go through env, never into the script"
    assert all(value == f"${{{{ secrets.{name} }}}}" for name, value in notify["env"].items())
    download = steps[uses.index("actions/download-artifact")]
    assert download["with"]["name"] == "github-pages"  # the artifact deploy published
    restore, save = steps[uses.index("actions/cache/restore")], steps[uses.index("actions/cache/save")]
    assert uses.index("actions/cache/restore") < steps.index(notify) < uses.index("actions/cache/save")
    assert restore["with"]["path"] == save["with"]["path"] == "notify-state"
    assert restore["with"]["key"] == save["with"]["key"]
    assert save["if"] == "always()", "what was sent is kept even when a delivery failed"
    # Without a state, the baseline is what was online before deploy replaced it: read in the
    # job deploy needs, handed over as an artifact, never holding back the deploy.
    public = workflow["jobs"]["public"]["steps"]
    (keep,) = [s for s in public if "opsdocs notify-baseline" in s.get("run", "")]
    assert keep["run"].strip() == ".venv/bin/opsdocs notify-baseline previous-publication"
    assert keep["continue-on-error"] is True
    upload = next(
        s for s in public[public.index(keep) :] if s.get("uses", "").startswith("actions/upload-artifact")
    )
    assert upload["with"]["name"] == "previous-publication"
    handed = [s for s in steps if s.get("with", {}).get("name") == "previous-publication"]
    assert handed and steps.index(handed[0]) < steps.index(notify)


def test_without_channels_nothing_is_read_or_sent_and_the_state_follows_the_site(
    builds: tuple[Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _project, sites = builds
    project = FIXTURES / "status_site"  # no data/notify.yml
    state = tmp_path / "state"
    # The fixture's address (status.acme.test) is never asked: there is nothing to send.
    assert run_notify(project, sites[1], "--state", str(state)) == 0
    assert "no channels in data/notify.yml: nothing to send" in capsys.readouterr().out
    built = (sites[1] / "api" / "v2" / "summary.json").read_text(encoding="utf-8")
    assert (state / "api" / "v2" / "summary.json").read_text(encoding="utf-8") == built
