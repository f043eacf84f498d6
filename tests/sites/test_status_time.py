"""The status page is honest about time: it says when it was built, carries the changes
scheduled maintenance will make, and tells its script when to call its data old."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from tests.clock import NOW, YEARS_AHEAD, env_at
from tests.conftest import run_opsdocs
from tests.html import page
from tests.paths import FIXTURES
from tests.sitebuild import assert_refused, build_site

FIXTURE = FIXTURES / "status_site"


def fixture_site(tmp_path: Path, now: str = NOW, language: str = "en", **status: object) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["theme"]["language"] = language
    config["plugins"]["opsdocs/status"] = dict(status)
    config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return project


def build(project: Path, now: str = NOW) -> lxml_html.HtmlElement:
    result = build_site(project / "mkdocs.yml", project / "site", now=now)
    assert result.returncode == 0, result.stderr
    return page(project / "site", "status/index.html")


def script_data(doc: lxml_html.HtmlElement, element_id: str) -> object:
    (element,) = doc.xpath(f"//script[@id='{element_id}']")
    return json.loads(element.text)


def test_without_javascript_the_page_says_as_of_when_it_was_built(tmp_path: Path) -> None:
    doc = build(fixture_site(tmp_path))
    (stamp,) = doc.cssselect("time[data-opsdocs-generated]")
    assert stamp.get("datetime") == NOW
    assert stamp.text_content() == "Status as of Nov 28, 2026, 12:00 UTC-03"
    assert not stamp.xpath("ancestor::noscript|ancestor::script")
    # The notice about old data is the script's to show: without it, nothing claims to be stale.
    (notice,) = doc.cssselect("[data-opsdocs-stale]")
    assert notice.get("hidden") is not None and notice.text_content() == ""
    assert doc.cssselect("[data-opsdocs-status]")[0].get("data-stale-after") == "60"


def test_the_page_carries_the_changes_scheduled_maintenance_will_make(tmp_path: Path) -> None:
    doc = build(fixture_site(tmp_path))
    changes = script_data(doc, "opsdocs-ahead")
    # Email's window ends at 14:00; "Database upgrade" holds api and web 02:00-04:00 on 5 Dec.
    # web's open incident (partial outage) is worse than maintenance, so web stays as it is.
    assert changes == [
        {
            "at": "2026-11-28T17:00:00+00:00",
            "indicator": "major",
            "components": {"api": "operational", "web": "partial_outage", "email": "operational"},
        },
        {
            "at": "2026-12-05T05:00:00+00:00",
            "indicator": "major",
            "components": {"api": "under_maintenance", "web": "partial_outage", "email": "operational"},
        },
        {
            "at": "2026-12-05T07:00:00+00:00",
            "indicator": "major",
            "components": {"api": "operational", "web": "partial_outage", "email": "operational"},
        },
    ]
    assert "secret-thing" not in json.dumps(changes), "an internal component stays off the public page"


def test_years_ahead_nothing_is_scheduled_and_the_page_still_says_as_of(tmp_path: Path) -> None:
    later = YEARS_AHEAD[-1]
    doc = build(fixture_site(tmp_path), now=later)
    assert script_data(doc, "opsdocs-ahead") == []
    assert doc.cssselect("time[data-opsdocs-generated]")[0].get("datetime") == later


def test_stale_after_minutes_is_an_option_and_the_labels_follow_the_language(tmp_path: Path) -> None:
    doc = build(fixture_site(tmp_path, language="es", stale_after_minutes=15))
    assert doc.cssselect("[data-opsdocs-status]")[0].get("data-stale-after") == "15"
    assert doc.cssselect("time[data-opsdocs-generated]")[0].text_content().startswith("Estado a las ")
    labels = script_data(doc, "opsdocs-labels")
    assert labels["status.stale"].startswith("Esta página se actualizó por última vez hace {minutes} min")
    assert labels["status.indicator.maintenance"] == "Servicio en mantenimiento"


@pytest.mark.parametrize("value", [0, -5, "soon"])
def test_a_bad_stale_after_minutes_stops_the_build_with_a_clear_error(tmp_path: Path, value: object) -> None:
    project = fixture_site(tmp_path, stale_after_minutes=value)
    result = build_site(project / "mkdocs.yml", project / "site")
    assert_refused(result, "stale_after_minutes", unwritten=project / "site")


def test_generate_carries_stale_after_minutes(tmp_path: Path) -> None:
    project = fixture_site(tmp_path, stale_after_minutes=45)
    out = tmp_path / "out"
    result = run_opsdocs("generate", str(out), "--project", str(project), env=env_at())
    assert result.returncode == 0, result.stderr
    assert 'data-stale-after="45"' in (out / "docs" / "status" / "index.md").read_text(encoding="utf-8")
