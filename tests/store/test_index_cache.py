"""The clustering index kept in memory: logged document frequencies and cached story norms."""

from __future__ import annotations

import pytest

from storyline.store import Store
from storyline.store import stories as story_queries

BRIDGE_REPORT = ["e:pittsburgh", "w:bridge", "w:collapse", "w:river"]
STORM_REPORT = ["e:pittsburgh", "w:flood", "w:river", "w:storm"]


def _count(store: Store, *reports: list[str]) -> dict[str, int]:
    """Count each report as one article, each in its own transaction; return the last counts."""
    found: dict[str, int] = {}
    for terms in reports:
        with store.transaction():
            found = store.add_document_frequencies(terms)
    return found


def _logged(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM term_df_log").fetchone()[0])


def test_committed_counts_survive_a_crash_before_they_are_folded(tmp_path):
    path = tmp_path / "news.db"
    first = Store.open(path)
    _count(first, BRIDGE_REPORT, STORM_REPORT)
    # No fold and no close: a second process sees what the first committed, as after a crash.
    again = Store.open(path)
    assert again.document_frequencies(["w:river", "w:bridge", "w:unseen"]) == {"w:river": 2, "w:bridge": 1}
    assert _count(again, ["w:river"]) == {"w:river": 3}


def test_a_later_session_folds_the_counts_an_earlier_one_logged(tmp_path, monkeypatch):
    # The second session never looks up the first one's terms before the log is folded.
    monkeypatch.setattr(story_queries, "FOLD_ARTICLES", 3)
    path = tmp_path / "news.db"
    with Store.open(path) as first:
        _count(first, BRIDGE_REPORT, STORM_REPORT)
    with Store.open(path) as again:
        assert _count(again, ["w:harbour"], ["w:harbour", "w:strike"]) == {"w:harbour": 2, "w:strike": 1}
        assert _logged(again) == 1
        rows = dict(again.conn.execute("SELECT term, df FROM term_df").fetchall())
        assert rows == {"e:pittsburgh": 2, "w:bridge": 1, "w:collapse": 1, "w:flood": 1, "w:river": 2,
                        "w:storm": 1, "w:harbour": 1}


def test_a_new_session_counts_what_is_folded_and_what_is_logged(tmp_path, monkeypatch):
    monkeypatch.setattr(story_queries, "FOLD_ARTICLES", 2)
    path = tmp_path / "news.db"
    first = Store.open(path)
    _count(first, BRIDGE_REPORT, STORM_REPORT, ["w:river"])  # the third folds the first two
    again = Store.open(path)
    assert again.document_frequencies(["w:river", "w:bridge", "e:pittsburgh", "w:unseen"]) == {
        "w:river": 3, "w:bridge": 1, "e:pittsburgh": 2}
    assert _count(again, ["w:bridge", "w:tunnel"]) == {"w:bridge": 2, "w:tunnel": 1}


def test_folding_sums_the_log_into_term_df_and_empties_it(store, monkeypatch):
    monkeypatch.setattr(story_queries, "FOLD_ARTICLES", 2)
    counts = _count(store, BRIDGE_REPORT, STORM_REPORT, ["w:river", "w:river"])
    assert counts == {"w:river": 4}
    assert _logged(store) == 1
    rows = dict(store.conn.execute("SELECT term, df FROM term_df").fetchall())
    assert rows == {"e:pittsburgh": 2, "w:bridge": 1, "w:collapse": 1, "w:flood": 1, "w:river": 2, "w:storm": 1}
    assert store.document_frequencies(["w:river", "e:pittsburgh"]) == {"w:river": 4, "e:pittsburgh": 2}


def test_counts_of_a_rolled_back_article_are_forgotten(store):
    _count(store, BRIDGE_REPORT)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_document_frequencies(STORM_REPORT)
        raise RuntimeError("crash mid-batch")
    assert store.document_frequencies(["w:river", "w:storm"]) == {"w:river": 1}
    assert _count(store, STORM_REPORT)["w:river"] == 2


def test_counts_committed_by_another_connection_are_seen(tmp_path):
    path = tmp_path / "news.db"
    reader, writer = Store.open(path), Store.open(path)
    assert _count(reader, BRIDGE_REPORT)["w:river"] == 1
    _count(writer, STORM_REPORT)
    assert _count(reader, ["w:river"]) == {"w:river": 3}


def test_forgetting_the_stories_forgets_their_counts(store):
    _count(store, BRIDGE_REPORT)
    with store.transaction():
        store.clear_stories()
    assert store.document_frequencies(BRIDGE_REPORT) == {} and _logged(store) == 0


def test_story_norms_follow_the_stored_state_and_rollbacks(store):
    with store.transaction():
        store.insert_story("s1", 1, "a1")
        store.set_story_state("s1", {"w:": 0.25}, None, None, 1)
    assert store.story_norms(["s1", "s-unknown"]) == {"s1": {"w:": 0.25}}
    with pytest.raises(RuntimeError), store.transaction():
        store.set_story_state("s1", {"w:": 0.5, "e:": 1.0}, None, None, 2)
        assert store.story_norms(["s1"]) == {"s1": {"e:": 1.0, "w:": 0.5}}
        raise RuntimeError("crash mid-batch")
    assert store.story_norms(["s1"]) == {"s1": {"w:": 0.25}}
