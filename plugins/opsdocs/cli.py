"""The ``opsdocs`` command: validate a project, write the data files' JSON Schemas, write a
site's generated pages into a folder any engine can build."""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import datetime
from pathlib import Path

from opsdocs.clock import ClockError, build_now
from opsdocs.generate_config import (
    OVERRIDES,
    ConfigError,
    ProjectConfig,
    SiteChoices,
    mkdocs_config,
    read_config,
)
from opsdocs.model import Layout, Project, read_project
from opsdocs.model.reference import data_reference
from opsdocs.model.schema import write_schemas
from opsdocs.problems import ProjectInvalid, format_problems
from opsdocs.render.assets import ASSET_ROOT, stylesheets
from opsdocs.render.site import generate_site


def _validate(args: argparse.Namespace) -> int:
    layout = Layout(data_dir=args.data_dir, runbooks_dir=args.runbooks_dir, docs_dir=args.docs_dir)
    try:
        project = read_project(Path(args.project_dir), layout)
    except ProjectInvalid as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return 1
    for warning in project.warnings:
        print(warning, file=sys.stderr)
    counts = (
        f"{len(project.incidents)} incidents, {len(project.maintenance)} maintenance windows, "
        f"{len(project.runbooks)} runbooks, {len(project.components.all_components())} components"
    )
    print(f"{args.project_dir}: valid ({counts})")
    return 0


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
    try:
        now = build_now()
    except ClockError as exc:
        print(f"opsdocs generate: {exc}", file=sys.stderr)
        return 1
    try:
        project = read_project(root, layout)
    except ProjectInvalid as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return 1
    for warning in project.warnings:
        print(warning, file=sys.stderr)

    files = _site_files(project, layout, now, args, config, choices)
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

    return Layout(
        data_dir=folder(args.data_dir, settings.get("data_dir"), "data"),
        runbooks_dir=folder(args.runbooks_dir, settings.get("runbooks_dir"), "runbooks"),
        docs_dir=folder(args.docs_dir, settings.get("docs_dir") or config.values.get("docs_dir"), "docs"),
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
    for warning in site.warnings:
        print(warning, file=sys.stderr)
    files: dict[str, bytes] = {}
    docs_root = project.root / pages_dir
    hand_written = sorted(
        p
        for p in (docs_root.rglob("*") if docs_root.is_dir() else [])
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(docs_root).parts)
    )
    for path in hand_written:
        src = path.relative_to(docs_root).as_posix()
        meta = project.pages.get(src)
        if public and meta is not None and meta.audience == "internal":
            continue
        if src.endswith(".md"):
            text, problems = site.page(src, path.read_text(encoding="utf-8"))
            for problem in problems:
                print(f"{pages_dir}/{problem}", file=sys.stderr)
            files[f"docs/{src}"] = text.encode("utf-8")
        else:
            files[f"docs/{src}"] = path.read_bytes()
    existing = {p.relative_to(docs_root).as_posix() for p in hand_written}
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
        site_name=project.site.product,
        language=language,
        site_url=site_url,
        stylesheets=[ASSET_ROOT + name for name in stylesheets()],
        pages={rel.removeprefix("docs/") for rel in files if rel.startswith("docs/")},
        custom_dir=overrides is not None and overrides.is_dir(),
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
    """Run the command line; the exit status is 0 on success and 1 when the data has problems."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
