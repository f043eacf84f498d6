"""``opsdocs validate``: everything a strict build of the project's sites would fail on, with
the build's own located messages, and what is overdue, as warnings.

The data, the runbooks and the project's pages are checked once (``load_checked``); then each
of the project's MkDocs configurations (``mkdocs*.yml``, or those ``--config`` names) goes
through the steps a strict ``mkdocs build`` takes before it renders a page: MkDocs reads and
validates the configuration (the plugins' options with it), then the plugins' ``config`` and
``files`` events run and MkDocs makes the navigation. The messages are those very steps' own,
so ``validate`` and the build print the same ``path:line:col: error: ...`` lines; no page is
rendered and nothing is written.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from pathlib import Path

from opsdocs.cli.load import add_folder_flags, load_checked, project_layout
from opsdocs.cli.mkdocs_config import ConfigError, read_config
from opsdocs.hygiene import overdue

VALID, INVALID, UNUSABLE = 0, 1, 2
"""Exit codes of ``opsdocs validate``: nothing a strict build fails on (warnings about what is
overdue do not count, unless ``--strict``); problems in the data, pages or configuration; the
folder is not a project, or the arguments cannot be used."""

DESCRIPTION = (
    "Check the data files, runbooks and pages, and each MkDocs configuration of the project "
    "(every mkdocs*.yml, or those --config names) as a strict `mkdocs build` would, without "
    "building: every problem it would fail on is printed as the build prints it, one "
    "`path:line:col: error: ...` line each. Runbook reviews and postmortem action items "
    "overdue now are printed as `warning:` lines. Exit status: 0 valid (warnings included, "
    "unless --strict), 1 problems found (or, with --strict, something overdue), 2 the folder is "
    "not an opsdocs project or an argument cannot be used."
)

_LOCATED = re.compile(r"^.+?:\d+:\d+: (?:error|warning): ")
_SUMMARY = re.compile(r"^(?:\d+ error\(s\) found\.|No errors found\.|opsdocs: the \w+ has problems:)$")


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Register ``opsdocs validate``."""
    validate = subcommands.add_parser(
        "validate",
        help="check the data, pages and configurations as a strict build would",
        description=DESCRIPTION,
    )
    validate.add_argument("project_dir", nargs="?", default=".", help="the project's folder")
    validate.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="FILE",
        help="an MkDocs configuration to check, instead of every mkdocs*.yml of the project (repeatable)",
    )
    validate.add_argument("--strict", action="store_true", help="exit 1 when something is overdue too")
    add_folder_flags(validate, configured=True)
    validate.set_defaults(run=validate_project)


def validate_project(args: argparse.Namespace) -> int:
    """Check the project ``args`` name; see ``DESCRIPTION`` for what is printed and the exit codes."""
    root = Path(args.project_dir)
    configs = [Path(name) for name in args.config] or sorted(root.glob("mkdocs*.yml"))
    if not root.is_dir() or (not configs and not (root / (args.data_dir or "data")).is_dir()):
        print(
            f"opsdocs: {root} is not an opsdocs project (no mkdocs.yml and no data/ folder)", file=sys.stderr
        )
        return UNUSABLE
    for config in configs:
        if not config.is_file():
            print(f"opsdocs validate: {config}: no such configuration file", file=sys.stderr)
            return UNUSABLE
    try:
        layout = project_layout(args, read_config(root.resolve(), None), root.resolve())
    except ConfigError as exc:
        print(f"opsdocs validate: {exc}", file=sys.stderr)
        return INVALID
    loaded = load_checked(root, layout, "validate")
    if loaded is None:
        return INVALID
    project, now = loaded
    errors = []
    for config in configs:
        errors += [line for line in strict_build_problems(config) if line not in errors]
    for line in errors:
        print(line, file=sys.stderr)
    late = overdue(project, now)
    for problem in late:
        print(problem, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s) found.", file=sys.stderr)
        return INVALID
    counts = (
        f"{len(project.incidents)} incidents, {len(project.maintenance)} maintenance windows, "
        f"{len(project.runbooks)} runbooks, {len(project.components.all_components())} components"
    )
    sites = ", ".join(config.name for config in configs)
    print(f"{args.project_dir}: valid ({counts}){f'; sites: {sites}' if sites else ''}")
    if late:
        print(f"{args.project_dir}: {len(late)} overdue item(s) (warnings)", file=sys.stderr)
    return INVALID if late and args.strict else VALID


class _Messages(logging.Handler):
    """The messages MkDocs and the plugins log at WARNING or above: those a strict build fails on."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def strict_build_problems(config_file: Path) -> list[str]:
    """What a strict build of ``config_file`` stops on before it renders a page, one line each:
    the build's located lines as they are, MkDocs' own messages after the file's name."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation

    logger = logging.getLogger("mkdocs")
    collected = _Messages()
    logger.addHandler(collected)
    try:
        config = load_config(config_file=str(config_file), strict=True)
        # As a build that keeps the site folder as it is: nothing is written.
        config.plugins.on_startup(command="build", dirty=True)
        try:
            config = config.plugins.on_config(config)
            files = get_files(config)
            files.add_files_from_theme(config.theme.get_env(), config)
            files = config.plugins.on_files(files, config=config)
            set_exclusions(files, config)
            config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        finally:
            config.plugins.on_shutdown()
    except Abort:
        pass  # "Aborted with N configuration errors": each was logged.
    except MkDocsException as exc:
        collected.messages.append(str(exc))
    finally:
        logger.removeHandler(collected)
    lines = [line for message in collected.messages for line in message.splitlines()]
    located = [line for line in lines if _LOCATED.match(line)]
    # MkDocs' own line for an option error the plugins located already says it again.
    said = tuple(_as_mkdocs_says(line.split(": error: ", 1)[-1]) for line in located)
    others = [line for line in lines if line.strip() and line not in located and not _SUMMARY.match(line)]
    return located + [f"{config_file.name}: {line}" for line in others if not line.endswith(said or ("\0",))]


def _as_mkdocs_says(message: str) -> str:
    """How MkDocs ends its message for the plugin option error the plugins located as ``message``
    (``opsdocs/status: history_days: …``)."""
    name, _, rest = message.partition(": ")
    key, _, error = rest.partition(": ")
    return f"Plugin '{name}' option '{key}': {error}"
