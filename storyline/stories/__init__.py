"""Online story clustering: ``assign`` new articles to stories, ``recluster`` the archive from scratch.

Articles are processed in publication order (undated last; ties in ingest
order). A copy (``duplicate_of`` set by ``storyline.dedup.find_copies``) joins its
canonical article's story without changing the story's centroid or the document
frequencies: it is one more outlet carrying the report, not new evidence.
``recluster`` replays the online pass over every stored article in the order it was
first made, so it gives the online result again.
"""

from __future__ import annotations

from collections.abc import Iterable

from storyline.models import Article
from storyline.store import Store
from storyline.store.stories import StoryQueries
from storyline.stories.cluster import place
from storyline.stories.features import publication_key
from storyline.stories.title import refresh

__all__ = ["assign", "recluster"]

# Articles loaded from the store at a time during a recluster.
_RECLUSTER_CHUNK = 500


def assign(store: Store, articles: list[Article]) -> list[str]:
    """Assign articles to stories (joining or opening them), persist, and return the changed story ids."""
    seqs = store.ingest_seqs([a.id for a in articles])
    ordered = sorted(enumerate(articles), key=lambda ia: _time_key(ia[1].published, seqs.get(ia[1].id), ia[0]))
    with store.transaction():
        changed = _place_all(store, [a for _, a in ordered])
        live = sorted({store.resolve_story(s) for s in changed})
        for story in live:
            refresh(store, story)
    return live


def recluster(store: Store) -> None:
    """Forget every story and cluster all stored articles again, replaying the online order.

    Articles already clustered are placed again in the order they were first placed, each with the
    publication date it had then (a date later inferred from its story is not used to place it);
    articles never clustered follow, in publication order.
    """
    placed = store.placement_order()
    known = dict(placed)
    rest = sorted((_time_key(published, seq, 0), i) for i, seq, published in store.article_order() if i not in known)
    ids = [i for i, _ in placed] + [i for _, i in rest]
    with store.transaction():
        store.clear_stories()
        for start in range(0, len(ids), _RECLUSTER_CHUNK):
            articles = store.articles(ids[start : start + _RECLUSTER_CHUNK])
            vectors = store.article_embeddings([a.id for a in articles])
            for article in articles:
                article.published = known.get(article.id, article.published)
                article.embedding = vectors.get(article.id)
            _place_all(store, articles)
        for story in store.live_story_ids():
            refresh(store, story)


def _place_all(store: StoryQueries, articles: Iterable[Article]) -> set[str]:
    changed: set[str] = set()
    for article in articles:
        canonical = article.duplicate_of or store.stored_duplicate_of(article.id)
        changed |= place(store, article, canonical)
    return changed


def _time_key(published: str | None, seq: int | None, index: int) -> tuple[float, ...]:
    """Sort key: the publication order, then ingest order, then position in the batch."""
    return publication_key(published, float("inf") if seq is None else seq, index)
