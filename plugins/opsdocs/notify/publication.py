"""One publication of the status page's API: read from a built site's folder or from the live
site, the baseline ``opsdocs notify`` compares a new build with."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

API_DIR = "api/v2"
API_FILES = ("summary.json", "incidents.json", "scheduled-maintenances.json", "components.json")
"""The API files a publication is read from: what is happening, the recent history, the
windows and the components."""

LOG_PATH = "api/opsdocs/notified.json"
"""Where a site keeps its sent-log, beside its API."""

FETCH_TIMEOUT = 30.0
"""Seconds to wait for the live site before giving up."""


class PublicationError(Exception):
    """A publication that cannot be read: a bad folder, an unreachable site, a file that is not
    the JSON the API writes."""


@dataclass(frozen=True)
class Publication:
    """The API of one build: its page, status, incidents, windows and components by id."""

    page: dict[str, Any]
    status: dict[str, Any]
    incidents: dict[str, dict[str, Any]]
    maintenances: dict[str, dict[str, Any]]
    components: dict[str, dict[str, Any]]
    log: dict[str, Any] | None = field(default=None, compare=False)
    """The sent-log published beside the API, if any."""

    @property
    def subjects(self) -> set[str]:
        """Every incident, window and component id in this publication."""
        return set(self.incidents) | set(self.maintenances) | set(self.components)


def _by_id(*lists: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for items in lists:
        for item in items:
            found.setdefault(item["id"], item)
    return found


def from_documents(documents: dict[str, Any], log: dict[str, Any] | None = None) -> Publication:
    """A publication from the parsed API files, by file name."""
    try:
        summary = documents["summary.json"]
        return Publication(
            page=summary["page"],
            status=summary["status"],
            incidents=_by_id(documents["incidents.json"]["incidents"], summary["incidents"]),
            maintenances=_by_id(
                documents["scheduled-maintenances.json"]["scheduled_maintenances"],
                summary["scheduled_maintenances"],
            ),
            components=_by_id(documents["components.json"]["components"]),
            log=log,
        )
    except (KeyError, TypeError) as exc:
        raise PublicationError(f"not a status page API: missing {exc}") from None


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise PublicationError(f"{where}: not JSON ({exc.msg} at line {exc.lineno})") from None


def api_folder(path: Path) -> Path | None:
    """The ``api/v2`` folder that ``path`` names (a site's folder, its ``api/v2`` folder, or
    a file in it); None for an existing folder with nothing published yet."""
    if path.is_file():
        return path.parent
    if not path.is_dir():
        raise PublicationError(f"{path}: no such folder")
    if (path / API_DIR).is_dir():
        return path / API_DIR
    if (path / API_FILES[0]).is_file():
        return path
    return None


def read_folder(path: Path) -> Publication | None:
    """The publication in a folder; None when the folder has none yet."""
    folder = api_folder(path)
    if folder is None:
        return None
    documents = {}
    for name in API_FILES:
        file = folder / name
        if not file.is_file():
            raise PublicationError(f"{file}: missing (is this a status page's API?)")
        documents[name] = _parse(file.read_text(encoding="utf-8"), str(file))
    log_file = folder.parent / "opsdocs" / "notified.json"
    log = _parse(log_file.read_text(encoding="utf-8"), str(log_file)) if log_file.is_file() else None
    return from_documents(documents, log)


def _fetch_documents(base_url: str, client: httpx.Client | None = None) -> dict[str, str] | None:
    """The API files and sent-log live at ``base_url``, as text by path below the site; None
    when the site has no API yet (404)."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    own = client is None
    client = client or httpx.Client(timeout=FETCH_TIMEOUT, follow_redirects=True)
    try:
        texts = {}
        for name in API_FILES:
            url = f"{base}{API_DIR}/{name}"
            response = client.get(url)
            if response.status_code == 404 and name == API_FILES[0]:
                return None
            if response.status_code != 200:
                raise PublicationError(f"{url}: HTTP {response.status_code}")
            texts[f"{API_DIR}/{name}"] = response.text
        response = client.get(f"{base}{LOG_PATH}")
        if response.status_code == 200:
            texts[LOG_PATH] = response.text
        return texts
    except httpx.HTTPError as exc:
        raise PublicationError(f"{base}: cannot be read ({exc})") from None
    finally:
        if own:
            client.close()


def _from_texts(texts: dict[str, str], base: str) -> Publication:
    documents = {name: _parse(texts[f"{API_DIR}/{name}"], f"{base}{API_DIR}/{name}") for name in API_FILES}
    log = _parse(texts[LOG_PATH], f"{base}{LOG_PATH}") if LOG_PATH in texts else None
    return from_documents(documents, log)


def fetch(base_url: str, client: httpx.Client | None = None) -> Publication | None:
    """The publication live at ``base_url``; None when the site has no API yet (404)."""
    texts = _fetch_documents(base_url, client)
    return None if texts is None else _from_texts(texts, base_url.rstrip("/") + "/")


def save_live(base_url: str, out_dir: Path) -> bool:
    """Copy the publication live at ``base_url`` (its API and sent-log) into ``out_dir``, to be
    the baseline of a deploy that has not happened yet; False, with ``out_dir`` left empty,
    when the site has no API yet. Each file is checked to be the API's JSON before any is
    written, and the copy is renamed into place, so ``out_dir`` never holds half of one."""
    texts = _fetch_documents(base_url)
    out_dir.mkdir(parents=True, exist_ok=True)
    if texts is None:
        return False
    _from_texts(texts, base_url.rstrip("/") + "/")
    fresh = out_dir / ".api.new"
    shutil.rmtree(fresh, ignore_errors=True)
    for path, text in texts.items():
        target = fresh / Path(path).relative_to("api")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    shutil.rmtree(out_dir / "api", ignore_errors=True)
    fresh.replace(out_dir / "api")
    return True


def read_publication(source: str) -> Publication | None:
    """The publication at ``source``: an ``http(s)://`` address of a live site, else a folder."""
    if source.startswith(("http://", "https://")):
        return fetch(source)
    return read_folder(Path(source))


def keep(site_dir: Path, state_dir: Path) -> None:
    """Make ``state_dir`` hold ``site_dir``'s API and sent-log (``api/``), the baseline of the
    next run, replacing what it held; a copy beside it is renamed into place, so an
    interrupted copy leaves the old baseline whole."""
    state_dir.mkdir(parents=True, exist_ok=True)
    fresh = state_dir / ".api.new"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(site_dir / "api", fresh)
    old = state_dir / ".api.old"
    shutil.rmtree(old, ignore_errors=True)
    if (state_dir / "api").exists():
        (state_dir / "api").replace(old)
    fresh.replace(state_dir / "api")
    shutil.rmtree(old, ignore_errors=True)
