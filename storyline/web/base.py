"""What every endpoint shares: the database opened per request, and autoescaping Jinja2 templates."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse

from storyline.api import Storyline
from storyline.web.highlight import safe_url

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("storyline.web", "templates"),
    autoescape=True,  # every template, whatever its name: all text from articles is untrusted
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
TEMPLATES.filters["q"] = lambda value: quote(str(value), safe="")
TEMPLATES.filters["safe_url"] = safe_url
TEMPLATES.filters["pretty"] = lambda value: (value or "").replace("_", " ")
TEMPLATES.filters["day"] = lambda value: (value or "")[:10] if value else "undated"


@contextmanager
def open_storyline(request: Request) -> Iterator[Storyline]:
    """Yield the API over the app's database, on a connection of this request's own (WAL: reads never block)."""
    with Storyline(request.app.state.db_path) as sl:
        yield sl


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Return the rendered template as an HTML response."""
    context.setdefault("allow_ingest", request.app.state.allow_ingest)
    html = TEMPLATES.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)
