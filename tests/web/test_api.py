"""The JSON API: contract shapes, filters and pagination, one error shape, 400 for bad parameters."""

from __future__ import annotations

import pytest

from tests.web.conftest import QUAKE, STRIKE

# The required keys of the export contract (export-v1.schema.json $defs), restated: tests never read ../shared.
ARTICLE_KEYS = {"id", "origin", "url", "outlet", "title", "author", "published", "published_from", "language",
                "partial", "text", "removed", "duplicate_of", "story", "entities", "timexes"}
STORY_KEYS = {"id", "title", "articles", "first_seen", "last_updated", "entities", "timeline", "conflicts"}
EVENT_KEYS = {"date", "end", "granularity", "status", "summary", "entities", "sources"}
CONFLICT_KEYS = {"kind", "summary", "claims"}
ENTITY_KEYS = {"name", "type", "aliases", "roles"}
TIMEX_KEYS = {"text", "value", "granularity", "start", "end", "issue"}


def assert_story_shape(story: dict) -> None:
    assert story.keys() >= STORY_KEYS
    assert isinstance(story["id"], str) and story["id"] and isinstance(story["title"], str)
    assert story["articles"] and all(isinstance(a, str) for a in story["articles"])
    for event in story["timeline"]:
        assert event.keys() >= EVENT_KEYS and event["status"] in {"happened", "planned", "reported"}
        assert event["sources"] and all({"article", "quote"} <= s.keys() for s in event["sources"])
    for conflict in story["conflicts"]:
        assert conflict.keys() >= CONFLICT_KEYS
        assert conflict["claims"] and all({"article", "quote", "value"} <= c.keys() for c in conflict["claims"])
    for entity in story["entities"]:
        assert entity.keys() >= ENTITY_KEYS


def test_api_stories_lists_most_recently_active_first_in_contract_shape(client):
    body = client.get("/api/stories").json()
    assert body["total"] == 2 and body["limit"] == 50 and body["offset"] == 0
    assert [s["id"] for s in body["stories"]] == [QUAKE, STRIKE]
    for story in body["stories"]:
        assert_story_shape(story)


def test_api_stories_paginates_with_limit_and_offset(client):
    body = client.get("/api/stories?limit=1&offset=1").json()
    assert body["total"] == 2 and [s["id"] for s in body["stories"]] == [STRIKE]


@pytest.mark.parametrize(("query", "expected"), [
    ("outlet=Courier", [STRIKE]),
    ("entity=Keller", [STRIKE]),
    ("since=2020-09-20", [QUAKE]),
    ("until=2020-09-12", [STRIKE]),
    ("since=2021-01-01", []),
])
def test_api_stories_filters_by_outlet_entity_and_dates(client, query, expected):
    body = client.get(f"/api/stories?{query}").json()
    assert [s["id"] for s in body["stories"]] == expected and body["total"] == len(expected)


def test_api_story_carries_timeline_and_conflicts(client):
    response = client.get(f"/api/stories/{STRIKE}")
    assert response.status_code == 200
    story = response.json()
    assert_story_shape(story)
    assert [e["status"] for e in story["timeline"]] == ["happened", "planned", "reported", "reported"]
    assert story["conflicts"][0]["kind"] == "number"
    assert set(story["articles"]) == {"a-strike", "a-copy", "a-later", "a-hostile"}


def test_api_article_is_in_contract_shape(client):
    article = client.get("/api/articles/a-strike").json()
    assert article.keys() >= ARTICLE_KEYS
    assert article["origin"] == {"path": "feeds/rail.xml", "item": "1"}
    assert article["timexes"] and article["timexes"][0].keys() >= TIMEX_KEYS
    assert article["entities"][0]["name"] == "Maria Keller" and article["entities"][0].keys() >= ENTITY_KEYS
    assert client.get("/api/articles/a-copy").json()["duplicate_of"] == "a-strike"


def test_api_entity_has_articles_roles_and_timeline(client, keller_id):
    entity = client.get(f"/api/entities/{keller_id}").json()
    assert entity["id"] == keller_id and entity["name"] == "Maria Keller" and entity.keys() >= ENTITY_KEYS
    assert set(entity["articles"]) == {"a-strike", "a-hostile"}
    assert entity["roles"][0]["role"] == "union leader"
    assert sorted(e["date"] for e in entity["timeline"]) == ["2020-09", "2020-09-09", "2020-09-14"]


def test_api_search_groups_hits_by_story_with_plain_snippets(client):
    body = client.get("/api/search?q=earthquake").json()
    assert body["query"] == "earthquake"
    [group] = body["groups"]
    assert group["story"] == QUAKE and group["title"] == "Halmahera quake"
    hit = group["hits"][0]
    assert hit["article"] == "a-quake" and "\x02" not in hit["snippet"]
    start, end = hit["matches"][0]
    assert hit["snippet"][start:end].lower() == "earthquake"


@pytest.mark.parametrize("path", ["/api/stories/nope", "/api/articles/nope", "/api/entities/nope", "/api/nowhere"])
def test_api_unknown_ids_are_404_in_the_one_error_shape(client, path):
    response = client.get(path)
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["status"] == 404 and error["message"]


@pytest.mark.parametrize(("query", "message"), [
    ("/api/stories?limit=-1", "limit must be a whole number between 1 and 200, not '-1'"),
    ("/api/stories?limit=abc", "limit must be a whole number between 1 and 200, not 'abc'"),
    ("/api/stories?limit=100000", "limit must be a whole number between 1 and 200, not '100000'"),
    ("/api/stories?offset=-5", "offset must be a whole number at least 0, not '-5'"),
    ("/api/stories?since=14/09/2020", "since must be a date as YYYY-MM-DD, not '14/09/2020'"),
    ("/api/stories?until=2020-02-30", "until must be a date as YYYY-MM-DD, not '2020-02-30'"),
    ("/api/search", "q is required: the words to search for"),
    ("/api/search?q=%21%21%21", "nothing to search for in '!!!'"),
])
def test_api_bad_parameters_are_400_with_a_message(client, query, message):
    response = client.get(query)
    assert response.status_code == 400
    assert response.json() == {"error": {"status": 400, "message": message}}


def test_api_openapi_document_validates_and_lists_every_route(client):
    from openapi_spec_validator import validate

    document = client.get("/api/openapi.json").json()
    validate(document)
    assert {"/api/stories", "/api/stories/{id}", "/api/articles/{id}", "/api/entities/{id}", "/api/search",
            "/api/ingest"} <= document["paths"].keys()
