"""`serve`: the feed over HTTP at an unguessable path, rebuilt when the vault changes."""

from __future__ import annotations

import gzip
import hashlib
import ipaddress
import os
import resource
import secrets
import socket
import stat
import threading
import time
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from interviewkit.config import STATE_DIR
from interviewkit.errors import ConfigError, Problem
from interviewkit.write.atomic import SECRET, write_file

TOKEN_FILE = "serve-token"
FEED_NAME = "interviews.ics"
# A client that sends nothing for this long is dropped, so idle connections end.
READ_TIMEOUT = 10.0
# Connections waiting to be accepted: a burst of subscribers is queued, not refused.
BACKLOG = 128


def load_token(root: Path, rotate: bool = False) -> str:
    """The feed's secret path part, made once and kept in the vault's git-ignored state.

    A `serve-token` that is not a regular file (a symbolic link a cloned repository
    carried, a folder) is refused rather than read or written through."""
    path = root / STATE_DIR / TOKEN_FILE
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise ConfigError(
            f"{path}: is not a regular file (a symbolic link?); serve keeps its secret "
            "there: remove it, and serve makes a new one"
        )
    if not rotate and info is not None:
        token = path.read_text(encoding="utf-8").strip()
        if len(token) >= 20:
            return token
    token = secrets.token_urlsafe(24)
    write_file(path, (token + "\n").encode("utf-8"), SECRET)
    return token


class Unavailable(Exception):
    """The feed cannot be built right now (the settings are invalid): answer 503."""


_CONTROL = str.maketrans({c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))})


def log_safe(text: str) -> str:
    """`text` with every control character written as `\\xNN`: what a client sends
    must not drive the operator's terminal."""
    return text.translate(_CONTROL)


def accepts_gzip(header: str | None) -> bool:
    """True when an Accept-Encoding header takes gzip (and does not refuse it, q=0)."""
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "x-gzip"):
            weight = params.strip().lower().removeprefix("q=").strip()
            try:
                return not params.strip() or float(weight) > 0
            except ValueError:
                return True
    return False


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class FeedCache:
    """The feed's bytes, ETag, gzip form and Last-Modified, rebuilt only when the
    vault's fingerprint changes."""

    def __init__(
        self,
        fingerprint: Callable[[], object],
        build: Callable[[], bytes],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._fingerprint = fingerprint
        self._build = build
        self._clock = clock
        self._lock = threading.Lock()
        self._seen: object = None
        self._body = b""
        self._etag = ""
        self._gzipped: tuple[str, bytes] | None = None  # (the plain ETag, gzip bytes)
        self._since = 0.0  # when this process first served these bytes
        self._failure: str | None = None

    def current(self) -> tuple[bytes, str]:
        """(feed bytes, strong ETag), rebuilding first if the vault changed; raises
        `Unavailable` while the feed cannot be built (never the stale bytes)."""
        with self._lock:
            seen = self._fingerprint()
            if seen != self._seen or not (self._etag or self._failure):
                self._seen = seen
                try:
                    body = self._build()
                except Unavailable as exc:
                    self._failure = str(exc)
                    self._body, self._etag = b"", ""
                    raise
                self._failure = None
                etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
                if etag != self._etag:
                    self._body, self._etag = body, etag
                    self._since = int(self._clock())  # HTTP dates have whole seconds
            if self._failure is not None:
                raise Unavailable(self._failure)
            return self._body, self._etag

    def gzipped(self) -> tuple[bytes, str]:
        """The current bytes gzip-compressed (the same bytes every time), and their own ETag."""
        body, etag = self.current()
        with self._lock:  # kept with the ETag it belongs to, whatever changed since
            if self._gzipped is None or self._gzipped[0] != etag:
                self._gzipped = (etag, gzip.compress(body, mtime=0))
            return self._gzipped[1], etag[:-1] + '-gzip"'

    @property
    def last_modified(self) -> float:
        """When this process first served the current bytes (a Unix time)."""
        return self._since


def etag_matches(header: str | None, etag: str) -> bool:
    """True when an If-None-Match header names this ETag (or `*`)."""
    if not header:
        return False
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or etag in tags or f"W/{etag}" in tags


def not_modified_since(header: str | None, last_modified: float) -> bool:
    """True when an If-Modified-Since header is at or after `last_modified`."""
    if not header:
        return False
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return False
    if since is None or since.tzinfo is None:
        return False
    return since.timestamp() >= int(last_modified)


def request_path(target: str) -> str:
    """The path of a request target, in origin form (`/a/b?q`) or absolute form
    (`http://host/a/b`), without its query."""
    if target.startswith(("http://", "https://")):
        target = urlsplit(target).path or "/"
    return target.split("?", 1)[0]


def make_handler(
    token: str, cache: FeedCache, log: Callable[[str], None], base_path: str = ""
) -> type[BaseHTTPRequestHandler]:
    """A request handler class serving only `<base_path>/<token>/interviews.ics`."""
    feed_path = f"{base_path}/{token}/{FEED_NAME}"

    class Handler(BaseHTTPRequestHandler):
        """Answers GET and HEAD for the feed's path; 404 for anything else."""

        protocol_version = "HTTP/1.1"  # keep-alive: every answer has a Content-Length
        timeout = READ_TIMEOUT

        def version_string(self) -> str:
            return "interviewkit"  # not the Python version, which is nobody's business

        def do_GET(self) -> None:
            self._answer(with_body=True)

        def do_HEAD(self) -> None:
            self._answer(with_body=False)

        def _answer(self, with_body: bool) -> None:
            if request_path(self.path) != feed_path:
                self._send(
                    HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain; charset=utf-8", with_body
                )
                return
            try:
                if accepts_gzip(self.headers.get("Accept-Encoding")):
                    body, etag = cache.gzipped()
                    encoding = "gzip"
                else:
                    body, etag = cache.current()
                    encoding = ""
            except Unavailable as exc:
                self._send(
                    HTTPStatus.SERVICE_UNAVAILABLE,
                    f"The feed is unavailable: {exc}\n".encode(),
                    "text/plain; charset=utf-8",
                    with_body,
                )
                return
            modified = formatdate(cache.last_modified, usegmt=True)
            matches = self.headers.get("If-None-Match")
            if (
                etag_matches(matches, etag)
                if matches is not None  # If-None-Match wins over If-Modified-Since
                else not_modified_since(self.headers.get("If-Modified-Since"), cache.last_modified)
            ):
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self._validators(etag, modified)
                self.end_headers()
                return
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(len(body)))
            self._validators(etag, modified)
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def _validators(self, etag: str, modified: str) -> None:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Vary", "Accept-Encoding")

        def _send(self, status: HTTPStatus, body: bytes, kind: str, with_body: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """One line per request, with the secret token masked and control
            characters escaped."""
            line = format % args
            log(log_safe(f"{self.address_string()} {line.replace(token, '<token>')}"))

    return Handler


def connection_limit() -> int:
    """How many connections are served at once: well under the open-file limit, so
    idle connections can never leave the server unable to accept."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        soft = 4096
    return max(8, min(1024, soft // 2))


class FeedServer(ThreadingHTTPServer):
    """A threaded server with a deep listen backlog and a cap on open connections:
    a connection beyond the cap is closed at once, rather than left to exhaust the
    process's files (idle ones time out after `READ_TIMEOUT`)."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = BACKLOG

    def __init__(
        self, address, handler, limit: int, stopping: Callable[[], bool] = lambda: False
    ) -> None:
        self._slots = threading.BoundedSemaphore(limit)
        self._stopping = stopping
        super().__init__(address, handler)

    def service_actions(self) -> None:
        """Between requests (at least twice a second): stop once a Ctrl-C arrived,
        even one that landed where Python could not raise it."""
        if self._stopping():
            raise KeyboardInterrupt

    def handle_error(self, request, client_address) -> None:
        """Report a request that failed, unless a stop is under way: then the failure
        is the stop (CPython can turn the KeyboardInterrupt into another exception on
        its way, as while a request's thread starts), and the server ends quietly."""
        if not self._stopping():
            super().handle_error(request, client_address)

    def process_request(self, request, client_address) -> None:
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class FeedServer6(FeedServer):
    """The same, for IPv6 addresses (`::1`, `::`)."""

    address_family = socket.AF_INET6


def make_server(
    host: str,
    port: int,
    token: str,
    cache: FeedCache,
    log: Callable[[str], None],
    base_path: str = "",
    stopping: Callable[[], bool] = lambda: False,
) -> ThreadingHTTPServer:
    """A threaded HTTP server bound to host:port (port 0 picks a free one); it stops
    with KeyboardInterrupt once `stopping()` says so."""
    kind = FeedServer6 if ":" in host else FeedServer
    handler = make_handler(token, cache, log, base_path)
    return kind((host, port), handler, connection_limit(), stopping)


def clean_base_path(value: str) -> str:
    """`cal`, `/cal/` -> `/cal`; "" and `/` -> "" (no prefix)."""
    parts = [part for part in value.split("/") if part]
    if any(part in (".", "..") or "?" in part or "#" in part for part in parts):
        raise ValueError(f"{value!r} is not a URL path prefix (like /cal)")
    return "".join(f"/{part}" for part in parts)


def url_host(host: str) -> str:
    """A host as it goes in a URL: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host else host


class ProblemLog:
    """What `serve` says about problems in notes (and warnings such as a shallow
    clone): each once when it appears, and one line when a problem is gone,
    however often the feed is rebuilt."""

    def __init__(self) -> None:
        self.known: set[Problem] = set()
        self.warned: set[str] = set()

    def update(self, problems: list[Problem], warnings: list[str] = ()) -> list[str]:
        """The lines to log now that the notes show `problems` (and `warnings`)."""
        now = set(problems)
        lines = [w for w in warnings if w not in self.warned]
        self.warned.update(warnings)
        lines += [str(p) for p in sorted(now - self.known)]
        lines += [f"resolved: {p}" for p in sorted(self.known - now)]
        self.known = now
        return lines
