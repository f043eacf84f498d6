"""What a hand-written page, or a public record, can put on the public site.

Directives embed the handbook's tables; on a public page only the public ones may, and an
unknown one is an error, both found before anything is written by ``opsdocs validate``, both
MkDocs builds and ``opsdocs generate``, with the same ``path:line:col`` message. A misspelt
front-matter key is an error too, not a published page. An internal component a public
incident or window lists is left out of the public pages, id and all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from opsdocs.render.handbook.fragments import FRAGMENTS
from tests.clock import env_at
from tests.conftest import Run, run_opsdocs
from tests.html import page
from tests.paths import FIXTURES
from tests.sitebuild import build_site, tree

FIXTURE = FIXTURES / "staff_site"
CANARY = "CANARY-DEPLOY-7731"
PUBLIC_FRAGMENTS = ("support-targets", "release-cycle", "support-channels", "self-service")
"""The directives the docs list as public-safe."""
INTERNAL_FRAGMENTS = [f.name for f in FRAGMENTS if f.name not in PUBLIC_FRAGMENTS]

PUBLIC_CONFIG = """\
site_name: Acme Help
theme:
  name: material
  language: en
  font: false
plugins:
  search: {}
  opsdocs: {audience: public}
  opsdocs/status: {}
  opsdocs/runbooks: {}
  opsdocs/handbook: {}
markdown_extensions: [md_in_html, attr_list, tables]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The staff fixture with a public configuration and internal data holding a canary."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    (root / "runbooks" / "old.md").unlink()  # an overdue runbook would fail the strict build
    (root / "mkdocs.public.yml").write_text(PUBLIC_CONFIG, encoding="utf-8")
    (root / "data" / "deployment.yml").write_text(
        f"checklist: ['{CANARY} tests pass']\n"
        f"rollback:\n  - {{id: flag, name: Flag off, action: '{CANARY}', level: 1}}\n",
        encoding="utf-8",
    )
    return root


def generate(project: Path, out: Path, audience: str = "public") -> Run:
    """``opsdocs generate`` of the project's public (or staff) configuration into ``out``."""
    config = "mkdocs.public.yml" if audience == "public" else "mkdocs.yml"
    args = ["generate", str(out), "--force", "--project", str(project), "--audience", audience]
    return run_opsdocs(*args, "--config", str(project / config), env=env_at())


def previous_site(folder: Path) -> dict[str, bytes]:
    """A site folder as a previous good build left it: a failed build must not touch it."""
    folder.mkdir(parents=True)
    (folder / "index.html").write_text("<p>the previous site</p>", encoding="utf-8")
    return tree(folder)


def assert_every_path_refuses(project: Path, tmp_path: Path, expected: list[str], staff: bool) -> None:
    """validate, the public build, ``generate --audience public`` (and the staff build when
    ``staff``) each exit 1 printing every ``expected`` line, no traceback, nothing touched."""
    checked = run_opsdocs("validate", str(project))
    assert checked.returncode == 1, checked.stdout
    outputs = {"validate": checked.stderr}
    configs = {"public build": "mkdocs.public.yml"} | ({"staff build": "mkdocs.yml"} if staff else {})
    for name, config in configs.items():
        site = tmp_path / name.replace(" ", "-")
        before = previous_site(site)
        built = build_site(project / config, site)
        assert built.returncode == 1, f"{name} succeeded"
        assert tree(site) == before, f"{name} touched the previous site"
        outputs[name] = built.stderr
    out = tmp_path / "generated"
    before = previous_site(out)
    generated = generate(project, out)
    assert generated.returncode == 1
    assert tree(out) == before, "generate touched the previous folder"
    outputs["generate"] = generated.stderr
    for name, text in outputs.items():
        assert "Traceback" not in text, name
        for line in expected:
            assert line in text.splitlines() or f"  {line}" in text, f"{name} lacks {line!r}:\n{text}"


def test_a_public_page_with_internal_directives_is_refused_before_anything_is_written(
    project: Path, tmp_path: Path
) -> None:
    body = "".join(f"<!-- opsdocs:{name} -->\n\n" for name in INTERNAL_FRAGMENTS)
    (project / "docs" / "guide.md").write_text(f"---\ntitle: Guide\n---\n# Guide\n\n{body}", encoding="utf-8")
    expected = [
        f"docs/guide.md:{6 + 2 * i}:1: error: opsdocs directive '{name}' shows internal data and this "
        f"page is public; mark the page 'audience: internal' or use a public directive: "
        + ", ".join(PUBLIC_FRAGMENTS)
        for i, name in enumerate(INTERNAL_FRAGMENTS)
    ]
    assert_every_path_refuses(project, tmp_path, expected, staff=True)


def test_an_internal_page_may_use_every_directive(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "guide.md").write_text(
        "---\naudience: internal\n---\n# Guide\n\n<!-- opsdocs:rollback -->\n", encoding="utf-8"
    )
    assert run_opsdocs("validate", str(project)).returncode == 0
    staff = build_site(project / "mkdocs.yml", tmp_path / "staff")
    assert staff.returncode == 0, staff.stderr
    assert CANARY in (tmp_path / "staff" / "guide" / "index.html").read_text(encoding="utf-8")
    public = build_site(project / "mkdocs.public.yml", tmp_path / "public")
    assert public.returncode == 0, public.stderr
    assert not (tmp_path / "public" / "guide").exists()
    leaked = [rel for rel, data in tree(tmp_path / "public").items() if CANARY.encode() in data]
    assert leaked == []


def test_public_directives_expand_on_the_public_site(project: Path, tmp_path: Path) -> None:
    (project / "data" / "support.yml").write_text(
        "channels:\n  - {id: mail, name: Mail desk, kind: email, address: help@acme.test}\n"
        "  - {id: back, name: Back office line, kind: phone, address: '+1 555 0100', audience: internal}\n"
        "response_targets:\n  - {priority: p1, name: Urgent, first_response: 1h, severity: sev1}\n",
        encoding="utf-8",
    )
    body = "".join(f"<!-- opsdocs:{name} -->\n\n" for name in PUBLIC_FRAGMENTS)
    (project / "docs" / "guide.md").write_text(f"# Guide\n\n{body}", encoding="utf-8")
    assert run_opsdocs("validate", str(project)).returncode == 0
    built = build_site(project / "mkdocs.public.yml", tmp_path / "public")
    assert built.returncode == 0, built.stderr
    guide = page(tmp_path / "public", "guide/index.html")
    text = guide.cssselect("article")[0].text_content()
    assert "Mail desk" in text and "Urgent" in text
    assert "Back office line" not in text
    assert "Critical" not in text, "the severity behind a support target is internal"


def test_an_unknown_directive_is_the_same_error_everywhere(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "guide.md").write_text("# Guide\n\n  <!-- opsdocs:nosuch -->\n", encoding="utf-8")
    known = ", ".join(f.name for f in FRAGMENTS)
    expected = [f"docs/guide.md:3:3: error: unknown opsdocs directive 'nosuch'; known directives: {known}"]
    assert_every_path_refuses(project, tmp_path, expected, staff=True)


def test_a_misspelt_audience_is_an_error_not_a_public_page(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "guide.md").write_text(
        "---\ntitle: Guide\naudiance: internal\n---\n# Guide\n\nSecret plans.\n", encoding="utf-8"
    )
    expected = ["docs/guide.md:3:11: error: audiance: unknown field 'audiance'; did you mean 'audience'?"]
    assert_every_path_refuses(project, tmp_path, expected, staff=True)


@pytest.mark.parametrize(
    ("key", "meant"), [("Audience", "audience"), ("catgory", "category"), ("last_review", "last_reviewed")]
)
def test_keys_close_to_an_opsdocs_key_are_refused(project: Path, key: str, meant: str) -> None:
    (project / "docs" / "guide.md").write_text(f"---\n{key}: x\n---\n# Guide\n", encoding="utf-8")
    checked = run_opsdocs("validate", str(project))
    assert checked.returncode == 1
    assert f"did you mean '{meant}'?" in checked.stderr


def test_theme_keys_are_accepted_on_a_page(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "guide.md").write_text(
        "---\ntitle: Guide\ndescription: How to\nhide: [toc]\nstatus: new\nsearch: {boost: 2}\n"
        "subtitle: More\ncategories: [How-to]\nicon: material/book\nowner_note: free text\n---\n# Guide\n",
        encoding="utf-8",
    )
    checked = run_opsdocs("validate", str(project))
    assert checked.returncode == 0, checked.stderr
    built = build_site(project / "mkdocs.public.yml", tmp_path / "public")
    assert built.returncode == 0, built.stderr


def test_a_misspelt_runbook_key_is_an_error(project: Path) -> None:
    path = project / "runbooks" / "api-down.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\naudiance: public\n", 1), encoding="utf-8")
    checked = run_opsdocs("validate", str(project))
    assert checked.returncode == 1
    assert (
        "runbooks/api-down.md:2:11: error: audiance: unknown field 'audiance'; did you mean 'audience'?"
        in (checked.stderr)
    )


def test_an_internal_component_listed_by_public_records_stays_off_the_public_site(
    project: Path, tmp_path: Path
) -> None:
    incident = project / "data" / "incidents" / "web-slow.yml"
    incident.write_text(
        incident.read_text(encoding="utf-8").replace(
            "components: {web: partial_outage}",
            "components: {web: partial_outage, secret-thing: major_outage}",
        ),
        encoding="utf-8",
    )
    window = project / "data" / "maintenance" / "db-later.yml"
    window.write_text(
        window.read_text(encoding="utf-8").replace(
            "components: [api, web]", "components: [api, secret-thing]"
        ),
        encoding="utf-8",
    )
    staff = build_site(project / "mkdocs.yml", tmp_path / "staff")
    assert staff.returncode == 0, staff.stderr
    staff_page = (tmp_path / "staff" / "status" / "incidents" / "web-slow" / "index.html").read_text()
    assert "Secret backend" in staff_page, "the staff site names the component"
    public = build_site(project / "mkdocs.public.yml", tmp_path / "public")
    assert public.returncode == 0, public.stderr
    out = tmp_path / "generated"
    assert generate(project, out).returncode == 0
    for folder in (tmp_path / "public", out):
        leaked = [
            rel for rel, data in tree(folder).items() if b"secret-thing" in data or b"Secret backend" in data
        ]
        assert leaked == [], f"{folder.name}: {leaked}"
    incident = page(tmp_path / "public", "status/incidents/web-slow/index.html")
    assert "Web app" in incident.cssselect("article")[0].text_content()
