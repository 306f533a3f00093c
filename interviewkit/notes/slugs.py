"""File-name slugs that are safe on Linux, macOS and Windows."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60
_UNSAFE = re.compile(r"[^\w]+")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


def slugify(text: str, fallback: str = "untitled") -> str:
    """Lower-case words joined by `-`: no path separators, no reserved names, bounded length."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    slug = _UNSAFE.sub("-", normal).replace("_", "-")
    slug = re.sub(r"-{2,}", "-", slug).strip("-")[:MAX_SLUG].strip("-")
    if not slug:
        slug = fallback
    if slug in _WINDOWS_RESERVED:
        slug = f"{slug}-co"
    return unicodedata.normalize("NFC", slug)
