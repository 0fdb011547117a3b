"""The store: migrations, idempotent inserts, atomic batches, clear errors on foreign files."""

from __future__ import annotations

import pytest

from storyline.errors import NotFound, StoreError, UsageError
from storyline.models import Article, Entity, Origin, Role
from storyline.store import Store


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
