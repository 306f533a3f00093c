"""Sealed bytes: marshal data with a CRC32 in front, so damage is seen, never used.

The cache can be damaged by a crash, a disk or a person; a flipped bit in
marshal data can still load, as a different value. Every part of the cache is
sealed when written and checked when read; a mismatch is treated like a missing
cache: the notes are read again.
"""

from __future__ import annotations

import marshal
import zlib
from typing import Any


class Broken(ValueError):
    """Sealed bytes whose checksum does not match: damaged, never to be used."""


def seal(value: Any) -> bytes:
    """`value` as marshal bytes behind their CRC32."""
    data = marshal.dumps(value)
    return zlib.crc32(data).to_bytes(4, "little") + data


def unseal(sealed: bytes) -> Any:
    """The value `seal` was given, or Broken when the bytes were damaged since."""
    data = sealed[4:]
    if len(sealed) < 4 or zlib.crc32(data) != int.from_bytes(sealed[:4], "little"):
        raise Broken("damaged cache data")
    return marshal.loads(data)
