"""JSONL dumps: one article per line.

Fields read: ``url``, ``title``, ``text`` or ``html``, ``published``, ``outlet``
(also ``author``, ``language``). Every other field is kept in the article's
metadata. A line that is not a JSON object, or has neither text nor html, is
reported with its line number; the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from storyline.models import InputProblem, Origin, RawDocument

KNOWN_FIELDS = ("url", "title", "text", "html", "published", "outlet", "author", "language")


def read_jsonl(text: str, path: str) -> Iterator[RawDocument | InputProblem]:
    """Yield one RawDocument per good line and one InputProblem per bad one."""
    # Only "\n" ends a JSONL record; str.splitlines would also split inside strings at \x1e, \u2028 ...
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _record(line, path, f"line {number}")


def _record(line: str, path: str, item: str) -> RawDocument | InputProblem:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputProblem(path, item, f"not valid JSON ({_json_error(exc)})")
    if not isinstance(data, dict):
        return InputProblem(path, item, f"expected a JSON object, got {type(data).__name__}")
    html, text = data.get("html"), data.get("text")
    body = html if _filled(html) else text
    if not _filled(body):
        return InputProblem(path, item, "no 'text' or 'html' field with content")
    return RawDocument(
        origin=Origin(path, item), source_format="jsonl", body=str(body),
        body_kind="html" if _filled(html) else "text",
        url=_string(data.get("url")), title=_string(data.get("title")),
        published=_string(data.get("published")), outlet=_string(data.get("outlet")),
        author=_string(data.get("author")), language=_string(data.get("language")),
        metadata={k: v for k, v in data.items() if k not in KNOWN_FIELDS},
    )


def _json_error(exc: json.JSONDecodeError) -> str:
    """Return the decoder's message with its column: "Unterminated string starting at column 64"."""
    # Some messages already end with "at" ("Unterminated string starting at", "Invalid control character at").
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"


def _filled(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _string(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None
