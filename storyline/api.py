"""The Python API: everything the CLI and the web UI can do, as plain methods.

    >>> from storyline.api import Storyline
    >>> sl = Storyline("news.db")
    >>> report = sl.ingest(["examples/"])
    >>> sl.export("json", "export.json")
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO

from storyline import export as export_
from storyline.errors import UsageError
from storyline.models import Article, Entity, IngestReport
from storyline.pipeline import default_stages, ingest
from storyline.settings import INGEST_BATCH_SIZE, default_db_path
from storyline.store import Store

EXPORT_FORMATS = ("json", "jsonl", "csv", "parquet")


class Storyline:
    """A storyline database and the operations on it."""

    def __init__(self, db: str | Path | None = None) -> None:
        self.db_path = str(db if db is not None else default_db_path())
        self.store = Store.open(self.db_path)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Storyline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(self, paths: Sequence[str], *, stdin: BinaryIO | None = None, annotate: bool = True,
               batch_size: int = INGEST_BATCH_SIZE, on_input: Callable[[str], None] | None = None) -> IngestReport:
        """Read files, folders, globs or ``-`` (stdin) into the store; return the report."""
        if not paths:
            raise UsageError("nothing to ingest: give at least one file, folder, glob or - for stdin")
        if batch_size < 1:
            raise UsageError(f"batch size must be at least 1, not {batch_size}")
        return ingest(self.store, paths, stdin=stdin, stages=default_stages(annotate=annotate),
                      batch_size=batch_size, on_input=on_input)

    def count_articles(self) -> int:
        return self.store.count_articles()

    def articles(self, *, limit: int | None = None, offset: int = 0, story: str | None = None,
                 newest_first: bool = True) -> list[Article]:
        """Return stored articles, newest first by default."""
        return list(self.store.iter_articles(story=story, limit=limit, offset=offset, newest_first=newest_first))

    def article(self, article_id: str) -> Article:
        """Return one article; raise NotFound for an unknown id."""
        return self.store.article(article_id)

    def entities(self, *, name: str | None = None, limit: int | None = None) -> list[tuple[Entity, int]]:
        """Return the global entities (optionally those whose name contains ``name``) with their article counts."""
        return self.store.global_entities(name=name, limit=limit)

    def export_document(self) -> dict[str, Any]:
        """Return the export contract (schema_version 1) as one object."""
        return export_.document(self.store)

    def export(self, fmt: str = "json", output: str | Path | IO[Any] | None = None) -> None:
        """Write the export in ``fmt`` (json, jsonl, csv, parquet) to a path, a stream, or stdout."""
        if fmt not in EXPORT_FORMATS:
            raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        binary = fmt == "parquet"
        if output is None or output == "-":
            export_.write(self.store, fmt, sys.stdout.buffer if binary else sys.stdout)  # type: ignore[arg-type]
        elif isinstance(output, str | Path):
            with open(output, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as stream:
                export_.write(self.store, fmt, stream)  # type: ignore[arg-type]
        else:
            export_.write(self.store, fmt, output)  # type: ignore[arg-type]
