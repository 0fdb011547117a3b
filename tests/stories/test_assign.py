"""Online story assignment: joining, opening, ageing, merging, determinism and recluster."""

from __future__ import annotations

import pytest

from storyline.dedup import find_copies
from storyline.models import Entity
from storyline.store import Store
from storyline.stories import assign, cluster, recluster
from tests.stories.articles import dated, make


def _ingest(store: Store, articles: list) -> list[str]:
    store.add_articles(articles)
    find_copies(store, articles)
    return assign(store, articles)


def test_assign_groups_independent_reports_of_one_event(store: Store) -> None:
    _ingest(store, [make("bridge"), make("bridge2", "2022-01-29")])
    found = store.story_assignments()
    assert found["bridge"] == found["bridge2"]


def test_same_city_and_day_but_different_events_stay_apart(store: Store) -> None:
    _ingest(store, [make("bridge"), make("hockey")])
    found = store.story_assignments()
    assert found["bridge"] != found["hockey"]


def test_same_city_apart_even_when_entities_share_the_city(store: Store) -> None:
    bridge, hockey = make("bridge"), make("hockey")
    bridge.entities = [Entity("Pittsburgh", "GPE"), Entity("Fern Hollow Bridge", "FAC"), Entity("Frick Park", "LOC")]
    hockey.entities = [Entity("Pittsburgh", "GPE"), Entity("Sidney Crosby", "PERSON"),
                       Entity("Pittsburgh Penguins", "ORG")]
    _ingest(store, [bridge, hockey])
    found = store.story_assignments()
    assert found["bridge"] != found["hockey"]


def _railway_and_flood() -> list:
    """A railway deal and, a day later, a flood in a town the line runs through: the same prime minister,
    town, river and country, but almost no content words in common (word cosine ~0.05)."""
    railway, flood = make("railway", "2021-08-19"), make("flood", "2021-08-20")
    railway.entities = [Entity("Mira Kovac", "PERSON"), Entity("Ivan Babic", "PERSON"), Entity("Slovenia", "GPE"),
                        Entity("Croatia", "GPE"), Entity("Krsko", "GPE"), Entity("Sava", "LOC")]
    flood.entities = [Entity("Mira Kovac", "PERSON"), Entity("Marko Vidmar", "PERSON"), Entity("Slovenia", "GPE"),
                      Entity("Krsko", "GPE"), Entity("Sava", "LOC")]
    return [railway, flood]


def test_shared_names_without_shared_content_words_stay_apart(store: Store) -> None:
    _ingest(store, _railway_and_flood())
    found = store.story_assignments()
    assert found["railway"] != found["flood"]


def test_shared_names_alone_clear_the_bar_without_the_word_floor(store: Store,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # What keeps the two apart above is the content-word floor: the entity overlap alone clears the bar.
    monkeypatch.setattr(cluster, "MIN_WORD_COSINE", 0.0)
    _ingest(store, _railway_and_flood())
    found = store.story_assignments()
    assert found["railway"] == found["flood"]


def test_two_earthquakes_are_two_stories(store: Store) -> None:
    _ingest(store, [make("quake_turkey", "2020-01-24"), make("quake_mexico", "2020-06-23"),
                    make("quake_turkey2", "2020-01-25")])
    found = store.story_assignments()
    assert found["quake_turkey"] == found["quake_turkey2"]
    assert found["quake_turkey"] != found["quake_mexico"]


def test_late_article_with_strong_evidence_joins_old_story(store: Store) -> None:
    _ingest(store, [make("bridge"), make("bridge2", "2022-01-29")])
    _ingest(store, [make("late_strong", "2022-04-28")])
    found = store.story_assignments()
    assert found["late_strong"] == found["bridge"]


def test_weak_article_joins_when_recent_but_not_three_months_later() -> None:
    recent, late = Store.open(":memory:"), Store.open(":memory:")
    for store, day in ((recent, "2022-01-30"), (late, "2022-04-28")):
        _ingest(store, [make("bridge"), make("bridge2", "2022-01-29")])
        _ingest(store, [make("late_weak", day)])
    assert recent.story_assignments()["late_weak"] == recent.story_assignments()["bridge"]
    assert late.story_assignments()["late_weak"] != late.story_assignments()["bridge"]


def test_late_article_that_names_the_day_of_the_story_event_joins_it() -> None:
    """"The January 28 collapse", three months on: the day it names is inside the story's time."""
    naming, other_day = Store.open(":memory:"), Store.open(":memory:")
    for store, day in ((naming, "2022-01-28"), (other_day, "2022-04-25")):
        _ingest(store, [make("bridge"), make("bridge2", "2022-01-29")])
        _ingest(store, [dated(make("late_weak", "2022-04-28"), day)])
    assert naming.story_assignments()["late_weak"] == naming.story_assignments()["bridge"]
    assert other_day.story_assignments()["late_weak"] != other_day.story_assignments()["bridge"]


def test_report_of_same_kind_in_another_year_opens_its_own_story() -> None:
    undated, dated_apart = Store.open(":memory:"), Store.open(":memory:")
    _ingest(undated, [make("quake_turkey", None), make("quake_elazig_2010", None)])
    _ingest(dated_apart, [dated(make("quake_turkey", None), "2020-01-24"),
                          dated(make("quake_elazig_2010", None), "2010-03-08")])
    assert undated.story_assignments()["quake_elazig_2010"] == undated.story_assignments()["quake_turkey"]
    found = dated_apart.story_assignments()
    assert found["quake_elazig_2010"] != found["quake_turkey"]


def test_report_naming_its_year_stays_out_of_a_story_that_names_none(store: Store) -> None:
    _ingest(store, [make("quake_turkey", None), dated(make("quake_elazig_2010", None), "2010-03-08")])
    found = store.story_assignments()
    assert found["quake_elazig_2010"] != found["quake_turkey"]


def test_converging_stories_merge_and_old_id_resolves(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # The fixture stories converge only moderately; the default threshold keeps near-identical merges only.
    monkeypatch.setattr(cluster, "MERGE_THRESHOLD", 0.2)
    _ingest(store, [make("bridge")])
    _ingest(store, [make("visit")])
    before = store.story_assignments()
    old_bridge, old_visit = before["bridge"], before["visit"]
    assert old_bridge != old_visit
    changed = _ingest(store, [make("rebuild")])
    after = store.story_assignments()
    assert after["bridge"] == after["visit"] == after["rebuild"] == old_bridge
    assert changed == [old_bridge]
    assert store.resolve_story(old_visit) == old_bridge
    story = store.story_model(old_visit)
    assert story is not None and story.id == old_bridge and story.merged_from == [old_visit]


def test_a_report_only_weakly_like_one_story_does_not_merge_it_into_another(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "MERGE_THRESHOLD", 0.2)
    monkeypatch.setattr(cluster, "BRIDGE_SCORE", 0.5)  # "rebuild" scores ~0.38 against the bridge story
    _ingest(store, [make("bridge")])
    _ingest(store, [make("visit")])
    _ingest(store, [make("rebuild")])
    found = store.story_assignments()
    assert found["rebuild"] == found["visit"] != found["bridge"]
    assert store.conn.execute("SELECT count(*) FROM story_merges").fetchone()[0] == 0


def test_stories_dated_to_different_years_do_not_merge(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "MERGE_THRESHOLD", 0.2)
    _ingest(store, [dated(make("bridge"), "2022-01-28"), dated(make("visit"), "2021-11-15")])
    _ingest(store, [make("rebuild")])
    found = store.story_assignments()
    assert found["rebuild"] == found["visit"] != found["bridge"]
    assert store.conn.execute("SELECT count(*) FROM story_merges").fetchone()[0] == 0


def test_copy_joins_canonical_story_as_extra_outlet(store: Store) -> None:
    original = make("quake_turkey", "2020-01-24", outlet="reuters.com")
    copy = make("quake_turkey", "2020-01-24T18:00:00+00:00", outlet="yahoo.com", article_id="copy")
    copy.text = "Reuters - " + copy.text + " (Reporting by Ali Kucukgocmen)"
    other = make("quake_turkey2", "2020-01-25", outlet="bbc.co.uk")
    _ingest(store, [original, copy, other])
    sid = store.story_assignments()["copy"]
    story = store.story_model(sid)
    assert story is not None and sorted(story.articles) == ["copy", "quake_turkey", "quake_turkey2"]
    assert story.outlets == ["bbc.co.uk", "reuters.com", "yahoo.com"]
    assert store.story_copies(sid) == [("copy", "quake_turkey")]
    row = store.story_rows([sid])[sid]
    assert (row["article_count"], row["canonical_count"]) == (3, 2)


def test_story_metadata_has_headline_title_and_dates(store: Store) -> None:
    _ingest(store, [make("bridge", "2022-01-28"), make("bridge2", "2022-01-29"), make("hockey")])
    story = store.story_model(store.story_assignments()["bridge"])
    assert story is not None
    assert story.title in {make("bridge").title, make("bridge2").title}
    assert (story.first_seen, story.last_updated) == ("2022-01-28", "2022-01-29")
    assert "fern hollow bridge" in story.keywords or "bridge" in story.keywords


def test_story_ids_are_deterministic_across_runs() -> None:
    keys = ["bridge", "hockey", "quake_turkey", "bridge2", "quake_mexico", "quake_turkey2", "visit", "rebuild"]
    results = []
    for _ in range(2):
        store = Store.open(":memory:")
        _ingest(store, [make(k) for k in keys])
        results.append((store.story_assignments(), [store.story_model(s) for s in store.live_story_ids()]))
    assert results[0] == results[1]


def test_batch_order_follows_publication_time(store: Store) -> None:
    _ingest(store, [make("bridge2", "2022-01-29"), make("bridge", "2022-01-28")])
    found = store.story_assignments()
    assert store.story_model(found["bridge"]).articles == ["bridge", "bridge2"]  # type: ignore[union-attr]


def test_recluster_reproduces_online_result(store: Store) -> None:
    batches = [["bridge", "hockey"], ["quake_turkey", "bridge2"], ["visit", "quake_mexico", "quake_turkey2"],
               ["rebuild"]]
    for day, batch in enumerate(batches, start=1):
        _ingest(store, [make(k, f"2022-02-0{day}") for k in batch])
    online = (store.story_assignments(), [store.story_model(s) for s in store.live_story_ids()])
    merges = store.conn.execute("SELECT old, new FROM story_merges").fetchall()
    recluster(store)
    again = (store.story_assignments(), [store.story_model(s) for s in store.live_story_ids()])
    assert again == online
    assert store.conn.execute("SELECT old, new FROM story_merges").fetchall() == merges


def test_recluster_replays_an_out_of_order_ingest_and_a_date_set_after_placing(store: Store) -> None:
    # later reports first, the earliest last; one article undated when placed and dated afterwards
    batches = [["rebuild", "quake_turkey2"], ["bridge2", "hockey"], ["quake_turkey", "bridge"]]
    for day, batch in enumerate(batches, start=1):
        _ingest(store, [make(k, f"2022-02-0{4 - day}") for k in batch])
    late = make("visit", None)
    _ingest(store, [late])
    late.published = "2022-01-15"
    store.set_published(late)
    online = (store.story_assignments(), [store.story_model(s) for s in store.live_story_ids()])
    recluster(store)
    assert (store.story_assignments(), [store.story_model(s) for s in store.live_story_ids()]) == online


def test_copy_leaves_centroid_and_document_frequencies_unchanged(store: Store) -> None:
    _ingest(store, [make("quake_turkey", "2020-01-24")])
    sid = store.story_assignments()["quake_turkey"]
    before = (store.story_weights(sid), store.story_counter("docs"))
    _ingest(store, [make("quake_turkey", "2020-01-25", outlet="yahoo.com", article_id="copy")])
    assert store.story_assignments()["copy"] == sid
    assert (store.story_weights(sid), store.story_counter("docs")) == before


def test_reassigning_known_article_changes_nothing(store: Store) -> None:
    article = make("bridge")
    _ingest(store, [article])
    assert assign(store, [article]) == []


def test_a_story_is_posted_under_the_heaviest_terms_of_its_articles_only(store: Store,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "POSTED_TERMS", 5)
    _ingest(store, [make("bridge")])
    story = store.story_assignments()["bridge"]
    posted = {r[0] for r in store.conn.execute("SELECT term FROM story_postings WHERE story = ?", (story,))}
    terms = [kv for ns in ("w:", "e:", "n:") for kv in store.top_story_terms(story, ns, 100)]
    heaviest = sorted(terms, key=lambda kv: (-kv[1], kv[0]))
    assert len(heaviest) > 20 and posted == {t for t, _ in heaviest[:5]}
    # the report that follows finds the story by those terms alone
    _ingest(store, [make("bridge2", "2022-01-29")])
    assert store.story_assignments()["bridge2"] == story
