"""The JSON API under /api/: stories and articles in the export contract's shapes, entities, search, ingest."""

from __future__ import annotations

import dataclasses
import hmac
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from storyline.api import Storyline
from storyline.export import article_record, entity_record, story_record
from storyline.models import IngestReport
from storyline.web import params
from storyline.web.base import open_storyline
from storyline.web.highlight import plain_snippet
from storyline.web.openapi import openapi_document

# One POSTed input at most: a large WARC should be ingested from the command line.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def stories(request: Request) -> JSONResponse:
    """Return a page of stories (contract shape) with the total matching the filters."""
    query = request.query_params
    limit = params.whole(query, "limit", 50, low=1, high=params.MAX_LIMIT)
    offset = params.whole(query, "offset", 0, low=0)
    filters = {"since": params.day(query, "since"), "until": params.day(query, "until"),
               "entity": params.text(query, "entity"), "outlet": params.text(query, "outlet")}
    with open_storyline(request) as sl:
        total = sl.count_stories(**filters)
        found = sl.stories(limit=limit, offset=offset, **filters)
    return JSONResponse({"total": total, "limit": limit, "offset": offset,
                         "stories": [story_record(s) for s in found]})


def story(request: Request) -> JSONResponse:
    """Return one story in the contract's shape."""
    with open_storyline(request) as sl:
        return JSONResponse(story_record(sl.story(request.path_params["id"])))


def article(request: Request) -> JSONResponse:
    """Return one article in the contract's shape."""
    with open_storyline(request) as sl:
        return JSONResponse(article_record(sl.article(request.path_params["id"])))


def entity(request: Request) -> JSONResponse:
    """Return an entity (contract shape plus id, dated roles, article ids and its timeline)."""
    with open_storyline(request) as sl:
        found = sl.entity(request.path_params["id"])
        timeline = sl.timeline(entity=found.id)
        articles = [a.id for a in sl.entity_articles(found.id or "")]
    record = entity_record(found)
    record["roles"] = [{"role": r.role, "quote": r.quote, "date": r.date} for r in found.roles]
    return JSONResponse({"id": found.id, **record, "articles": articles,
                         "timeline": [dataclasses.asdict(e) for e in timeline]})


def search(request: Request) -> JSONResponse:
    """Return full-text hits grouped by story; snippets are plain text with match offsets."""
    query = params.text(request.query_params, "q")
    if not query:
        raise HTTPException(400, "q is required: the words to search for")
    limit = params.whole(request.query_params, "limit", 50, low=1, high=params.MAX_LIMIT)
    with open_storyline(request) as sl:
        groups = sl.search(query, limit=limit)
    return JSONResponse({"query": query, "groups": [
        {"story": g.story, "title": g.title, "hits": [_hit(h) for h in g.hits]} for g in groups]})


def _hit(hit: Any) -> dict[str, Any]:
    snippet, matches = plain_snippet(hit.snippet)
    return {"article": hit.article, "title": hit.title, "outlet": hit.outlet, "published": hit.published,
            "snippet": snippet, "matches": matches}


def openapi(request: Request) -> JSONResponse:
    """Return the OpenAPI document of this API."""
    return JSONResponse(openapi_document())


async def ingest(request: Request) -> JSONResponse:
    """Ingest the POSTed raw input (only with --allow-ingest and the right bearer token); return the report."""
    _authorise(request)
    data = await read_capped(request, MAX_UPLOAD_BYTES)
    if not data:
        raise HTTPException(400, "empty body: POST the raw input (HTML, WARC, feed, JSONL or text)")
    name = params.text(request.query_params, "name") or "upload"
    report = await run_in_threadpool(run_ingest, request.app.state.db_path, name, data)
    return JSONResponse(report_record(report))


def report_record(report: IngestReport) -> dict[str, Any]:
    """Return an ingest report as JSON data, each problem as its one-line message."""
    return dataclasses.asdict(report) | {"ok": report.ok, "skipped": [str(p) for p in report.skipped],
                                         "failed": [str(p) for p in report.failed],
                                         "warnings": [str(p) for p in report.warnings]}


def run_ingest(db_path: str, name: str, data: bytes) -> IngestReport:
    """Ingest one input on a connection of its own (run in a worker thread); return the report."""
    with Storyline(db_path) as sl:
        return sl.ingest_bytes(name, data)


def _authorise(request: Request) -> None:
    require_ingest(request)
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token_matches(request, token.strip()):
        raise HTTPException(401, "a valid token is required: send the header Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})


def require_ingest(request: Request) -> None:
    """Raise 403 unless the server was started with --allow-ingest."""
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "this server is read-only: start it with storyline serve --allow-ingest --token …")


def token_matches(request: Request, given: str) -> bool:
    """Return whether ``given`` is the server's ingest token (compared in constant time)."""
    expected = request.app.state.token or ""
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


async def read_capped(request: Request, limit: int) -> bytes:
    """Return the request body, refusing (413) one over ``limit`` bytes before reading it all."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"upload of {declared} bytes is over the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"upload is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
