"""Conflicts: where a story's sources, or one article against itself, disagree.

Entry: ``detect(story, articles) -> list[Conflict]`` (pure). It reads the
articles' events (``Article.events``, filled by ``timeline.event_consumer``
during annotation), their time expressions and their text. Copies
(``duplicate_of``) never count as a second source, but a copy that changed a
number of the report it carries is a conflict of its own (``copies``). Precision comes first: each
check stays silent unless the disagreement is plain, and each conflict says in
one sentence who says what.
"""

from __future__ import annotations

from storyline.conflicts.aboard import aboard_conflicts
from storyline.conflicts.copies import copy_conflicts
from storyline.conflicts.events import date_conflicts, number_conflicts
from storyline.conflicts.roles import role_conflicts
from storyline.conflicts.timex_issues import timex_conflicts
from storyline.models import Article, Conflict, Story
from storyline.timeline.merge import originals

__all__ = ["detect"]


def detect(story: Story, articles: list[Article]) -> list[Conflict]:
    """Return the story's conflicts: dates, numbers, roles, then garbled and impossible dates."""
    members = set(story.articles)
    chosen = [a for a in articles if not members or a.id in members]
    canon = originals(chosen)
    own = [a for a in chosen if canon[a.id] == a.id]
    found = [*date_conflicts(own), *number_conflicts(own), *aboard_conflicts(own), *copy_conflicts(chosen),
             *role_conflicts(own),
             *timex_conflicts(own)]
    return _unique(found)


def _unique(conflicts: list[Conflict]) -> list[Conflict]:
    seen, out = set(), []
    for conflict in conflicts:
        key = (conflict.kind, tuple(sorted((c.article, c.quote, c.value) for c in conflict.claims)))
        if key not in seen:
            seen.add(key)
            out.append(conflict)
    return out
