"""Page weight: what a browser transfers to show one page of a built site.

A local HTTP server (127.0.0.1, random port, in a thread) serves the site the way a static host
does: gzip ``Content-Encoding`` when the client accepts it, ``Cache-Control: max-age=600`` (GitHub
Pages' value) with an ``ETag`` and a ``Last-Modified``, so a conditional request gets a 304.
Debian's Chromium, driven by Playwright, loads the page three times in one browser context:

- first visit: a fresh context, cache empty;
- repeat visit: the same URL again in the same tab, cache warm; within ``max-age`` Chromium
  takes everything, the page included, from its cache;
- after a deploy: the server gives every HTML page a new ETag and Last-Modified (as a rebuild
  would) and the page is reloaded: Chromium revalidates the page, which comes back in full, and
  takes the theme's assets from its cache.

Material's search worker fetches its script, ``lunr`` scripts and the search index; the page's
DevTools session does not finish the worker's own requests, so those are counted from the
server's log of what it sent during the visit (headers and body, the same measure).

Each visit counts what loads by the ``load`` event plus a settle (network idle for 500 ms, then
500 ms more); later requests, such as the status page's refresh of ``summary.json`` every minute,
are not counted. Bytes are Chromium's own count through the DevTools protocol:
``Network.loadingFinished`` ``encodedDataLength`` (headers and compressed body as received), with
``fromDiskCache``/``fromMemoryCache``/``requestServedFromCache`` telling what came from the cache.
Every host but 127.0.0.1 resolves to nothing (``--host-resolver-rules``), so a request that
leaves the origin fails, and is reported, never counted silently.

Usage: ``python bench/pageweight.py SITE_DIR [status/index.html]``.
"""

from __future__ import annotations

import contextlib
import email.utils
import gzip
import hashlib
import mimetypes
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

MAX_AGE = 600
"""Seconds a static host lets browsers reuse a response (GitHub Pages sends 600)."""
GZIP_LEVEL = 6
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/manifest+json",
    "image/svg+xml",
)
SETTLE_S = 0.5
"""After network idle, wait this much more before counting."""
ICON_WAIT_S = 5.0
"""How long to wait, after the settle, for the page's icon (``link rel=icon``) to load."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Headless Chromium as a test bench runs it: no sandbox or GPU, no traffic of its own. The
browser tests launch it with the same flags (``tests/chromium.py``)."""
LOCAL_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
"""Nothing but the local server: every other host fails to resolve, and the failure is reported."""


class NoBrowser(Exception):
    """Chromium or Playwright is missing; the message says which."""


def chromium_path() -> str | None:
    """Debian's Chromium (``chromium`` or ``chromium-browser`` on the PATH); None when there is none."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


# --- results ------------------------------------------------------------------------------


@dataclass
class Request:
    """One request the page made during a visit."""

    url: str
    source: str
    """``network``, ``disk cache``, ``memory cache`` or ``failed``."""
    status: int | None
    bytes: int
    """Bytes received for it (headers and encoded body); 0 from the cache."""
    encoding: str = ""
    error: str = ""


@dataclass
class Visit:
    requests: list[Request] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.requests)

    @property
    def bytes(self) -> int:
        return sum(r.bytes for r in self.requests)

    @property
    def network(self) -> list[Request]:
        """Requests that reached (or tried to reach) a server, 304s included."""
        return [r for r in self.requests if r.source.startswith(("network", "failed"))]


@dataclass
class PageWeight:
    page: str
    html_bytes: int
    html_gzip: int
    """The page's HTML compressed with gzip (level 6), as the server sends it."""
    first: Visit
    """A fresh browser context: nothing cached."""
    repeat: Visit
    """The same URL again in the same tab, cache warm (within ``MAX_AGE``)."""
    deployed: Visit
    """The page reloaded after the site was deployed again: the page's HTML is revalidated and
    sent again in full (new ETag), the theme's assets come from the cache."""
    off_origin: list[str]
    """URLs of requests to another host, on any visit (they fail: no network)."""
    browser: str
    summary_gzip: int | None
    """The JSON the page's refresh script fetches every minute, gzip; not part of any visit."""


# --- the static host ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    body: bytes
    gzipped: bytes | None
    etag: str
    modified: float
    mime: str


class _Files:
    """The site's files, read and compressed once."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._cache: dict[Path, _Entry] = {}
        self._lock = threading.Lock()

    def get(self, path: Path) -> _Entry:
        with self._lock:
            entry = self._cache.get(path)
            if entry is None:
                body = path.read_bytes()
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                gzipped = gzip.compress(body, GZIP_LEVEL, mtime=0) if mime.startswith(COMPRESSIBLE) else None
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                entry = _Entry(body, gzipped, etag, int(path.stat().st_mtime), mime)
                self._cache[path] = entry
            return entry


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    files: _Files
    log: list[tuple[str, int, int]]
    """(path, status, bytes of headers and body) of every response."""
    deploys: list[int]
    """How many times the pages were "deployed again": bumps their ETag and Last-Modified."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # The status line and headers, and the blank line that ``end_headers`` adds.
        self._header_bytes = sum(len(chunk) for chunk in getattr(self, "_headers_buffer", [])) + 2
        super().end_headers()

    def _logged(self, code: int, body: int) -> None:
        self.log.append((urlsplit(self.path).path, code, self._header_bytes + body))

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        root = self.files.root
        url_path = unquote(urlsplit(self.path).path)
        target = (root / url_path.lstrip("/")).resolve()
        if target != root and root not in target.parents:
            return self._plain(404, b"not found", head)
        if target.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                self._logged(301, 0)
                return None
            target = target / "index.html"
        if not target.is_file():
            return self._plain(404, b"not found", head)
        entry = self.files.get(target)
        if entry.mime == "text/html" and self.deploys[0]:
            # Rebuilt pages: same bytes, a new version as far as caches can tell (15 minutes later).
            entry = replace(
                entry,
                etag=entry.etag[:-1] + f'-{self.deploys[0]}"',
                modified=entry.modified + 900 * self.deploys[0],
            )
        last_modified = email.utils.formatdate(entry.modified, usegmt=True)
        match = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        fresh = False
        if match is not None:
            fresh = entry.etag in [tag.strip().removeprefix("W/") for tag in match.split(",")] or match == "*"
        elif since is not None:
            parsed = email.utils.parsedate_to_datetime(since) if since else None
            fresh = parsed is not None and entry.modified <= parsed.timestamp()
        if fresh:
            self.send_response(304)
            self._cache_headers(entry, last_modified)
            self.end_headers()
            self._logged(304, 0)
            return None
        accepts = self.headers.get("Accept-Encoding", "")
        use_gzip = entry.gzipped is not None and "gzip" in [
            a.split(";")[0].strip() for a in accepts.split(",")
        ]
        body = entry.gzipped if use_gzip and entry.gzipped is not None else entry.body
        self.send_response(200)
        self.send_header(
            "Content-Type", entry.mime + ("; charset=utf-8" if entry.mime.startswith("text/") else "")
        )
        self.send_header("Content-Length", str(len(body)))
        if use_gzip:
            self.send_header("Content-Encoding", "gzip")
        self._cache_headers(entry, last_modified)
        self.end_headers()
        if not head:
            self.wfile.write(body)
        self._logged(200, 0 if head else len(body))
        return None

    def _cache_headers(self, entry: _Entry, last_modified: str) -> None:
        self.send_header("Cache-Control", f"max-age={MAX_AGE}")
        self.send_header("ETag", entry.etag)
        self.send_header("Last-Modified", last_modified)
        if entry.gzipped is not None:
            self.send_header("Vary", "Accept-Encoding")

    def _plain(self, code: int, body: bytes, head: bool) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)
        self._logged(code, 0 if head else len(body))


@dataclass
class Host:
    """The running server: its URL, its log and a way to redeploy the pages."""

    base: str
    log: list[tuple[str, int, int]]
    deploys: list[int]

    def deploy(self) -> None:
        """Pretend the site was rebuilt: every HTML page gets a new ETag and Last-Modified."""
        self.deploys[0] += 1


@contextmanager
def serve(site: Path) -> Iterator[Host]:
    """Serve ``site`` on 127.0.0.1, a random port, as a static host would."""
    log: list[tuple[str, int, int]] = []
    deploys = [0]
    handler = type("Handler", (_Handler,), {"files": _Files(site), "log": log, "deploys": deploys})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Host(f"http://127.0.0.1:{server.server_address[1]}/", log, deploys)
    finally:
        server.shutdown()
        server.server_close()


# --- the browser --------------------------------------------------------------------------


class _Recorder:
    """Every request of one page, from the DevTools protocol's Network events."""

    def __init__(self, cdp: Any) -> None:
        self.entries: dict[str, dict[str, Any]] = {}
        self.order: list[str] = []
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.requestServedFromCache", self._from_cache)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)

    def reset(self) -> None:
        self.entries.clear()
        self.order.clear()

    def _entry(self, request_id: str) -> dict[str, Any]:
        if request_id not in self.entries:
            self.entries[request_id] = {"url": "", "source": "network", "status": None, "bytes": 0}
            self.order.append(request_id)
        return self.entries[request_id]

    def _sent(self, event: dict[str, Any]) -> None:
        entry = self._entry(event["requestId"])
        if entry["url"] and event.get("redirectResponse"):
            # A redirect reuses the request id: keep the redirect as a request of its own.
            redirect = dict(entry, status=event["redirectResponse"].get("status"))
            redirect["bytes"] = int(event["redirectResponse"].get("encodedDataLength") or 0)
            key = f"{event['requestId']}#{len(self.order)}"
            self.entries[key] = redirect
            self.order.insert(self.order.index(event["requestId"]), key)
            entry.update(source="network", status=None, bytes=0)
        entry["url"] = event["request"]["url"]

    def _from_cache(self, event: dict[str, Any]) -> None:
        self._entry(event["requestId"])["source"] = "memory cache"

    def _response(self, event: dict[str, Any]) -> None:
        entry = self._entry(event["requestId"])
        response = event["response"]
        entry["status"] = response.get("status")
        if response.get("fromDiskCache"):
            entry["source"] = "disk cache"
        elif response.get("fromMemoryCache"):
            entry["source"] = "memory cache"
        headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
        entry["encoding"] = headers.get("content-encoding", "")

    def _finished(self, event: dict[str, Any]) -> None:
        entry = self._entry(event["requestId"])
        entry["bytes"] = int(event.get("encodedDataLength") or 0) if entry["source"] == "network" else 0

    def _failed(self, event: dict[str, Any]) -> None:
        entry = self._entry(event["requestId"])
        entry.update(source="failed", error=str(event.get("errorText", "")), bytes=0)

    def finished(self, url: str) -> bool:
        """Whether a request for ``url`` has completed (from the network or a cache) or failed."""
        return any(
            e["url"] == url and (e["status"] is not None or e["source"] != "network")
            for e in self.entries.values()
        )

    def visit(self) -> Visit:
        return Visit(
            [
                Request(
                    url=e["url"],
                    source=e["source"],
                    status=e["status"],
                    bytes=e["bytes"],
                    encoding=e.get("encoding", ""),
                    error=e.get("error", ""),
                )
                for e in (self.entries[k] for k in self.order)
                if e["url"] and not e["url"].startswith("data:")
            ]
        )


def _settle(page: Any, recorder: _Recorder) -> None:
    page.wait_for_load_state("load")
    with contextlib.suppress(Exception):  # a page that never idles is measured as it stands
        page.wait_for_load_state("networkidle", timeout=15_000)
    time.sleep(SETTLE_S)
    # Chromium asks for the page's icon on its own schedule, after ``load``; on a page that goes
    # idle quickly it came after the settle, and was counted in the next visit instead.
    icon = page.evaluate("document.querySelector('link[rel~=\"icon\"]')?.href || null")
    deadline = time.monotonic() + ICON_WAIT_S
    while icon and not recorder.finished(icon) and time.monotonic() < deadline:
        time.sleep(0.1)


def _visit(recorder: _Recorder, seen: list[str], served: list[tuple[str, int, int]], origin: str) -> Visit:
    """The visit as the page's DevTools session saw it, completed with the requests of the page's
    workers (Material's search worker and the scripts it imports), which that session does not
    report or does not finish: those are counted from the local server's log (``served``: what
    it sent during the visit, headers included), and came from the cache when it sent nothing."""
    visit = recorder.visit()
    unserved = list(served)

    def take(path: str) -> tuple[int, int] | None:
        for i, (p, status, size) in enumerate(unserved):
            if p == path:
                del unserved[i]
                return status, size
        return None

    for r in visit.requests:
        if r.source == "network" and r.status is not None and urlsplit(r.url).netloc == origin:
            take(urlsplit(r.url).path)
    counted = [r.url for r in visit.requests]
    for url in seen:
        if url in counted:
            counted.remove(url)
        elif not url.startswith("data:"):
            visit.requests.append(Request(url=url, source="network", status=None, bytes=0))
    for r in visit.requests:
        if r.source != "network" or r.status is not None:
            continue
        hit = take(urlsplit(r.url).path) if urlsplit(r.url).netloc == origin else None
        if hit is None:
            r.source = "cache (worker)" if urlsplit(r.url).netloc == origin else "failed"
        else:
            r.status, r.bytes = hit
            r.source = "network (worker, counted by the server)"
    return visit


def measure(site: Path, page_path: str = "status/index.html") -> PageWeight:
    """Load ``page_path`` of the built ``site`` in Chromium: first visit, repeat visit, and a
    reload after the pages were deployed again."""
    executable = chromium_path()
    if executable is None:
        raise NoBrowser("Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise NoBrowser("Playwright for Python is not installed") from None
    html = (site / page_path).read_bytes()
    url_path = page_path.removesuffix("index.html")
    with serve(site) as host, sync_playwright() as playwright:
        origin = urlsplit(host.base).netloc
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=[*CHROMIUM_ARGS, LOCAL_ONLY]
        )
        try:
            context = browser.new_context()
            seen: list[str] = []
            context.on("request", lambda request: seen.append(request.url))  # workers' requests too
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            recorder = _Recorder(cdp)
            cdp.send("Network.enable")
            visits = []
            for step in ("first", "repeat", "deployed"):
                recorder.reset()
                seen.clear()
                mark = len(host.log)
                if step == "deployed":
                    host.deploy()
                    page.reload(wait_until="load")
                else:
                    page.goto(host.base + url_path, wait_until="load")
                _settle(page, recorder)
                visits.append(_visit(recorder, list(seen), host.log[mark:], origin))
            version = f"Chromium {browser.version}"
            context.close()
        finally:
            browser.close()
    first, repeat, deployed = visits
    every = first.requests + repeat.requests + deployed.requests
    off_origin = [r.url for r in every if urlsplit(r.url).netloc not in {origin, ""}]
    return PageWeight(
        page=page_path,
        html_bytes=len(html),
        html_gzip=len(gzip.compress(html, GZIP_LEVEL, mtime=0)),
        first=first,
        repeat=repeat,
        deployed=deployed,
        off_origin=list(dict.fromkeys(off_origin)),
        browser=version,
        summary_gzip=_summary_gzip(site, page_path, html),
    )


_PARTS = (
    (re.compile(r"^assets/javascripts/bundle\."), "Material: JavaScript bundle"),
    (re.compile(r"^assets/javascripts/workers/search\."), "Material: search worker"),
    (re.compile(r"^assets/javascripts/lunr/"), "Material: lunr scripts (search worker)"),
    (re.compile(r"^search/search_index\.json$"), "search index"),
    (re.compile(r"^assets/stylesheets/main\."), "Material: main stylesheet"),
    (re.compile(r"^assets/stylesheets/palette\."), "Material: palette stylesheet"),
    (re.compile(r"^assets/images/favicon"), "favicon"),
)


def parts(weight: PageWeight) -> dict[str, int]:
    """The first visit's bytes by part, in the order they were requested: the page, Material's
    bundle, stylesheets, search worker, lunr and index, each of opsdocs' assets by name
    (``opsdocs: status.js``), and any other file by its path."""
    page = "/" + weight.page.removesuffix("index.html")
    found: dict[str, int] = {}
    for r in weight.first.requests:
        path = urlsplit(r.url).path
        if path == page:
            name = "the page (HTML)"
        elif path.startswith("/assets/opsdocs/"):
            name = "opsdocs: " + path.removeprefix("/assets/opsdocs/")
        else:
            name = next((label for pattern, label in _PARTS if pattern.search(path.lstrip("/"))), path)
        found[name] = found.get(name, 0) + r.bytes
    return found


_SUMMARY = re.compile(rb'data-summary="([^"]+)"')


def _summary_gzip(site: Path, page_path: str, html: bytes) -> int | None:
    """The gzip size of the JSON the page's refresh script fetches every minute, if it has one."""
    found = _SUMMARY.search(html)
    if not found:
        return None
    target = (site / page_path).parent / found.group(1).decode()
    try:
        return len(gzip.compress(target.read_bytes(), GZIP_LEVEL, mtime=0))
    except OSError:
        return None


def describe(visit: Visit) -> list[str]:
    """One line per request of a visit: where it came from, status, bytes."""
    lines = []
    for r in visit.requests:
        where = r.source + (f" ({r.error})" if r.error else "")
        name = r.url.split("://", 1)[-1].split("/", 1)[-1] if "127.0.0.1" in r.url else r.url
        lines.append(f"{name or '/'}: {where}, {r.status or '—'}, {r.bytes} B {r.encoding}".rstrip())
    return lines


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    result = measure(Path(argv[0]), *(argv[1:] or []))
    print(f"{result.page} with {result.browser}; HTML {result.html_bytes} B, gzip {result.html_gzip} B")
    for name, visit in (("first visit", result.first), ("repeat visit", result.repeat),
                        ("after a deploy", result.deployed)):  # fmt: skip
        print(f"{name}: {visit.count} requests, {len(visit.network)} to the network, {visit.bytes} B")
        for line in describe(visit):
            print("  " + line)
    print(f"off-origin: {result.off_origin or 'none'}; summary.json gzip: {result.summary_gzip} B")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
