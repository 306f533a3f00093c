"""Names for files: slugs (for ids) and display names (for note files), safe on
Linux, macOS and Windows."""

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


MAX_NAME = 80
# What breaks an Obsidian link to the file (`# ^ [ ] |`, and `:`), what no OS allows
# in a name (`< > " / \ ? *`), and control characters.
_NOT_IN_NAMES = re.compile(r'[#^\[\]|:<>"/\\?*\x00-\x1f\x7f]')


def file_text(text: str, fallback: str = "untitled") -> str:
    """`text` as people read it, made safe as a file or folder name that Obsidian links
    to: without the characters above, one space between words, no leading dot, no
    trailing dot or space (Windows), no reserved name, at most MAX_NAME characters."""
    name = _NOT_IN_NAMES.sub(" ", unicodedata.normalize("NFC", text))
    name = " ".join(name.split())[:MAX_NAME].lstrip(".").rstrip(". ").strip()
    if not name:
        return fallback
    if name.casefold().split(".")[0] in _WINDOWS_RESERVED:
        name = f"{name} co"
    return name
