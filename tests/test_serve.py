"""Issue 4: `serve` as a real process on a free loopback port, talked to with a real HTTP client."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from .conftest import note
from .icscheck import validate


@pytest.fixture
def server(vault, write):
    write("interviews/a.md", note(id="a", company="Acme"))
    command = [sys.executable, "-m", "interviewkit", "--vault", str(vault), "serve", "--port", "0"]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    url = process.stdout.readline().strip()
    webcal = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), process.stderr.read()
    yield process, url, webcal
    if process.poll() is None:
        process.kill()
        process.wait(timeout=10)


def request(url: str, method: str = "GET", headers: dict[str, str] | None = None):
    req = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_feed_etag_304_head_and_404(server, vault):
    process, url, webcal = server
    assert webcal == "webcal://" + url.removeprefix("http://")
    token = (vault / ".interviewkit" / "serve-token").read_text().strip()
    assert f"/{token}/interviews.ics" in url
    status, headers, body = request(url)
    assert status == 200
    assert headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Content-Encoding" not in headers
    etag = headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    validate(body)
    assert request(url, headers={"If-None-Match": etag})[0] == 304
    head_status, head_headers, head_body = request(url, method="HEAD")
    assert (head_status, head_body, head_headers["ETag"]) == (200, b"", etag)
    base = url.rsplit("/", 2)[0]
    for path in [
        "/",
        f"/{token}/",
        f"/{token}/../config.yaml",
        "/wrong/interviews.ics",
        f"/{token}/x.ics",
    ]:
        status, _, body = request(base + path)
        assert status == 404
        assert token.encode() not in body
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0
    log = process.stderr.read()
    assert token not in log
    assert "<token>/interviews.ics" in log
    assert "Traceback" not in log
    assert log.count("\n") >= 7


def test_feed_is_rebuilt_when_a_note_changes(server, vault, write):
    _, url, _ = server
    _, headers, first = request(url)
    time.sleep(0.01)
    write("interviews/b.md", note(id="b", company="Initech"))
    status, changed_headers, second = request(url, headers={"If-None-Match": headers["ETag"]})
    assert status == 200
    assert changed_headers["ETag"] != headers["ETag"]
    assert b"Initech" in second and b"Initech" not in first


def test_rotate_token_changes_the_url(vault):
    from interviewkit.reports.serve import load_token

    first = load_token(vault)
    assert load_token(vault) == first
    assert oct((vault / ".interviewkit" / "serve-token").stat().st_mode & 0o777) == "0o600"
    assert load_token(vault, rotate=True) != first


def test_binding_beyond_loopback_warns(vault, tmp_path):
    command = [
        sys.executable,
        "-m",
        "interviewkit",
        "--vault",
        str(vault),
        "serve",
        "--host",
        "0.0.0.0",
        "--port",
        "0",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        process.stdout.readline()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert "warning: serving beyond this machine" in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()


def test_serve_logs_each_problem_once_and_when_it_is_resolved(server, vault, write):
    process, url, _ = server
    bad = write("interviews/bad.md", note(id="bad", company="Bad", follow_up_on="12/9/2026"))
    for _ in range(3):  # three rebuilds: the note changes each time, the problem stays
        time.sleep(0.01)
        bad.write_text(bad.read_text() + "\nmore")
        assert request(url)[0] == 200
    time.sleep(0.01)
    bad.write_text(note(id="bad", company="Bad", follow_up_on="2026-12-09"))
    assert request(url)[0] == 200
    process.send_signal(signal.SIGINT)
    process.wait(timeout=10)
    log = process.stderr.read()
    said = "interviews/bad.md:6: follow_up_on: '12/9/2026' could be day/month or month/day"
    assert log.count(said) == 2  # once when it appeared, once when it was resolved
    assert f"resolved: {said}" in log
