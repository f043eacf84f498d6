"""The loader: where each value stands, and the files it refuses (duplicates, bombs, links out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsdocs.load import load_markdown_file, load_yaml_file, parse_yaml_text
from opsdocs.load.yaml_source import MAX_DEPTH, MAX_VALUES
from opsdocs.model import read_project
from opsdocs.problems import ProjectInvalid


def position(text: str, needle: str) -> tuple[int, int]:
    """The 1-based (line, column) of the one occurrence of ``needle`` in ``text``."""
    assert text.count(needle) == 1, needle
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


NESTED = """\
title: Outage
updates:
  - at: 2026-03-10T09:10:00-03:00
    message: First
  - at: 2026-03-10T09:40:00-03:00
    message: |
      Second,
      on two lines.
    components:
      api: major_outage
      web: {status: degraded}
"""


def test_positions_of_nested_values():
    doc, problems = parse_yaml_text(NESTED, "data/x.yml")
    assert problems == []
    assert doc.data["updates"][1]["components"]["api"] == "major_outage"
    assert doc.positions[("title",)] == position(NESTED, "Outage")
    assert doc.positions[("updates", 0)] == position(NESTED, "at: 2026-03-10T09:10")
    assert doc.positions[("updates", 1, "message")] == position(NESTED, "|")
    assert doc.positions[("updates", 1, "components", "api")] == position(NESTED, "major_outage")
    assert doc.positions[("updates", 1, "components", "web", "status")] == position(NESTED, "degraded")
    # Timestamps stay text, so that the model can report an impossible one against its field.
    assert doc.data["updates"][0]["at"] == "2026-03-10T09:10:00-03:00"


def test_missing_value_is_located_at_its_parent():
    doc, _ = parse_yaml_text(NESTED, "data/x.yml")
    problem = doc.problem(("updates", 0, "status"), "updates[0].status: required")
    assert (problem.line, problem.column) == position(NESTED, "at: 2026-03-10T09:10")
    assert str(problem).startswith(f"data/x.yml:{problem.line}:{problem.column}: error: updates[0].status")


def test_duplicate_key_is_reported_at_the_second_and_the_first_value_kept():
    text = "id: a\ntitle: First\nseverity: sev1\ntitle: Second\n"
    doc, problems = parse_yaml_text(text, "data/x.yml")
    assert len(problems) == 1
    first_line, _ = position(text, "title: First")
    line, column = position(text, "title: Second")
    assert (problems[0].line, problems[0].column) == (line, column)
    assert problems[0].message == f"title: duplicate key 'title' (first on line {first_line})"
    assert doc.data["title"] == "First"


def test_duplicate_key_in_a_nested_mapping():
    text = "groups:\n  - id: a\n    name: A\n    id: b\n"
    _, problems = parse_yaml_text(text, "data/x.yml")
    assert [(p.line, p.column) for p in problems] == [position(text, "id: b")]
    assert "groups[0].id: duplicate key 'id' (first on line 2)" in problems[0].message


def test_alias_bomb_stops_with_a_problem():
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        prev = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        levels.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    text = "\n".join(levels) + "\n"
    doc, problems = parse_yaml_text(text, "data/bomb.yml")
    assert doc is None
    assert len(problems) == 1
    assert problems[0].path == "data/bomb.yml"
    assert f"more than {MAX_VALUES:,} values" in problems[0].message
    assert "aliases" in problems[0].message


def test_a_few_aliases_are_fine():
    text = "base: &base {name: API}\ncopy: *base\n"
    doc, problems = parse_yaml_text(text, "data/x.yml")
    assert problems == []
    assert doc.data["copy"] == {"name": "API"}


def test_nesting_up_to_the_limit_is_accepted():
    text = "[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH + "\n"
    doc, problems = parse_yaml_text(text, "data/deep.yml")
    assert problems == []
    assert doc is not None


def test_nesting_deeper_than_the_limit_is_refused():
    depth = MAX_DEPTH + 1
    text = "key:\n  " + "[" * depth + "1" + "]" * depth + "\n"
    doc, problems = parse_yaml_text(text, "data/deep.yml")
    assert doc is None
    assert len(problems) == 1
    assert f"nested more than {MAX_DEPTH} levels deep" in problems[0].message
    assert problems[0].line == 2


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "site.yml"
    text = "product: Minimal\ntimezone: America/Santiago\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    doc, problems = load_yaml_file(path, "data/site.yml")
    assert problems == []
    assert doc.data == {"product": "Minimal", "timezone": "America/Santiago"}
    assert doc.positions[("product",)] == position(text, "Minimal")
    assert doc.positions[("timezone",)] == position(text, "America")


def test_windows_line_endings_are_accepted(tmp_path):
    path = tmp_path / "x.yml"
    text = "title: Outage\nmessage: |\n  Two\n  lines\nseverity: sev1\n"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    doc, problems = load_yaml_file(path, "data/x.yml")
    assert problems == []
    assert doc.data == {"title": "Outage", "message": "Two\nlines\n", "severity": "sev1"}
    assert doc.positions[("severity",)] == position(text, "sev1")


def test_not_utf8_is_a_problem_at_the_byte(tmp_path):
    path = tmp_path / "x.yml"
    text = "title: ok\nname: Señal\n"
    path.write_bytes(text.encode("latin-1"))
    doc, problems = load_yaml_file(path, "data/x.yml")
    assert doc is None
    assert [(p.line, p.column) for p in problems] == [position(text, "ñ")]
    assert "not UTF-8" in problems[0].message


def test_symlink_outside_the_project_is_refused(minimal_project, tmp_path):
    outside = tmp_path / "outside.yml"
    source = minimal_project / "data" / "incidents" / "2026-03-20-slow-emails.yml"
    outside.write_text(source.read_text(encoding="utf-8").replace("slow-emails", "linked"), encoding="utf-8")
    link = minimal_project / "data" / "incidents" / "2026-03-21-linked.yml"
    link.symlink_to(outside)
    with pytest.raises(ProjectInvalid) as raised:
        read_project(minimal_project)
    [problem] = raised.value.problems
    assert problem.path == "data/incidents/2026-03-21-linked.yml"
    assert "link to outside the project" in problem.message


def test_symlinked_single_file_outside_the_project_is_refused(minimal_project, tmp_path):
    outside = tmp_path / "kpis.yml"
    (minimal_project / "data" / "kpis.yml").rename(outside)
    (minimal_project / "data" / "kpis.yml").symlink_to(outside)
    with pytest.raises(ProjectInvalid) as raised:
        read_project(minimal_project)
    assert [p.path for p in raised.value.problems] == ["data/kpis.yml"]
    assert "link to outside the project" in raised.value.problems[0].message


def test_symlink_inside_the_project_is_read(minimal_project):
    data = minimal_project / "data"
    (data / "kpis.yml").rename(data / "kpis-real.yml")
    (data / "kpis.yml").symlink_to(data / "kpis-real.yml")
    project = read_project(minimal_project)
    assert [k.id for k in project.kpis.kpis] == ["uptime", "review-cadence"]


RUNBOOK = """\
---
id: api-outage
title: API outage
owner: tech-lead
alerts:
  - High error rate
last_reviewed: 2026-03-01
---

# API outage

Roll back.
"""


def test_front_matter_positions_are_lines_of_the_markdown_file(tmp_path):
    path = tmp_path / "one.md"
    path.write_text(RUNBOOK, encoding="utf-8")
    source, problems = load_markdown_file(path, "runbooks/one.md")
    assert problems == []
    assert source.meta.data["owner"] == "tech-lead"
    assert source.meta.positions[("id",)] == position(RUNBOOK, "api-outage\n")
    assert source.meta.positions[("owner",)] == position(RUNBOOK, "tech-lead")
    assert source.meta.positions[("alerts", 0)] == position(RUNBOOK, "High error rate")
    body_line, _ = position(RUNBOOK, "\n# API outage")
    assert source.body_line == body_line
    assert source.body.startswith("\n# API outage")


def test_front_matter_problems_are_on_lines_of_the_markdown_file(tmp_path):
    path = tmp_path / "one.md"
    text = RUNBOOK.replace("last_reviewed: 2026-03-01\n", "last_reviewed: 2026-03-01\nowner: someone\n")
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    _, problems = load_markdown_file(path, "runbooks/one.md")
    first_line, _ = position(text, "owner: tech-lead")
    assert [(p.line, p.column) for p in problems] == [position(text, "owner: someone")]
    assert f"duplicate key 'owner' (first on line {first_line})" in problems[0].message


def test_front_matter_syntax_error_is_on_a_line_of_the_markdown_file(tmp_path):
    path = tmp_path / "one.md"
    text = RUNBOOK.replace("title: API outage", "title: API outage: down\n  bad")
    path.write_text(text, encoding="utf-8")
    source, problems = load_markdown_file(path, "runbooks/one.md")
    assert source is None
    [problem] = problems
    assert problem.message.startswith("invalid YAML")
    assert problem.line == position(text, "title: API outage: down")[0]


def test_markdown_without_front_matter_has_empty_meta(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("# Title\n\nText.\n", encoding="utf-8")
    source, problems = load_markdown_file(path, "docs/page.md")
    assert problems == []
    assert source.meta.data == {}
    assert source.body_line == 1
    assert source.body == "# Title\n\nText.\n"


def test_path_is_relative_in_problems(tmp_path: Path):
    path = tmp_path / "bad.yml"
    path.write_text("a: [1, 2\n", encoding="utf-8")
    doc, problems = load_yaml_file(path, "data/bad.yml")
    assert doc is None
    assert problems[0].path == "data/bad.yml"
    assert problems[0].message.startswith("invalid YAML: ")
