"""Fixtures for the story clustering tests."""

from __future__ import annotations

import pytest

from storyline.store import Store


@pytest.fixture
def store() -> Store:
    return Store.open(":memory:")
