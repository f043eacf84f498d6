"""Benchmark: build the staff, public and standalone status sites of a synthetic organisation.

For each scale it generates a project (``generate.py``), times the phases in this process (load
and validate, derive, render the plan, page hooks; each the median of ``--runs``), then builds
each site with ``mkdocs build --strict`` in a subprocess, side by side with the limit it is
compared against: the same generated pages written out as plain files and built by plain MkDocs with the
same theme and no opsdocs plugins. Plain and opsdocs builds alternate in one loop, so noise on a
shared machine hits both. It prints Markdown tables: figures per scale, growth from medium to
large, and the targets, each met or missed.

Usage: ``python bench/run.py [--scales small,medium,large] [--runs 3] [--out report.md]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pageweight
import yaml
from common import BenchError, each_scale
from generate import FIXED_NOW, NOW, SCALES, generate

BENCH = Path(__file__).resolve().parent
RUNNER = BENCH / "buildrun.py"
SITES = ("staff", "public", "status")
CONFIGS = {"staff": "mkdocs.yml", "public": "mkdocs.public.yml", "status": "mkdocs.status.yml"}
"""``status`` is the standalone status site (``mkdocs.status.yml``, the status page at a host's root)."""
ENGINES = ("opsdocs", "plain")
MB = 1024 * 1024

# Targets of the performance issue, at the large scale on 2 cores.
RATIO_TARGET = 1.15
LOAD_TARGET_S = 2.0
STAFF_MEMORY_TARGET_MB = 1024
STATUS_GZIP_TARGET_KB = 40
SUMMARY_TARGET_KB = 100
PUBLIC_BUILD_TARGET_S = 60
GROWTH_TOLERANCE = 1.05
"""Growth up to 5 % above the data's still counts as linear: run-to-run noise is larger."""
# Page weight of the public status page, set for `small` (the example data).
STATUS_HTML_TARGET_KB = 15
REPEAT_VISIT_TARGET_KB = 20
FIRST_VISIT_TARGET_KB = {"medium": 100, "large": 120}
"""First visit of the public status page, by scale (issue 14)."""
PAGEWEIGHT_SITES = ("public", "status")
"""Sites whose status page the page-weight benchmark loads."""


# --- results ------------------------------------------------------------------------------


@dataclass
class Output:
    """What one build wrote."""

    pages: int
    bytes: int
    search_bytes: int
    status_gzip: int | None
    summary_bytes: int | None
    feeds: dict[str, int]
    api_lists: dict[str, int]


@dataclass
class Build:
    """Every run of one site with one engine."""

    walls: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    """CPU seconds (user and system) of each build: on a busy machine they move far less than
    wall time, which counts the time the build waited for a core."""
    output: Output | None = None

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def peak_mb(self) -> float:
        return max(self.rss_mb)


@dataclass
class ScaleResult:
    """Every figure of one scale."""

    scale: str
    counts: dict[str, int]
    generate_s: float
    load: list[float] = field(default_factory=list)
    derive: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in SITES})
    render: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in SITES})
    hooks: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in SITES})
    parts: dict[str, dict[str, list[float]]] = field(default_factory=lambda: {s: {} for s in SITES})
    planned: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per site: files the plugins generated, and how many of them are pages."""
    plugin_files: dict[str, int] = field(default_factory=dict)
    """Per site: every file handed to MkDocs (generated and hand-written), theme files aside."""
    builds: dict[tuple[str, str], Build] = field(default_factory=dict)
    profiles: dict[str, str] = field(default_factory=dict)
    pageweights: dict[str, pageweight.PageWeight] = field(default_factory=dict)
    """Per site (public, status): its status page in Chromium, from the last opsdocs build."""
    pageweight_missing: dict[str, str] = field(default_factory=dict)
    """Per site: why the page weight was not measured, when it was not."""

    def phases(self, site: str) -> float:
        """What opsdocs adds to a build in this process: the sum of the phases' medians."""
        return med(self.load) + med(self.derive[site]) + med(self.render[site]) + med(self.hooks[site])

    def ratio(self, site: str) -> float:
        return self.builds[(site, "opsdocs")].wall / self.builds[(site, "plain")].wall

    @property
    def records(self) -> int:
        """Size of the data: incidents, windows, runbooks, help pages and roadmap items."""
        keys = ("incidents", "maintenance", "runbooks", "pages", "roadmap_items")
        return sum(self.counts.get(k, 0) for k in keys)


def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --- in-process phases --------------------------------------------------------------------


def cold_caches() -> None:
    """Forget what an earlier run cached, so each run costs what a fresh build costs."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("opsdocs") or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", "") == name:
                clear()
    from opsdocs.mkdocs_plugins import shared

    shared._projects.clear()
    shared._builds.clear()


def load_config(path: Path) -> Any:
    from mkdocs.config import load_config as mkdocs_load_config

    return mkdocs_load_config(config_file=str(path))


def measure_phases(root: Path, runs: int, result: ScaleResult, plain: dict[str, Path]) -> dict[str, Path]:
    """Time load and validate, derive, render and page hooks in this process, ``runs`` times,
    caches cold.

    Load and validate is ``read_project``. Derive is what the plugins share through
    ``load_for_build``: the public view and the status snapshot. Render is every opsdocs
    plugin's ``on_files`` on a loaded site, page hooks every opsdocs plugin's
    ``on_page_markdown`` on every page: the same calls a build makes, so a plugin added later
    is timed too. After the last run, the pages and files as the plugins hand them to MkDocs
    are written out for the plain baseline (into ``plain[site]``); returns the plain
    configurations.
    """
    from mkdocs.structure.files import get_files

    from opsdocs.derive.status import status_snapshot
    from opsdocs.mkdocs_plugins.shared import load_for_build
    from opsdocs.model import read_project
    from opsdocs.model.audience import public_view

    configs: dict[str, Path] = {}
    for run in range(runs):
        cold_caches()
        started = time.perf_counter()
        project = read_project(root)
        result.load.append(time.perf_counter() - started)
        del project
        for site in SITES:
            cold_caches()  # each site is built by its own process
            cfg = load_config(root / CONFIGS[site])
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                cfg = cfg.plugins.on_config(cfg)  # loads the project once for the build
                data = load_for_build(cfg)
                started = time.perf_counter()
                view = public_view(data.project) if data.public else data.project
                status_snapshot(view, data.now, data.spec.options.status)
                result.derive[site].append(time.perf_counter() - started)

                files = get_files(cfg)
                before = {f.src_uri for f in files}
                names = {id(plugin): name for name, plugin in cfg.plugins.items()}
                started = time.perf_counter()
                for method in cfg.plugins.events["files"]:
                    name = names.get(id(getattr(method, "__self__", None)), "other")
                    part = time.perf_counter()
                    files = method(files, config=cfg) or files
                    if name.startswith("opsdocs"):
                        result.parts[site].setdefault(f"{name} (on_files)", []).append(
                            time.perf_counter() - part
                        )
                result.render[site].append(time.perf_counter() - started)
                new = [f for f in files if f.src_uri not in before]
                result.planned[site] = (len(new), sum(1 for f in new if f.is_documentation_page()))
                result.plugin_files[site] = len(files)

                pages = page_hooks(cfg, files, result, site)
                if run == runs - 1:
                    configs[site] = write_plain(cfg, files, pages, root / CONFIGS[site], plain[site])
            finally:
                cfg.plugins.on_shutdown()
    return configs


def page_hooks(cfg: Any, files: Any, result: ScaleResult, site: str) -> dict[str, str]:
    """Run every opsdocs plugin's ``on_page_markdown`` on every page, timed per plugin, as a
    build does; return the text of each page a hook changed (front matter kept)."""
    from mkdocs.structure.pages import Page
    from mkdocs.utils.meta import get_data

    hooks = [
        (name, plugin)
        for name, plugin in cfg.plugins.items()
        if name.startswith("opsdocs") and callable(getattr(plugin, "on_page_markdown", None))
    ]
    spent = dict.fromkeys((name for name, _ in hooks), 0.0)
    changed: dict[str, str] = {}
    for file in files.documentation_pages():
        text = file.content_string
        body, _ = get_data(text)  # MkDocs strips the front matter before the hooks run
        page = Page(None, file, cfg)
        markdown = body
        for name, plugin in hooks:
            started = time.perf_counter()
            markdown = plugin.on_page_markdown(markdown, page=page, config=cfg, files=files) or markdown
            spent[name] += time.perf_counter() - started
        if markdown != body:
            changed[file.src_uri] = text[: text.rindex(body)] + markdown if body else text + markdown
    for name, seconds in spent.items():
        result.parts[site].setdefault(f"{name} (on_page_markdown)", []).append(seconds)
    result.hooks[site].append(sum(spent.values()))
    return changed


# --- the plain baseline -------------------------------------------------------------------


def write_plain(cfg: Any, files: Any, pages: dict[str, str], config_path: Path, dest: Path) -> Path:
    """Write the site's pages and files, as the opsdocs plugins hand them to MkDocs (pages with
    what their ``on_page_markdown`` hooks added), into ``dest/docs``, with a
    ``dest/mkdocs.yml`` of the same theme and no opsdocs plugins."""
    from mkdocs.utils.yaml import yaml_load

    docs = dest / "docs"
    for file in files:
        target = docs / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if file.src_uri in pages:
            target.write_text(pages[file.src_uri], encoding="utf-8")
        else:
            target.write_bytes(file.content_bytes)
    extra_css = [str(css) for css in cfg.extra_css if (docs / str(css)).is_file()]

    with config_path.open("rb") as fd:
        raw = yaml_load(fd)
    plugins = raw.get("plugins") or []
    if isinstance(plugins, dict):
        kept: Any = {k: v for k, v in plugins.items() if not str(k).startswith("opsdocs")}
    else:
        kept = [
            p
            for p in plugins
            if not (isinstance(p, str) and p.startswith("opsdocs"))
            and not (isinstance(p, dict) and any(str(k).startswith("opsdocs") for k in p))
        ]
    raw.update(plugins=kept, docs_dir="docs", site_dir="site", extra_css=extra_css)
    unlisted = not_in_nav(files)
    if unlisted:
        # Files written out lose what opsdocs marked them with: say it the way a user would, or
        # an automatic nav (``nav: []``) would list every incident on every page.
        raw["not_in_nav"] = "\n".join(unlisted)
    theme = raw.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        # The same overrides, from where the plain configuration now stands.
        theme["custom_dir"] = str((config_path.parent / theme["custom_dir"]).resolve())
    try:
        text = yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError as exc:
        raise BenchError(f"{config_path}: cannot copy its configuration for the plain build: {exc}") from None
    plain = dest / "mkdocs.yml"
    plain.write_text(text, encoding="utf-8")
    return plain


def not_in_nav(files: Any) -> list[str]:
    """``not_in_nav`` patterns for the pages the plugins kept out of the navigation: a folder
    (``/status/incidents/``) when no page under it is in the navigation, else the page."""
    from mkdocs.structure.files import InclusionLevel

    pages = [f for f in files if f.is_documentation_page()]
    hidden = {f.src_uri for f in pages if f.inclusion == InclusionLevel.NOT_IN_NAV}
    listed_dirs = {
        "/".join(f.src_uri.split("/")[:depth])
        for f in pages
        if f.src_uri not in hidden
        for depth in range(1, f.src_uri.count("/") + 1)
    }
    patterns: set[str] = set()
    for uri in hidden:
        parts = uri.split("/")
        top = next(
            ("/".join(parts[:d]) for d in range(1, len(parts)) if "/".join(parts[:d]) not in listed_dirs),
            None,
        )
        patterns.add(f"/{top}/" if top else f"/{uri}")
    return sorted(patterns)


# --- builds -------------------------------------------------------------------------------


def build_env(engine: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["OPSDOCS_NOW"] = FIXED_NOW
    env["NO_MKDOCS_2_WARNING"] = "1"
    if engine == "plain":
        # The opsdocs plugin stamps the sitemap with OPSDOCS_NOW; plain MkDocs gets the same.
        env["SOURCE_DATE_EPOCH"] = str(int(NOW.timestamp()))
    return env


def run_build(
    config: Path, out: Path, engine: str, work: Path, profile: Path | None = None
) -> tuple[float, float, float]:
    """One ``mkdocs build --strict``; its wall time (s), peak memory (MB) and CPU time (s)."""
    shutil.rmtree(out, ignore_errors=True)
    report = work / "build-report.json"
    stderr_path = work / "build-stderr.txt"
    args = [sys.executable]
    if profile is not None:
        args += ["-m", "cProfile", "-o", str(profile)]
    args += [str(RUNNER), str(report), "build", "--strict", "-f", str(config), "-d", str(out)]
    started = time.perf_counter()
    with stderr_path.open("wb") as err:
        code = subprocess.call(args, cwd=config.parent, env=build_env(engine), stdout=err, stderr=err)
    wall = time.perf_counter() - started
    if code != 0:
        lines = stderr_path.read_text(encoding="utf-8", errors="replace").splitlines()
        useful = [ln for ln in lines if not ln.startswith("  - ")]
        raise BenchError(f"{engine} build of {config} failed (exit {code}):\n" + "\n".join(useful[-60:]))
    data = json.loads(report.read_text(encoding="utf-8"))
    return wall, data["peak_kb"] / 1024, data["user"] + data["system"]


_ITEM = re.compile(rb"<item[\s>]|<entry[\s>]")


def measure_output(out: Path, status_root: str) -> Output:
    files = [p for p in out.rglob("*") if p.is_file()]
    status = out / status_root / "index.html"
    summary = out / "api" / "v2" / "summary.json"
    search = out / "search" / "search_index.json"
    feeds = {}
    for path in files:
        if path.suffix in {".rss", ".atom", ".xml"} and path.name != "sitemap.xml":
            feeds[path.relative_to(out).as_posix()] = len(_ITEM.findall(path.read_bytes()))
    api_lists = {}
    for path in sorted((out / "api").rglob("*.json")) if (out / "api").is_dir() else []:
        try:
            data = json.loads(path.read_bytes())
        except ValueError:
            continue
        if isinstance(data, dict):
            for key, value in data.items():
                if isinstance(value, list):
                    api_lists[f"{path.relative_to(out).as_posix()}:{key}"] = len(value)
    return Output(
        pages=sum(1 for p in files if p.suffix == ".html"),
        bytes=sum(p.stat().st_size for p in files),
        search_bytes=search.stat().st_size if search.is_file() else 0,
        status_gzip=len(gzip.compress(status.read_bytes(), 6, mtime=0)) if status.is_file() else None,
        summary_bytes=summary.stat().st_size if summary.is_file() else None,
        feeds=feeds,
        api_lists=api_lists,
    )


def profile_summary(stats_file: Path, top: int = 15) -> str:
    """The functions that take the most time in a profiled build, and the time per package."""
    stats = pstats.Stats(str(stats_file))
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in entries.values()) or 1.0

    def package(filename: str) -> str:
        for marker in ("site-packages/", "plugins/"):
            if marker in filename:
                return filename.split(marker, 1)[1].split("/", 1)[0].removesuffix(".py")
        if filename == "~" or filename.startswith("<") or "lib/python" in filename:
            return "python (stdlib, builtins)"
        return filename

    by_package: dict[str, float] = {}
    for (filename, _, _), (_, _, own, _, _) in entries.items():
        by_package[package(filename)] = by_package.get(package(filename), 0.0) + own
    lines = [f"profiled build: {total:.1f} s of own time (cProfile adds overhead; shares matter)", ""]
    lines += ["| package | own time (s) | share |", "|---|---:|---:|"]
    for name, own in sorted(by_package.items(), key=lambda kv: -kv[1])[:10]:
        lines.append(f"| {name} | {own:.2f} | {own / total:.0%} |")
    lines += ["", "| function (by own time) | own (s) | share | cumulative (s) |", "|---|---:|---:|---:|"]
    ranked = sorted(entries.items(), key=lambda kv: -kv[1][2])[:top]
    for (filename, line, name), (_, _, own, cum, _) in ranked:
        where = f"{package(filename)}:{Path(filename).name}:{line}({name})"
        lines.append(f"| `{where}` | {own:.2f} | {own / total:.0%} | {cum:.2f} |")
    opsdocs = [
        (key, value)
        for key, value in entries.items()
        if "/opsdocs/" in key[0] and key[2].startswith(("on_", "read_project", "render_", "status_snapshot"))
    ]
    lines += ["", "| opsdocs entry point (cumulative) | seconds | share |", "|---|---:|---:|"]
    for (filename, _, name), (_, _, _, cum, _) in sorted(opsdocs, key=lambda kv: -kv[1][3])[:top]:
        lines.append(
            f"| `{Path(filename).parent.name}/{Path(filename).name}:{name}` | {cum:.2f} | {cum / total:.0%} |"
        )
    return "\n".join(lines)


# --- one scale ----------------------------------------------------------------------------


def run_scale(
    scale: str, runs: int, seed: int, work: Path, profile: bool, log: Callable[[str], None]
) -> ScaleResult:
    from opsdocs.mkdocs_plugins.shared import settings_of, spec_of

    root = work / scale / "project"
    started = time.perf_counter()
    counts = generate(root, scale, seed)
    result = ScaleResult(scale, counts, time.perf_counter() - started)
    log(
        f"[{scale}] generated in {result.generate_s:.1f} s: "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )

    from mkdocs.exceptions import MkDocsException

    from opsdocs.problems import ProjectInvalid, format_problems

    try:
        plain = measure_phases(root, runs, result, {site: work / scale / f"plain-{site}" for site in SITES})
    except ProjectInvalid as exc:
        raise BenchError(f"the {scale} project is not valid:\n{format_problems(exc.problems)}") from None
    except MkDocsException as exc:
        raise BenchError(f"loading the {scale} sites failed: {exc}") from None
    log(
        f"[{scale}] phases: load {med(result.load):.2f} s; "
        + "; ".join(
            f"{s} derive {med(result.derive[s]):.2f} s, render {med(result.render[s]):.2f} s, "
            f"page hooks {med(result.hooks[s]):.2f} s"
            for s in SITES
        )
    )

    configs = {}
    status_roots = {}
    for site in SITES:
        config = root / CONFIGS[site]
        configs[(site, "opsdocs")] = config
        configs[(site, "plain")] = plain[site]
        mkdocs_config = load_config(config)
        spec = spec_of(mkdocs_config, settings_of(mkdocs_config), "docs")
        status_roots[site] = spec.paths.status.root if spec.paths.status is not None else "status/"
        for engine in ENGINES:
            result.builds[(site, engine)] = Build()

    for run in range(runs):
        order = ENGINES if run % 2 else tuple(reversed(ENGINES))
        for site in SITES:
            for engine in order:
                out = work / scale / "out" / f"{site}-{engine}"
                wall, rss, cpu = run_build(configs[(site, engine)], out, engine, work)
                build = result.builds[(site, engine)]
                build.walls.append(wall)
                build.rss_mb.append(rss)
                build.cpus.append(cpu)
                log(f"[{scale}] run {run + 1}/{runs} {site:6} {engine:7} {wall:7.2f} s {rss:7.0f} MB")
                if run == runs - 1:
                    build.output = measure_output(out, status_roots[site])

    # After the timed builds, so the browser does not compete with them.
    for site in PAGEWEIGHT_SITES:
        measure_pageweight(result, site, work / scale / "out" / f"{site}-opsdocs", status_roots[site], log)

    if profile:
        for site in SITES:
            stats = work / scale / f"profile-{site}.pstats"
            run_build(configs[(site, "opsdocs")], work / scale / "out" / "profiled", "opsdocs", work, stats)
            result.profiles[site] = profile_summary(stats)
    shutil.rmtree(work / scale, ignore_errors=True)
    return result


def measure_pageweight(
    result: ScaleResult, name: str, site: Path, status_root: str, log: Callable[[str], None]
) -> None:
    """The weight of site ``name``'s status page in Chromium (``pageweight.py``); without
    Chromium, why not."""
    page = "/".join(part for part in (status_root.strip("/"), "index.html") if part)
    if not (site / page).is_file():
        result.pageweight_missing[name] = f"the {name} build has no {page}"
        return
    try:
        result.pageweights[name] = pageweight.measure(site, page)
    except pageweight.NoBrowser as exc:
        result.pageweight_missing[name] = str(exc)
    except Exception as exc:  # the benchmark completes; the report says what failed
        result.pageweight_missing[name] = f"measuring failed: {type(exc).__name__}: {exc}"
    w = result.pageweights.get(name)
    if w is not None:
        log(
            f"[{result.scale}] page weight of the {name} site's {page}: first visit "
            f"{w.first.bytes / 1024:.1f} KB in {w.first.count} requests, "
            f"repeat {w.repeat.bytes / 1024:.1f} KB, "
            f"after a deploy {w.deployed.bytes / 1024:.1f} KB, HTML gzip {w.html_gzip / 1024:.1f} KB"
        )
    else:
        log(
            f"[{result.scale}] page weight of the {name} site not measured: {result.pageweight_missing[name]}"
        )


# --- report -------------------------------------------------------------------------------


def table(headers: list[str], rows: list[list[str]]) -> str:
    align = ["---"] + ["---:"] * (len(headers) - 1)
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def kb(value: int | None) -> str:
    return "—" if value is None else f"{value / 1024:.1f}"


def scale_report(r: ScaleResult, runs: int) -> str:
    c = r.counts
    what = ", ".join(f"{k} {v}" for k, v in c.items())
    out = [f"### Scale `{r.scale}`", "", f"Data: {what}. Generated in {r.generate_s:.1f} s.", ""]
    phase_rows = [
        ["load and validate (shared)", *(f"{med(r.load):.3f}" for _ in SITES)],
        ["derive (view, status snapshot)", *(f"{med(r.derive[s]):.3f}" for s in SITES)],
        ["render the plan (on_files)", *(f"{med(r.render[s]):.3f}" for s in SITES)],
        ["page hooks (on_page_markdown)", *(f"{med(r.hooks[s]):.3f}" for s in SITES)],
        ["sum of the phases", *(f"{r.phases(s):.3f}" for s in SITES)],
    ]
    names = list(dict.fromkeys(n for s in SITES for n in r.parts[s]))
    for name in names:
        phase_rows.append(
            [
                f"· {name}",
                *(f"{med(r.parts[s][name]):.3f}" if name in r.parts[s] else "—" for s in SITES),
            ]
        )
    phase_rows.append(
        ["generated files (of them pages)", *(f"{r.planned[s][0]} ({r.planned[s][1]})" for s in SITES)]
    )
    phase_rows.append(["files handed to MkDocs", *(str(r.plugin_files[s]) for s in SITES)])
    out += [f"Phases in process, seconds, median of {runs}:", ""]
    out += [table(["phase", *SITES], phase_rows), ""]

    cols = [(s, e) for s in SITES for e in ENGINES]
    b = r.builds

    def row(label: str, value: Callable[[Build], str]) -> list[str]:
        return [label, *(value(b[k]) for k in cols)]

    def opt(value: int | None, fmt: Callable[[int], str]) -> str:
        return "—" if value is None else fmt(value)

    build_rows = [
        row(f"wall time, median of {runs} (s)", lambda x: f"{x.wall:.2f}"),
        row("wall time, min–max (s)", lambda x: f"{min(x.walls):.2f}–{max(x.walls):.2f}"),
        row(f"CPU time, median of {runs} (s)", lambda x: f"{x.cpu:.2f}"),
        row("peak memory (MB)", lambda x: f"{x.peak_mb:.0f}"),
        row("pages (.html files)", lambda x: str(x.output.pages if x.output else 0)),
        row("output (MB)", lambda x: f"{x.output.bytes / MB:.1f}" if x.output else "—"),
        row("search index (MB)", lambda x: f"{x.output.search_bytes / MB:.1f}" if x.output else "—"),
        row("status/index.html gzip (KB)", lambda x: opt(x.output.status_gzip if x.output else None, kb)),
        row("api/v2/summary.json (KB)", lambda x: opt(x.output.summary_bytes if x.output else None, kb)),
        row(
            "largest feed (items)",
            lambda x: str(max(x.output.feeds.values(), default=0)) if x.output else "—",
        ),
        ["opsdocs/plain", *(f"{r.ratio(s):.2f}" if e == "opsdocs" else "" for s, e in cols)],
        [
            "opsdocs − plain (s)",
            *(f"{b[(s, e)].wall - b[(s, 'plain')].wall:.2f}" if e == "opsdocs" else "" for s, e in cols),
        ],
    ]
    headers = ["figure", *(f"{s} {e}" for s, e in cols)]
    out += ["Site builds, `mkdocs build --strict` in a subprocess:", "", table(headers, build_rows), ""]
    out += [status_vs_public(r), ""]
    out += [pageweight_report(r), ""]
    for site in SITES:
        if site in r.profiles:
            out += [f"Profile of the {site} build at `{r.scale}`:", "", r.profiles[site], ""]
    return "\n".join(out)


def status_vs_public(r: ScaleResult) -> str:
    """Whether the standalone status site builds no slower than the public site of the same data."""
    status, public = r.builds[("status", "opsdocs")], r.builds[("public", "opsdocs")]
    verdict = "no slower than" if status.wall <= public.wall else "**slower** than"
    return (
        f"Standalone status site {verdict} the public site: {status.wall:.2f} s against {public.wall:.2f} s "
        f"(median wall time; status/public {status.wall / public.wall:.2f}; CPU time {status.cpu:.2f} s "
        f"against {public.cpu:.2f} s, {status.cpu / public.cpu:.2f})."
    )


def pageweight_report(r: ScaleResult) -> str:
    """The page weight table of each measured site's status page (public, then the standalone
    status site), the targets at this scale, and what the first visit is made of."""
    missing = [
        f"Page weight of the {site} site: not measured ({why})." for site, why in r.pageweight_missing.items()
    ]
    weights = [(site, r.pageweights[site]) for site in PAGEWEIGHT_SITES if site in r.pageweights]
    if not weights:
        return "\n".join(missing) + "\n"
    visits = ("first visit", "repeat visit", "after a deploy")
    headers = ["page weight"]
    for name in visits:
        headers += [f"{name} (KB)", "requests", "to the network"]
    headers.append("HTML gzip (KB)")
    rows = []
    for site, w in weights:
        row = [f"{site} {w.page}"]
        for visit in (w.first, w.repeat, w.deployed):
            row += [kb(visit.bytes), str(visit.count), str(len(visit.network))]
        rows.append([*row, kb(w.html_gzip)])
    verdict = {True: "met", False: "**missed**"}
    public = r.pageweights.get("public")
    first_target = FIRST_VISIT_TARGET_KB.get(r.scale)
    if public is not None and (r.scale == "small" or first_target is not None):
        first = ""
        if first_target is not None:
            first = f"≤ {first_target}: {verdict[public.first.bytes <= first_target * 1024]}"
        repeat = html = ""
        if r.scale == "small":
            repeat_ok = max(public.repeat.bytes, public.deployed.bytes) <= REPEAT_VISIT_TARGET_KB * 1024
            repeat = f"≤ {REPEAT_VISIT_TARGET_KB}: {verdict[repeat_ok]}"
            html = f"≤ {STATUS_HTML_TARGET_KB}: {verdict[public.html_gzip <= STATUS_HTML_TARGET_KB * 1024]}"
        rows.append([f"targets (`{r.scale}`, public)", first, "", "", repeat, "", "", repeat, "", "", html])
    lines = [
        f"Page weight of the status page in {weights[0][1].browser}, served by a local static host (gzip, "
        f"`Cache-Control: max-age={pageweight.MAX_AGE}`, ETag, Last-Modified): the public site's "
        "and the standalone status site's. KB are bytes received "
        "(headers and compressed bodies); requests are counted up to the `load` event and network idle. "
        "Repeat visit: the same URL again in the same tab, cache warm. After a deploy: the page reloaded "
        "once the site was deployed again (new ETag on every HTML page).",
        "",
        table(headers, rows),
        "",
        *missing,
        "First visit, what it is made of (KB received):",
        "",
        breakdown_table(weights),
        "",
    ]
    for site, w in weights:
        for name, visit in zip(visits, (w.first, w.repeat, w.deployed), strict=True):
            network = [
                f"`{_short(q.url)}` ({q.status or q.error or '—'}, {kb(q.bytes)} KB)" for q in visit.network
            ]
            lines.append(
                f"- {site}, {name}, to the network: " + (", ".join(network) if network else "nothing")
            )
        broken = [f"`{_short(q.url)}` ({q.status or q.error})" for q in w.first.network
                  if q.status is None or q.status >= 400]  # fmt: skip
        if broken:
            lines.append(f"- {site}: **failed requests** on the first visit: " + ", ".join(broken))
        lines.append(
            f"- {site}, off-origin requests: "
            + (", ".join(f"`{u}` (blocked: no network)" for u in w.off_origin) if w.off_origin else "none")
        )
        if w.summary_gzip is not None:
            lines.append(
                f"- {site}, not counted: the refresh script fetches `api/v2/summary.json` "
                f"({kb(w.summary_gzip)} KB gzip) a minute after load and every minute after that"
            )
    return "\n".join(lines) + "\n"


def breakdown_table(weights: list[tuple[str, pageweight.PageWeight]]) -> str:
    """One row per part of the first visit (``pageweight.parts``), one column per site."""
    parts = {site: pageweight.parts(w) for site, w in weights}
    names = list(dict.fromkeys(name for site, _ in weights for name in parts[site]))
    rows = [[name, *(kb(parts[site][name]) if name in parts[site] else "—" for site, _ in weights)]
            for name in names]  # fmt: skip
    rows.append(["total", *(kb(w.first.bytes) for _, w in weights)])
    return table(["part", *(f"{site} (KB)" for site, _ in weights)], rows)


def _short(url: str) -> str:
    """A URL of the local server as its path; any other URL as it is."""
    if url.startswith("http://127.0.0.1:"):
        return "/" + url.split("/", 3)[3] if url.count("/") >= 3 else url
    return url


def growth_report(small: ScaleResult, large: ScaleResult) -> str:
    data = large.records / small.records

    def line(label: str, a: float, b: float) -> list[str]:
        g = b / a if a else float("nan")
        exponent = math.log(g) / math.log(data) if g > 0 and data > 1 else float("nan")
        if exponent <= 1.0:
            verdict = "linear or better"
        elif g <= data * GROWTH_TOLERANCE:
            verdict = "linear, within noise"
        else:
            verdict = "faster than linear"
        return [label, number(a), number(b), f"{g:.2f}", f"{exponent:.2f}", verdict]

    rows = [line("data (records)", small.records, large.records)]
    rows[0][4:] = ["1.00", ""]
    rows.append(line("load and validate (s)", med(small.load), med(large.load)))
    for site in SITES:
        rows.append(line(f"derive, {site} (s)", med(small.derive[site]), med(large.derive[site])))
        rows.append(line(f"render the plan, {site} (s)", med(small.render[site]), med(large.render[site])))
        rows.append(line(f"page hooks, {site} (s)", med(small.hooks[site]), med(large.hooks[site])))
    for site in SITES:
        for engine in ENGINES:
            s, g = small.builds[(site, engine)], large.builds[(site, engine)]
            rows.append(line(f"{site} {engine}: wall time (s)", s.wall, g.wall))
            rows.append(line(f"{site} {engine}: output (MB)", s.output.bytes / MB, g.output.bytes / MB))  # type: ignore[union-attr]
            rows.append(line(f"{site} {engine}: peak memory (MB)", s.peak_mb, g.peak_mb))
            rows.append(line(f"{site} {engine}: pages", s.output.pages, g.output.pages))  # type: ignore[union-attr]
    headers = ["figure", small.scale, large.scale, "growth", "exponent", "verdict"]
    note = (
        f"Growth from `{small.scale}` to `{large.scale}`: the data grows {data:.2f}×. The exponent is "
        "log(growth) / log(data growth): 1 is linear, below 1 better than linear (fixed costs), above 1 "
        "worse."
    )
    return "\n".join([note, "", table(headers, rows), ""])


def targets_report(r: ScaleResult, grown: tuple[ScaleResult, ScaleResult] | None) -> tuple[str, bool]:
    rows: list[list[str]] = []
    missed = False

    def check(label: str, value: str, ok: bool | None) -> None:
        nonlocal missed
        verdict = "n/a" if ok is None else ("met" if ok else "**missed**")
        missed |= ok is False
        rows.append([label, value, verdict])

    for site in SITES:
        check(
            f"opsdocs/plain ≤ {RATIO_TARGET} ({site})", f"{r.ratio(site):.2f}", r.ratio(site) <= RATIO_TARGET
        )
    check(f"load and validate ≤ {LOAD_TARGET_S:g} s", f"{med(r.load):.2f} s", med(r.load) <= LOAD_TARGET_S)
    staff = r.builds[("staff", "opsdocs")]
    check(f"peak memory of the staff build ≤ {STAFF_MEMORY_TARGET_MB} MB", f"{staff.peak_mb:.0f} MB",
          staff.peak_mb <= STAFF_MEMORY_TARGET_MB)  # fmt: skip
    for site in SITES:
        out = r.builds[(site, "opsdocs")].output
        gz = out.status_gzip if out else None
        check(f"status/index.html ≤ {STATUS_GZIP_TARGET_KB} KB gzip ({site})", f"{kb(gz)} KB",
              None if gz is None else gz <= STATUS_GZIP_TARGET_KB * 1024)  # fmt: skip
        size = out.summary_bytes if out else None
        check(f"api/v2/summary.json ≤ {SUMMARY_TARGET_KB} KB ({site})", f"{kb(size)} KB",
              None if size is None else size <= SUMMARY_TARGET_KB * 1024)  # fmt: skip
    feed_cap, list_cap = _caps()
    for site in SITES:
        out = r.builds[(site, "opsdocs")].output
        largest = max(out.feeds.values(), default=0) if out else 0
        history = (
            "api/v2/incidents.json:incidents",
            "api/v2/scheduled-maintenances.json:scheduled_maintenances",
        )
        longest = max((n for key, n in out.api_lists.items() if key in history), default=0) if out else 0
        check(f"feeds capped at {feed_cap} items, API lists at {list_cap} ({site})",
              f"{largest} items, {longest} entries", largest <= feed_cap and longest <= list_cap)  # fmt: skip
    public = r.builds[("public", "opsdocs")].wall
    check(f"public build < {PUBLIC_BUILD_TARGET_S} s", f"{public:.1f} s", public < PUBLIC_BUILD_TARGET_S)
    status = r.builds[("status", "opsdocs")].wall
    check("status site builds no slower than the public site", f"{status:.1f} s against {public:.1f} s",
          status <= public)  # fmt: skip
    first = r.pageweights.get("public")
    if r.scale in FIRST_VISIT_TARGET_KB:
        limit = FIRST_VISIT_TARGET_KB[r.scale]
        measured = f"{kb(first.first.bytes)} KB" if first else "not measured"
        check(f"first visit of the public status page ≤ {limit} KB", measured,
              None if first is None else first.first.bytes <= limit * 1024)  # fmt: skip
    if grown is not None:
        a, b = grown
        data = b.records / a.records
        for site in SITES:
            x, y = a.builds[(site, "opsdocs")], b.builds[(site, "opsdocs")]
            t, o = y.wall / x.wall, y.output.bytes / x.output.bytes  # type: ignore[union-attr]
            check(f"time and output grow no faster than the data ({site}, data ×{data:.2f})",
                  f"time ×{t:.2f}, output ×{o:.2f}",
                  t <= data * GROWTH_TOLERANCE and o <= data * GROWTH_TOLERANCE)  # fmt: skip
    note = f"Targets, checked at `{r.scale}`"
    if r.scale != "large":
        note += " (they are set for `large`; at a smaller scale they only show the trend)"
    return "\n".join([note + ":", "", table(["target", "measured", "verdict"], rows), ""]), missed


def _caps() -> tuple[int, int]:
    from opsdocs.render.status import api, feeds

    return int(getattr(feeds, "FEED_CAP", 50)), int(getattr(api, "LIST_CAP", 50))


def revision() -> str:
    """The commit the code was at, and whether the plugins had uncommitted changes."""
    repo = BENCH.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "plugins"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "opsdocs at an unknown commit"
    return f"opsdocs at commit {head}" + (" with uncommitted changes to plugins/" if dirty else "")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    from importlib.metadata import version

    return (
        f"{revision()}; "
        f"{os.cpu_count()} CPUs ({cpu}), {memory} memory, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, "
        f"Material {version('mkdocs-material')}, run {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %z}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="small,medium", help="comma-separated: " + ", ".join(SCALES))
    parser.add_argument("--runs", type=int, default=3, help="runs of each phase and build (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="also write the report (Markdown) to this file")
    parser.add_argument("--profile", action="store_true", help="also profile one opsdocs build per site")
    parser.add_argument("--workdir", type=Path, help="where to generate (default: a temporary folder)")
    args = parser.parse_args(argv)
    scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    unknown = [s for s in scales if s not in SCALES]
    if unknown or not scales or args.runs < 1:
        parser.error(f"scales must be among {', '.join(SCALES)} and --runs at least 1")

    os.environ["OPSDOCS_NOW"] = FIXED_NOW
    os.environ["NO_MKDOCS_2_WARNING"] = "1"

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    results: list[ScaleResult] = []
    parts = ["## Results", "", f"Machine: {machine()}.", "", f"`now` is fixed at {FIXED_NOW}.", ""]
    work_parent = args.workdir or Path(tempfile.mkdtemp(prefix="opsdocs-bench-"))

    def measure(scale: str) -> str:
        result = run_scale(scale, args.runs, args.seed, work_parent, args.profile, log)
        results.append(result)
        return scale_report(result, args.runs)

    texts = each_scale(scales, measure, work_parent, keep=args.workdir is not None)
    if texts is None:
        return 1
    parts += texts

    by_scale = {r.scale: r for r in results}
    grown = None
    if len(results) >= 2:
        a, b = (
            (by_scale["medium"], by_scale["large"]) if {"medium", "large"} <= set(by_scale) else results[-2:]
        )
        grown = (a, b)
        text = "### Growth\n\n" + growth_report(a, b)
        print(text, flush=True)
        parts.append(text)
    final = by_scale.get("large", results[-1])
    text, missed = targets_report(final, grown if grown and grown[1] is final else None)
    text = "### Targets\n\n" + text
    print(text, flush=True)
    parts.append(text)
    if args.out:
        args.out.write_text("\n".join(parts), encoding="utf-8")
        log(f"report written to {args.out}")
    if missed:
        log("bench: some targets are missed (see the table); the benchmark itself ran to completion")
    return 0


if __name__ == "__main__":
    sys.exit(main())
