"""khal, a real terminal calendar, as the feed tests drive it: import a feed into a
calendar of its own, then list the events."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def khal_listing(folder: Path, data: bytes, zone: str, moment_format: str, *listing: str) -> str:
    """Import the feed `data` into a khal calendar kept in `folder`, with times shown
    in `zone` as `moment_format`, and give what `khal list LISTING...` prints."""
    khal = Path(sys.executable).with_name("khal")
    if not khal.exists():
        pytest.fail("khal is a test dependency: pip install '.[test]'")
    (folder / "cal").mkdir()
    config = folder / "khal.conf"
    config.write_text(
        f"[calendars]\n[[feed]]\npath = {folder / 'cal'}\ntype = calendar\n[locale]\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        f"datetimeformat = {moment_format}\nlongdatetimeformat = {moment_format}\n"
        f"default_timezone = {zone}\nlocal_timezone = {zone}\n"
        # its own database: the default one (~/.cache/khal) is shared by every run, and
        # two suites running at once would see each other's events
        f"[sqlite]\npath = {folder / 'khal.db'}\n"
    )
    ics = folder / "feed.ics"
    ics.write_bytes(data)
    env = {**os.environ, "TZ": zone, "XDG_CACHE_HOME": str(folder), "XDG_DATA_HOME": str(folder)}
    base = [str(khal), "-c", str(config)]
    imported = subprocess.run(
        [*base, "import", "--batch", str(ics)], env=env, capture_output=True, text=True
    )
    assert imported.returncode == 0, imported.stderr
    shown = subprocess.run([*base, "list", *listing], env=env, capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    return shown.stdout
