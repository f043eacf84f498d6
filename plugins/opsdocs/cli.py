"""The ``opsdocs`` command: validate a project, write the data files' JSON Schemas, write a
site's generated pages into a folder any engine can build."""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import datetime
from pathlib import Path

from opsdocs.clock import ClockError, build_now, now_is_fixed
from opsdocs.generate_config import (
    OVERRIDES,
    ConfigError,
    ProjectConfig,
    SiteChoices,
    mkdocs_config,
    read_config,
)
from opsdocs.hygiene import overdue
from opsdocs.model import Layout, Project, read_project
from opsdocs.model.future_dates import future_dated
from opsdocs.model.reference import data_reference
from opsdocs.model.runbooks import page_is_public
from opsdocs.model.schema import write_schemas
from opsdocs.problems import ProjectInvalid, format_problems
from opsdocs.render.assets import ASSET_ROOT, stylesheets
from opsdocs.render.handbook.directives import directive_problems
from opsdocs.render.site import generate_site
from opsdocs.render.text import meta_text


class PageProblems(Exception):
    """A hand-written page of the generated site that cannot be written as it is."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def _load_checked(root: Path, layout: Layout, command: str) -> tuple[Project, datetime] | None:
    """The project and the build's ``now``, checked as a build checks them (the data, the
    pages' directives, the clock), with its warnings and, at the real clock, the updates dated
    ahead of it printed; None, with every problem printed, when a build would fail."""
    try:
        project = read_project(root, layout)
    except ProjectInvalid as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return None
    problems = directive_problems(project, layout.docs_dir)
    if problems:
        print(format_problems(project.warnings + problems), file=sys.stderr)
        return None
    for warning in project.warnings:
        print(warning, file=sys.stderr)
    try:
        now = build_now(zone=project.site.zone)
    except ClockError as exc:
        print(f"opsdocs {command}: {exc}", file=sys.stderr)
        return None
    if not now_is_fixed():
        for warning in future_dated(project, now):
            print(warning, file=sys.stderr)
    return project, now


def _validate(args: argparse.Namespace) -> int:
    root = Path(args.project_dir)
    try:
        # The site folders the project's own mkdocs.yml names (its custom_dir) are checked too.
        site_dirs = _layout(args, read_config(root.resolve(), None), root.resolve()).site_dirs
    except ConfigError as exc:
        print(f"opsdocs validate: {exc}", file=sys.stderr)
        return 1
    layout = Layout(
        data_dir=args.data_dir, runbooks_dir=args.runbooks_dir, docs_dir=args.docs_dir, site_dirs=site_dirs
    )
    loaded = _load_checked(Path(args.project_dir), layout, "validate")
    if loaded is None:
        return 1
    project, _now = loaded
    counts = (
        f"{len(project.incidents)} incidents, {len(project.maintenance)} maintenance windows, "
        f"{len(project.runbooks)} runbooks, {len(project.components.all_components())} components"
    )
    print(f"{args.project_dir}: valid ({counts})")
    return 0


CHECK_OK, CHECK_OVERDUE, CHECK_UNUSABLE = 0, 1, 2
"""Exit codes of ``opsdocs check``: nothing overdue, something overdue, data or clock unusable."""


def _check(args: argparse.Namespace) -> int:
    """List what is overdue at ``now`` (runbook reviews, postmortem action items), one
    ``path:line:col: warning: ...`` line each; exit 1 when anything is, 0 when nothing is."""
    layout = Layout(data_dir=args.data_dir, runbooks_dir=args.runbooks_dir, docs_dir=args.docs_dir)
    try:
        project = read_project(Path(args.project_dir), layout)
        now = build_now(zone=project.site.zone)
    except ClockError as exc:
        print(f"opsdocs check: {exc}", file=sys.stderr)
        return CHECK_UNUSABLE
    except ProjectInvalid as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return CHECK_UNUSABLE
    found = overdue(project, now)
    for problem in found:
        print(problem)
    when = now.astimezone(project.site.zone).isoformat(timespec="minutes")
    if found:
        print(f"{args.project_dir}: {len(found)} overdue item(s) as of {when}", file=sys.stderr)
        return CHECK_OVERDUE
    print(f"{args.project_dir}: nothing overdue as of {when}", file=sys.stderr)
    return CHECK_OK


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.out)):
        print(path)
    if args.reference:
        target = Path(args.reference)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(data_reference(), encoding="utf-8")
        print(target)
    return 0


def _generate(args: argparse.Namespace) -> int:
    out = Path(args.out_dir)
    root = Path(args.project_dir).resolve()
    try:
        config = read_config(root, args.config)
        choices = config.site_choices()
    except ConfigError as exc:
        print(f"opsdocs generate: {exc}", file=sys.stderr)
        return 1
    layout = _layout(args, config, root)
    if out.exists() and not out.is_dir():
        print(f"opsdocs generate: {out} exists and is not a folder", file=sys.stderr)
        return 1
    if out.is_dir() and any(out.iterdir()):
        if not args.force:
            print(
                f"opsdocs generate: {out} is not empty; choose an empty folder, or pass --force "
                "to replace what it holds",
                file=sys.stderr,
            )
            return 1
        if root.is_relative_to(out.resolve()):
            print(f"opsdocs generate: {out} holds the project; it will not be replaced", file=sys.stderr)
            return 1
    loaded = _load_checked(root, layout, "generate")
    if loaded is None:
        return 1
    project, now = loaded

    try:
        files = _site_files(project, layout, now, args, config, choices)
    except PageProblems as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return 1
    # Everything is rendered before anything is written: a failure leaves no half-written site.
    if out.is_dir():
        for child in sorted(out.iterdir()):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    for rel, content in sorted(files.items()):
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    pages = sum(1 for rel in files if rel.endswith(".md"))
    print(f"{out}: {len(files)} files ({pages} pages); build with: mkdocs build -f {out / 'mkdocs.yml'}")
    return 0


def _layout(args: argparse.Namespace, config: ProjectConfig, root: Path) -> Layout:
    """The project's folders: the flags, else what the MkDocs configuration tells the plugins
    (the ``opsdocs`` plugin's options, then MkDocs' ``docs_dir``), else the defaults."""
    settings = config.plugin("opsdocs")

    def folder(flag: str | None, configured: object, default: str) -> str:
        if flag:
            return flag
        return config.project_path(str(configured), root) if configured else default

    site_dirs = (config.values.get("docs_dir"), config.theme.get("custom_dir"))
    return Layout(
        data_dir=folder(args.data_dir, settings.get("data_dir"), "data"),
        runbooks_dir=folder(args.runbooks_dir, settings.get("runbooks_dir"), "runbooks"),
        docs_dir=folder(args.docs_dir, settings.get("docs_dir") or config.values.get("docs_dir"), "docs"),
        site_dirs=tuple(config.project_path(str(value), root) for value in site_dirs if value),
    )


def _pages_dir(args: argparse.Namespace, config: ProjectConfig, root: Path, layout: Layout) -> str:
    """Where the site's hand-written pages are: MkDocs' ``docs_dir`` of the configuration, as in
    the plugins' build, unless ``--docs-dir`` names the project's pages; else the project's.
    They differ for a site with pages of its own, such as a standalone status site."""
    configured = config.values.get("docs_dir")
    if args.docs_dir or not configured:
        return layout.docs_dir
    return config.project_path(str(configured), root)


def _site_files(
    project: Project,
    layout: Layout,
    now: datetime,
    args: argparse.Namespace,
    config: ProjectConfig,
    choices: SiteChoices,
) -> dict[str, bytes]:
    """Every file of the generated folder, by path relative to it."""
    pages_dir = _pages_dir(args, config, project.root, layout)
    public = args.audience == "public"
    settings = config.plugin("opsdocs")
    configured = settings.get("audience", "staff")
    if config.path is not None and configured != args.audience:
        print(
            f"opsdocs generate: {config.path.name} is the {configured} site's configuration; the "
            f"{args.audience} site gets its theme, extensions and nav (--config names another)",
            file=sys.stderr,
        )
    language = args.language or config.theme.get("language") or project.site.language
    site_url = args.site_url or config.values.get("site_url") or ""
    labels = {str(k): str(v) for k, v in (settings.get("labels") or {}).items()}
    site = generate_site(
        project,
        now,
        language,
        public,
        site_url=site_url,
        label_overrides=labels,
        docs_dir=layout.docs_dir,
        directory_urls=config.values.get("use_directory_urls", True) is not False,
        parts=choices.parts,
        standalone=choices.standalone,
        status_options=choices.status_options,
        reliability_weight=choices.reliability_weight,
        status_rendering=choices.status_rendering,
    )
    for note in site.notes:
        print(f"note (overdue, not a failure; `opsdocs check` fails on it): {note}", file=sys.stderr)
    files: dict[str, bytes] = {}
    docs_root = project.root / pages_dir
    hand_written = sorted(
        p
        for p in (docs_root.rglob("*") if docs_root.is_dir() else [])
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(docs_root).parts)
    )
    existing = set()
    for path in hand_written:
        src = path.relative_to(docs_root).as_posix()
        meta = project.pages.get(src)
        if public and not page_is_public(meta):
            continue
        existing.add(src)
        if src.endswith(".md"):
            text, problems = site.page(src, path.read_text(encoding="utf-8"))
            if problems:
                # The project's pages were checked before; these are a configuration's own.
                raise PageProblems([f"{pages_dir}/{problem}" for problem in problems])
            files[f"docs/{src}"] = text.encode("utf-8")
        else:
            files[f"docs/{src}"] = path.read_bytes()
    for planned in site.plan:
        if planned.path in existing:
            # As in the plugins: a hand-written page at the same path replaces the generated one.
            continue
        content = planned.content
        files[f"docs/{planned.path}"] = content.encode("utf-8") if isinstance(content, str) else content
    # The theme's overrides (custom_dir) travel with the pages they change.
    custom_dir = config.theme.get("custom_dir")
    overrides = config.folder / str(custom_dir) if custom_dir else None
    if overrides is not None and overrides.is_dir():
        for path in sorted(p for p in overrides.rglob("*") if p.is_file()):
            files[f"{OVERRIDES}/{path.relative_to(overrides).as_posix()}"] = path.read_bytes()
    files["mkdocs.yml"] = mkdocs_config(
        config,
        # The theme prints the site's name as it is, into <title> and the header.
        site_name=meta_text(project.site.product),
        language=language,
        site_url=site_url,
        stylesheets=[ASSET_ROOT + name for name in stylesheets()],
        pages={rel.removeprefix("docs/") for rel in files if rel.startswith("docs/")},
        custom_dir=overrides is not None and overrides.is_dir(),
        unlisted=frozenset(planned.path for planned in site.plan if not planned.listed) - existing,
    ).encode("utf-8")
    return files


def build_parser() -> argparse.ArgumentParser:
    """The command line's arguments."""
    parser = argparse.ArgumentParser(prog="opsdocs", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every data file, runbook and page")
    validate.add_argument("project_dir", nargs="?", default=".")
    validate.add_argument("--data-dir", default="data")
    validate.add_argument("--runbooks-dir", default="runbooks")
    validate.add_argument("--docs-dir", default="docs")
    validate.set_defaults(run=_validate)

    check = commands.add_parser(
        "check",
        help="list overdue runbook reviews and postmortem action items; exit 1 if any",
        description="List every runbook review and postmortem action item overdue now, one "
        "`path:line:col: warning: ...` line each. Exit status: 0 nothing overdue, 1 something "
        "overdue, 2 the data or OPSDOCS_NOW cannot be used. Builds never fail on these.",
    )
    check.add_argument("project_dir", nargs="?", default=".")
    check.add_argument("--data-dir", default="data")
    check.add_argument("--runbooks-dir", default="runbooks")
    check.add_argument("--docs-dir", default="docs")
    check.set_defaults(run=_check)

    schema = commands.add_parser("schema", help="write the JSON Schema of each kind of data file")
    schema.add_argument("--out", required=True, help="folder to write the schemas into")
    schema.add_argument("--reference", help="also write the fields reference (Markdown) to this file")
    schema.set_defaults(run=_schema)

    generate = commands.add_parser(
        "generate", help="write one site's pages and files into a folder any engine can build"
    )
    generate.add_argument("out_dir", help="folder to write the site into (empty, or with --force)")
    generate.add_argument("--audience", choices=("public", "staff"), default="public")
    generate.add_argument("--project", dest="project_dir", default=".", help="the project (default: .)")
    generate.add_argument("--language", help="language of the labels (default: site.yml's language)")
    generate.add_argument(
        "--config", help="the MkDocs configuration whose look to carry over (default: PROJECT/mkdocs.yml)"
    )
    generate.add_argument("--site-url", default="", help="absolute address of the built site")
    generate.add_argument("--force", action="store_true", help="replace what a non-empty OUT_DIR holds")
    generate.add_argument("--data-dir", help="default: the configuration's, else data")
    generate.add_argument("--runbooks-dir", help="default: the configuration's, else runbooks")
    generate.add_argument("--docs-dir", help="default: the configuration's, else docs")
    generate.set_defaults(run=_generate)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the exit status is 0 on success and 1 when the data has problems
    (``check``: 1 when something is overdue, 2 when the data cannot be read)."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
