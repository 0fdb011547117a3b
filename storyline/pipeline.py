"""The ingest pipeline: inputs → raw documents → articles → annotations → store → stories.

Stages are named, versioned and declare what they need and what they fill,
as spaCy's components do; ``check_order`` refuses a pipeline whose stage
needs a field no earlier stage fills, before the first article is read.

Per batch of articles: extract (per record) → annotate (spaCy, the costly
part, outside any transaction) → one transaction that stores the batch and
runs the store-side stages (copies, stories, timelines). A crash loses at
most the batch in flight; everything committed before stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import BinaryIO

from storyline import extract, sources
from storyline.models import Article, Entity, IngestReport, InputProblem, RawDocument
from storyline.settings import INGEST_BATCH_SIZE
from storyline.store import Store

log = logging.getLogger(__name__)

BatchFn = Callable[[Store, list[Article]], None]


@dataclass(frozen=True)
class Stage:
    """A named step over a batch of articles, with the Article fields it reads and fills."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: BatchFn
    in_transaction: bool = True


EXTRACTED = ("id", "text", "title", "published", "outlet", "url")


def _annotate(store: Store, batch: list[Article]) -> None:
    from storyline.annotate import annotate
    from storyline.timeline import event_consumer

    annotate(batch, doc_consumers=[event_consumer])


def _embed(store: Store, batch: list[Article]) -> None:
    from storyline.stories import embeddings

    embeddings.embed(batch)


def _store_articles(store: Store, batch: list[Article]) -> None:
    keyed = {article.id: _keyed_entities(article) for article in batch}
    store.add_articles(batch)  # annotations go in once, already carrying their global entity ids
    for article in batch:
        store.link_entities(article.id, keyed[article.id])
    store.add_article_embeddings({a.id: a.embedding for a in batch if a.embedding})


def _keyed_entities(article: Article) -> list[tuple[str, Entity]]:
    """Return (global key, entity) for the article's entities, each entity's global id filled in."""
    from storyline.annotate import entity_key
    from storyline.store.articles import global_entity_id

    keyed = [(entity_key(e), e) for e in article.entities]
    for key, entity in keyed:
        entity.id = global_entity_id(key)
    return keyed


def _find_copies(store: Store, batch: list[Article]) -> None:
    from storyline import dedup

    dedup.find_copies(store, batch)


def _assign_stories(store: Store, batch: list[Article]) -> None:
    from storyline import stories

    changed = stories.assign(store, batch)
    _date_from_story(store, [a for a in batch if not a.published])
    for story_id in changed:
        refresh_timeline(store, story_id)


def _date_from_story(store: Store, undated: list[Article]) -> None:
    """Infer a publication date for undated articles from their text, read in their story's time frame.

    Alone, "Monday, September 14" fits many years; in a story whose reports
    run through September 2020 it fits one. The date is marked ``inferred``
    and the article's time expressions are resolved again against it.
    """
    from storyline.annotate import annotate
    from storyline.extract.dates import infer_publication_date
    from storyline.timeline import event_consumer

    for article in undated:
        story_id = article.story or store.member_story(article.id)
        story = store.story_model(story_id) if story_id else None
        frame = _story_frame(story.first_seen, story.last_updated) if story else None
        if frame is None:
            continue
        inferred = infer_publication_date(article.text, today=frame[1], years=range(frame[0].year, frame[1].year + 1))
        if inferred and frame[0] <= date.fromisoformat(inferred[:10]) <= frame[1]:
            article.published, article.published_from = inferred, "inferred"
            annotate([article], doc_consumers=[event_consumer])
            store.link_entities(article.id, _keyed_entities(article))
            store.set_published(article)
            store.set_annotations(article)


# An undated article may be published this long after its story's last dated report.
STORY_DATE_SLACK = timedelta(days=14)


def _story_frame(first: str | None, last: str | None) -> tuple[date, date] | None:
    if not first or not last:
        return None
    return date.fromisoformat(first[:10]) - STORY_DATE_SLACK, date.fromisoformat(last[:10]) + STORY_DATE_SLACK


def refresh_timeline(store: Store, story_id: str) -> None:
    """Rebuild and store one story's timeline and conflicts from its articles."""
    from storyline import conflicts, timeline

    story = store.story_model(story_id)
    if story is None:
        return
    members = store.articles(story.articles)
    store.save_story_timeline(story.id, timeline.build(story, members), conflicts.detect(story, members))


def default_stages(*, annotate: bool = True, embeddings: bool = False) -> list[Stage]:
    """Return the stages an ingest runs, in order; without ``annotate`` only extraction and storage.

    ``embeddings`` adds the optional dense vectors of titles and ledes that story clustering uses as
    one more signal (storyline.stories.embeddings; needs the packaged model).
    """
    store = Stage("storyline.store.v1", EXTRACTED, ("stored",), _store_articles)
    if not annotate:
        return [store]
    embed = [Stage("storyline.embed.v1", EXTRACTED, ("embedding",), _embed, in_transaction=False)] if embeddings else []
    return [
        Stage("storyline.annotate.v1", EXTRACTED, ("sentences", "entities", "timexes", "events"), _annotate,
              in_transaction=False),
        *embed,
        store,
        Stage("storyline.dedup.v1", ("stored",), ("duplicate_of",), _find_copies),
        Stage("storyline.stories.v1", ("stored", "entities", "duplicate_of", "events"), ("story", "timeline"),
              _assign_stories),
    ]


def check_order(stages: Sequence[Stage]) -> None:
    """Raise ValueError naming the first stage that needs a field no earlier stage fills."""
    filled = set(EXTRACTED)
    for stage in stages:
        missing = [f for f in stage.requires if f not in filled]
        if missing:
            raise ValueError(f"stage {stage.name} needs {', '.join(missing)}, which no earlier stage fills")
        filled.update(stage.assigns)


def ingest(store: Store, paths: Sequence[str], *, stdin: BinaryIO | None = None,
           stages: Sequence[Stage] | None = None, batch_size: int = INGEST_BATCH_SIZE,
           on_input: Callable[[str], None] | None = None) -> IngestReport:
    """Read every input in ``paths`` into ``store``; return what was new, known, skipped and failed."""
    stages = list(stages if stages is not None else default_stages())
    check_order(stages)
    files, problems = sources.expand(paths)
    report = IngestReport(failed=[p for p in problems if p.fatal], skipped=[p for p in problems if not p.fatal])
    batch = _Batch(store, stages, batch_size, report)
    for path in files:
        for item in sources.read_input(path, stdin):
            batch.add(item)
        report.inputs_read += 1
        if on_input:
            on_input(path)
    batch.flush()
    return report


class _Batch:
    """Collects articles and commits them a batch at a time."""

    def __init__(self, store: Store, stages: list[Stage], size: int, report: IngestReport) -> None:
        self.store, self.stages, self.size, self.report = store, stages, size, report
        self.articles: dict[str, Article] = {}

    def add(self, item: RawDocument | InputProblem) -> None:
        article = item if isinstance(item, InputProblem) else clean_document(item, self._warner(item))
        if isinstance(article, InputProblem):
            (self.report.failed if article.fatal else self.report.skipped).append(article)
        elif article.id in self.articles:
            self.report.known += 1
        else:
            self.articles[article.id] = article
            if len(self.articles) >= self.size:
                self.flush()

    def _warner(self, raw: RawDocument) -> Callable[[str], None]:
        def warn(reason: str) -> None:
            self.report.warnings.append(InputProblem(raw.origin.path, raw.origin.item, reason, fatal=False))

        return warn

    def flush(self) -> None:
        known = self.store.known_ids(self.articles)
        fresh = sorted((a for a in self.articles.values() if a.id not in known), key=publication_order)
        self.report.known += len(known)
        self.articles = {}
        if fresh:
            run_stages(self.store, self.stages, fresh)
            self.report.new += len(fresh)
            self.report.new_ids.extend(a.id for a in fresh)


def run_stages(store: Store, stages: Sequence[Stage], batch: list[Article]) -> None:
    """Run the stages over one batch: the ones outside the transaction first, then the rest in one transaction."""
    for stage in stages:
        if not stage.in_transaction:
            stage.run(store, batch)
    with store.transaction():
        for stage in stages:
            if stage.in_transaction:
                stage.run(store, batch)


def publication_order(article: Article) -> tuple[float, ...]:
    """Sort key: dated articles by date, undated ones last (stable: ingest order breaks ties)."""
    from storyline.stories.features import publication_key  # scikit-learn's stop words: loaded on first ingest

    return publication_key(article.published)


def clean_document(raw: RawDocument, warn: Callable[[str], None] | None = None) -> Article | InputProblem:
    """Return the clean article, or the problem that stops it (an extraction failure is reported, never raised)."""
    try:
        return extract.clean(raw, warn)
    except Exception as exc:  # one bad record must never stop a batch; it is reported, not hidden
        log.debug("extraction failed", exc_info=True)
        return InputProblem(raw.origin.path, raw.origin.item, f"extraction failed: {type(exc).__name__}: {exc}")
