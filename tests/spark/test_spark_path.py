"""The Spark path (ingest → stories → load) gives what the single-machine ingest gives on examples/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.api import Storyline

pytestmark = pytest.mark.slow


def _export(db: Path) -> dict[str, Any]:
    with Storyline(db) as sl:
        return sl.export_document()


def _articles(doc: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {a["id"]: (a["text"], a["published"], a["published_from"], a["title"], a["duplicate_of"])
            for a in doc["articles"]}


def _partition(doc: dict[str, Any]) -> set[frozenset[str]]:
    return {frozenset(s["articles"]) for s in doc["stories"]}


def test_spark_path_gives_the_same_articles_ids_texts_and_dates(spark_run, single_db):
    spark, single = _export(spark_run["db"]), _export(single_db)
    assert _articles(spark) == _articles(single)
    assert len(single["articles"]) == 23


def test_spark_path_gives_the_same_annotations(spark_run, single_db):
    def annotations(doc: dict[str, Any]) -> dict[str, Any]:
        return {a["id"]: (a["entities"], a["timexes"]) for a in doc["articles"]}

    assert annotations(_export(spark_run["db"])) == annotations(_export(single_db))


def test_spark_path_gives_the_same_story_partition_and_ids(spark_run, single_db):
    spark, single = _export(spark_run["db"]), _export(single_db)
    assert _partition(spark) == _partition(single)
    assert {s["id"] for s in spark["stories"]} == {s["id"] for s in single["stories"]}
    assert {a["id"]: a["story"] for a in spark["articles"]} == {a["id"]: a["story"] for a in single["articles"]}


def test_spark_path_gives_the_same_candidate_index(spark_run, single_db):
    # Later online assignments find their candidate stories through these postings.
    def postings(db: Path) -> set[tuple[str, int, str]]:
        with Storyline(db) as sl:
            return {tuple(r) for r in sl.store.conn.execute("SELECT term, rank, story FROM story_postings")}

    single = postings(single_db)
    assert single and postings(spark_run["db"]) == single


def test_spark_path_gives_the_same_timelines_and_conflicts(spark_run, single_db):
    def timelines(doc: dict[str, Any]) -> dict[str, Any]:
        return {s["id"]: (s["title"], s["timeline"], s["conflicts"]) for s in doc["stories"]}

    spark, single = timelines(_export(spark_run["db"])), timelines(_export(single_db))
    assert spark == single
    assert any(events for _, events, _ in single.values())


def test_blocks_split_the_examples_without_changing_the_result(spark_run):
    summary = spark_run["stories"]
    assert summary.blocks > 1  # the work does split; the tests above show the result is the same
    assert summary.largest_block < summary.articles


def test_ingest_writes_articles_by_day_with_an_undated_partition(spark_run):
    folders = {p.name for p in (spark_run["out"] / "articles").iterdir() if p.is_dir()}
    assert "day=__undated__" in folders
    assert "day=2020-02-22" in folders
    for table in ("entities", "timexes", "problems"):
        assert (spark_run["out"] / table).is_dir()


def test_ingest_counts_skipped_warc_records_as_the_single_path_does(spark_run):
    summary = spark_run["ingest"]
    assert (summary.inputs_read, summary.new, summary.known, summary.skipped, summary.failed) == (14, 23, 0, 2, 0)


def test_loaded_database_serves_the_cli_queries(spark_run):
    with Storyline(spark_run["db"]) as sl:
        assert sl.count_articles() == 23
        assert len(sl.stories()) == spark_run["load"].stories == 5
        story = sl.stories()[0]
        assert sl.story(story.id).timeline == sl.timeline(story.id)
