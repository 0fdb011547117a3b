"""Candidate stories come from the postings of the article's heaviest terms, with bounded reads."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from storyline.store import Store
from storyline.stories import index
from storyline.stories.cluster import NAMESPACE_WEIGHTS


def _story(store: Store, n: int, weights: dict[str, float]) -> str:
    sid = f"s{n:03d}"
    store.insert_story(sid, n, f"a{n}")
    store.add_story_weights(sid, weights)
    norms: dict[str, float] = {}
    for term, w in weights.items():
        norms[term[:2]] = norms.get(term[:2], 0.0) + w * w
    store.set_story_state(sid, norms, None, None, 1)
    return sid


def test_candidates_rank_the_story_closest_in_cosine_first(store: Store) -> None:
    _story(store, 1, {"w:quake": 0.5, "w:island": 0.5, "w:minister": 0.7})
    close = _story(store, 2, {"w:quake": 0.7, "w:island": 0.7})
    found = index.candidates(store, {"w:quake": 0.7, "w:island": 0.7}, NAMESPACE_WEIGHTS)
    assert found[0] == close


def test_candidates_read_norms_of_a_shortlist_only(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index, "SHORTLIST", 5)
    monkeypatch.setattr(index, "MAX_CANDIDATES", 3)
    for n in range(1, 13):
        _story(store, n, {"w:harbour": 0.1 * n, f"w:other{n}": 0.5})
    read: list[str] = []
    original = store.story_norms

    def counting(ids: Sequence[str]) -> dict[str, dict[str, float]]:
        read.extend(ids)
        return original(ids)

    monkeypatch.setattr(store, "story_norms", counting)
    found = index.candidates(store, {"w:harbour": 1.0}, NAMESPACE_WEIGHTS)
    assert len(read) == 5
    assert found == ["s012", "s011", "s010"]
