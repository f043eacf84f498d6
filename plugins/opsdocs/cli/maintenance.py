"""``opsdocs maintenance new|update|start|complete|cancel|list|preview``: maintenance windows
from the command line, with the conventions of ``opsdocs incident``: every value a flag, asked
in a terminal when missing, messages prefilled from ``communication.yml``."""

from __future__ import annotations

import argparse

from opsdocs.authoring import inputs, messages
from opsdocs.authoring import maintenance as windows
from opsdocs.cli.oncall import (
    DONE,
    Session,
    finish,
    note_flag,
    on_call_command,
    show_preview,
)
from opsdocs.cli.prompts import labelled
from opsdocs.derive.published import maintenance_status
from opsdocs.model.base import parse_duration
from opsdocs.model.communication import MaintenancePhase
from opsdocs.model.maintenance import MaintenanceStatus, MaintenanceWindow


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Add ``maintenance`` and its subcommands to the ``opsdocs`` command line."""
    actions = on_call_command(
        subcommands, "maintenance", "schedule, start, complete and cancel maintenance", __doc__, "window_id"
    )

    new = actions.add("new", "schedule a maintenance window", _new, on_record=False)
    new.add_argument("--title", help="what customers see, e.g. 'Database upgrade'")
    new.add_argument(
        "--component", action="append", metavar="ID", help="a component under maintenance; repeat"
    )
    new.add_argument("--scheduled-for", help="when it starts, e.g. '2026-12-19 22:00'")
    new.add_argument("--scheduled-until", help="when it ends")
    new.add_argument("--duration", help="how long it lasts instead of --scheduled-until, e.g. 2h, 1h30m")
    new.add_argument("--message", help="what will happen (default: the template's)")
    new.add_argument("--announce-at", help="when it is announced (default: now)")
    note_flag(new)
    new.add_argument("--id", dest="record_id", help="the window's id (default: DATE-SLUG-OF-TITLE)")

    update = actions.add("update", "publish an update, or move it", _update)
    update.add_argument("--message", help="the public message")
    update.add_argument(
        "--status", choices=["scheduled", "in_progress", "verifying"], help="default: unchanged"
    )
    update.add_argument("--scheduled-for", help="a new start: the window moves")
    update.add_argument("--scheduled-until", help="a new end: the window moves")
    update.add_argument("--at", help="when the update is published (default: now)")

    steps = (("start", "say it has started", _start), ("complete", "say it is over", _complete))
    for name, verb, handler in steps:
        step = actions.add(name, verb, handler)
        step.add_argument("--message", help="the public message (default: the template's)")
        step.add_argument("--at", help="when (default: now)")

    cancel = actions.add("cancel", "call a window off", _cancel)
    cancel.add_argument("--message", help="why, kept as its last update (default: the template's)")

    actions.add_list_and_preview("list windows not yet over", _list, _preview)


def _message(
    session: Session,
    given: str | None,
    window: MaintenanceWindow,
    phase: MaintenancePhase,
    required: bool = True,
) -> str:
    """The public message (see ``Session.public_message``) prefilled from the ``phase`` template;
    it may stay empty only when not ``required``."""
    template = messages.maintenance_message(session.project, phase, window)
    return session.public_message(given, template, f"'{phase.value}' template" if required else "")


def _new(args: argparse.Namespace, session: Session) -> int:
    project, ask = session.project, session.ask
    title = ask.text(args.title, "Title (what customers see)") or ""
    components = ask.checkbox(
        args.component, "Components under maintenance", labelled(project.components.all_components())
    )
    start_text = ask.text(args.scheduled_for, "Starts at (e.g. 2026-12-19 22:00)")
    if not start_text:
        raise inputs.InputError("--scheduled-for is required: when does the window start?")
    start = inputs.moment(start_text, project.site.zone, session.now, "--scheduled-for")
    end_text = args.scheduled_until
    if end_text is None and args.duration is None:
        end_text = ask.text(None, "Ends at (e.g. 2026-12-20 02:00)")
    if end_text:
        end = inputs.moment(end_text, project.site.zone, session.now, "--scheduled-until")
    elif args.duration:
        try:
            end = start + parse_duration(args.duration)
        except ValueError as exc:
            raise inputs.InputError(f"--duration: {exc}") from None
    else:
        raise inputs.InputError("--scheduled-until or --duration is required: when does the window end?")
    draft = windows.draft_window(
        project, session.layout, title=title, components=components, scheduled_for=start, scheduled_until=end
    )
    message = _message(session, args.message, draft, MaintenancePhase.scheduled)
    note = session.internal_note(args.internal_note)
    changes = windows.new_window(
        project,
        session.layout,
        session.now,
        title=title,
        components=components,
        scheduled_for=start,
        scheduled_until=end,
        message=message,
        announced_at=session.at(args.announce_at, "--announce-at"),
        internal_note=note,
        window_id=args.record_id,
    )
    return finish(session, changes, args, f"next: opsdocs maintenance preview {changes.created_id}")


def _update(args: argparse.Namespace, session: Session) -> int:
    window = windows.find(session.project, args.window_id)
    start = session.at(args.scheduled_for, "--scheduled-for")
    end = session.at(args.scheduled_until, "--scheduled-until")
    status = MaintenanceStatus(args.status) if args.status else None
    phase = MaintenancePhase((status or maintenance_status(window, session.now)).value)
    span = {"scheduled_for": start or window.scheduled_for, "scheduled_until": end or window.scheduled_until}
    message = _message(session, args.message, window.model_copy(update=span), phase)
    changes = windows.add_update(
        session.project,
        session.now,
        window.id,
        message=message,
        status=status,
        scheduled_for=start,
        scheduled_until=end,
        at=session.at(args.at),
    )
    return finish(session, changes, args, f"next: opsdocs maintenance preview {window.id}")


def _start(args: argparse.Namespace, session: Session) -> int:
    window = windows.find(session.project, args.window_id)
    message = _message(session, args.message, window, MaintenancePhase.in_progress)
    changes = windows.start(session.project, session.now, window.id, message=message, at=session.at(args.at))
    return finish(session, changes, args, f"next: opsdocs maintenance complete {window.id}")


def _complete(args: argparse.Namespace, session: Session) -> int:
    window = windows.find(session.project, args.window_id)
    message = _message(session, args.message, window, MaintenancePhase.completed)
    changes = windows.complete(
        session.project, session.now, window.id, message=message, at=session.at(args.at)
    )
    return finish(session, changes, args)


def _cancel(args: argparse.Namespace, session: Session) -> int:
    window = windows.find(session.project, args.window_id)
    message = _message(session, args.message, window, MaintenancePhase.cancelled, required=False)
    changes = windows.cancel(session.project, session.now, window.id, message=message)
    return finish(session, changes, args)


def _list(args: argparse.Namespace, session: Session) -> int:
    now = session.now
    pending = [
        w
        for w in session.project.maintenance
        if not w.cancelled and maintenance_status(w, now) != MaintenanceStatus.completed
    ]
    if not pending:
        print(f"No maintenance scheduled or in progress at {session.local(now)}.")
        return DONE
    for window in sorted(pending, key=lambda w: w.scheduled_for):
        status = maintenance_status(window, now).value
        span = f"{session.local(window.scheduled_for)} – {session.local(window.scheduled_until)}"
        print(f"{window.id}  {status}  {span}  {window.title}")
    return DONE


def _preview(args: argparse.Namespace, session: Session) -> int:
    from opsdocs.authoring.preview import maintenance_preview

    windows.find(session.project, args.window_id)
    return show_preview(session, args.config, args.window_id, maintenance_preview)
