"""Shared fixtures: an in-memory store and a folder for hand-written inputs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store import Store


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as fresh:
        yield fresh


@pytest.fixture
def write(tmp_path: Path):
    """Write a file under tmp_path (str → UTF-8, bytes as given) and return its path as a string."""

    def _write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return _write
