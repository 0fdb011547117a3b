"""Find the stories worth scoring for an article, from the inverted index on centroid terms.

Only the article's heaviest terms are looked up, and each posting list is read
heaviest-first (by weight band) up to a fixed length, so the rows read per
article stay bounded however large the archive grows. A story is posted under
the heaviest terms of each of its articles, not under every term of its centroid.
"""

from __future__ import annotations

import math

from storyline.store.stories import POSTED_NAMESPACES, StoryQueries

# Article terms looked up in the index (heaviest first, words and entities).
QUERY_TERMS = 24
# Terms of each member article a story is posted under (the same order): the ones an article like
# it would look up, with room for a later report's different emphasis. Posting every term (~95 per
# article) wrote a posting per term of each opened story, each in another page of a table that grows
# with the archive.
POSTED_TERMS = 48
# Stories read per term (heaviest centroid weight first).
POSTINGS_PER_TERM = 12
# Stories scored in full per article, by their approximate cosine from the postings.
MAX_CANDIDATES = 20
# Stories whose norms are read to rank them by that cosine: those with the largest weighted dot
# products in the postings. Without this cut every story found (up to QUERY_TERMS *
# POSTINGS_PER_TERM, ~165 at 100k stored articles against ~45 at 1k in bench.stories) had its norms
# read and decoded, most of them cold in a large archive.
SHORTLIST = 60


def candidates(store: StoryQueries, vector: dict[str, float], weights: dict[str, float]) -> list[str]:
    """Return the ids of the stories most likely to take the article, best first.

    ``weights`` are the namespace weights of the similarity; only the store's POSTED_NAMESPACES
    are looked up (words, entities, numbers: titles are too short to find stories by, and years
    weigh nothing).
    """
    query = lookup_terms(vector, weights, QUERY_TERMS)
    partial: dict[str, dict[str, float]] = {}
    for term, weight in query:
        for story, centroid_weight in store.term_postings(term, POSTINGS_PER_TERM):
            dots = partial.setdefault(story, {})
            dots[term[:2]] = dots.get(term[:2], 0.0) + weight * centroid_weight
    shortlist = sorted(partial, key=lambda sid: (-_weighted_dot(partial[sid], weights), sid))[:SHORTLIST]
    norms = store.story_norms(sorted(shortlist))
    approx = {sid: _approximate(partial[sid], norms[sid], weights) for sid in shortlist}
    ranked = sorted(approx.items(), key=lambda kv: (-kv[1], kv[0]))
    return [story for story, _ in ranked[:MAX_CANDIDATES]]


def lookup_terms(vector: dict[str, float], weights: dict[str, float], limit: int) -> list[tuple[str, float]]:
    """Return the article's heaviest terms of the POSTED_NAMESPACES the similarity weighs, at most ``limit``."""
    return sorted(
        ((t, w) for t, w in vector.items() if t[:2] in POSTED_NAMESPACES and weights.get(t[:2], 0.0) > 0),
        key=lambda kv: (-kv[1], kv[0]),
    )[:limit]


def _weighted_dot(dots: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights[ns] * dot for ns, dot in dots.items())


def _approximate(dots: dict[str, float], norms: dict[str, float], weights: dict[str, float]) -> float:
    """Return the weighted sum of namespace cosines seen through the postings read (a lower bound)."""
    return sum(weights[ns] * dot / math.sqrt(norms[ns]) for ns, dot in dots.items() if norms.get(ns))
