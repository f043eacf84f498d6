"""``opsdocs generate``: one site's pages and files, written into a folder any engine builds."""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import datetime
from pathlib import Path

from opsdocs.cli.load import load_checked, pages_dir, project_layout
from opsdocs.cli.mkdocs_config import OVERRIDES, ConfigError, ProjectConfig, mkdocs_config, read_config
from opsdocs.hygiene import overdue_summary
from opsdocs.model import Project
from opsdocs.model.checks_history import HistoryError
from opsdocs.model.runbooks import page_is_public
from opsdocs.problems import Problem, format_problems
from opsdocs.render.assets import ASSET_ROOT, stylesheets
from opsdocs.render.generate import generate_site
from opsdocs.render.spec import SiteSpec
from opsdocs.render.templates import OVERRIDES_FOLDER, TemplateError
from opsdocs.render.text import meta_text


class PageProblems(Exception):
    """A hand-written page of the generated site that cannot be written as it is."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def generate(args: argparse.Namespace) -> int:
    """Write the site ``args`` name into ``args.out_dir``: everything rendered first, so a
    failure leaves the folder as it was."""
    out = Path(args.out_dir)
    root = Path(args.project_dir).resolve()
    try:
        config = read_config(root, args.config)
        layout = project_layout(args, config, root)
        spec = config.site_spec(
            public=args.audience == "public",
            language=args.language or str(config.theme.get("language") or ""),
            site_url=args.site_url or str(config.values.get("site_url") or ""),
            pages_dir=layout.docs_dir,
        )
    except ConfigError as exc:
        print(f"opsdocs generate: {exc}", file=sys.stderr)
        return 1
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
    loaded = load_checked(root, layout, "generate")
    if loaded is None:
        return 1
    project, now = loaded

    try:
        files = site_files(project, now, spec, pages_dir(args, config, root, layout), config)
    except PageProblems as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return 1
    except (TemplateError, HistoryError) as exc:
        print(exc, file=sys.stderr)
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


def site_files(
    project: Project, now: datetime, spec: SiteSpec, site_pages: str, config: ProjectConfig
) -> dict[str, bytes]:
    """Every file of the generated folder, by path relative to it: the site ``spec`` describes,
    with the hand-written pages under ``site_pages`` (relative to the project)."""
    configured = config.plugin("opsdocs").get("audience", "staff")
    audience = "public" if spec.public else "staff"
    if config.path is not None and configured != audience:
        path = config.path.resolve()
        shown = path.relative_to(project.root).as_posix() if path.is_relative_to(project.root) else str(path)
        line, column = config.position("plugins", "opsdocs", "audience")
        message = (
            f"this is the {configured} site's configuration; the {audience} site gets its theme, "
            "extensions and nav (--config names another)"
        )
        print(Problem(shown, line, column, message, "warning"), file=sys.stderr)
    docs_root = project.root / site_pages
    hand_written = {
        path.relative_to(docs_root).as_posix(): path
        for path in sorted(docs_root.rglob("*") if docs_root.is_dir() else [])
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(docs_root).parts)
    }
    # The public site leaves out the project's internal pages, as the plugins do.
    existing = {src for src in hand_written if not spec.public or page_is_public(project.pages.get(src))}
    site = generate_site(project, now, spec, pages={src for src in existing if src.endswith(".md")})
    for note in site.notes:
        print(note, file=sys.stderr)
    if site.notes:
        print(f"opsdocs generate: {overdue_summary(len(site.notes))}", file=sys.stderr)
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    for src in sorted(existing):
        path = hand_written[src]
        if src.endswith(".md"):
            text, found = site.page(src, path.read_text(encoding="utf-8"), f"{site_pages}/{src}")
            problems += found
            files[f"docs/{src}"] = text.encode("utf-8")
        else:
            files[f"docs/{src}"] = path.read_bytes()
    if problems:
        # The project's pages were checked before; these are a configuration's own.
        raise PageProblems(problems)
    for planned in site.plan:
        if planned.path in existing:
            # As in the plugins: a hand-written page at the same path replaces the generated one.
            continue
        content = planned.content
        files[f"docs/{planned.path}"] = content.encode("utf-8") if isinstance(content, str) else content
    # The theme's overrides (custom_dir) travel with the pages they change; its overrides of
    # opsdocs' templates do not: the pages above are already rendered with them.
    custom_dir = config.theme.get("custom_dir")
    overrides = config.folder / str(custom_dir) if custom_dir else None
    if overrides is not None and overrides.is_dir():
        for path in sorted(p for p in overrides.rglob("*") if p.is_file()):
            rel = path.relative_to(overrides).as_posix()
            if not rel.startswith(f"{OVERRIDES_FOLDER}/"):
                files[f"{OVERRIDES}/{rel}"] = path.read_bytes()
    files["mkdocs.yml"] = mkdocs_config(
        config,
        # The theme prints the site's name as it is, into <title> and the header.
        site_name=meta_text(project.site.product),
        language=spec.language or project.site.language,
        site_url=spec.site_url,
        stylesheets=[ASSET_ROOT + name for name in stylesheets(spec.parts)],
        pages={rel.removeprefix("docs/") for rel in files if rel.startswith("docs/")},
        custom_dir=any(rel.startswith(f"{OVERRIDES}/") for rel in files),
        unlisted=frozenset(planned.path for planned in site.plan if not planned.listed) - existing,
    ).encode("utf-8")
    return files
