"""The HTML pages: stories, a story, articles, an article, entities, an entity, conflicts, search.

Server-rendered, no script needed. Each page calls the Python API (``storyline.api``) only.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from storyline.api import Storyline
from storyline.errors import NotFound
from storyline.models import Article
from storyline.web import params
from storyline.web.base import open_storyline, render
from storyline.web.feed import story_feed
from storyline.web.highlight import highlight, marked_snippet
from storyline.web.timeline_svg import place, timeline_svg

# Stories per page on the front page: one screen of titles on a laptop.
PAGE_SIZE = 20
# Hits shown on the search page.
SEARCH_LIMIT = 50
# Entities listed on the entities page, most mentioned first; a name filter finds the others.
ENTITY_LIMIT = 200


def stories_page(request: Request) -> HTMLResponse:
    """Return the stories list, most recently active first, filtered by date range, entity and outlet."""
    query = request.query_params
    filters = {"since": params.day(query, "since"), "until": params.day(query, "until"),
               "entity": params.text(query, "entity"), "outlet": params.text(query, "outlet")}
    page = params.whole(query, "page", 1, low=1)
    with open_storyline(request) as sl:
        total = sl.count_stories(**filters)
        stories = sl.stories(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, **filters)
    pages = max(1, -(-total // PAGE_SIZE))
    return render(request, "stories.html", stories=stories, filters=filters, total=total, page=page, pages=pages,
                  prev_url=_page_url(filters, page - 1) if page > 1 else None,
                  next_url=_page_url(filters, page + 1) if page < pages else None)


def _page_url(filters: dict[str, str | None], page: int, path: str = "/") -> str:
    kept = {k: v for k, v in filters.items() if v}
    return f"{path}?" + urlencode({**kept, "page": page})


def articles_page(request: Request) -> HTMLResponse:
    """Return the stored articles, newest first, a page at a time, copies marked."""
    page = params.whole(request.query_params, "page", 1, low=1)
    with open_storyline(request) as sl:
        total = sl.count_articles()
        articles = sl.articles(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    pages = max(1, -(-total // PAGE_SIZE))
    return render(request, "articles.html", articles=articles, total=total, page=page, pages=pages,
                  prev_url=_page_url({}, page - 1, "/articles") if page > 1 else None,
                  next_url=_page_url({}, page + 1, "/articles") if page < pages else None)


def entities_page(request: Request) -> HTMLResponse:
    """Return the global entities, most mentioned first, optionally those whose name contains ``name``."""
    name = params.text(request.query_params, "name")
    with open_storyline(request) as sl:
        entities = sl.entities(name=name, limit=ENTITY_LIMIT)
    return render(request, "entities.html", entities=entities, name=name or "", limit=ENTITY_LIMIT)


def conflicts_page(request: Request) -> HTMLResponse:
    """Return every story's conflicts, each claim quoted with a link to its article."""
    with open_storyline(request) as sl:
        found = sl.conflicts()
        claimed = [claim.article for _, conflict in found for claim in conflict.claims]
        articles = {a.id: a for a in sl.articles_by_id(list(dict.fromkeys(claimed)))}
    return render(request, "conflicts.html", found=found, articles=articles)


def story_page(request: Request) -> Response:
    """Return a story: its timeline figure and list, conflicts side by side, articles with copies folded."""
    story_id = request.path_params["id"]
    with open_storyline(request) as sl:
        story = sl.story(story_id)
        if story.id != story_id:  # merged away: the story it joined lives under its own address
            return RedirectResponse(f"/stories/{quote(story.id, safe='')}", status_code=301)
        articles = sl.articles(story=story.id, newest_first=False)
    outlets = sorted({a.outlet for a in articles if a.outlet})
    return render(request, "story.html", story=story, svg=timeline_svg(story.timeline),
                  placed={p.index for p in place(story.timeline)}, articles={a.id: a for a in articles},
                  groups=fold_copies(articles), outlets=outlets)


def fold_copies(articles: list[Article]) -> list[tuple[Article, list[Article]]]:
    """Return (canonical report, its copies) pairs in the order given; copies of absent originals stand alone."""
    present = {a.id for a in articles}
    copies: dict[str, list[Article]] = {}
    for article in articles:
        if article.duplicate_of in present:
            copies.setdefault(article.duplicate_of or "", []).append(article)
    return [(a, copies.get(a.id, [])) for a in articles if a.duplicate_of not in present]


def story_feed_page(request: Request) -> Response:
    """Return the story's Atom feed: one entry per timeline event and per conflict."""
    with open_storyline(request) as sl:
        story = sl.story(request.path_params["id"])
    page_url = str(request.url_for("story", id=story.id))
    body = story_feed(story, page_url, str(request.url_for("story_feed", id=story.id)))
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def article_page(request: Request) -> HTMLResponse:
    """Return an article: highlighted clean text, removed boilerplate folded, the original link if http(s)."""
    with open_storyline(request) as sl:
        article = sl.article(request.path_params["id"])
        story = _story_title(sl, article.story)
        original = sl.article(article.duplicate_of) if article.duplicate_of else None
    return render(request, "article.html", article=article, body=highlight(article), story_title=story,
                  original=original)


def _story_title(sl: Storyline, story_id: str | None) -> str | None:
    if not story_id:
        return None
    try:
        return sl.story(story_id).title
    except NotFound:
        return None


def entity_page(request: Request) -> HTMLResponse:
    """Return an entity: aliases, roles over time with quotes, its timeline across stories, its articles."""
    with open_storyline(request) as sl:
        entity = sl.entity(request.path_params["id"])
        timeline = sl.timeline(entity=entity.id)
        articles = sl.entity_articles(entity.id or "")
    roles = sorted(entity.roles, key=lambda r: (r.date or "9999", r.role))
    return render(request, "entity.html", entity=entity, roles=roles, timeline=timeline,
                  svg=timeline_svg(timeline), placed={p.index for p in place(timeline)},
                  articles={a.id: a for a in articles}, article_list=articles)


def search_page(request: Request) -> HTMLResponse:
    """Return full-text search results grouped by story (an empty form without ``q``)."""
    query = params.text(request.query_params, "q")
    groups = []
    if query:
        with open_storyline(request) as sl:
            groups = sl.search(query, limit=SEARCH_LIMIT)
    return render(request, "search.html", query=query or "", groups=groups, snippet=marked_snippet)

