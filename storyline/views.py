"""Pure functions that assemble what readers browse: a story's entities, search results by story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from storyline.models import Article, Entity, Role, SearchGroup, SearchHit, Story
from storyline.store import Store

# A story page lists this many entities at most: beyond it, names are noise.
MAX_STORY_ENTITIES = 30


def story_entities(articles: Iterable[Article], limit: int = MAX_STORY_ENTITIES) -> list[Entity]:
    """Return the entities of a story's articles, merged by global id, most widely reported first.

    Entities of one name but different types are one entry too: within a story "Adria Agro" is one
    company even where the recogniser called it a person in one report (its type and id are those of
    the most widely reported reading).
    """
    merged: dict[str, Entity] = {}
    reach: Counter[str] = Counter()
    for article in articles:
        for entity in article.entities:
            key = entity.id or f"{entity.type}:{entity.name.lower()}"
            reach[key] += 1
            into = merged.setdefault(key, Entity(entity.name, entity.type, id=entity.id))
            _absorb(into, entity.aliases, [_role_of(r, article) for r in entity.roles])
    ranked = sorted(merged, key=lambda k: (-reach[k], merged[k].name))
    kept: dict[str, Entity] = {}
    for key in ranked:
        entity = merged[key]
        first = kept.setdefault(entity.name.lower(), entity)
        if first is not entity:
            _absorb(first, entity.aliases, entity.roles)
    return list(kept.values())[:limit]


def _absorb(into: Entity, aliases: Iterable[str], roles: Iterable[Role]) -> None:
    """Add aliases and roles (one per role name) to an entity."""
    into.aliases = sorted(set(into.aliases) | set(aliases))
    into.roles += [r for r in roles if r.role not in {x.role for x in into.roles}]


def full_story(store: Store, story_id: str) -> Story | None:
    """Return a story with its entities, timeline and conflicts, or None if the id is unknown."""
    story = store.story_model(story_id)
    if story is None:
        return None
    story.entities = story_entities(store.articles(story.articles))
    story.timeline = store.story_timeline(story.id)
    story.conflicts = store.story_conflicts(story.id)
    return story


def _role_of(role: Role, article: Article) -> Role:
    return Role(role.role, role.quote, role.start, role.date or article.published)


def group_hits(found: Iterable[tuple[Article, str]], story_title: Callable[[str], str | None]) -> list[SearchGroup]:
    """Return search results grouped by story, groups in the order of their best hit."""
    groups: dict[str | None, SearchGroup] = {}
    for article, snippet in found:
        group = groups.get(article.story)
        if group is None:
            title = story_title(article.story) if article.story else None
            group = groups[article.story] = SearchGroup(article.story, title)
        group.hits.append(SearchHit(article.id, article.title, article.outlet, article.published, snippet))
    return list(groups.values())
