"""Query parameters read and checked: a bad value is a UsageError (HTTP 400) that says what was expected."""

from __future__ import annotations

import re
from datetime import date

from starlette.datastructures import QueryParams

from storyline.errors import UsageError

# The JSON API returns at most this many stories or hits per request: a page, not a dump (use export).
MAX_LIMIT = 200
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def whole(params: QueryParams, name: str, default: int, *, low: int, high: int | None = None) -> int:
    """Return the integer parameter ``name`` (``default`` when absent) checked against its bounds."""
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise UsageError(f"{name} must be a whole number {bounds}, not {raw!r}")
    return value


def day(params: QueryParams, name: str) -> str | None:
    """Return the YYYY-MM-DD parameter ``name``, or None when absent or empty."""
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        if not _DAY.fullmatch(raw):
            raise ValueError(raw)
        date.fromisoformat(raw)
    except ValueError:
        raise UsageError(f"{name} must be a date as YYYY-MM-DD, not {raw!r}") from None
    return raw


def text(params: QueryParams, name: str) -> str | None:
    """Return the stripped text parameter ``name``, or None when absent or blank."""
    raw = (params.get(name) or "").strip()
    return raw or None
