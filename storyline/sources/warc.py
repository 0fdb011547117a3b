"""WARC crawl files through warcio: HTML response records become documents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import InputError
from storyline.models import InputProblem, Origin, RawDocument
from storyline.settings import MAX_DOCUMENT_CHARS
from storyline.sources.decode import decode


def read_warc(stream: BinaryIO, path: str) -> Iterator[RawDocument | InputProblem]:
    """Yield a RawDocument per HTML response record; other records come back as skipped problems."""
    records = ArchiveIterator(stream)
    count, end = 0, 0
    try:
        for record in records:
            if record.rec_type not in _RECORD_TYPES:
                break  # a header cut mid-way parses as a record without a (known) type
            item = _record(record, path)
            while record.raw_stream.read(65536):
                pass
            records.read_to_end(record)
            if _cut_short(record):
                break
            count += 1
            end = records.get_record_offset() + records.get_record_length()
            yield item
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, TypeError) as exc:
        # warcio raises whatever its parser trips on when a header is cut or garbled
        yield InputProblem(path, f"after record {count}", f"corrupt WARC ({_short(exc)})")
        return
    if _unread_bytes(stream, end) or (count == 0):
        yield InputProblem(path, f"after record {count}", "truncated or corrupt WARC (the file ends inside a record)"
                           if count else "no WARC records could be read")


_RECORD_TYPES = {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}


def _cut_short(record: Any) -> bool:
    # warcio stops quietly at a truncated record; a record whose payload ends
    # before its Content-Length, or a file with bytes left over, is truncated.
    return bool(getattr(record.raw_stream, "limit", 0))


def _unread_bytes(stream: BinaryIO, end: int) -> bool:
    # Records end with two CRLFs, which some writers count and some do not;
    # anything else after the last record is the start of a record cut short.
    stream.seek(end)
    return bool(stream.read(4096).strip())


def _record(record: Any, path: str) -> RawDocument | InputProblem:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type != "response":
        return InputProblem(path, uri, f"{record.rec_type} record, not a response", fatal=False)
    content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    if "html" not in content_type.lower():
        return InputProblem(path, uri, f"response is {content_type or 'of unknown type'}, not HTML", fatal=False)
    data = record.content_stream().read(MAX_DOCUMENT_CHARS * 4 + 1)
    if len(data) > MAX_DOCUMENT_CHARS * 4:
        return InputProblem(path, uri, "HTML response too large for one article")
    try:
        html = decode(data, path, _charset(content_type))
    except InputError as exc:
        return InputProblem(path, uri, exc.reason)
    date = record.rec_headers.get_header("WARC-Date")
    return RawDocument(origin=Origin(path, uri), source_format="warc", body=html, body_kind="html", url=uri,
                       metadata={"crawled": date} if date else {})


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def _short(exc: Exception) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:120]
