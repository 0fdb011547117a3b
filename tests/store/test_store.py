"""The store: migrations, idempotent inserts, atomic batches, clear errors on foreign files."""

from __future__ import annotations

import pytest

from storyline.errors import NotFound, StoreError, UsageError
from storyline.models import Article, Entity, Origin, Role
from storyline.store import WAL_PAGES, Store


def article(ident: str, published: str | None = None, text: str = "Body text.") -> Article:
    return Article(id=ident, origin=Origin("in.txt"), text=text, title=f"Title {ident}", published=published)


def test_store_applies_every_migration_once(tmp_path):
    path = tmp_path / "news.db"
    first = Store.open(path)
    version = first.schema_version()
    first.close()
    again = Store.open(path)
    assert version >= 1 and again.schema_version() == version and again.migrate() == []


def test_store_uses_wal_for_files(tmp_path):
    with Store.open(tmp_path / "news.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_PAGES


def test_adding_the_same_article_twice_stores_it_once(store):
    with store.transaction():
        assert store.add_articles([article("a1")]) == ["a1"]
        assert store.add_articles([article("a1")]) == []
    assert store.count_articles() == 1


def test_a_failed_transaction_leaves_nothing_behind(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.add_articles([article("a1")])
        raise RuntimeError("crash mid-batch")
    assert store.count_articles() == 0


def test_articles_come_back_in_publication_order_across_time_zones(store):
    with store.transaction():
        store.add_articles([article("late", "2020-09-11T09:00:00+03:00"),  # 06:00 UTC
                            article("early", "2020-09-11T07:00:00+02:00"),  # 05:00 UTC
                            article("undated")])
    assert [a.id for a in store.iter_articles()] == ["early", "late", "undated"]


def test_unknown_article_raises_not_found(store):
    with pytest.raises(NotFound, match="no article with id 'nope'"):
        store.article("nope")


def test_linking_one_entity_from_two_articles_merges_aliases_and_roles(store):
    with store.transaction():
        store.add_articles([article("a1"), article("a2")])
        store.link_entities("a1", [("person:putin", Entity("Vladimir Putin", "PERSON", aliases=["Putin"]))])
        store.link_entities("a2", [("person:putin", Entity("Vladimir Putin", "PERSON", aliases=["Vladimir Putin"],
                                                           roles=[Role("President of Russia", "Russian President")]))])
    [(entity, count)] = store.global_entities()
    assert count == 2 and entity.aliases == ["Putin", "Vladimir Putin"]
    assert [r.role for r in entity.roles] == ["President of Russia"]


def test_a_file_that_is_not_sqlite_is_refused_with_its_name(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not a database" * 100)
    with pytest.raises(StoreError, match=r"notes\.db: not a storyline database"):
        Store.open(path)


def test_full_text_search_finds_words_and_ignores_query_syntax(store):
    with store.transaction():
        store.add_articles([article("a1", text="The bridge over the Vltava collapsed."),
                            article("a2", text="Hockey final won in overtime.")])
    [(found, snippet)] = store.search('bridge AND "collapsed" OR NEAR(')
    assert found.id == "a1" and "\x02collapsed\x03" in snippet


def test_empty_search_is_a_usage_error(store):
    with pytest.raises(UsageError, match="nothing to search for"):
        store.search("  *** ")


def _centroids(store: Store, stories: dict[str, dict[str, float]]) -> None:
    """Store hand-made story centroids (as the clustering would have summed them)."""
    with store.transaction():
        for seq, (sid, weights) in enumerate(stories.items(), start=1):
            store.insert_story(sid, seq, f"{sid}-first")
            store.add_story_weights(sid, weights)


def _plan(store: Store, call) -> list[str]:
    """Return the query plan details of every SELECT that ``call`` runs on the store."""
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        store.conn.set_trace_callback(None)
    details = []
    for sql in (s for s in statements if s.lstrip().upper().startswith("SELECT")):
        details += [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql)]
    return details


def _bridge_stories(store: Store, count: int, more: dict[str, dict[str, float]] | None = None) -> None:
    """Store ``count`` stories that all mention the bridge (one long posting list) among words of their own."""
    _centroids(store, {f"s{i:03}": {"w:bridge": 0.5 + i / 1000, f"e:town{i}": 0.9}
                       | {f"w:word{i}-{k}": 0.01 for k in range(30)} for i in range(count)} | (more or {}))


def test_weights_of_candidates_are_read_by_story_even_after_analyze(store):
    # Reading a few candidates' weights must not walk the term's posting list, which grows with
    # the archive; ANALYZE statistics once turned the planner to that index.
    _bridge_stories(store, 200)
    store.conn.execute("ANALYZE")
    with store.transaction():  # s100 onwards have grown large: sought term by term
        for i in range(100, 200):
            store.set_story_state(f"s{i:03}", {}, None, None, 50)
    candidates = [f"s{i:03}" for i in range(0, 200, 10)]
    article = ["w:bridge", "e:town1"] + [f"w:word{i}-1" for i in range(60)]
    plan = [step for step in _plan(store, lambda: store.stories_weights(candidates, article))
            if "story_terms" in step]
    assert len(plan) == 2 and all(step.startswith("SEARCH story_terms USING PRIMARY KEY (story=?") for step in plan)
    found = store.stories_weights(candidates, article)
    assert found["s010"] == {"w:bridge": 0.51, "w:word10-1": 0.01} and found["s150"] == {"w:bridge": 0.65}
    assert store.stories_weights(["s001", "s150"], ["w:bridge", "e:town1", "w:absent"]) == {
        "s001": {"w:bridge": 0.501, "e:town1": 0.9}, "s150": {"w:bridge": 0.65}}
    assert store.stories_weights([], ["w:bridge"]) == {}


def test_postings_are_read_heaviest_band_first_without_sorting_the_list(store):
    _bridge_stories(store, 200, {"light": {"w:bridge": 0.3}, "heavy": {"w:bridge": 2.5}, "s1": {"w:bridge": 0.6},
                                 "s2": {"w:bridge": 0.65}})
    store.conn.execute("ANALYZE")
    plan = _plan(store, lambda: store.term_postings("w:bridge", 3))
    assert plan == ["SEARCH story_postings USING PRIMARY KEY (term=?)"]
    # 0.6 and 0.65 share a band (two per doubling: [0.5, 0.71)) with s000-s199, ordered by story id
    assert [s for s, _ in store.term_postings("w:bridge", 3)] == ["heavy", "s2", "s199"]
    assert store.term_postings("w:bridge", 300)[-1] == ("light", 0.3)


def test_a_posting_moves_only_when_its_weight_leaves_its_band(store):
    _centroids(store, {"s1": {"w:bridge": 0.50, "w:river": 0.9}})
    with store.transaction():
        store.add_story_weights("s1", {"w:bridge": 0.1})  # 0.6: still in [0.5, 0.71)
    assert store.term_postings("w:bridge", 5) == [("s1", 0.5)]  # the weight the band was set with
    with store.transaction():
        store.add_story_weights("s1", {"w:bridge": 0.2}, old={"w:bridge": 0.6})  # 0.8: the next band
    assert store.term_postings("w:bridge", 5) == [("s1", 0.8)]
    assert store.story_weights("s1") == {"w:bridge": 0.8, "w:river": 0.9}
    assert store.conn.execute("SELECT count(*) FROM story_postings WHERE story = 's1'").fetchone()[0] == 2


def test_a_story_is_posted_only_under_the_terms_it_is_to_be_found_by(store):
    with store.transaction():
        store.insert_story("s1", 1, "a1")
        store.add_story_weights("s1", {"w:bridge": 0.6, "w:river": 0.3, "e:genoa": 0.5}, old={},
                                posted=["w:bridge", "e:genoa"])
        # river leaves its band, but was never posted: it stays unposted until an article posts it
        store.add_story_weights("s1", {"w:river": 0.4, "w:bridge": 0.05}, posted=["w:bridge"])
    assert store.term_postings("w:river", 5) == []
    assert store.term_postings("w:bridge", 5) == [("s1", 0.6)]
    with store.transaction():
        store.add_story_weights("s1", {"w:river": 0.1}, posted=["w:river"])
    assert store.term_postings("w:river", 5) == [("s1", 0.3 + 0.4 + 0.1)]


def test_a_merged_story_is_posted_under_every_term_either_story_was(store):
    with store.transaction():
        for seq, (sid, weights, posted) in enumerate([("old", {"w:river": 0.2, "w:flood": 0.1}, ["w:river"]),
                                                      ("new", {"w:bridge": 0.7, "w:flood": 0.3}, ["w:bridge"])], 1):
            store.insert_story(sid, seq, f"{sid}-first")
            store.add_story_weights(sid, weights, old={}, posted=posted)
        store.merge_story_rows("old", "new", "a9", 0.5, 9)
    posted = store.conn.execute("SELECT term, story FROM story_postings ORDER BY term").fetchall()
    assert [tuple(r) for r in posted] == [("w:bridge", "new"), ("w:river", "new")]
    assert store.term_postings("w:flood", 5) == [] and store.story_weights("new")["w:flood"] == 0.1 + 0.3


def test_a_store_from_before_story_postings_is_posted_under_every_centroid_term(tmp_path, monkeypatch):
    import storyline.store as store_module

    every = store_module._migrations()
    monkeypatch.setattr(store_module, "_migrations", lambda: [m for m in every if m[0] < 9])
    with Store.open(tmp_path / "old.db") as old, old.transaction():
        old.insert_story("s1", 1, "a1")
        old.conn.executemany("INSERT INTO story_terms (story, term, weight) VALUES ('s1', ?, ?)",
                             [("w:bridge", 0.6), ("e:genoa", 0.4), ("h:bridge", 0.2)])
    monkeypatch.setattr(store_module, "_migrations", lambda: every)
    with Store.open(tmp_path / "old.db") as store:
        assert store.term_postings("w:bridge", 5) == [("s1", 0.6)] and store.term_postings("e:genoa", 5)
        assert store.term_postings("h:bridge", 5) == []


def test_postings_hold_only_the_namespaces_candidate_lookup_reads(store):
    _centroids(store, {"s1": {"w:bridge": 0.5, "h:bridge": 0.3, "t:2020": 0.2, "e:genoa": 0.4}})
    posted = [r[0] for r in store.conn.execute("SELECT term FROM story_postings ORDER BY term")]
    assert posted == ["e:genoa", "w:bridge"]
    assert store.term_postings("h:bridge", 5) == [] and store.term_postings("w:bridge", 5) == [("s1", 0.5)]
    assert store.story_weights("s1")["h:bridge"] == 0.3


def test_merging_sums_centroids_and_drops_the_old_story_from_the_postings(store):
    _centroids(store, {"old": {"w:bridge": 0.1, "w:river": 0.2}, "new": {"w:bridge": 0.7, "e:pittsburgh": 0.4}})
    with store.transaction():
        store.merge_story_rows("old", "new", "a9", 0.5, 9)
    assert store.story_weights("new") == {"w:bridge": 0.1 + 0.7, "w:river": 0.2, "e:pittsburgh": 0.4}
    assert store.story_weights("old") == {} and store.term_postings("w:river", 5) == [("new", 0.2)]
    assert store.term_postings("w:bridge", 5) == [("new", 0.1 + 0.7)]
    assert store.resolve_story("old") == "new" and store.merge_count() == 1


def test_counting_documents_returns_the_new_frequencies(store):
    with store.transaction():
        assert store.add_document_frequencies(["w:bridge", "e:pittsburgh"]) == {"w:bridge": 1, "e:pittsburgh": 1}
        assert store.add_document_frequencies(["w:bridge", "w:river"]) == {"w:bridge": 2, "w:river": 1}
    assert store.document_frequencies(["w:bridge", "w:river", "w:absent"]) == {"w:bridge": 2, "w:river": 1}
