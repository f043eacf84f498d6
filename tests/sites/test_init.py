"""``opsdocs init``: a new project that validates and builds strictly at once, in English and in
Spanish, with every page in its own language; bad answers refused with nothing written; the
questions answered at a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import lxml.html
import pexpect
import pytest
import yaml

from opsdocs import __version__
from opsdocs.cli.init_answers import SCAFFOLD, languages, severity_presets
from opsdocs.model.files import DATA_KINDS
from opsdocs.model.schema import schema_texts
from opsdocs.render.labels import catalog
from tests.clock import NOW
from tests.paths import REPO
from tests.sitebuild import build_site, run_step
from tests.workflow_lint import actionlint as _actionlint
from tests.workflow_lint import findings as _findings
from tests.workflow_lint import zizmor as _zizmor

LANGUAGES = ["en", "es"]
FIVE_DAYS_LATER = "2026-12-03T12:00:00-03:00"
"""Five days after ``NOW``, when ``init`` was run."""
# What each language's starter project calls its runbook and its help article.
RUNBOOK = {"en": "component-down", "es": "componente-caido"}
ARTICLE = {"en": "help/first-steps", "es": "help/tu-primer-dia"}


def environment(**extra: str) -> dict[str, str]:
    """The environment of a run at the tests' fixed ``now``, without CI's ``CI=true``."""
    env = {k: v for k, v in os.environ.items() if k not in {"SOURCE_DATE_EPOCH", "CI"}}
    env.update(OPSDOCS_NOW=NOW, NO_MKDOCS_2_WARNING="1", **extra)
    return env


def run_init(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """``opsdocs init ARGS`` in a new process, standard input not a terminal."""
    return run_step([sys.executable, "-m", "opsdocs.cli", "init", *args], environment(**env), cwd)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every entry under ``folder`` (hidden ones too), files with their bytes."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module", params=LANGUAGES)
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project ``init --yes`` wrote in one language, with the standalone status site."""
    language = request.param
    target = tmp_path_factory.mktemp(f"init-{language}") / "ops"
    result = run_init(str(target), "--yes", "--language", language, "--status-site")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return target


@pytest.fixture(scope="module")
def sites(project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each configuration ``init`` wrote, built with ``--strict``: its built site by file name."""
    built = {}
    for config in sorted(project.glob("mkdocs*.yml")):
        out = tmp_path_factory.mktemp("site") / config.stem
        result = build_site(config, out)
        assert result.returncode == 0, f"{config.name}:\n{result.stderr}"
        assert "WARNING" not in result.stderr, result.stderr
        built[config.name] = out
    return built


def language_of(project: Path) -> str:
    return yaml.safe_load((project / "data/site.yml").read_text(encoding="utf-8"))["language"]


# --------------------------------------------------------------------------- what is written


def test_languages_are_those_with_a_catalog() -> None:
    assert languages() == LANGUAGES
    for language in LANGUAGES:
        assert catalog(language)
        names = sorted(p.name for p in (SCAFFOLD / language / "severities").iterdir())
        assert names == sorted(f"{preset}.yml.j2" for preset in severity_presets())


def test_every_kind_of_data_file_is_written_with_its_schema_line(project: Path) -> None:
    for kind in DATA_KINDS:
        pattern = kind.pattern.replace("*", "example") + (".sample" if kind.many else "")
        path = project / "data" / pattern
        assert path.is_file(), pattern
        first = path.read_text(encoding="utf-8").splitlines()[0]
        up = "../" * (pattern.count("/") + 1)
        assert first == f"# yaml-language-server: $schema={up}schemas/{kind.schema_name}", pattern
        assert (path.parent / up / "schemas" / kind.schema_name).resolve().is_file()
    written = {p.name: p.read_text(encoding="utf-8") for p in (project / "schemas").iterdir()}
    assert written == schema_texts()


def test_every_data_file_meets_its_json_schema(project: Path) -> None:
    for path in sorted((project / "data").rglob("*.yml*")):
        schema_ref = path.read_text(encoding="utf-8").splitlines()[0].split("$schema=")[1]
        schema = json.loads((path.parent / schema_ref).read_text(encoding="utf-8"))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        # YAML dates are dates; the schemas, written for JSON, want strings.
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_the_project_has_everything_a_repository_needs(project: Path) -> None:
    language = language_of(project)
    for rel in (
        "mkdocs.yml",
        "mkdocs.public.yml",
        "mkdocs.status.yml",
        "README.md",
        ".gitignore",
        "requirements.txt",
        ".github/workflows/publish.yml",
        ".github/workflows/probe.yml",
        f"runbooks/{RUNBOOK[language]}.md",
        f"docs/{ARTICLE[language]}.md",
        "docs/index.md",
    ):
        assert (project / rel).is_file(), rel
    assert "site/" in (project / ".gitignore").read_text(encoding="utf-8").splitlines()
    requirement = [
        line for line in (project / "requirements.txt").read_text(encoding="utf-8").splitlines() if line
    ]
    assert requirement[-1] == "opsdocs @ git+https://github.com/opsdocs/opsdocs"
    assert f"opsdocs {__version__}" in requirement[2]


def test_the_project_validates(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "opsdocs.cli", "validate", str(project)],
        capture_output=True,
        text=True,
        env=environment(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "1 runbooks, 3 components" in result.stdout
    assert result.stderr == ""


def test_every_configuration_builds_strictly(project: Path, sites: dict[str, Path]) -> None:
    assert sorted(sites) == ["mkdocs.public.yml", "mkdocs.status.yml", "mkdocs.yml"]
    language = language_of(project)
    staff, public, status = sites["mkdocs.yml"], sites["mkdocs.public.yml"], sites["mkdocs.status.yml"]
    for site in (staff, public):
        page = lxml.html.parse(str(site / "status/index.html")).getroot()
        shown = [row.get("data-opsdocs-component") for row in page.cssselect("[data-opsdocs-component]")]
        assert sorted(shown) == ["api", "correo" if language == "es" else "email", "web"]
        assert (site / ARTICLE[language] / "index.html").is_file()
        assert lxml.html.parse(str(site / "index.html")).getroot().get("lang") == language
    assert (staff / "runbooks" / RUNBOOK[language] / "index.html").is_file()
    assert not (public / "runbooks").exists()
    assert not (public / "handbook").exists()
    summary = json.loads((status / "api/v2/summary.json").read_text(encoding="utf-8"))
    assert summary["status"]["indicator"] == "none"
    assert (status / "index.html").is_file()


def distinctive(text: str) -> list[str]:
    """The pieces of a label between its ``{placeholders}``, long enough to be telling."""
    pieces = (" ".join(part.split()).strip(" .,:;·—–-()«»\"'") for part in re.split(r"\{[^}]*\}", text))
    return [piece for piece in pieces if len(piece) >= 12]


def foreign_strings(language: str) -> set[str]:
    """Strings of every other language's catalog that this language's catalog does not have."""
    own = catalog(language)
    own_text = "\n".join(map(str, own.values()))
    found = set()
    for other in set(LANGUAGES) - {language}:
        for key, value in catalog(other).items():
            if value != own.get(key):
                found.update(piece for piece in distinctive(str(value)) if piece not in own_text)
    return found


THEME_ENGLISH = {"Made with", "Not found"}
"""What the theme writes in English whatever its language: the footer's credit and the 404 page."""


def page_words(page: Path) -> str:
    """What a reader sees of a page, and what a screen reader says: text and labelling attributes."""
    root = lxml.html.parse(str(page)).getroot()
    for node in root.xpath("//script | //style"):
        node.drop_tree()
    said = root.xpath("//@title | //@aria-label | //@alt | //@placeholder | //meta/@content")
    return " ".join(" ".join([root.text_content(), *map(str, said)]).split())


def test_no_page_has_a_word_of_the_other_language(project: Path, sites: dict[str, Path]) -> None:
    language = language_of(project)
    strings = foreign_strings(language)
    assert len(strings) > 100, "too few distinctive strings to tell the languages apart"
    if language != "en":
        strings |= THEME_ENGLISH
    own = {piece for value in catalog(language).values() for piece in distinctive(str(value))}
    found, seen = {}, set()
    for name, site in sites.items():
        for page in sorted(site.rglob("*.html")):
            words = page_words(page)
            seen.update(piece for piece in own if piece in words)
            for piece in strings:
                if piece in words:
                    found.setdefault(piece, f"{name}: {page.relative_to(site)}")
    assert found == {}, f"{language} pages with words of another language: {found}"
    # The scan reads what the pages say: it finds plenty of their own language's labels.
    assert len(seen) > 30, seen


def test_plain_mkdocs_builds_what_generate_writes(project: Path, tmp_path: Path) -> None:
    for audience, config in (("public", "mkdocs.public.yml"), ("staff", "mkdocs.yml")):
        out = tmp_path / audience
        command = [sys.executable, "-m", "opsdocs.cli", "generate", str(out), "--project", str(project)]
        command += ["--audience", audience, "--config", str(project / config)]
        result = subprocess.run(command, capture_output=True, text=True, env=environment(), check=False)
        assert result.returncode == 0, result.stderr
        site = tmp_path / f"{audience}-site"
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(out / "mkdocs.yml"), "-d", str(site)]
        result = subprocess.run(command, capture_output=True, text=True, env=environment(), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert (site / "status/index.html").is_file()
        assert (site / "runbooks").is_dir() == (audience == "staff")


def test_the_example_incident_and_maintenance_publish_once_copied(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ops"
    shutil.copytree(project, copy)
    ids = {}
    for folder in ("incidents", "maintenance"):
        sample = copy / "data" / folder / "example.yml.sample"
        ids[folder] = yaml.safe_load(sample.read_text(encoding="utf-8"))["id"]
        sample.rename(sample.with_name(f"{ids[folder]}.yml"))
    site = tmp_path / "site"
    result = build_site(copy / "mkdocs.public.yml", site)
    assert result.returncode == 0, result.stderr
    assert (site / "status/incidents" / ids["incidents"] / "index.html").is_file()
    incidents = json.loads((site / "api/v2/incidents.json").read_text(encoding="utf-8"))["incidents"]
    assert [incident["id"] for incident in incidents] == [ids["incidents"]]
    # The window is a week ahead: announced 72 hours before it starts, not yet.
    assert not (site / "status/maintenance" / ids["maintenance"]).exists()
    later = tmp_path / "later"
    result = build_site(copy / "mkdocs.public.yml", later, now=FIVE_DAYS_LATER)
    assert result.returncode == 0, result.stderr
    assert (later / "status/maintenance" / ids["maintenance"] / "index.html").is_file()


@pytest.mark.parametrize("workflow", ["publish.yml", "probe.yml"])
def test_the_workflow_is_lint_clean_and_the_repository_s_own(project: Path, workflow: str) -> None:
    written = project / ".github/workflows" / workflow
    result = _actionlint(written)
    assert result.returncode == 0, result.stdout + result.stderr
    findings = _findings(_zizmor(written))
    assert findings == [], "\n".join(f"{f['ident']}: {f['desc']}" for f in findings)
    ours = yaml.safe_load((REPO / ".github/workflows" / workflow).read_text(encoding="utf-8"))
    theirs = yaml.safe_load(written.read_text(encoding="utf-8"))
    for name, job in ours["jobs"].items():
        assert theirs["jobs"][name].get("permissions") == job.get("permissions"), name
        assert theirs["jobs"][name].get("needs") == job.get("needs"), name
        # The same pinned actions: updating the repository's pins means updating these too.
        assert [s.get("uses") for s in theirs["jobs"][name]["steps"]] == [s.get("uses") for s in job["steps"]]
    installs = [
        s["run"] for job in theirs["jobs"].values() for s in job["steps"] if "pip install" in s.get("run", "")
    ]
    assert installs and all("-r requirements.txt" in run for run in installs)


# --------------------------------------------------------------------------- answers


def test_answers_given_as_flags_are_what_the_project_says(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    product = 'Acme: "Cloud" #1 & <b>co</b>'
    result = run_init(
        str(target),
        "--product",
        product,
        "--organisation",
        "Acme Inc.",
        "--timezone",
        "Europe/Madrid",
        "--url",
        "https://acme.github.io/ops",
        "--component",
        "core/api=Public API, core/web=Web",
        "--component",
        "mail",
        "--group",
        "core=Core services",
        "--severities",
        "extended",
    )
    assert result.returncode == 0, result.stderr
    site = yaml.safe_load((target / "data/site.yml").read_text(encoding="utf-8"))
    assert site["product"] == product
    assert site["timezone"] == "Europe/Madrid"
    assert site["url"] == "https://acme.github.io/ops/"
    components = yaml.safe_load((target / "data/components.yml").read_text(encoding="utf-8"))
    assert [(g["id"], g["name"], [c["id"] for c in g["components"]]) for g in components["groups"]] == [
        ("core", "Core services", ["api", "web"])
    ]
    assert [(c["id"], c["name"]) for c in components["components"]] == [("mail", "mail")]
    levels = yaml.safe_load((target / "data/severities.yml").read_text(encoding="utf-8"))["severities"]
    assert [s["id"] for s in levels] == ["sev1", "sev2", "sev3", "sev4"]
    assert not (target / "mkdocs.status.yml").exists()
    out = tmp_path / "site"
    built = build_site(target / "mkdocs.yml", out)
    assert built.returncode == 0, built.stderr
    heading = lxml.html.parse(str(out / "index.html")).getroot().cssselect("h1")[0]
    assert heading.text_content().startswith(product)
    assert not heading.cssselect("b")


def test_without_a_terminal_it_asks_nothing_and_uses_the_defaults(tmp_path: Path) -> None:
    result = run_init(str(tmp_path / "new"))  # no --yes: standard input is not a terminal
    assert result.returncode == 0, result.stderr
    assert "?" not in result.stdout
    assert (
        yaml.safe_load((tmp_path / "new/data/site.yml").read_text(encoding="utf-8"))["product"]
        == "My product"
    )
    # Written through a private staging folder, the project's folder is as any new folder.
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o777 & ~current_umask()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_it_writes_into_the_current_folder_by_default(tmp_path: Path) -> None:
    result = run_init("--yes", "--language", "es", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data/site.yml").is_file()
    assert sorted(p.name for p in tmp_path.parent.iterdir() if "opsdocs-init" in p.name) == []


BAD_ANSWERS = [
    (
        ["--timezone", "Mars/Olympus_Mons"],
        "--timezone 'Mars/Olympus_Mons': 'Mars/Olympus_Mons' is not an IANA time zone",
    ),
    (["--language", "fr"], "--language 'fr': no label catalog for it; choose one of: en, es"),
    (["--component", "Web App=Web"], "--component 'Web App': not an id"),
    (["--component", "api, api"], "the id 'api' is given twice"),
    (["--component", "web/web"], "the group and a component have the same id"),
    (["--url", "status page"], "--url 'status page':"),
    (["--severities", "dozens"], "--severities 'dozens': no such preset"),
    (["--product", " "], "--product ' ': write it on one line"),
]


@pytest.mark.parametrize(("args", "message"), BAD_ANSWERS, ids=[a[0] for a, _ in BAD_ANSWERS])
def test_a_bad_answer_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = run_init(str(tmp_path / "ops"), "--yes", *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("opsdocs init: ")
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_folder_with_files_is_left_alone_without_force(tmp_path: Path) -> None:
    target = tmp_path / "ops"
    target.mkdir()
    (target / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_init(str(target), "--yes")
    assert result.returncode == 2
    assert (
        result.stderr == f"opsdocs init: {target} is not empty; pass --force to write the project into it\n"
    )
    assert snapshot(tmp_path) == before


def test_files_it_would_replace_are_named_and_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "ops"
    (target / "data").mkdir(parents=True)
    (target / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    (target / "data/site.yml").write_text("product: Mine\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_init(str(target), "--yes")
    assert result.returncode == 2
    assert result.stderr == (
        f"opsdocs init: {target} already has data/site.yml, mkdocs.yml; pass --force to replace them\n"
    )
    assert snapshot(tmp_path) == before

    forced = run_init(str(target), "--yes", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "replacing 2" in forced.stdout
    assert (target / "mkdocs.yml").read_text(encoding="utf-8").startswith("# The staff site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ops"]


def test_a_file_in_the_way_of_a_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "ops"
    target.mkdir()
    (target / "data").write_text("not a folder\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_init(str(target), "--yes", "--force")
    assert result.returncode == 2
    assert f"{target / 'data'} is in the way" in result.stderr
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------- at a terminal


def spawn_init(target: Path, *args: str, **env: str) -> pexpect.spawn:
    """``opsdocs init TARGET ARGS`` in a pseudo-terminal (no cursor-position requests to answer)."""
    child = pexpect.spawn(
        sys.executable,
        ["-m", "opsdocs.cli", "init", str(target), *args],
        env=environment(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", **env),
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=120,  # a safety net for a prompt that never comes, not a speed check
    )
    return child


CLEAR = "\x15"  # Ctrl-U: clears the suggested answer
DOWN, ENTER = "\x1b[B", "\r"


def answer(child: pexpect.spawn, question: str, text: str) -> None:
    """Wait for ``question`` (or an error it shows), then replace the suggested answer with ``text``."""
    child.expect(question)
    child.send(CLEAR + text + ENTER)


def test_every_question_is_asked_and_checked_at_a_terminal(tmp_path: Path) -> None:
    target = tmp_path / "ops"
    child = spawn_init(target)
    child.expect("Language of the sites")
    child.send(DOWN + ENTER)  # English, then Español
    answer(child, "Product name", "Acme Nube")
    answer(child, "Organisation", "Acme S.A.")
    answer(child, "Time zone", "Mars/Olympus_Mons")
    answer(child, "not an IANA time zone", "America/Santiago")  # said at once, and asked again
    answer(child, "Address of the public site", "https://estado.acme.cl")
    answer(child, "Components", "nucleo/api=API pública, Web App")
    answer(child, "not an id", "nucleo/api=API pública, nucleo/web=Aplicación web, correo=Correo")
    answer(child, "Name of the group 'nucleo'", "Núcleo")
    child.expect("Severities")
    child.send(ENTER)  # the suggested preset: standard
    child.expect("standalone status site")
    child.send("y")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before

    site = yaml.safe_load((target / "data/site.yml").read_text(encoding="utf-8"))
    assert (site["product"], site["organisation"], site["language"]) == ("Acme Nube", "Acme S.A.", "es")
    assert (site["timezone"], site["url"]) == ("America/Santiago", "https://estado.acme.cl/")
    components = yaml.safe_load((target / "data/components.yml").read_text(encoding="utf-8"))
    assert components["groups"][0]["name"] == "Núcleo"
    assert [c["name"] for c in components["groups"][0]["components"]] == ["API pública", "Aplicación web"]
    levels = yaml.safe_load((target / "data/severities.yml").read_text(encoding="utf-8"))["severities"]
    assert len(levels) == 3
    assert (target / "mkdocs.status.yml").is_file()
    out = tmp_path / "site"
    built = build_site(target / "mkdocs.status.yml", out)
    assert built.returncode == 0, built.stderr


def test_with_ci_set_a_terminal_gets_no_questions(tmp_path: Path) -> None:
    child = spawn_init(tmp_path / "ops", CI="true")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "Product name" not in child.before
    assert (tmp_path / "ops/data/site.yml").is_file()


def test_a_bad_flag_at_a_terminal_is_refused_before_any_question(tmp_path: Path) -> None:
    child = spawn_init(tmp_path / "ops", "--timezone", "Mars/Olympus_Mons")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "is not an IANA time zone" in child.before
    assert "Language of the sites" not in child.before
    assert list(tmp_path.iterdir()) == []


def test_stopping_the_questions_writes_nothing(tmp_path: Path) -> None:
    child = spawn_init(tmp_path / "ops")
    child.expect("Language of the sites")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert "nothing written" in child.before
    assert list(tmp_path.iterdir()) == []


def test_version_is_the_package_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "opsdocs.cli", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout == f"opsdocs {__version__}\n"


def test_every_flag_of_init_is_documented() -> None:
    from opsdocs.cli import build_parser

    commands = (REPO / "docs/opsdocs/commands.md").read_text(encoding="utf-8")
    section = commands.split("## opsdocs init", 1)[1].split("\n## ", 1)[0]
    init = build_parser()._subparsers._group_actions[0].choices["init"]
    for action in init._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert f"`{flag}" in section, flag


def test_a_component_a_severity_and_a_help_article_are_one_file_each(tmp_path: Path) -> None:
    target = tmp_path / "ops"
    assert run_init(str(target), "--yes").returncode == 0
    with (target / "data/components.yml").open("a", encoding="utf-8") as components:
        components.write("  - id: search\n    name: Search\n")
    with (target / "data/severities.yml").open("a", encoding="utf-8") as severities:
        severities.write(
            '  - id: sev4\n    level: 4\n    name: Low\n    colour: "#1976d2"\n'
            "    impact: A small problem\n    status_impact: none\n    response_time: 1d\n"
            "    resolution_time: 5d\n    communication: Release notes\n"
        )
    (target / "docs/help/export.md").write_text(
        "---\ntitle: Export your data\ncategory: getting-started\n---\n\n# Export your data\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = build_site(target / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    status = lxml.html.parse(str(site / "status/index.html")).getroot()
    assert "search" in [
        row.get("data-opsdocs-component") for row in status.cssselect("[data-opsdocs-component]")
    ]
    assert "sev4" in (site / "handbook/severities/index.html").read_text(encoding="utf-8")
    category = lxml.html.parse(str(site / "help/getting-started/index.html")).getroot()
    assert "Export your data" in [a.text_content().strip() for a in category.cssselect("a")]
