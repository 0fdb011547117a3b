"""Load a Spark run's Parquet into a storyline database, so ``serve``, ``export`` and the CLI work on it.

Reads with pyarrow (no Spark needed). Articles go in through the single-machine
store stage (articles, annotations, global entities), in processing order; when
``storyline spark stories`` has run, its copy and story index, its stories and
their timelines and conflicts go in too, and every article gets its story and
``duplicate_of``. Load into a fresh database (or the same run again): the index
of one run does not merge with another clustering.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.errors import UsageError
from storyline.store import Store, codec
from storyline.store.bulk import INDEX_TABLES, BulkQueries

# Articles handed to the store stage at a time (bounds memory for the decoded models).
LOAD_BATCH = 500


@dataclass
class LoadSummary:
    """What a load put into the database."""

    articles: int
    stories: int
    clustered: bool


def load(store: Store, folder: str | Path) -> LoadSummary:
    """Load the Parquet tables under ``folder`` into ``store``; return what was loaded."""
    from storyline.pipeline import default_stages
    from storyline.spark.ingest import article_from_row

    root = Path(folder)
    clustered = (root / "stories" / "articles").is_dir()
    source = root / "stories" / "articles" if clustered else root / "articles"
    if not source.is_dir():
        raise UsageError(f"{root}: no articles table; run `storyline spark ingest ... --out {root}` first")
    rows = _read(source)
    rows.sort(key=_order(root, clustered))
    store_stage = default_stages(annotate=False)[0]
    stories = 0
    with store.transaction():
        for start in range(0, len(rows), LOAD_BATCH):
            store_stage.run(store, [article_from_row(r) for r in rows[start : start + LOAD_BATCH]])
        if clustered:
            stories = _load_stories(store, root / "stories")
    return LoadSummary(len(rows), stories, clustered)


def _load_stories(store: Store, folder: Path) -> int:
    """Copy the index tables in, link articles to stories and copies, store timelines; return live stories."""
    bulk = store if isinstance(store, BulkQueries) else BulkQueries.over(store.conn)
    for table, columns in INDEX_TABLES.items():
        bulk.insert_index_rows(table, (tuple(r[c] for c in columns) for r in _read(folder / table)))
    bulk.link_articles()
    if not (folder / "story_postings").is_dir():
        store.post_story_terms()  # written before Spark carried the postings: post every centroid term
    live = 0
    for row in _read(folder / "stories"):
        if row["merged_into"] is None:
            events = [codec.event_from(e) for e in _json(row["timeline"])]
            conflicts = [codec.conflict_from(c) for c in _json(row["conflicts"])]
            store.save_story_timeline(row["id"], events, conflicts)
            live += 1
    return live


def _order(root: Path, clustered: bool) -> Any:
    """Return the sort key of the processing order: story positions when clustered, else publication order."""
    if clustered:
        pos = {r["article"]: r["pos"] for r in _read(root / "stories" / "story_members")}
        return lambda r: pos.get(r["id"], 0)
    from storyline.spark.stories import order_key

    return lambda r: order_key(r["published"], r["file_rank"], r["origin_path"], r["record"])


def _read(folder: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    if not folder.is_dir():
        return []
    return list(pq.read_table(folder).to_pylist())


def _json(text: str | None) -> list[Any]:
    import json

    return list(json.loads(text or "[]"))
