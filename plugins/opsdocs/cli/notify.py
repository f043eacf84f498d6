"""``opsdocs notify``: tell the channels of ``data/notify.yml`` what a build published."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from opsdocs.cli.load import add_folder_flags
from opsdocs.model import Layout, read_project
from opsdocs.notify.channels import ChannelError, Retry
from opsdocs.notify.publication import PublicationError, keep, read_folder, read_publication, save_live
from opsdocs.notify.run import notify
from opsdocs.notify.sentlog import LogError
from opsdocs.problems import ProjectInvalid, format_problems
from opsdocs.render.labels import Labels

NOTIFY_SENT, NOTIFY_FAILED, NOTIFY_UNUSABLE = 0, 1, 2
"""Exit codes of ``opsdocs notify``: everything owed was sent (or nothing was), some delivery
failed, the input cannot be used (nothing was sent)."""

DESCRIPTION = (
    "Compare the status page API of a freshly built site (SITE_DIR/api/v2/) with the previous "
    "publication and send each channel of data/notify.yml the events it asks for and has not "
    "had: a webhook in Statuspage's format, signed, or an Apprise message in the site's "
    "language. What each channel had is kept in SITE_DIR/api/opsdocs/notified.json. Exit "
    "status: 0 everything sent (or nothing to send), 1 some delivery failed (it is owed, and "
    "tried again by the next run), 2 the input cannot be used (nothing sent)."
)


BASELINE_DESCRIPTION = (
    "Copy the status page API and sent-log that are live now (SOURCE/api/v2/ and "
    "api/opsdocs/notified.json) into OUT_DIR/api/, to run before a deploy: `opsdocs notify "
    "SITE_DIR --previous OUT_DIR` after the deploy then compares the new site with what was "
    "online before it, even when no --state was kept. A site with no API yet leaves OUT_DIR "
    "empty. Exit status: 0 copied (or nothing online yet), 2 the live site cannot be read or is "
    "not a status page's API (nothing written)."
)


def register(subcommands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``notify`` to the command line."""
    parser = subcommands.add_parser("notify", help="tell subscribers what a build published",
                                    description=DESCRIPTION)  # fmt: skip
    parser.add_argument("site_dir", help="the built public site (with api/v2/)")
    parser.add_argument(
        "--previous",
        help="the previous publication: the live site's address or a folder with its build "
        "(default: site.yml's url)",
    )
    parser.add_argument(
        "--state",
        help="a folder kept between runs: the previous publication is read from it when it has "
        "one, and it holds this one's API and sent-log afterwards",
    )
    parser.add_argument("--project", dest="project_dir", default=".", help="the project (default: .)")
    add_folder_flags(parser, configured=False)
    parser.add_argument("--language", help="language of the messages (default: site.yml's language)")
    parser.add_argument("--dry-run", action="store_true", help="print the messages, send nothing")
    parser.add_argument("--attempts", type=int, default=3, help="tries per delivery (default: 3)")
    parser.add_argument(
        "--backoff", type=float, default=2.0, help="seconds before the first retry, doubling (default: 2)"
    )
    parser.set_defaults(run=run)

    baseline = subcommands.add_parser(
        "notify-baseline",
        help="before a deploy, keep what is online for the notify run after it",
        description=BASELINE_DESCRIPTION,
    )
    baseline.add_argument("out_dir", help="folder to copy the live API and sent-log into")
    baseline.add_argument("--from", dest="source", help="the live site's address (default: site.yml's url)")
    baseline.add_argument("--project", dest="project_dir", default=".", help="the project (default: .)")
    baseline.add_argument("--data-dir", default="data", help="the data folder (default: data)")
    baseline.set_defaults(run=run_baseline)


def _fail(message: str) -> int:
    print(f"opsdocs notify: {message}", file=sys.stderr)
    return NOTIFY_UNUSABLE


def run(args: argparse.Namespace) -> int:
    """Run ``opsdocs notify``; the exit status is one of ``NOTIFY_*``."""
    layout = Layout(data_dir=args.data_dir, runbooks_dir=args.runbooks_dir, docs_dir=args.docs_dir)
    try:
        project = read_project(Path(args.project_dir), layout)
    except ProjectInvalid as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return NOTIFY_UNUSABLE
    if args.attempts < 1 or args.backoff < 0:
        return _fail("--attempts must be at least 1 and --backoff not negative")
    site_dir, state = Path(args.site_dir), Path(args.state) if args.state else None
    channels = project.notify.channels
    if not channels:
        # Nothing to send, so no previous publication to read; the state still follows the
        # site, so that channels added later start from what is online.
        print(f"opsdocs notify: no channels in {args.data_dir}/notify.yml: nothing to send")
        try:
            if read_folder(site_dir) is None:
                return _fail(f"{site_dir}: no status page API (api/v2/) in this site")
        except PublicationError as exc:
            return _fail(str(exc))
        if state is not None and not args.dry_run:
            keep(site_dir, state)
        return NOTIFY_SENT
    try:
        previous = read_folder(state) if state is not None and state.is_dir() else None
        if previous is None:
            previous = read_publication(args.previous or str(project.site.url))
        report = notify(
            site_dir,
            previous,
            channels,
            Labels(args.language or project.site.language),
            dict(os.environ),
            retry=Retry(args.attempts, args.backoff),
            dry_run=args.dry_run,
        )
    except (PublicationError, LogError, ChannelError) as exc:
        return _fail(str(exc))
    print(report.text())
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with Path(summary).open("a", encoding="utf-8") as out:
            out.write(report.markdown() + "\n")
    if state is not None and not args.dry_run:
        keep(site_dir, state)
    return NOTIFY_FAILED if report.failed else NOTIFY_SENT


def run_baseline(args: argparse.Namespace) -> int:
    """Run ``opsdocs notify-baseline``; 0 when copied or nothing is online, else 2."""
    source = args.source
    if source is None:
        try:
            source = str(read_project(Path(args.project_dir), Layout(data_dir=args.data_dir)).site.url)
        except ProjectInvalid as exc:
            print(format_problems(exc.problems), file=sys.stderr)
            return NOTIFY_UNUSABLE
    if not source.startswith(("http://", "https://")):
        return _fail(f"{source}: not an http(s) address of a live site")
    try:
        copied = save_live(source, Path(args.out_dir))
    except PublicationError as exc:
        return _fail(str(exc))
    print(f"opsdocs notify-baseline: {'copied' if copied else 'no status page API yet at'} {source}")
    return NOTIFY_SENT
