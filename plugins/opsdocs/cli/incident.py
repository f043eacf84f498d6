"""``opsdocs incident new|update|resolve|postmortem|list|preview``: an incident from the command line.

Each value is a flag; in a terminal, what no flag gave is asked, with choices from the data
and the public message prefilled from ``communication.yml``. With ``--yes``, or when standard
input is not a terminal, nothing is asked: the message is then ``--message`` or the template's.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from opsdocs.authoring import incidents, inputs, messages
from opsdocs.authoring.incidents import UPDATE_STATUSES
from opsdocs.cli.oncall import (
    DONE,
    Session,
    finish,
    note_flag,
    on_call_command,
    show_preview,
)
from opsdocs.cli.prompts import labelled
from opsdocs.model.components import ComponentStatus
from opsdocs.model.incidents import Incident, UpdateStatus
from opsdocs.model.severities import Impact

_FIRST_STATUS = {
    Impact.critical: ComponentStatus.major_outage,
    Impact.major: ComponentStatus.partial_outage,
    Impact.minor: ComponentStatus.degraded_performance,
    Impact.none: ComponentStatus.degraded_performance,
}
"""The status a component is offered first, by the impact of the incident's severity."""


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Add ``incident`` and its subcommands to the ``opsdocs`` command line."""
    actions = on_call_command(
        subcommands, "incident", "declare, update and resolve incidents", __doc__, "incident_id"
    )

    new = actions.add("new", "declare an incident", _new, on_record=False)
    new.add_argument("--title", help="what customers see, e.g. 'Calendar does not load'")
    new.add_argument("--severity", help="a severity id from severities.yml")
    _component_flag(new, "an affected component and its status; repeat for each")
    new.add_argument("--message", help="the first public message (default: the template's)")
    note_flag(new)
    new.add_argument(
        "--status", default="investigating", choices=[s.value for s in UPDATE_STATUSES], help="its status"
    )
    new.add_argument("--at", help="when this first update is published (default: now)")
    new.add_argument("--started-at", help="when the incident started (default: --at)")
    new.add_argument("--id", dest="record_id", help="the incident's id (default: DATE-SLUG-OF-TITLE)")

    update = actions.add("update", "publish an update", _update)
    update.add_argument("--status", choices=[s.value for s in UPDATE_STATUSES], help="default: unchanged")
    update.add_argument("--message", help="the public message (default: the template's)")
    _component_flag(update, "a component whose status changes; repeat for each")
    note_flag(update)
    update.add_argument("--at", help="when the update is published (default: now)")

    resolve = actions.add("resolve", "resolve an incident", _resolve)
    resolve.add_argument("--message", help="the final public message (default: the template's)")
    _component_flag(resolve, "a status other than operational for a component (default: all operational)")
    note_flag(resolve)
    resolve.add_argument("--at", help="when it was resolved (default: now)")

    actions.add("postmortem", "add a postmortem skeleton", _postmortem)
    actions.add_list_and_preview("list open incidents", _list, _preview)


def _component_flag(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument(
        "--component",
        action="append",
        metavar="ID=STATUS",
        help=f"{text}; STATUS is one of " + ", ".join(s.value for s in ComponentStatus),
    )


def _ask_components(
    session: Session, given: list[str] | None, question: str, first: ComponentStatus
) -> list[str]:
    """``ID=STATUS`` pairs: the flags', else chosen in the terminal, each with its status."""
    if given or not session.ask.interactive:
        return list(given or [])
    components = session.project.components.all_components()
    chosen = session.ask.checkbox(None, question, labelled(components))
    statuses = [(s.value, s.value) for s in ComponentStatus if s != ComponentStatus.operational]
    names = session.project.components.by_id
    return [
        f"{cid}={session.ask.select(None, f'Status of {names[cid].name}', statuses, first.value)}"
        for cid in chosen
    ]


def _message(session: Session, given: str | None, template: str | None, status: UpdateStatus) -> str:
    """The public message (see ``Session.public_message``), which an incident update cannot do without."""
    return session.public_message(given, template, f"'{status.value}' template for this incident")


def _new(args: argparse.Namespace, session: Session) -> int:
    project, ask = session.project, session.ask
    title = ask.text(args.title, "Title (what customers see)")
    severities = project.severities.severities
    severity = ask.select(
        args.severity, "Severity", labelled(severities), severities[0].id if severities else None
    )
    if severity is None:
        raise inputs.InputError("--severity is required: how bad is it?")
    inputs.known(
        severity, list(project.severities.by_id), "severity", f"{session.layout.data_dir}/severities.yml"
    )
    impact = project.severities.by_id[severity].status_impact
    pairs = _ask_components(session, args.component, "Affected components", _FIRST_STATUS[impact])
    at = session.at(args.at) or session.now
    started_at = session.at(args.started_at, "--started-at") or at
    status = UpdateStatus(args.status)
    ids = [pair.partition("=")[0] for pair in pairs]
    template = messages.incident_message(
        project, status, title=title or "", severity=severity, started_at=started_at, at=at, components=ids
    )
    message = _message(session, args.message, template, status)
    note = session.internal_note(args.internal_note)
    changes = incidents.new_incident(
        project,
        session.layout,
        session.now,
        title=title or "",
        severity=severity,
        components=pairs,
        message=message,
        at=at,
        started_at=started_at,
        status=status,
        internal_note=note,
        incident_id=args.record_id,
    )
    return finish(session, changes, args, f"next: opsdocs incident preview {changes.created_id}")


def _update(args: argparse.Namespace, session: Session) -> int:
    project = session.project
    incident = incidents.find(project, args.incident_id)
    current = incidents.current_statuses(incident)
    latest = max(incident.updates, key=lambda u: u.at).status
    choices = [(s.value, s.value) for s in UPDATE_STATUSES]
    default = latest.value if latest in UPDATE_STATUSES else UpdateStatus.identified.value
    chosen = session.ask.select(args.status, "Status", choices, default) or default
    status = inputs.choice(chosen, UpdateStatus, "status", UPDATE_STATUSES)
    question = "Components whose status changes (none: unchanged)"
    pairs = _ask_components(session, args.component, question, ComponentStatus.partial_outage)
    at = session.at(args.at) or session.now
    where = f"{session.layout.data_dir}/components.yml"
    after = {
        **current,
        **inputs.component_statuses(pairs, list(project.components.by_id), list(ComponentStatus), where),
    }
    still = [cid for cid, s in after.items() if s != ComponentStatus.operational]
    template = messages.incident_update_message(project, incident, status, at, still or list(after))
    return _publish(session, args, incident, status, template, pairs, at)


def _resolve(args: argparse.Namespace, session: Session) -> int:
    project = session.project
    incident = incidents.find(project, args.incident_id)
    at = session.at(args.at) or session.now
    resolved = UpdateStatus.resolved
    template = messages.incident_update_message(project, incident, resolved, at, incident.affected)
    return _publish(session, args, incident, resolved, template, args.component, at)


def _publish(
    session: Session,
    args: argparse.Namespace,
    incident: Incident,
    status: UpdateStatus,
    template: str | None,
    components: list[str] | None,
    at: datetime,
) -> int:
    """An update of ``incident`` (``update``, ``resolve``): its public message and internal
    note from the flags or asked, then the change shown, checked and written."""
    message = _message(session, args.message, template, status)
    note = session.internal_note(args.internal_note)
    changes = incidents.add_update(
        session.project,
        session.layout,
        session.now,
        incident.id,
        status=status,
        message=message,
        components=components,
        internal_note=note,
        at=at,
    )
    step = "postmortem" if status == UpdateStatus.resolved else "preview"
    return finish(session, changes, args, f"next: opsdocs incident {step} {incident.id}")


def _postmortem(args: argparse.Namespace, session: Session) -> int:
    changes = incidents.add_postmortem(session.project, args.incident_id)
    return finish(session, changes, args, "next: fill it in, then opsdocs validate")


def _list(args: argparse.Namespace, session: Session) -> int:
    found = incidents.open_incidents(session.project, session.now)
    if not found:
        print(f"No open incidents at {session.local(session.now)}.")
        return DONE
    dates = messages.dates_of(session.project)
    rows = [("ID", "SEVERITY", "STATUS", "LAST UPDATE", "TITLE")]
    for item in found:
        status = item.latest.status.value if item.latest else "(no update yet)"
        rows.append(
            (
                item.incident.id,
                item.incident.severity,
                status,
                f"{dates.duration(item.age)} ago",
                item.incident.title,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[4])
    return DONE


def _preview(args: argparse.Namespace, session: Session) -> int:
    from opsdocs.authoring.preview import incident_preview

    incidents.find(session.project, args.incident_id)
    return show_preview(session, args.config, args.incident_id, incident_preview)
