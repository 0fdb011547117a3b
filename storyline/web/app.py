"""The Starlette app: routes, one error shape, security headers. ``create_app(db_path)`` is the entry point.

Read-only unless built with ``allow_ingest=True`` and a token. Pages are
server-rendered and need no script; the Content-Security-Policy allows none
inline, so whatever an article carries cannot run.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from pathlib import Path

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline.api import Storyline
from storyline.errors import NotFound, StorylineError, UsageError
from storyline.web import jsonapi, pages, upload
from storyline.web.base import render

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                               " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
STATIC = Path(__file__).parent / "static"


def create_app(db_path: str | Path, *, allow_ingest: bool = False, token: str | None = None,
               allowed_hosts: Sequence[str] | None = None) -> Starlette:
    """Return the web app over the database at ``db_path``.

    ``allow_ingest`` enables POST /api/ingest, which then needs ``token``;
    ``allowed_hosts`` (Host header names) guards a local server against DNS rebinding.
    """
    if allow_ingest and not token:
        raise UsageError("--allow-ingest needs a token: pass --token or set STORYLINE_TOKEN")
    Storyline(db_path).close()  # fail now, not on the first request, when the file is not a storyline database
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    app = Starlette(routes=_routes(), middleware=middleware,
                    exception_handlers={HTTPException: _http_error, StorylineError: _storyline_error,
                                        Exception: _internal_error})
    app.state.db_path, app.state.allow_ingest, app.state.token = str(db_path), allow_ingest, token
    return app


def _routes() -> list[Route | Mount]:
    return [
        Route("/", pages.stories_page, name="stories"),
        Route("/stories", pages.stories_page, name="stories_list"),
        Route("/stories/{id}", pages.story_page, name="story"),
        Route("/stories/{id}/feed.atom", pages.story_feed_page, name="story_feed"),
        Route("/articles", pages.articles_page, name="articles"),
        Route("/articles/{id}", pages.article_page, name="article"),
        Route("/entities", pages.entities_page, name="entities"),
        Route("/entities/{id}", pages.entity_page, name="entity"),
        Route("/conflicts", pages.conflicts_page, name="conflicts"),
        Route("/search", pages.search_page, name="search"),
        Route("/ingest", upload.upload_form, name="ingest"),
        Route("/ingest", upload.upload, methods=["POST"]),
        Route("/api/stories", jsonapi.stories),
        Route("/api/stories/{id}", jsonapi.story),
        Route("/api/articles/{id}", jsonapi.article),
        Route("/api/entities/{id}", jsonapi.entity),
        Route("/api/search", jsonapi.search),
        Route("/api/openapi.json", jsonapi.openapi),
        Route("/api/ingest", jsonapi.ingest, methods=["POST"]),
        Route("/favicon.ico", _no_icon),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]


def _no_icon(request: Request) -> Response:
    return Response(status_code=204)  # browsers ask for one; a 404 would be noise in their consoles


def is_local(host: str) -> bool:
    """Return whether binding to ``host`` keeps the server reachable from this machine only."""
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """Return the one error shape: JSON ``{"error": {"status", "message"}}`` under /api/, an HTML page elsewhere."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)
    response = render(request, "error.html", status_code=status, status=status, message=message)
    response.headers.update(headers or {})
    return response


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = f"nothing at {request.url.path}" if exc.status_code == 404 and exc.detail == "Not Found" else exc.detail
    return error_response(request, exc.status_code, message, dict(exc.headers or {}))


async def _storyline_error(request: Request, exc: Exception) -> Response:
    status = 404 if isinstance(exc, NotFound) else 400 if isinstance(exc, UsageError) else 500
    return error_response(request, status, str(exc))


async def _internal_error(request: Request, exc: Exception) -> Response:
    # Runs outside the middleware stack (Starlette's outermost layer), so it adds the headers itself;
    # the traceback goes to the server log, never to the client.
    response = error_response(request, 500, "internal error: the server log has the details")
    response.headers.update(SECURITY_HEADERS)
    return response


class SecurityHeaders:
    """ASGI middleware: add the security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
