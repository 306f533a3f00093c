"""The vault: its root, walking its files, reading every note, the cache and its codec."""
