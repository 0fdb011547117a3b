"""Bytes to text: byte-order marks, declared charsets, and a detector as the last resort."""

from __future__ import annotations

import codecs
import re

from storyline.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# Share of control characters above which a file is binary, not text: real
# news text has none besides tab/newline, a mislabelled encoding a few.
_MAX_CONTROL_SHARE = 0.05


def decode(data: bytes, path: str, declared: str | None = None) -> str:
    """Return the text of ``data``; raise InputError for binary data or unknown encodings."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, path)
    if _looks_binary(data):
        raise InputError(path, "binary file, not text, HTML, a feed, JSONL or WARC")
    for encoding in _candidates(data, declared):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return _detected(data, path)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"starts with a {encoding} byte-order mark but does not decode as {encoding} "
                               f"(byte {exc.start})") from None


def _candidates(data: bytes, declared: str | None) -> list[str]:
    found = [declared] if declared else []
    match = _DECLARED.search(data[:4096])
    if match:
        found.append(match.group(1).decode("ascii").lower())
    # UTF-8 before any declaration except a successful one: pages often declare
    # latin-1 and serve UTF-8; strict UTF-8 almost never decodes by accident.
    found.insert(0, "utf-8")
    return [_whatwg(e) for e in found]


def _whatwg(encoding: str) -> str:
    # Browsers read latin-1 and ascii labels as windows-1252; so do we.
    return "cp1252" if encoding.replace("_", "-") in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"} \
        else encoding


def _detected(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        raise InputError(path, "cannot tell the text encoding (not UTF-8, and no charset detected)")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(sample) > _MAX_CONTROL_SHARE
