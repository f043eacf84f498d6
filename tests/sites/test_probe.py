"""``opsdocs probe`` against real HTTP servers on 127.0.0.1: what it records for each kind of
answer, the daily aggregates (worked out here from the raw results), the measured figures on
the status page and in ``api/opsdocs/checks.json``, and the incident it drafts after exactly
``failures_for_outage`` failed runs, once, with the recovery noted and nothing resolved."""

from __future__ import annotations

import json
import math
import shutil
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from opsdocs.model.checks_history import Result, read_history
from opsdocs.probe.writer import record
from tests.clock import NOW_AT, YEARS_AHEAD, env_at
from tests.conftest import run_opsdocs
from tests.html import page
from tests.local_http import QuietHandler, serving
from tests.paths import FIXTURES, MINIMAL
from tests.sitebuild import assert_refused, build_site


class _State:
    def __init__(self) -> None:
        self.port = 0
        self.toggle_fails = True
        self.hits: dict[str, int] = {}


@pytest.fixture(scope="module")
def server() -> Iterator[_State]:
    """A server that answers normally, fails, times out, answers slowly or without the text."""
    state = _State()

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            if self.path == "/timeout":
                time.sleep(1.5)
            if self.path == "/slow":
                time.sleep(0.3)
            failing = self.path == "/fail" or (self.path == "/toggle" and state.toggle_fails)
            body = b"missing" if self.path == "/notext" else b"<p>Acme is healthy</p>"
            try:
                self.send_response(500 if failing else 200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except BrokenPipeError:  # the check timed out and left
                pass

    with serving(Handler) as port:
        state.port = port
        yield state


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _project(tmp_path: Path, checks: list[dict], **settings: object) -> Path:
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    document = {"retries": 0, **settings, "checks": checks}
    (root / "data" / "checks.yml").write_text(yaml.safe_dump(document), encoding="utf-8")
    return root


def _probe(root: Path, at: datetime, *extra: str) -> dict:
    report = root / "report.json"
    result = run_opsdocs(
        "probe", "--project", str(root), "--history", "history", "--report", str(report), *extra,
        env=env_at(at.isoformat()), timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(report.read_text(encoding="utf-8"))


KINDS = {
    "ok": ("/ok", {"body_contains": "healthy"}),
    "fail": ("/fail", {}),
    "timeout": ("/timeout", {"timeout": "0.4s"}),
    "slow": ("/slow", {"degraded_above_ms": 100}),
    "notext": ("/notext", {"body_contains": "healthy"}),
}


@pytest.fixture(scope="module")
def probed(server: _State, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[datetime]]:
    """A project whose checks hit each kind of answer, probed three times five minutes apart."""
    tmp = tmp_path_factory.mktemp("probed")
    checks = [{"id": kind, "component": "api", "url": f"http://127.0.0.1:{server.port}{path}", **extra}
              for kind, (path, extra) in KINDS.items()]  # fmt: skip
    checks.append({"id": "closed", "component": "web-app", "url": f"http://127.0.0.1:{_closed_port()}/"})
    root = _project(tmp, checks)
    times = [NOW_AT + timedelta(minutes=5 * n) for n in range(3)]
    for at in times:
        _probe(root, at, "--no-drafts")
    return root, times


def test_each_kind_of_answer_is_recorded(probed: tuple[Path, list[datetime]]) -> None:
    root, times = probed
    history = read_history(root / "history")
    latest = {r.check: r for r in history.raw if r.at == times[-1].astimezone(UTC)}
    assert (latest["ok"].code, latest["ok"].error) == (200, "")
    assert (latest["fail"].code, latest["fail"].error) == (500, "status")
    assert (latest["timeout"].code, latest["timeout"].error, latest["timeout"].ms) == (None, "timeout", None)
    assert (latest["slow"].code, latest["slow"].error) == (200, "")
    assert latest["slow"].ms is not None and latest["slow"].ms >= 300
    assert (latest["notext"].code, latest["notext"].error) == (200, "text")
    assert (latest["closed"].code, latest["closed"].error) == (None, "connection")
    assert len(history.raw) == 3 * len(latest)
    assert (root / "history" / "raw" / f"{times[0].astimezone(UTC):%Y-%m}.csv").is_file()


def test_the_daily_aggregates_are_those_of_the_raw_results(probed: tuple[Path, list[datetime]]) -> None:
    root, _ = probed
    history = read_history(root / "history")
    for aggregate in history.daily:
        mine = [r for r in history.raw if r.check == aggregate.check and r.at.date() == aggregate.day]
        times = sorted(r.ms for r in mine if r.ms is not None)
        assert aggregate.checks == len(mine) == 3
        assert aggregate.failures == sum(1 for r in mine if r.error)
        if times:  # nearest rank: the ceil(p * n)-th smallest
            assert aggregate.p50_ms == times[math.ceil(0.5 * len(times)) - 1] == times[1]
            assert aggregate.p95_ms == times[math.ceil(0.95 * len(times)) - 1] == times[2]
            assert aggregate.max_ms == max(times)
        else:
            assert (aggregate.p50_ms, aggregate.p95_ms, aggregate.max_ms) == (None, None, None)
    by_check = {a.check: a for a in history.daily}
    assert (by_check["ok"].failures, by_check["fail"].failures, by_check["timeout"].failures) == (0, 3, 3)


def test_the_status_page_and_checks_json_show_the_measured_figures(
    probed: tuple[Path, list[datetime]], tmp_path: Path
) -> None:
    root, times = probed
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("opsdocs/status: {}", "opsdocs/status: {checks_history: history}")
    )
    out = tmp_path / "site"
    built = build_site(config, out, now=times[-1].isoformat())
    assert built.returncode == 0, built.stderr
    figures = json.loads((out / "api" / "opsdocs" / "checks.json").read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in figures["components"]}
    # api: 5 checks a run, 3 runs; ok and slow pass, fail, timeout and notext fail.
    assert by_id["api"]["uptime"]["24h"] == {"percent": 40.0, "checks": 15, "failures": 9}
    assert by_id["web-app"]["uptime"]["90d"] == {"percent": 0.0, "checks": 3, "failures": 3}
    assert "email" not in by_id  # no check measures it
    assert by_id["api"]["last_result"] in {"status", "timeout", "text"}
    status = page(out / "status" / "index.html")
    api = status.cssselect("#component-api [data-opsdocs-measured]")[0].text_content()
    assert "Measured by health checks" in api and "24 hours: 40.00 %" in api and "90 days: 40.00 %" in api
    component = page(out / "status" / "components" / "api" / "index.html")
    assert component.cssselect("svg.opsdocs-chart--lines title")
    rows = component.cssselect(".opsdocs-measured__table tbody tr")
    assert len(rows) == 30 and rows[0].cssselect("td")[3].text == "15"


def _incidents_detected(root: Path) -> list[dict]:
    found = []
    for path in sorted((root / "data" / "incidents").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("detected_by") == "checks":
            found.append(data)
    return found


def test_an_incident_is_drafted_after_exactly_n_failures_once_and_recovery_is_noted(
    server: _State, tmp_path: Path
) -> None:
    url = f"http://127.0.0.1:{server.port}/toggle"
    root = _project(
        tmp_path, [{"id": "toggle", "component": "web-app", "url": url, "failures_for_outage": 3}]
    )
    server.toggle_fails = True
    at = [NOW_AT + timedelta(minutes=5 * n) for n in range(6)]
    for n in range(2):
        assert _probe(root, at[n])["events"] == []
        assert _incidents_detected(root) == []
    third = _probe(root, at[2])
    assert [e["kind"] for e in third["events"]] == ["drafted"]
    drafted = _incidents_detected(root)
    assert len(drafted) == 1
    incident = drafted[0]
    first = incident["updates"][0]
    assert first["status"] == "investigating"
    assert first["components"] == {"web-app": "partial_outage"}  # a 500: answered, wrongly
    assert "Detected by checks" in first["internal_note"]
    assert incident["severity"] == "sev2"  # the least severe of the project's severities
    assert third["drafts"] == "pull_request" and third["events"][0]["files"]
    assert _probe(root, at[3])["events"] == []  # still failing: no second draft
    assert len(_incidents_detected(root)) == 1
    server.toggle_fails = False
    recovered = _probe(root, at[4])
    assert [e["kind"] for e in recovered["events"]] == ["recovered"]
    updates = _incidents_detected(root)[0]["updates"]
    assert [u["status"] for u in updates] == ["investigating", "monitoring"]
    assert "resolve" in updates[-1]["internal_note"]
    assert _probe(root, at[5])["events"] == []  # noted once; never resolved by the probe
    assert [u["status"] for u in _incidents_detected(root)[0]["updates"]] == ["investigating", "monitoring"]
    validated = run_opsdocs("validate", str(root))
    assert validated.returncode == 0, validated.stderr


def test_with_no_checks_nothing_is_recorded_and_the_workflow_still_gets_its_report(tmp_path: Path) -> None:
    # A project fresh from `opsdocs init` has no checks; the Probe workflow's later steps read
    # the report all the same.
    report = _probe(_project(tmp_path, []), NOW_AT)
    assert report["events"] == [] and report["results"] == [] and report["drafts"] == "pull_request"
    assert not (tmp_path / "project" / "history").exists()


def test_a_header_from_a_missing_variable_stops_the_run(tmp_path: Path) -> None:
    root = _project(tmp_path, [{"id": "a", "component": "api", "url": "http://127.0.0.1:9/",
                                "headers": {"Authorization": "PROBE_TOKEN_NOT_SET"}}])  # fmt: skip
    result = run_opsdocs("probe", "--project", str(root), env=env_at())
    assert_refused(result, "PROBE_TOKEN_NOT_SET is not set", unwritten=root / "checks-history")


DAMAGED_DRAFTS = [("{not json", ":1:2: error: not JSON"), ('{"drafts": {"api": 3}}', ":1:1: error: expected")]


@pytest.mark.parametrize(("text", "where"), DAMAGED_DRAFTS)
def test_a_damaged_drafts_file_is_a_located_error(
    server: _State, tmp_path: Path, text: str, where: str
) -> None:
    root = _project(tmp_path, [{"id": "ok", "component": "api", "url": f"http://127.0.0.1:{server.port}/ok"}])
    (root / "checks-history").mkdir()
    (root / "checks-history" / "drafts.json").write_text(text, encoding="utf-8")
    result = run_opsdocs("probe", "--project", str(root), env=env_at(), timeout=60)
    assert_refused(result, f"drafts.json{where}")


def test_a_secret_header_reaches_the_server_and_not_the_files(server: _State, tmp_path: Path) -> None:
    root = _project(tmp_path, [{"id": "ok", "component": "api", "url": f"http://127.0.0.1:{server.port}/ok",
                                "headers": {"Authorization": "PROBE_TOKEN"}}])  # fmt: skip
    env = {**env_at(), "PROBE_TOKEN": "Bearer s3cr3t-value"}
    result = run_opsdocs("probe", "--project", str(root), env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    text = "".join(p.read_text() for p in (root / "checks-history").rglob("*") if p.is_file())
    assert "s3cr3t" not in text and "ok" in text


def test_the_history_round_trips_through_its_reader(tmp_path: Path) -> None:
    start = datetime(2026, 11, 27, 23, 50, tzinfo=UTC)
    results = [
        Result(start + timedelta(minutes=5 * n), check, 200 if n % 3 else None, "" if n % 3 else "timeout",
               100 + n if n % 3 else None)
        for n in range(6) for check in ("a", "b")
    ]  # fmt: skip
    record(tmp_path, results, start + timedelta(hours=1), raw_days=14)
    history = read_history(tmp_path)
    assert list(history.raw) == sorted(results)
    assert [(a.day.isoformat(), a.check, a.checks) for a in history.daily] == [
        ("2026-11-27", "a", 2), ("2026-11-27", "b", 2), ("2026-11-28", "a", 4), ("2026-11-28", "b", 4)
    ]  # fmt: skip
    record(tmp_path, results, start + timedelta(hours=1), raw_days=14)  # the same results again
    assert read_history(tmp_path) == history
    record(tmp_path, [], start + timedelta(days=20), raw_days=14)  # raw results age out, days stay
    aged = read_history(tmp_path)
    assert aged.raw == () and aged.daily == history.daily


def test_results_of_another_monitor_are_imported(tmp_path: Path) -> None:
    root = _project(tmp_path, [{"id": "api-health", "component": "api", "url": "http://127.0.0.1:9/"}])
    lines = [
        {"time": "2026-11-28T14:00:00Z", "check": "api-health", "code": 200, "error": "", "ms": 120},
        {"time": "2026-11-28T14:05:00+00:00", "check": "api-health", "code": None, "error": "timeout"},
    ]
    source = tmp_path / "kuma.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    result = run_opsdocs("probe", "import", str(source), "--project", str(root), env=env_at())
    assert result.returncode == 0, result.stderr
    history = read_history(root / "checks-history")
    assert [(r.check, r.code, r.error, r.ms) for r in history.raw] == [
        ("api-health", 200, "", 120), ("api-health", None, "timeout", None)
    ]  # fmt: skip
    bad = tmp_path / "bad.csv"
    bad.write_text("time,check,code,error,ms\n2026-11-28T14:10:00Z,api-health,200,,12\nnot a time,x,,,\n")
    refused = run_opsdocs("probe", "import", str(bad), "--project", str(root), env=env_at())
    assert_refused(refused, "bad.csv:3:1: error: time: 'not a time' is not an ISO 8601 time")
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("time,check,code,error,ms\n2026-11-28T14:10:00Z,nope,200,,12\n")
    assert_refused(run_opsdocs("probe", "import", str(unknown), "--project", str(root), env=env_at()), "nope")
    missing = run_opsdocs(
        "probe", "import", str(tmp_path / "absent.csv"), "--project", str(root), env=env_at()
    )
    assert_refused(missing, f"opsdocs probe import: {tmp_path / 'absent.csv'}: No such file or directory")
    binary = tmp_path / "results.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert_refused(
        run_opsdocs("probe", "import", str(binary), "--project", str(root), env=env_at()), "not a text file"
    )


STATUS_SITE = FIXTURES / "status_site" / "mkdocs.yml"
INTERNAL = ("api-deep-probe-internal", "secret-backend-probe", "internal-check", "internal-backend")


def test_the_status_fixture_shows_its_history_and_nothing_internal(built_site) -> None:
    site = built_site(STATUS_SITE)
    figures = json.loads((site / "api" / "opsdocs" / "checks.json").read_text(encoding="utf-8"))
    api = next(c for c in figures["components"] if c["id"] == "api")
    # Worked out from the fixture: hourly results, 3 failed runs in the raw days, 6 in one day before.
    assert {k: (v["checks"], v["failures"]) for k, v in api["uptime"].items()} == {
        "24h": (23, 2), "7d": (167, 2), "30d": (711, 3), "90d": (2151, 9)
    }  # fmt: skip
    assert [c["id"] for c in figures["components"]] == ["api", "web"]
    texts = [p.read_text(errors="replace").lower() for p in site.rglob("*") if p.is_file()]
    for mark in INTERNAL:
        assert not any(mark in text for text in texts), mark


def test_a_window_without_checks_says_so_and_the_chart_has_its_legend(built_site) -> None:
    # Three days after the fixture's last result: nothing in the last 24 hours, the rest kept.
    site = built_site(STATUS_SITE, now="2026-12-01T12:00:00-03:00")
    api = page(site / "status" / "index.html").cssselect("#component-api [data-opsdocs-measured]")[0]
    text = " ".join(api.text_content().split())
    assert "24 hours: no checks" in text and "7 days: 97.89 %" in text and "— %" not in text
    assert "— Median · - - 95th percentile (milliseconds)" in text


def test_a_build_before_the_raw_results_counts_only_what_happened_by_then(built_site) -> None:
    # 10 November, before the fixture's raw days: only whole days over by then count. The 7
    # days back to 3 November 15:00 UTC hold the whole UTC days 4 to 9, 24 hourly results each.
    site = built_site(STATUS_SITE, now="2026-11-10T12:00:00-03:00")
    figures = json.loads((site / "api" / "opsdocs" / "checks.json").read_text(encoding="utf-8"))
    api = next(c for c in figures["components"] if c["id"] == "api")
    assert api["uptime"]["24h"]["checks"] == 0
    assert api["uptime"]["7d"]["checks"] == 6 * 24


@pytest.mark.parametrize("now", YEARS_AHEAD)
def test_a_build_years_after_the_history_shows_no_figures_and_does_not_fail(built_site, now: str) -> None:
    site = built_site(STATUS_SITE, now=now)
    figures = json.loads((site / "api" / "opsdocs" / "checks.json").read_text(encoding="utf-8"))
    assert all(v["checks"] == 0 and v["percent"] is None for v in figures["components"][0]["uptime"].values())
    status = page(site / "status" / "index.html")
    # Nothing measured in the last 90 days: the page shows no figures rather than four blanks.
    assert status.cssselect("[data-opsdocs-measured]") == []
    assert "Measured by health checks" not in status.text_content()


def test_generate_writes_the_same_checks_json_as_the_plugins(built_site, tmp_path: Path) -> None:
    site = built_site(STATUS_SITE)
    out = tmp_path / "generated"
    result = run_opsdocs("generate", str(out), "--project", str(STATUS_SITE.parent), env=env_at())
    assert result.returncode == 0, result.stderr
    generated = next(out.rglob("checks.json")).read_bytes()
    assert generated == (site / "api" / "opsdocs" / "checks.json").read_bytes()


def test_a_bad_history_line_is_a_located_build_error(tmp_path: Path) -> None:
    project = tmp_path / "status"
    shutil.copytree(STATUS_SITE.parent, project)
    (project / "checks-history" / "daily.csv").write_text(
        "day,check,checks,failures,p50_ms,p95_ms,max_ms\nnope,a,1,0,,,\n"
    )
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 1
    assert "daily.csv:2:1: error: day: 'nope' is not a date" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_staff_report_compares_measured_declared_and_target(tmp_path: Path) -> None:
    project = tmp_path / "status"
    shutil.copytree(STATUS_SITE.parent, project)
    (project / "data" / "kpis.yml").write_text(
        "kpis:\n  - {id: uptime, name: Uptime, category: quality, target: '> 99.9%', measure: uptime}\n"
    )
    checks = project / "data" / "checks.yml"  # the public checks only: the internal ones always fail
    checks.write_text("\n".join(line for line in checks.read_text().splitlines()[:7]) + "\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("audience: public", "audience: staff")
                      .replace("  opsdocs/status:", "  opsdocs/handbook: {}\n  opsdocs/status:"))  # fmt: skip
    out = tmp_path / "site"
    result = build_site(config, out, strict=False)
    assert result.returncode == 0, result.stderr
    report = page(out / "reliability" / "index.html")
    section = report.cssselect("#measured")[0]
    rows = {r.cssselect("th")[0].text: [td.text_content() for td in r.cssselect("td")]
            for r in section.cssselect("table[data-opsdocs-measured='30'] tbody tr")}  # fmt: skip
    assert rows["API"][0].startswith("99.58 % ✕") and "(3/711)" in rows["API"][0]
    assert rows["API"][2] == "> 99.9%" and rows["Web app"][0].startswith("100.00 % ✓")
    undeclared = section.cssselect("[data-opsdocs-undeclared] li")
    assert [li.text_content().split(":")[0] for li in undeclared] == ["api"]  # 28 Nov, 10:00-12:00 UTC
    unseen = [li.text_content() for li in section.cssselect("[data-opsdocs-unseen] li")]
    assert any("web-slow" in text for text in unseen)
    assert not any("api-down" in text for text in unseen)  # the checks failed during it
