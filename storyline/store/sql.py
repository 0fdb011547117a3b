"""Small SQL-building helpers shared by the store's query mixins."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# SQLite allows 999 bound parameters in older builds; stay well under.
CHUNK = 400


def chunks(items: Iterable[str]) -> list[list[str]]:
    """Return ``items`` in lists short enough to bind as one ``IN (...)``."""
    items = list(items)
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def marks(part: Sequence[object]) -> str:
    """Return the ``?,?,…`` placeholders for ``part``."""
    return ",".join("?" * len(part))
