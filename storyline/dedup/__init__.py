"""Find copies: syndicated articles and light rewrites of an article already stored.

``find_copies`` compares each new article with every stored one through MinHash
LSH over word shingles (persisted band buckets, so a look-up reads a few rows
whatever the archive size), confirms candidates by their estimated Jaccard
similarity or containment, and persists ``duplicate_of`` itself (in the store's
articles table and on the Article objects). The canonical article is the first
one processed: articles are taken in publication order (undated last, ties in
ingest order), so it is the earliest published unless an older copy arrives in a
later batch, in which case the first ingested stays canonical.
"""

from __future__ import annotations

from storyline.dedup.minhash import Fingerprint, fingerprint, is_copy
from storyline.models import Article
from storyline.store import Store
from storyline.store.stories import StoryQueries
from storyline.stories.features import publication_key

__all__ = ["find_copies"]


def find_copies(store: Store, articles: list[Article]) -> dict[str, str]:
    """Return copy id -> canonical id for the articles that copy an earlier one; persist ``duplicate_of``."""
    copies: dict[str, str] = {}
    with store.transaction():
        for article in sorted(articles, key=lambda a: publication_key(a.published)):
            canonical = _canonical(store, article)
            if canonical != article.id:
                copies[article.id] = canonical
                article.duplicate_of = canonical
    return copies


def _canonical(store: StoryQueries, article: Article) -> str:
    """Return the canonical id of one article, indexing it on first sight."""
    known = store.copy_canonical(article.id)
    if known is not None:
        return known
    print_ = fingerprint(article.text)
    canonical = store.copy_by_hash(print_.text_hash) or _near_copy(store, print_) or article.id
    store.add_copy_signature(article.id, canonical, print_.text_hash, print_.shingles,
                             print_.signature, print_.bands)
    return canonical


def _near_copy(store: StoryQueries, print_: Fingerprint) -> str | None:
    """Return the canonical of the most similar stored article that this one copies, or None."""
    if print_.shingles == 0:
        return None
    matches = store.band_matches(print_.bands)
    best: tuple[float, str] | None = None
    for _, (canonical, shingles, signature) in sorted(store.copy_signature_rows(matches).items()):
        similar, jaccard = is_copy(print_, shingles, signature)
        if similar and (best is None or jaccard > best[0]):
            best = (jaccard, canonical)
    return best[1] if best else None


