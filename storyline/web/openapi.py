"""The OpenAPI 3.1 description of the JSON API under /api/, written by hand to match app.py."""

from __future__ import annotations

from typing import Any

from storyline.web.params import MAX_LIMIT

_NULLABLE_STR = {"type": ["string", "null"]}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _errors(*codes: int) -> dict[str, Any]:
    return {str(c): {"$ref": f"#/components/responses/Error{c}"} for c in codes}


def _ok(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"200": {"description": description, "content": {"application/json": {"schema": schema}}}}


def _path_id(what: str) -> dict[str, Any]:
    return {"name": "id", "in": "path", "required": True, "description": f"The {what} id",
            "schema": {"type": "string"}}


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


_DAY = {"type": "string", "format": "date"}
_LIST_PARAMS = [
    _query("limit", f"Stories per page (1 to {MAX_LIMIT})", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}),
    _query("offset", "Stories to skip", {"type": "integer", "minimum": 0}),
    _query("since", "Only stories active on or after this day (YYYY-MM-DD)", _DAY),
    _query("until", "Only stories begun on or before this day (YYYY-MM-DD)", _DAY),
    _query("entity", "Only stories naming this entity (id, name or part of a name)", {"type": "string"}),
    _query("outlet", "Only stories with an article from this outlet (part of its name)", {"type": "string"}),
]

_SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["status", "message"],
        "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}},
    "Entity": {"type": "object", "required": ["name", "type", "aliases", "roles"], "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}, "type": {"type": "string"},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "roles": {"type": "array", "items": {"type": "object", "required": ["role", "quote"], "properties": {
            "role": {"type": "string"}, "quote": {"type": "string"}, "date": _NULLABLE_STR}}},
        "articles": {"type": "array", "items": {"type": "string"}},
        "timeline": {"type": "array", "items": _ref("Event")}}},
    "Timex": {"type": "object", "required": ["text", "value", "granularity", "start", "end", "issue"]},
    "Article": {"type": "object", "required": [
        "id", "origin", "url", "outlet", "title", "author", "published", "published_from", "language", "partial",
        "text", "removed", "duplicate_of", "story", "entities", "timexes"], "properties": {
        "id": {"type": "string"}, "url": _NULLABLE_STR, "title": _NULLABLE_STR, "text": {"type": "string"},
        "published": _NULLABLE_STR, "entities": {"type": "array", "items": _ref("Entity")},
        "timexes": {"type": "array", "items": _ref("Timex")}}},
    "Event": {"type": "object", "required": ["date", "end", "granularity", "status", "summary", "entities",
                                             "sources"],
              "properties": {"status": {"enum": ["happened", "planned", "reported"]}}},
    "Conflict": {"type": "object", "required": ["kind", "summary", "claims"]},
    "Story": {"type": "object", "required": ["id", "title", "articles", "first_seen", "last_updated", "entities",
                                             "timeline", "conflicts"], "properties": {
        "id": {"type": "string"}, "title": {"type": "string"},
        "articles": {"type": "array", "items": {"type": "string"}},
        "first_seen": _NULLABLE_STR, "last_updated": _NULLABLE_STR,
        "entities": {"type": "array", "items": _ref("Entity")},
        "timeline": {"type": "array", "items": _ref("Event")},
        "conflicts": {"type": "array", "items": _ref("Conflict")}}},
    "StoryPage": {"type": "object", "required": ["total", "limit", "offset", "stories"], "properties": {
        "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "stories": {"type": "array", "items": _ref("Story")}}},
    "SearchResult": {"type": "object", "required": ["query", "groups"], "properties": {
        "query": {"type": "string"}, "groups": {"type": "array", "items": {
            "type": "object", "required": ["story", "title", "hits"], "properties": {
                "story": _NULLABLE_STR, "title": _NULLABLE_STR, "hits": {"type": "array", "items": {
                    "type": "object", "required": ["article", "title", "outlet", "published", "snippet", "matches"],
                    "properties": {"snippet": {"type": "string"}, "matches": {
                        "type": "array", "items": {"type": "array", "items": {"type": "integer"}}}}}}}}}}},
    "IngestReport": {"type": "object", "required": ["inputs_read", "new", "known", "skipped", "failed", "new_ids"]},
}

_RESPONSES = {f"Error{code}": {"description": text, "content": {"application/json": {"schema": _ref("Error")}}}
              for code, text in [(400, "A bad parameter"), (401, "No or wrong token"), (403, "Ingest is disabled"),
                                 (404, "No such id"), (413, "Upload too large")]}


def openapi_document() -> dict[str, Any]:
    """Return the OpenAPI 3.1 document for /api/."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "storyline", "version": "1",
                 "description": "Stories, articles and entities in the export contract's shapes (schema_version 1)."},
        "paths": _paths(),
        "components": {"schemas": _SCHEMAS, "responses": _RESPONSES,
                       "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
    }


def _paths() -> dict[str, Any]:
    return {
        "/api/stories": {"get": {"summary": "Stories, most recently active first", "operationId": "listStories",
                                 "parameters": _LIST_PARAMS,
                                 "responses": {**_ok(_ref("StoryPage"), "A page of stories"), **_errors(400)}}},
        "/api/stories/{id}": {"get": {"summary": "One story", "operationId": "getStory",
                                      "parameters": [_path_id("story")],
                                      "responses": {**_ok(_ref("Story"), "The story"), **_errors(404)}}},
        "/api/articles/{id}": {"get": {"summary": "One article", "operationId": "getArticle",
                                       "parameters": [_path_id("article")],
                                       "responses": {**_ok(_ref("Article"), "The article"), **_errors(404)}}},
        "/api/entities/{id}": {"get": {"summary": "One entity with its articles and timeline",
                                       "operationId": "getEntity", "parameters": [_path_id("entity")],
                                       "responses": {**_ok(_ref("Entity"), "The entity"), **_errors(404)}}},
        "/api/search": {"get": {"summary": "Full-text search, grouped by story", "operationId": "search",
                                "parameters": [
                                    {**_query("q", "Words to find", {"type": "string"}), "required": True},
                                    _query("limit", f"Hits (1 to {MAX_LIMIT})",
                                           {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT})],
                                "responses": {**_ok(_ref("SearchResult"), "Hits by story"), **_errors(400)}}},
        "/api/ingest": {"post": {
            "summary": "Ingest one raw input (only with --allow-ingest)", "operationId": "ingest",
            "security": [{"token": []}],
            "parameters": [_query("name", "File name of the input (its extension hints the format)",
                                  {"type": "string"})],
            "requestBody": {"required": True, "content": {"application/octet-stream": {
                "schema": {"type": "string", "format": "binary"}}}},
            "responses": {**_ok(_ref("IngestReport"), "What the ingest did"), **_errors(400, 401, 403, 413)}}},
    }
