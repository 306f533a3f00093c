"""`serve`: the feed over HTTP at an unguessable path, rebuilt when the vault changes."""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from interviewkit.config import STATE_DIR
from interviewkit.errors import Problem
from interviewkit.write.atomic import SECRET, write_file

TOKEN_FILE = "serve-token"
FEED_NAME = "interviews.ics"


def load_token(root: Path, rotate: bool = False) -> str:
    """The feed's secret path part, made once and kept in the vault's git-ignored state."""
    path = root / STATE_DIR / TOKEN_FILE
    if not rotate and path.is_file():
        token = path.read_text(encoding="utf-8").strip()
        if len(token) >= 20:
            return token
    token = secrets.token_urlsafe(24)
    write_file(path, (token + "\n").encode("utf-8"), SECRET)
    return token


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class FeedCache:
    """The feed's bytes and ETag, rebuilt only when the vault's fingerprint changes."""

    def __init__(self, fingerprint: Callable[[], object], build: Callable[[], bytes]) -> None:
        self._fingerprint = fingerprint
        self._build = build
        self._lock = threading.Lock()
        self._seen: object = None
        self._body = b""
        self._etag = ""

    def current(self) -> tuple[bytes, str]:
        """(feed bytes, strong ETag), rebuilding first if the vault changed."""
        with self._lock:
            seen = self._fingerprint()
            if seen != self._seen or not self._etag:
                self._body = self._build()
                self._etag = '"' + hashlib.sha256(self._body).hexdigest()[:32] + '"'
                self._seen = seen
            return self._body, self._etag


def etag_matches(header: str | None, etag: str) -> bool:
    """True when an If-None-Match header names this ETag (or `*`)."""
    if not header:
        return False
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or etag in tags or f"W/{etag}" in tags


def make_handler(
    token: str, cache: FeedCache, log: Callable[[str], None]
) -> type[BaseHTTPRequestHandler]:
    """A request handler class serving only `/<token>/interviews.ics`."""
    feed_path = f"/{token}/{FEED_NAME}"

    class Handler(BaseHTTPRequestHandler):
        """Answers GET and HEAD for the feed's path; 404 for anything else."""

        server_version = "interviewkit"
        sys_version = ""

        def do_GET(self) -> None:
            self._answer(with_body=True)

        def do_HEAD(self) -> None:
            self._answer(with_body=False)

        def _answer(self, with_body: bool) -> None:
            if self.path.split("?", 1)[0] != feed_path:
                self._send(
                    HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain; charset=utf-8", with_body
                )
                return
            body, etag = cache.current()
            if etag_matches(self.headers.get("If-None-Match"), etag):
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", etag)
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                return
            self._send(HTTPStatus.OK, body, "text/calendar; charset=utf-8", with_body, etag)

        def _send(
            self, status: HTTPStatus, body: bytes, kind: str, with_body: bool, etag: str = ""
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """One line per request, with the secret token masked."""
            line = format % args
            log(f"{self.address_string()} {line.replace(token, '<token>')}")

    return Handler


def make_server(
    host: str, port: int, token: str, cache: FeedCache, log: Callable[[str], None]
) -> ThreadingHTTPServer:
    """A threaded HTTP server bound to host:port (port 0 picks a free one)."""
    server = ThreadingHTTPServer((host, port), make_handler(token, cache, log))
    server.daemon_threads = True
    return server


class ProblemLog:
    """What `serve` says about problems in notes: each once when it appears, and one
    line when it is gone, however often the feed is rebuilt."""

    def __init__(self) -> None:
        self.known: set[Problem] = set()

    def update(self, problems: list[Problem]) -> list[str]:
        """The lines to log now that the notes show `problems`."""
        now = set(problems)
        lines = [str(p) for p in sorted(now - self.known)]
        lines += [f"resolved: {p}" for p in sorted(self.known - now)]
        self.known = now
        return lines
