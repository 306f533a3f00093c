"""Person notes: what a `[[Name]]` in `people` points to, found as Obsidian finds it.

Links resolve in the enclosing Obsidian vault (the nearest folder at or above
the interviewkit vault that holds `.obsidian/`), else in the interviewkit vault:
by base name, ignoring case, the shortest path first. A person note's front
matter may hold `email`, `title`, `phone`, `company` and `linkedin`.
"""

from __future__ import annotations

from pathlib import Path

from interviewkit.vault.walk import obsidian_root, walk_markdown

DETAILS = ("email", "title", "phone", "company", "linkedin")


def place_in_obsidian(root: Path, vault_name: str = "") -> tuple[str, str]:
    """(the Obsidian vault's name, the folder of `root` inside it, as a link prefix like
    `Job search/`, empty when `root` is the vault): what `obsidian://` links and
    wikilinks need when the interviewkit folder sits inside a larger Obsidian vault.
    The name is `vault_name` when set, else that vault's folder name."""
    root = root.resolve()
    vault = obsidian_root(root)
    inside = root.relative_to(vault).as_posix()
    return vault_name or vault.name, "" if inside == "." else f"{inside}/"


class PersonNotes:
    """Looks up person notes by link target; the vault is listed on the first lookup."""

    def __init__(self, root: Path) -> None:
        self.root = obsidian_root(root.resolve())
        self._by_name: dict[str, list[str]] | None = None
        self._read: dict[str, dict[str, str]] = {}

    def path_of(self, target: str) -> str | None:
        """The path (relative to the Obsidian vault) a link target resolves to, if any."""
        if self._by_name is None:
            self._by_name = {}
            for rel, _ in walk_markdown(self.root, ""):
                name = rel.rsplit("/", 1)[-1][:-3].casefold()
                self._by_name.setdefault(name, []).append(rel)
        wanted = target.strip().removesuffix(".md").casefold()
        base = wanted.rsplit("/", 1)[-1]
        candidates = [
            rel
            for rel in self._by_name.get(base, [])
            if "/" not in wanted or rel[:-3].casefold().endswith(wanted)
        ]
        return min(candidates, key=lambda rel: (rel.count("/"), len(rel), rel), default=None)

    def details(self, target: str) -> dict[str, str]:
        """The person details the linked note's front matter holds, and `name`, its file
        name (empty when the link resolves to no note)."""
        rel = self.path_of(target)
        if rel is None:
            return {}
        if rel not in self._read:
            found = _front_matter_details(self.root / rel)
            found["name"] = rel.rsplit("/", 1)[-1][:-3]  # the file name, as Obsidian shows it
            self._read[rel] = found
        return self._read[rel]


def _front_matter_details(path: Path) -> dict[str, str]:
    from interviewkit.notes.front_matter import split_front_matter
    from interviewkit.notes.yamlscan import YamlFailure, load_mapping

    try:
        fm = split_front_matter(path.read_text(encoding="utf-8"))
        values, _ = load_mapping(fm.yaml) if fm.closed else ({}, {})
    except (OSError, UnicodeDecodeError, YamlFailure):
        return {}
    return {
        key: " ".join(values[key].split()) for key in DETAILS if isinstance(values.get(key), str)
    }
