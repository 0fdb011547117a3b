"""Ingest end to end: idempotent, order-preserving, and one bad input never stops the rest."""

from __future__ import annotations

import json

import pytest

from storyline.pipeline import Stage, check_order, default_stages, ingest

DUMP = """Posted on 11 September 2020
Harbour crane collapses in high winds

A container crane at the northern harbour collapsed on Thursday evening as gusts reached 120 km/h.
Two workers were taken to hospital with minor injuries, the port authority said.
Advertisement
Operations at the terminal will resume on Monday after inspections, a spokeswoman said.
"""


def wire(n: int, published: str) -> str:
    return json.dumps({"url": f"https://wire.example/{n}", "title": f"Council vote {n}", "outlet": "Wire",
                       "text": f"The council voted {n} times on the harbour budget this week.", "published": published})


def test_reingesting_the_same_inputs_changes_nothing(store, write):
    paths = [write("dump.txt", DUMP), write("wire.jsonl", wire(1, "2020-09-10T08:00:00Z"))]
    first = ingest(store, paths, stages=default_stages(annotate=False))
    again = ingest(store, paths, stages=default_stages(annotate=False))
    assert (first.new, first.known) == (2, 0)
    assert (again.new, again.known) == (0, 2)
    assert store.count_articles() == 2


def test_bad_inputs_are_reported_and_the_others_still_stored(store, write):
    paths = [write("empty.txt", ""), write("wire.jsonl", wire(1, "2020-09-10") + "\n{broken"),
             write("dump.txt", DUMP), str(write("x.txt", "x")).replace("x.txt", "missing.txt")]
    report = ingest(store, paths, stages=default_stages(annotate=False))
    assert report.new == 2
    assert sorted(p.reason.split(" (")[0] for p in report.failed) == [
        "empty file", "no such file or directory", "not valid JSON"]


def test_a_folder_of_news_and_code_stores_the_news_and_counts_the_code_as_skipped(store, write, tmp_path):
    write("inbox/dump.txt", DUMP)
    write("inbox/scrape.py", "for url in URLS:\n    print(fetch(url))\n")
    report = ingest(store, [str(tmp_path / "inbox")], stages=default_stages(annotate=False))
    assert (report.new, report.failed) == (1, [])
    assert [p.path.rsplit("/", 1)[1] for p in report.skipped] == ["scrape.py"]


def test_articles_of_a_batch_are_stored_in_publication_order(store, write):
    lines = [wire(1, "2020-09-12T10:00:00+00:00"), wire(2, "2020-09-10T10:00:00+00:00"), wire(3, "2020-09-11")]
    ingest(store, [write("wire.jsonl", "\n".join(lines))], stages=default_stages(annotate=False))
    stored = store.conn.execute("SELECT url FROM articles ORDER BY seq").fetchall()
    assert [row[0][-1] for row in stored] == ["2", "3", "1"]


def test_stated_metadata_wins_and_its_date_is_marked_metadata(store, write):
    ingest(store, [write("wire.jsonl", wire(7, "2020-09-10T08:00:00+02:00"))], stages=default_stages(annotate=False))
    [article] = store.iter_articles()
    assert (article.published, article.published_from, article.outlet) == ("2020-09-10T08:00:00+02:00",
                                                                           "metadata", "Wire")


def test_pipeline_refuses_a_stage_whose_inputs_nothing_fills():
    needs_story = Stage("example.timeline.v1", ("story",), ("timeline",), lambda store, batch: None)
    with pytest.raises(ValueError, match=r"example\.timeline\.v1 needs story"):
        check_order([needs_story])


def test_a_50_mb_single_line_is_refused_with_its_size_and_the_rest_is_stored(store, write):
    line = json.dumps({"title": "Huge", "text": "word " * 10_000_000})
    huge = write("huge.jsonl", line + "\n" + wire(2, "2020-09-10"))
    report = ingest(store, [huge], stages=default_stages(annotate=False))
    assert report.new == 1
    [problem] = report.failed
    assert problem.item == "line 1" and "too long for one article" in problem.reason


def test_language_is_detected_when_nothing_states_it(store, write):
    ingest(store, [write("dump.txt", DUMP)], stages=default_stages(annotate=False))
    [article] = store.iter_articles()
    assert article.language == "en"


class _CountingEncoder:
    """Stands in for the optional sentence-embedding model: a text's vector counts two letters."""

    def encode(self, texts: list[str], batch_size: int = 32) -> list[list[float]]:
        return [[float(t.count("a")) + 1.0, float(t.count("o"))] for t in texts]


@pytest.mark.slow
def test_ingest_with_embeddings_stores_each_articles_vector_and_its_storys_sum(store, write, monkeypatch):
    from storyline.stories import embeddings

    monkeypatch.setattr(embeddings, "_encoder", _CountingEncoder())
    report = ingest(store, [write("dump.txt", DUMP)], stages=default_stages(embeddings=True))
    (article,) = report.new_ids
    vector = store.article_embeddings([article])[article]
    story = store.member_story(article)
    assert story is not None and store.story_embeddings([story])[story] == pytest.approx(vector)
    assert sum(x * x for x in vector) == pytest.approx(1.0)


def test_default_stages_embed_only_when_asked():
    names = [s.name for s in default_stages(embeddings=True)]
    assert names.index("storyline.embed.v1") < names.index("storyline.stories.v1")
    assert "storyline.embed.v1" not in [s.name for s in default_stages()]
