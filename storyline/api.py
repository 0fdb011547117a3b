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
from storyline import views
from storyline.errors import NotFound, UsageError
from storyline.models import Article, Conflict, Entity, Event, IngestReport, SearchGroup, Story
from storyline.pipeline import default_stages, ingest
from storyline.settings import INGEST_BATCH_SIZE, default_db_path
from storyline.store import Store
from storyline.timeline import summarise

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
               embeddings: bool = False, batch_size: int = INGEST_BATCH_SIZE,
               on_input: Callable[[str], None] | None = None) -> IngestReport:
        """Read files, folders, globs or ``-`` (stdin) into the store; return the report.

        ``embeddings`` also encodes each article's title and lede for story clustering (optional
        model: raises ModelMissing, before anything is read, when it is not installed).
        """
        if not paths:
            raise UsageError("nothing to ingest: give at least one file, folder, glob or - for stdin")
        if batch_size < 1:
            raise UsageError(f"batch size must be at least 1, not {batch_size}")
        if embeddings:
            from storyline.stories.embeddings import load_encoder

            load_encoder()
        return ingest(self.store, paths, stdin=stdin, stages=default_stages(annotate=annotate, embeddings=embeddings),
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

    def articles_by_id(self, ids: Sequence[str]) -> list[Article]:
        """Return the articles with these ids, in the order given; unknown ids are left out."""
        return self.store.articles(ids)

    def entities(self, *, name: str | None = None, limit: int | None = None) -> list[tuple[Entity, int]]:
        """Return the global entities (optionally those whose name contains ``name``) with their article counts."""
        return self.store.global_entities(name=name, limit=limit)

    def stories(self, *, limit: int = 50, offset: int = 0, since: str | None = None, until: str | None = None,
                entity: str | None = None, outlet: str | None = None) -> list[Story]:
        """Return stories, most recently active first, with their timelines and conflicts."""
        ids = self.store.list_story_ids(limit=limit, offset=offset, since=since, until=until, entity=entity,
                                        outlet=outlet)
        return [self.story(i) for i in ids]

    def count_stories(self, *, since: str | None = None, until: str | None = None, entity: str | None = None,
                      outlet: str | None = None) -> int:
        return self.store.count_stories(since=since, until=until, entity=entity, outlet=outlet)

    def story(self, story_id: str) -> Story:
        """Return one story (a merged-away id resolves to the story it joined); raise NotFound if unknown."""
        story = views.full_story(self.store, story_id)
        if story is None:
            raise NotFound(f"no story with id {story_id!r}")
        return story

    def timeline(self, story_id: str | None = None, *, entity: str | None = None,
                 dates: int | None = None) -> list[Event]:
        """Return a story's timeline, or an entity's across stories (by id, name or alias).

        With ``dates``, return the summarised timeline: the most salient dates only.
        """
        if (story_id is None) == (entity is None):
            raise UsageError("give either a story id or an entity, not both")
        if dates is not None and dates < 1:
            raise UsageError(f"dates must be at least 1, not {dates}")
        events = self.story(story_id).timeline if story_id is not None else self._entity_timeline(entity or "")
        return summarise(events, dates) if dates else events

    def recluster(self) -> int:
        """Cluster every stored article into stories again, from scratch; return the number of stories."""
        from storyline import stories
        from storyline.pipeline import refresh_timeline

        stories.recluster(self.store)
        with self.store.transaction():
            for story_id in self.store.live_story_ids():
                refresh_timeline(self.store, story_id)
        return len(self.store.live_story_ids())

    def _entity_timeline(self, entity: str) -> list[Event]:
        events: dict[tuple[str, str, str], Event] = {}
        for name in self._entity_names(entity or ""):
            for story_id, event in self.store.entity_timeline(name):
                events.setdefault((story_id, event.date, event.summary), event)
        return sorted(events.values(), key=lambda e: e.date)

    def conflicts(self, story_id: str | None = None) -> list[tuple[Story, Conflict]]:
        """Return (story, conflict) pairs for one story or for every story (stories without their entities)."""
        ids = [story_id] if story_id else self.store.live_story_ids()
        found = []
        for sid in ids:
            story = self.store.story_model(sid)
            if story is None:
                raise NotFound(f"no story with id {sid!r}")
            story.conflicts = self.store.story_conflicts(story.id)
            found += [(story, conflict) for conflict in story.conflicts]
        return found

    def entity(self, entity: str) -> Entity:
        """Return a global entity by id, name or alias; raise NotFound if none matches."""
        found = self.store.entity_ids_named(entity)
        if not found:
            raise NotFound(f"no entity named {entity!r}")
        return self.store.entity(found[0])

    def entity_articles(self, entity_id: str) -> list[Article]:
        return self.store.articles(self.store.entity_articles(entity_id))

    def _entity_names(self, entity: str) -> list[str]:
        found = self.entity(entity)
        return [found.name, *found.aliases]

    def search(self, query: str, *, limit: int = 50) -> list[SearchGroup]:
        """Return full-text matches over article titles and texts, grouped by story."""
        def title(story_id: str) -> str | None:
            story = self.store.story_model(story_id)
            return story.title if story else None

        return views.group_hits(self.store.search(query, limit=limit), title)

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
            with Path(output).open("wb") if binary else Path(output).open("w", encoding="utf-8") as stream:
                export_.write(self.store, fmt, stream)  # type: ignore[arg-type]
        else:
            export_.write(self.store, fmt, output)  # type: ignore[arg-type]

    def ingest_bytes(self, name: str, data: bytes) -> IngestReport:
        """Ingest one input given as bytes (an upload); ``name``'s extension hints the format. Return the report."""
        import tempfile

        safe = Path(name).name.lstrip(".") or "upload"  # no folders, no hidden file: walks skip those
        with tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder:
            path = Path(folder) / safe
            path.write_bytes(data)
            return self.ingest([str(path)])

    def load(self, folder: str | Path) -> Any:
        """Load a Spark run's Parquet (``storyline spark ingest``/``stories``) into the store; return a summary."""
        from storyline.spark.load import load

        return load(self.store, folder)
