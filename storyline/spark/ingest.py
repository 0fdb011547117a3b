"""Spark ingest: inputs → the same sources/extract/annotate stages per partition → Parquet by publication day.

    storyline spark ingest examples/ --out out/ [--master local[*]]
    spark-submit storyline/spark/ingest.py 'hdfs:///crawl/*.warc.gz' --out hdfs:///storyline/run1

Whole files are read with ``binaryFiles`` (local paths, folders, globs, or any
Hadoop-compatible URI), parsed by ``storyline.sources.read_bytes`` and cleaned
by ``storyline.extract.clean`` inside ``mapPartitions``; annotation loads the
spaCy model once per executor process. Writes four Parquet tables under
``--out``: ``articles``, ``entities`` and ``timexes`` partitioned by ``day``
(the stated publication day; ``__undated__`` when there is none), and ``problems``.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline import sources
from storyline.models import Article, InputProblem
from storyline.store import codec

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)

UNDATED = "__undated__"
# Articles annotated together in one call (spaCy's nlp.pipe batches them).
ANNOTATE_BATCH = 64
# Files sorted after every local input (whose rank is their place on the command line).
REMOTE_RANK = 1 << 30
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

ARTICLE_COLUMNS = (
    "id string, origin_path string, origin_item string, url string, outlet string, title string, author string,"
    " published string, published_from string, language string, partial boolean, text string, removed string,"
    " metadata string, sentences string, entities string, timexes string, events string, file_rank long,"
    " record long, day string"
)
PROBLEM_COLUMNS = "path string, item string, reason string, fatal boolean"
ENTITY_JSON = ("array<struct<name:string,type:string,aliases:array<string>,"
               "roles:array<struct<role:string,quote:string,start:int,date:string>>,"
               "mentions:array<struct<text:string,start:int,end:int>>>>")
TIMEX_JSON = ("array<struct<text:string,start:int,end:int,value:string,granularity:string,type:string,"
              "issue:string,begin:string,end_value:string,mod:string>>")


@dataclass
class IngestSummary:
    """What a Spark ingest wrote: counts as the single-machine report gives them."""

    inputs_read: int
    new: int
    known: int
    skipped: int
    failed: int
    out: str


def run(spark: SparkSession, inputs: Sequence[str], out: str, *, annotate: bool = True) -> IngestSummary:
    """Read ``inputs``, run extraction (and annotation) on the executors, write Parquet under ``out``."""
    uris, names, missing = input_files(inputs)
    files = spark.sparkContext.binaryFiles(",".join(uris)) if uris else spark.sparkContext.emptyRDD()
    tagged = files.mapPartitions(lambda part: _process(part, names, annotate)).cache()
    raw_articles = spark.createDataFrame(tagged.filter(lambda t: t[0] == "a").map(lambda t: t[1]), ARTICLE_COLUMNS)
    articles = first_of_each_id(raw_articles).cache()
    problem_rows = tagged.filter(lambda t: t[0] == "p").map(lambda t: t[1])
    problems = spark.createDataFrame(problem_rows, PROBLEM_COLUMNS).unionByName(
        spark.createDataFrame([_problem_row(p) for p in missing], PROBLEM_COLUMNS))
    write_tables(articles, problems, out)
    n_raw, n_new = raw_articles.count(), articles.count()
    n_files = tagged.filter(lambda t: t[0] == "f").count()
    fatal = problems.groupBy("fatal").count().collect()
    counts = {bool(r["fatal"]): int(r["count"]) for r in fatal}
    tagged.unpersist()
    articles.unpersist()
    return IngestSummary(n_files, n_new, n_raw - n_new, counts.get(False, 0), counts.get(True, 0), out)


def input_files(inputs: Sequence[str]) -> tuple[list[str], dict[str, tuple[int, str]], list[InputProblem]]:
    """Return the URIs for ``binaryFiles``, local path → (rank, name as given), and names matching nothing."""
    local = [i for i in inputs if not _is_uri(i)]
    files, missing = sources.expand(local)
    names = {_normal(os.path.abspath(f)): (rank, f) for rank, f in enumerate(files)}
    uris = [os.path.abspath(f) for f in files] + [i for i in inputs if _is_uri(i)]
    return [_escape(u) for u in uris], names, missing


def _is_uri(name: str) -> bool:
    return "://" in name and not name.startswith("file://")


def _escape(uri: str) -> str:
    # binaryFiles takes a comma-separated list of Hadoop globs: escape what Hadoop would expand
    return re.sub(r"([,{}\[\]*?\\])", r"\\\1", uri) if not _is_uri(uri) else uri


def _normal(path: str) -> str:
    path = path.removeprefix("file:")
    return os.path.normpath("/" + path.lstrip("/"))


def first_of_each_id(articles: DataFrame) -> DataFrame:
    """Keep one row per article id: the first met in input order, as the single-machine ingest does."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    first = Window.partitionBy("id").orderBy("file_rank", "origin_path", "record")
    return articles.withColumn("_n", F.row_number().over(first)).where("_n = 1").drop("_n")


def write_tables(articles: DataFrame, problems: DataFrame, out: str) -> None:
    """Write articles, entities, time expressions (by day) and problems as Parquet under ``out``."""
    from pyspark.sql import functions as F

    articles.write.mode("overwrite").partitionBy("day").parquet(f"{out}/articles")
    entities = (articles.select("id", "day", F.posexplode(F.from_json("entities", ENTITY_JSON)).alias("n", "e"))
                .select(F.col("id").alias("article"), "n", "e.name", "e.type", "e.aliases",
                        F.size("e.mentions").alias("mentions"), F.to_json("e.roles").alias("roles"), "day"))
    entities.write.mode("overwrite").partitionBy("day").parquet(f"{out}/entities")
    timexes = (articles.select("id", "day", F.posexplode(F.from_json("timexes", TIMEX_JSON)).alias("n", "t"))
               .select(F.col("id").alias("article"), "n", "t.*", "day"))
    timexes.write.mode("overwrite").partitionBy("day").parquet(f"{out}/timexes")
    problems.coalesce(1).write.mode("overwrite").parquet(f"{out}/problems")


# --- on the executors ---------------------------------------------------------------------------------

def _process(files: Iterable[tuple[str, bytes]], names: dict[str, tuple[int, str]],
             annotate: bool) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Yield ("a", article row) and ("p", problem row) for the files of one partition."""
    batch: list[tuple[Article, int, int]] = []
    for uri, data in files:
        rank, name = names.get(_normal(uri), (REMOTE_RANK, uri))
        yield "f", (name,)  # counted: the inputs read
        for record, item in enumerate(sources.read_bytes(data, name)):
            found = item if isinstance(item, InputProblem) else _clean(item)
            if isinstance(found, InputProblem):
                yield "p", _problem_row(found)
                continue
            batch.append((found, rank, record))
            if len(batch) >= ANNOTATE_BATCH:
                yield from _flush(batch, annotate)
    yield from _flush(batch, annotate)


def _flush(batch: list[tuple[Article, int, int]], annotate: bool) -> Iterator[tuple[str, tuple[Any, ...]]]:
    if annotate:
        annotator()([a for a, _, _ in batch])
    for article, rank, record in batch:
        yield "a", article_row(article, rank, record)
    batch.clear()


def _clean(raw: Any) -> Article | InputProblem:
    from storyline.pipeline import clean_document  # the single-machine path's guarded extract.clean

    return clean_document(raw)


def annotator() -> Callable[[list[Article]], Any]:
    """Return the annotate stage as the single-machine ingest runs it (spaCy, with the timeline's events).

    The model is cached at module level by ``storyline.annotate.nlp.load_nlp``: it loads once per
    executor Python process, which Spark reuses across tasks.
    """
    from storyline.annotate import annotate
    from storyline.timeline import event_consumer

    return functools.partial(annotate, doc_consumers=[event_consumer])


def article_row(a: Article, file_rank: int, record: int) -> tuple[Any, ...]:
    """Return an article as a row of ARTICLE_COLUMNS (annotations as the store's JSON)."""
    return (a.id, a.origin.path, a.origin.item, a.url, a.outlet, a.title, a.author, a.published, a.published_from,
            a.language, a.partial, a.text, codec.dumps(a.removed), codec.dumps(a.metadata),
            codec.dumps(a.sentences), codec.dumps(a.entities), codec.dumps(a.timexes), codec.dumps(a.events),
            file_rank, record, publication_day(a.published))


def publication_day(published: str | None) -> str:
    """Return the stated publication day (YYYY-MM-DD), or UNDATED."""
    return published[:10] if published and _DAY.match(published) else UNDATED


def _problem_row(p: InputProblem) -> tuple[Any, ...]:
    return (p.path, p.item, p.reason, p.fatal)


def article_from_row(row: Any) -> Article:
    """Return the Article an articles-table row holds (the inverse of ``article_row``)."""
    from storyline.models import Origin

    return Article(
        id=row["id"], origin=Origin(row["origin_path"], row["origin_item"]), text=row["text"], url=row["url"],
        outlet=row["outlet"], title=row["title"], author=row["author"], published=row["published"],
        published_from=row["published_from"], language=row["language"], partial=bool(row["partial"]),
        removed=json.loads(row["removed"]), metadata=json.loads(row["metadata"]),
        sentences=codec.spans(row["sentences"]), entities=codec.entities(row["entities"]),
        timexes=codec.timexes(row["timexes"]), events=codec.event_mentions(row["events"]))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry for ``python -m storyline.spark.ingest`` and ``spark-submit``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="files, folders, globs or Hadoop URIs")
    parser.add_argument("--out", required=True, help="output folder or URI")
    parser.add_argument("--master", default=None, help="Spark master [default: local[*], or spark-submit's]")
    parser.add_argument("--no-annotate", action="store_true", help="skip the spaCy annotation")
    args = parser.parse_args(argv)
    from storyline.spark.session import get_session

    summary = run(get_session(args.master), args.inputs, args.out, annotate=not args.no_annotate)
    print(format_summary(summary))
    return 0 if summary.failed == 0 else 1


def format_summary(s: IngestSummary) -> str:
    """Return the one-line summary the CLI prints."""
    return (f"inputs read: {s.inputs_read}  articles new: {s.new}  already known: {s.known}  "
            f"skipped: {s.skipped}  failed: {s.failed}  written to: {s.out}")


if __name__ == "__main__":
    raise SystemExit(main())
