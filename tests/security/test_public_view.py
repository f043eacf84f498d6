"""The public view empties what the model marks internal, whatever renders it afterwards."""

from __future__ import annotations

import pytest

from opsdocs.model import read_project
from opsdocs.model.audience import public_view
from opsdocs.model.project import Project
from tests.paths import REPO


@pytest.fixture(scope="module")
def example() -> Project:
    """The example project the repository ships: every kind of data, filled in."""
    return read_project(REPO)


def test_internal_plans_are_empty_in_the_public_view(example: Project) -> None:
    """Deployment, continuity, the incident process, the maintenance cycle, escalation,
    on-call and role groups: the staff data has them, the public view has none of it."""
    staff, public = example, public_view(example)
    parts = {
        "deployment checklist": lambda p: p.deployment.checklist,
        "deployment process": lambda p: p.deployment.process,
        "deployment monitoring": lambda p: p.deployment.monitoring_after,
        "rollback": lambda p: p.deployment.rollback,
        "disaster recovery": lambda p: p.continuity.disaster_recovery,
        "business continuity": lambda p: p.continuity.business_continuity,
        "incident process": lambda p: p.process.phases,
        "maintenance cycle": lambda p: p.cycle.cadences,
        "escalation": lambda p: p.contacts.escalation,
        "on-call": lambda p: p.contacts.on_call,
        "role groups": lambda p: p.team.groups,
    }
    for name, part in parts.items():
        assert part(staff), f"the example has no {name}: the test would prove nothing"
        assert not part(public), f"{name} is in the public view"


def test_severities_keep_only_their_public_parts(example: Project) -> None:
    public = public_view(example).severities.severities
    staff = example.severities.severities
    assert [s.name for s in public] == [s.name for s in staff]
    assert all(s.communication for s in staff) and any(s.examples for s in staff)
    assert all(s.communication == "" and s.examples == [] for s in public)


def test_required_internal_fields_are_emptied_too(example: Project) -> None:
    """A postmortem's summary and root cause are required fields, and internal ones."""
    staff = [i.postmortem for i in example.incidents if i.postmortem is not None]
    public = [i.postmortem for i in public_view(example).incidents if i.postmortem is not None]
    assert staff and all(p.summary and p.root_cause for p in staff)
    assert len(public) == len(staff)
    assert all(p.summary == "" and p.root_cause == "" for p in public)
    assert [p.public_summary for p in public] == [p.public_summary for p in staff]


def test_a_role_the_public_view_has_not_is_not_named_by_its_id(example: Project) -> None:
    """Whatever renders an owner on the public site gets nothing for an internal role, not
    its id (role ids are internal names too)."""
    from datetime import UTC, datetime

    from opsdocs.render.context import make_context
    from opsdocs.render.handbook.view import HandbookView
    from opsdocs.render.spec import SiteSpec

    role = example.team.roles[0]
    now = datetime(2026, 11, 28, tzinfo=UTC)
    staff = HandbookView(make_context(example, now, SiteSpec(language="en")), "index.md")
    public = HandbookView(
        make_context(public_view(example), now, SiteSpec(public=True, language="en")), "index.md"
    )
    assert staff.role_name(role.id) == role.name
    assert public.role_name(role.id) == ""
    assert public.role_names([role.id]) == []


def test_the_public_views_indices_hold_only_its_own_records(example: Project) -> None:
    """The public view copies collections with records left out; an index the full project
    built before must not come along into the copy, with the internal records in it."""
    import dataclasses

    from opsdocs.model.base import Audience
    from opsdocs.model.components import Components

    components = Components.model_validate(
        {
            "groups": [
                {
                    "id": "core",
                    "name": "Core",
                    "components": [
                        {"id": "api", "name": "API"},
                        {"id": "billing-db", "name": "Billing DB", "audience": "internal"},
                    ],
                }
            ],
            "components": [{"id": "ledger", "name": "Ledger", "audience": "internal"}],
        }
    )
    staff = dataclasses.replace(example, components=components)
    indices = {
        "components": lambda p: p.components.by_id,
        "component groups": lambda p: p.components.group_by_component,
        "roles": lambda p: p.team.roles_by_id,
        "role names": lambda p: p.team.role_names,
        "people": lambda p: p.team.people_by_id,
        "contacts": lambda p: p.contacts.by_id,
        "severities": lambda p: p.severities.by_id,
        "feature flags": lambda p: p.roadmap.feature_flags_by_id,
    }
    internal = {
        "components": {"billing-db", "ledger"},
        "component groups": {"billing-db"},
        "roles": {r.id for r in staff.team.roles if r.audience == Audience.internal},
        "role names": {r.id for r in staff.team.roles if r.audience == Audience.internal},
        "people": {p.id for p in staff.team.people if p.audience == Audience.internal},
        "contacts": {c.id for c in staff.contacts.contacts if c.audience == Audience.internal},
        "severities": set(),
        "feature flags": {f.id for f in staff.roadmap.feature_flags if f.audience == Audience.internal},
    }
    for name, index in indices.items():
        assert internal[name] <= set(index(staff)), f"the staff index of {name} misses a record"
    for name in internal:
        if name not in {"component groups", "severities"}:
            assert internal[name], f"no internal {name} in the example: the test would prove nothing"

    public = public_view(staff)  # after every index of the full project was built
    for name, index in indices.items():
        assert not internal[name] & set(index(public)), f"an internal record is in the public {name} index"
    assert set(public.components.by_id) == {"api"}
    assert public.components.by_id["api"] is public.components.groups[0].components[0]
    # The public view's severities are copies without their internal fields; so is the index.
    assert [public.severities.by_id[s.id] for s in public.severities.severities] == list(
        public.severities.severities
    )
    assert all(s.communication == "" for s in public.severities.by_id.values())
    assert any(s.communication for s in staff.severities.by_id.values())
