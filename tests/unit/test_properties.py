"""Properties that hold for any data: loading either succeeds or reports problems; every
generated JSON file parses; no internal value reaches a public output."""

from __future__ import annotations

import json
import posixpath
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsdocs.derive.status import StatusOptions
from opsdocs.model import read_project
from opsdocs.model.audience import public_view
from opsdocs.problems import ProjectInvalid
from opsdocs.render.context import make_context, relative_path
from opsdocs.render.paths import StatusPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.spec import SiteSpec
from opsdocs.render.status import render_status
from tests.clock import NOW_AT
from tests.paths import FIXTURES

FIXTURE = FIXTURES / "status_site"
COMPONENTS = ["api", "web", "email"]
STATUSES = ["operational", "degraded_performance", "partial_outage", "major_outage"]
SECRET = "SECRET-PROPERTY-CANARY"

text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    str.strip
)


@st.composite
def incidents(draw: st.DrawFn) -> dict:
    start = NOW_AT - timedelta(minutes=draw(st.integers(0, 60 * 24 * 120)))
    offsets = sorted(draw(st.lists(st.integers(0, 600), min_size=1, max_size=5, unique=True)))
    components = draw(st.lists(st.sampled_from(COMPONENTS), min_size=1, max_size=3, unique=True))
    resolved = draw(st.booleans())
    updates = []
    for index, offset in enumerate(offsets):
        last = index == len(offsets) - 1
        status = (
            "resolved"
            if resolved and last
            else draw(st.sampled_from(["investigating", "identified", "monitoring"]))
        )
        affected = {
            c: ("operational" if resolved and last else draw(st.sampled_from(STATUSES))) for c in components
        }
        updates.append({"at": (start + timedelta(minutes=offset)).isoformat(), "status": status,
                        "message": draw(text), "components": affected, "internal_note": SECRET})  # fmt: skip
    return {
        "id": f"gen-{draw(st.integers(0, 10**9))}",
        "title": draw(text),
        "severity": draw(st.sampled_from(["sev1", "sev2", "sev3"])),
        "started_at": start.isoformat(),
        "resolved_at": (start + timedelta(minutes=offsets[-1])).isoformat() if resolved else None,
        # The incident's components are left out: they follow from its updates.
        "updates": updates,
        "postmortem": {"summary": SECRET, "root_cause": SECRET, "public_summary": draw(text)},
        "audience": draw(st.sampled_from(["public", "public", "internal"])),
    }


def project_with(generated: list[dict]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="opsdocs-prop-")) / "project"
    shutil.copytree(FIXTURE, root)
    for number, incident in enumerate(generated):
        incident = {**incident, "id": f"{incident['id']}-{number}"}
        (root / "data" / "incidents" / f"gen-{number}.yml").write_text(
            yaml.safe_dump(incident, allow_unicode=True)
        )
    return root


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(incidents(), min_size=1, max_size=6))
def test_valid_data_renders_parseable_json_and_no_internal_value(generated: list[dict]) -> None:
    root = project_with(generated)
    try:
        project = read_project(root)
        public = public_view(project)
        ctx = make_context(
            public, NOW_AT, SiteSpec(public=True, language="en", site_url="https://status.acme.test/")
        )
        plan = SitePlan()
        snapshot = render_status(ctx, plan, StatusPages(), "assets/opsdocs/", StatusOptions())
        for planned in plan:
            content = planned.content if isinstance(planned.content, bytes) else planned.content.encode()
            assert SECRET.encode() not in content, planned.path
            if planned.path.endswith(".json"):
                json.loads(content)
        internal_ids = {f"{i['id']}-{n}" for n, i in enumerate(generated) if i["audience"] == "internal"}
        assert not internal_ids & {f.id for f in snapshot.incidents}
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)


mutations = st.sampled_from([
    ("severity: sev1", "severity: 12"),
    ("started_at: 2026-11-20T10:00:00-03:00", "started_at: not a time"),
    ("{api: major_outage}", "{api: broken}"),
    ("title: API unavailable", "title: [unclosed"),
    ("updates:", "updatez:"),
    ("resolved_at: 2026-11-20T11:00:00-03:00", "resolved_at: 2026-11-19T11:00:00-03:00"),
    ("id: api-down", "id: web-slow"),
])  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(st.lists(mutations, min_size=1, max_size=4, unique=True), st.binary(max_size=40))
def test_broken_data_is_reported_not_raised(changes: list[tuple[str, str]], garbage: bytes) -> None:
    root = project_with([])
    try:
        path = root / "data" / "incidents" / "api-down.yml"
        content = path.read_text()
        for old, new in changes:
            content = content.replace(old, new)
        path.write_bytes(content.encode() + garbage)
        try:
            read_project(root)
        except ProjectInvalid as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.path.startswith("data/")
                assert problem.line >= 0 and problem.message
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)


_site_path = st.lists(st.sampled_from(["status", "help", "a", "b", "x.html", "."]), max_size=4).map("/".join)


@given(_site_path, _site_path)
def test_links_between_site_paths_are_what_relpath_gives(path: str, start: str) -> None:
    assert relative_path(path, start) == posixpath.relpath(path or ".", start or ".")
