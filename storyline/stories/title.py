"""Refresh a story's readable metadata: title, keywords, outlets, dates and counts."""

from __future__ import annotations

import json

from storyline.store.stories import StoryQueries

# The title comes from the most central of the story's first TITLE_POOL original articles
# (bounded so that refreshing a large story stays cheap).
TITLE_POOL = 50
# Centrality is measured against the story's heaviest centroid words only (one bounded read).
CENTROID_TERMS = 200
KEYWORDS = 8
ENTITY_KEYWORDS = 3


def refresh(store: StoryQueries, story: str) -> None:
    """Recompute and store the metadata of one live story."""
    summary = store.story_member_summary(story)
    store.set_story_meta(story, {
        "title": central_title(store, story),
        "keywords": keywords(store, story),
        "outlets": sorted(json.loads(summary["outlets"] or "[]")),
        "first_seen": store.member_published(story, summary["first_ts"]),
        "last_updated": store.member_published(story, summary["last_ts"]),
        "article_count": summary["n"],
        "canonical_count": summary["canonical_n"],
    })


def central_title(store: StoryQueries, story: str) -> str:
    """Return the headline of the original article closest to the story's word centroid."""
    members = [m for m in store.story_members(story, TITLE_POOL) if m["canonical"] is None]
    if not members:
        members = store.story_members(story, 1)
    centroid = dict(store.top_story_terms(story, "w:", CENTROID_TERMS))
    best_title, best_score = "", -1.0
    for member in members:
        vector = json.loads(member["vector"])
        score = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
        if score > best_score + 1e-12:
            best_title, best_score = member["title"] or "", score
    return best_title


def keywords(store: StoryQueries, story: str) -> list[str]:
    """Return the story's heaviest entity names, then its heaviest content words."""
    names = [t[2:] for t, _ in store.top_story_terms(story, "e:", ENTITY_KEYWORDS)]
    words = [t[2:] for t, _ in store.top_story_terms(story, "w:", KEYWORDS * 2)]
    seen = set(" ".join(names).split())
    picked = names + [w for w in words if w not in seen]
    return picked[:KEYWORDS]

