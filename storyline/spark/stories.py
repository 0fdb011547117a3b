"""Spark stories: copies, story clustering, timelines and conflicts over a Spark ingest's Parquet.

    storyline spark stories out/

The single-machine stages run unchanged; Spark only splits the work:

1. order: every article gets its place in the single-machine processing order
   (publication time, undated last, ties in input order);
2. blocks: connected components over blocking keys: the copy detector's exact-text
   hash and MinHash LSH bands, and each article's main entities within time windows.
   Articles in different blocks share no key, so copy detection never compares them
   and story clustering (almost never, see docs/spark.md) joins them;
3. copies: ``storyline.dedup.find_copies`` per block, in order;
4. document frequencies: the archive-wide count of each term among the originals up to
   each article (what the single-machine pass has seen when it weighs that article);
5. stories: ``storyline.stories.assign`` per block over an in-memory store that answers
   with those archive-wide frequencies, then ``timeline.build`` and ``conflicts.detect``
   per story. Story ids derive from the first article's id, so they are already global.

Writes Parquet under ``DIR/stories/``: ``stories`` (with timeline and conflicts as JSON),
``blocks`` and the index tables that ``storyline load`` copies into the database.
"""

from __future__ import annotations

import argparse
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from storyline.models import Article, Origin
from storyline.spark.ingest import ARTICLE_COLUMNS, article_from_row, article_row
from storyline.store import Store, codec
from storyline.store.bulk import INDEX_TABLES, BulkQueries

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

# Days per blocking window; an article's entity keys name its window and the next, so two
# articles naming one entity are in one block when at most WINDOW_DAYS apart (up to twice that
# when their windows are adjacent). Story clustering ages stories (cluster.AGE_SLOPE), so later
# reports rarely join; chains of reports still link a long story across windows.
WINDOW_DAYS = 30
# Entity keys per article: its most named entities (the clustering weighs entities most).
ENTITY_KEYS = 5
# An entity key shared by more articles than this in one window is dropped (a hub such as a
# head of state would make one block of a whole month). Copy keys are never dropped.
MAX_KEY_ARTICLES = 5000
UNDATED_WINDOW = "undated"
_DAY_SECONDS = 86400.0

SCHEMAS = {
    "articles": ARTICLE_COLUMNS + ", duplicate_of string, story string",
    "stories": "id string, seq long, first_article string, title string, keywords string, outlets string,"
               " first_seen string, last_updated string, first_ts double, last_ts double, article_count long,"
               " canonical_count long, size long, norms string, merged_into string, articles array<string>,"
               " timeline string, conflicts string, block long",
    "story_terms": "story string, term string, weight double",
    "story_postings": "term string, rank long, story string, weight double",
    "story_members": "article string, story string, joined string, pos long, canonical string, score double,"
                     " outlet string, title string, published string, ts double, vector string",
    "story_merges": "old string, new string, article string, score double, pos long",
    "term_df": "term string, df long",
    "story_counters": "name string, value long",
    "copy_signatures": "article string, canonical string, text_hash string, shingles long, signature binary",
    "copy_bands": "band long, key long, article string",
}
_EXTRA = {"stories": ("articles", "timeline", "conflicts", "block")}


@dataclass
class StoriesSummary:
    """What a Spark stories run found."""

    articles: int
    copies: int
    stories: int
    blocks: int
    largest_block: int
    out: str


def run(spark: SparkSession, folder: str) -> StoriesSummary:
    """Cluster the articles under ``folder``/articles into stories; write Parquet under ``folder``/stories."""
    from pyspark import StorageLevel

    articles = spark.read.parquet(f"{folder}/articles").drop("day")
    ordered = with_order(spark, articles).persist(StorageLevel.MEMORY_AND_DISK)
    blocks = components(spark, blocking_keys(spark, ordered), ordered).persist(StorageLevel.MEMORY_AND_DISK)
    full = ordered.join(blocks, "idx").persist(StorageLevel.MEMORY_AND_DISK)
    copies = full.rdd.map(lambda r: (r["block"], r)).groupByKey().flatMap(lambda kv: _copies(kv[1])).cache()
    duplicate_of = spark.createDataFrame(copies.filter(lambda t: t[0] == "dup").map(lambda t: t[1]),
                                         "idx long, duplicate_of string")
    frequencies, term_df = prefix_frequencies(spark, full.join(duplicate_of, "idx"))
    replay_in = full.join(duplicate_of, "idx").join(frequencies, "idx", "left")
    tables = replay_in.rdd.map(lambda r: (r["block"], r)).groupByKey().flatMap(lambda kv: _replay(kv[1]))
    tables = tables.union(copies.filter(lambda t: t[0] != "dup")).cache()
    order = ordered.select("id", "idx")
    summary = _write(spark, folder, tables, term_df, blocks.join(order, "idx"), duplicate_of, order)
    for cached in (tables, copies, full, ordered, blocks):
        cached.unpersist()
    return summary


# --- 1. the processing order ----------------------------------------------------------------------

def order_key(published: str | None, file_rank: int, origin_path: str, record: int) -> tuple[Any, ...]:
    """Return the single-machine processing order of an article: publication time, undated last, input order."""
    from storyline.store.articles import sortable_date
    from storyline.stories.features import timestamp

    ts, key = timestamp(published), sortable_date(published)
    return (ts is None, ts or 0.0, key is None, key or "", file_rank, origin_path, record)


def with_order(spark: SparkSession, articles: DataFrame) -> DataFrame:
    """Return the articles with ``idx``: their 0-based place in the processing order."""
    keyed = articles.select("id", "published", "file_rank", "origin_path", "record").rdd.map(
        lambda r: (order_key(r["published"], r["file_rank"], r["origin_path"], r["record"]), r["id"]))
    ranked = keyed.sortByKey().zipWithIndex().map(lambda kv: (kv[0][1], kv[1]))
    return articles.join(spark.createDataFrame(ranked, "id string, idx long"), "id")


# --- 2. blocks ------------------------------------------------------------------------------------

def article_keys(article: Article) -> tuple[list[str], list[str]]:
    """Return an article's blocking keys and, when it is undated, the entities it names (keyed later)."""
    from storyline.dedup.minhash import fingerprint
    from storyline.stories.features import article_terms, event_days, timestamp

    print_ = fingerprint(article.text)
    keys = [f"h:{print_.text_hash}", *(f"b:{band}:{key}" for band, key in print_.bands)]
    counts = Counter({t[2:]: c for t, c in article_terms(article).items() if t.startswith("e:")})
    names = [n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:ENTITY_KEYS]]
    ts = timestamp(article.published)
    if ts is None:
        return keys + [f"e:{n}|{UNDATED_WINDOW}" for n in names], names
    # The days it dates events to count too: a late report naming the day of an old story's event
    # is scored as inside that story's time (cluster.age_bar), so it must share the story's block.
    windows = sorted({w for t in (ts, *event_days(article)) for w in _windows(t)})
    return keys + [f"e:{n}|{w}" for n in names for w in windows], []


def _windows(ts: float) -> tuple[int, int]:
    window = int(ts // (_DAY_SECONDS * WINDOW_DAYS))
    return window, window + 1


def blocking_keys(spark: SparkSession, ordered: DataFrame) -> DataFrame:
    """Return (idx, key) edges: copy keys, and entity keys within windows (undated articles: every window)."""
    from pyspark.sql import functions as F

    found = ordered.rdd.map(lambda r: (r["idx"], article_keys(_article(r)))).cache()
    edges = spark.createDataFrame(found.flatMap(lambda kv: [(kv[0], k) for k in kv[1][0]]), "idx long, key string")
    undated = spark.createDataFrame(found.flatMap(lambda kv: [(kv[0], n) for n in kv[1][1]]), "idx long, name string")
    dated_entity = (edges.where(F.col("key").startswith("e:")).select("key").distinct()
                    .withColumn("name", F.regexp_extract("key", r"^e:(.*)\|[^|]*$", 1)))
    edges = edges.unionByName(undated.join(dated_entity, "name").select("idx", "key")).distinct()
    sizes = edges.groupBy("key").count()
    hubs = sizes.where((F.col("count") > MAX_KEY_ARTICLES) & F.col("key").startswith("e:")).select("key")
    return edges.join(hubs, "key", "left_anti")


def components(spark: SparkSession, edges: DataFrame, ordered: DataFrame) -> DataFrame:
    """Return (idx, block): connected components of articles linked by shared keys (block = lowest idx)."""
    from pyspark.sql import functions as F

    labels = edges.select("idx").distinct().withColumn("block", F.col("idx")).localCheckpoint()
    while True:
        by_key = edges.join(labels, "idx").groupBy("key").agg(F.min("block").alias("block"))
        fresh = edges.join(by_key, "key").groupBy("idx").agg(F.min("block").alias("block")).localCheckpoint()
        changed = fresh.alias("n").join(labels.alias("o"), "idx").where("n.block != o.block").count()
        labels = fresh
        if changed == 0:
            break
    return (ordered.select("idx").join(labels, "idx", "left")
            .select("idx", F.coalesce("block", "idx").alias("block")))


# --- 3. copies ------------------------------------------------------------------------------------

def _copies(rows: Iterable[Any]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Run copy detection over one block; yield ("dup", (idx, duplicate_of)) and its copy-index rows."""
    from storyline.dedup import find_copies

    ordered = sorted(rows, key=lambda r: r["idx"])
    articles = [Article(id=r["id"], origin=Origin(r["origin_path"]), text=r["text"], published=r["published"])
                for r in ordered]
    store = _memory_store()
    copies = find_copies(store, articles)
    for row in ordered:
        yield "dup", (row["idx"], copies.get(row["id"]))
    yield from _index_rows(store, ("copy_signatures", "copy_bands"))
    store.close()


# --- 4. document frequencies ----------------------------------------------------------------------

def prefix_frequencies(spark: SparkSession, articles: DataFrame) -> tuple[DataFrame, DataFrame]:
    """Return (idx, docs, df) for each original, as the ordered single-machine pass counts them, and term → df."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    originals = articles.where(F.col("duplicate_of").isNull())
    terms = spark.createDataFrame(
        originals.rdd.flatMap(lambda r: [(r["idx"], t) for t in _terms(r)]), "idx long, term string")
    counted = terms.withColumn("df", F.row_number().over(Window.partitionBy("term").orderBy("idx")))
    docs = spark.createDataFrame(
        originals.select("idx").rdd.map(lambda r: r["idx"]).sortBy(lambda i: i).zipWithIndex()
        .map(lambda kv: (kv[0], kv[1] + 1)), "idx long, docs long")
    per_article = counted.groupBy("idx").agg(F.map_from_entries(F.collect_list(F.struct("term", "df"))).alias("df"))
    term_df = counted.groupBy("term").agg(F.max("df").alias("df"))
    return docs.join(per_article, "idx", "left"), term_df


def _terms(row: Any) -> list[str]:
    from storyline.stories.features import article_terms

    return sorted(article_terms(_article(row)))


# --- 5. stories, timelines and conflicts ----------------------------------------------------------

class ReplayStore(Store, BulkQueries):
    """An in-memory store that weighs each original article with the archive-wide document frequencies.

    ``frequencies`` holds (docs, term → df) for the block's originals in processing order;
    the clustering asks for the document count once per original, in that order.
    """

    frequencies: deque[tuple[int, dict[str, int]]]
    _given: dict[str, int]

    def story_counter(self, name: str) -> int:
        if name != "docs":
            return super().story_counter(name)
        docs, self._given = self.frequencies.popleft()
        return docs - 1

    def add_document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        return self.document_frequencies(list(terms))  # the archive-wide counts are given, not counted here

    def document_frequencies(self, terms: Any) -> dict[str, int]:
        return {t: self._given[t] for t in terms if t in self._given}


def _memory_store() -> ReplayStore:
    return cast(ReplayStore, ReplayStore.open(":memory:"))


def _replay(rows: Iterable[Any]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Run the single-machine store stages over one block; yield its articles, stories and index rows."""
    from storyline.pipeline import default_stages, run_stages

    ordered = sorted(rows, key=lambda r: r["idx"])
    articles = [_article(r) for r in ordered]
    store = _memory_store()
    store.frequencies = deque((r["docs"], dict(r["df"] or {})) for r in ordered if r["duplicate_of"] is None)
    run_stages(store, [s for s in default_stages() if s.in_transaction], articles)
    for row, article in zip(ordered, store.articles([a.id for a in articles]), strict=True):
        yield "articles", (*article_row(article, row["file_rank"], row["record"]), article.duplicate_of,
                           article.story)
    yield from _story_rows(store, ordered[0]["block"])
    yield from _index_rows(store, ("story_terms", "story_postings"))
    pos = {r["id"]: r["idx"] + 1 for r in ordered}
    for m in store.index_rows("story_members"):
        yield "story_members", _values("story_members", {**m, "pos": pos[m["article"]]})
    for m in store.index_rows("story_merges"):
        yield "story_merges", _values("story_merges", {**m, "pos": pos[m["article"]]})
    store.close()


def _story_rows(store: ReplayStore, block: int) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Yield a row per story (merged-away ones too), live ones with their stored timeline and conflicts."""
    for row in store.index_rows("stories"):
        story = store.story_model(row["id"])
        extra: dict[str, Any] = {"articles": [], "timeline": "[]", "conflicts": "[]", "block": block}
        if story is not None and row["merged_into"] is None:
            extra.update(articles=story.articles, timeline=codec.dumps(store.story_timeline(story.id)),
                         conflicts=codec.dumps(store.story_conflicts(story.id)))
        yield "stories", _values("stories", {**row, **extra})


def _index_rows(store: BulkQueries, tables: Iterable[str]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    for table in tables:
        for row in store.index_rows(table):
            yield table, _values(table, row)


def _values(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c] for c in (*INDEX_TABLES[table], *_EXTRA.get(table, ())))


def _article(row: Any) -> Article:
    return article_from_row(row)


# --- output ---------------------------------------------------------------------------------------

def _write(spark: SparkSession, folder: str, tables: RDD[tuple[str, tuple[Any, ...]]], term_df: DataFrame,
           blocks: DataFrame, duplicate_of: DataFrame, order: DataFrame) -> StoriesSummary:
    from pyspark.sql import functions as F

    out = f"{folder}/stories"
    stories = _numbered(spark, _table(spark, tables, "stories"), order).cache()
    stories.write.mode("overwrite").parquet(f"{out}/stories")
    articles = _table(spark, tables, "articles")
    articles.write.mode("overwrite").partitionBy("day").parquet(f"{out}/articles")
    for name in ("story_terms", "story_postings", "story_members", "story_merges", "copy_signatures", "copy_bands"):
        _table(spark, tables, name).write.mode("overwrite").parquet(f"{out}/{name}")
    term_df.write.mode("overwrite").parquet(f"{out}/term_df")
    n_articles = blocks.count()
    n_copies = duplicate_of.where(F.col("duplicate_of").isNotNull()).count()
    n_stories = stories.count()
    counters = [("pos", n_articles), ("docs", n_articles - n_copies), ("stories", n_stories)]
    spark.createDataFrame(counters, SCHEMAS["story_counters"]).coalesce(1).write.mode("overwrite").parquet(
        f"{out}/story_counters")
    blocks.withColumnRenamed("id", "article").write.mode("overwrite").parquet(f"{out}/blocks")
    sizes = blocks.groupBy("block").count()
    largest = sizes.agg(F.max("count")).first()
    return StoriesSummary(n_articles, n_copies, stories.where("merged_into IS NULL").count(), sizes.count(),
                          int(largest[0] or 0) if largest else 0, folder)


def _table(spark: SparkSession, tables: RDD[tuple[str, tuple[Any, ...]]], name: str) -> DataFrame:
    return spark.createDataFrame(tables.filter(lambda t: t[0] == name).map(lambda t: t[1]), SCHEMAS[name])


def _numbered(spark: SparkSession, stories: DataFrame, order: DataFrame) -> DataFrame:
    """Return the stories with ``seq`` renumbered globally: the order their first articles were processed."""
    firsts = stories.select("id", "first_article").join(
        order.withColumnRenamed("id", "first_article"), "first_article")
    ranked = firsts.rdd.map(lambda r: (r["idx"], r["id"])).sortByKey().zipWithIndex().map(
        lambda kv: (kv[0][1], kv[1] + 1))
    seqs = spark.createDataFrame(ranked, "id string, seq long")
    return stories.drop("seq").join(seqs, "id").select(*[c.split()[0] for c in SCHEMAS["stories"].split(",")])


def format_summary(s: StoriesSummary) -> str:
    """Return the one-line summary the CLI prints."""
    return (f"articles: {s.articles}  copies: {s.copies}  stories: {s.stories}  blocks: {s.blocks} "
            f"(largest {s.largest_block} articles)  written to: {s.out}/stories")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry for ``python -m storyline.spark.stories`` and ``spark-submit``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="the --out folder of a Spark ingest")
    parser.add_argument("--master", default=None, help="Spark master [default: local[*], or spark-submit's]")
    args = parser.parse_args(argv)
    from storyline.spark.session import get_session

    print(format_summary(run(get_session(args.master), args.folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
