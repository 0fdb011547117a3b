"""Which of the five input shapes a file holds: content first, extension second."""

from __future__ import annotations

import re
from pathlib import PurePath

from storyline.models import InputFormat

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_MARK = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.I)
_EXTENSIONS: dict[str, InputFormat] = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".txt": "text", ".text": "text", ".md": "text",
    ".warc": "warc", ".arc": "warc",
}


# Files a folder walk passes over (reported as skipped): code, configuration, tables, documents, media,
# archives and databases are never news, though most of them decode as text and would be read as a
# plain-text dump. Saved pages keep their server's extension (.php, .asp) and are read.
NOT_NEWS_EXTENSIONS = frozenset(
    ".py .pyc .ipynb .js .mjs .ts .css .scss .sh .bat .ps1 .c .h .cpp .java .go .rs .rb .pl .r .sql "
    ".yaml .yml .toml .ini .cfg .conf .lock .log .csv .tsv .parquet .xls .xlsx .ods .doc .docx .odt .pdf .ppt "
    ".pptx .png .jpg .jpeg .gif .svg .webp .ico .bmp .tif .tiff .mp3 .mp4 .m4a .wav .avi .mov .webm .zip "
    ".tar .tgz .bz2 .xz .7z .rar .db .sqlite .sqlite3 .db-wal .db-shm .exe .dll .so .dylib .whl".split()
)


def not_news(name: str) -> str | None:
    """Return the extension of a file that holds no news by its name (".py", ".tar.gz"), else None."""
    if name.lower().endswith(".tar.gz"):
        return ".tar.gz"
    suffix = PurePath(name).suffix.lower()
    return suffix if suffix in NOT_NEWS_EXTENSIONS else None


def sniff_bytes(head: bytes) -> InputFormat | None:
    """Return "warc" when the first bytes are a WARC record header."""
    return "warc" if head.lstrip()[:5] in (b"WARC/", b"warc/") else None


def sniff_text(text: str, name: str) -> InputFormat:
    """Return the format of decoded ``text``; the file name breaks ties."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("{") and _first_line_is_object(head):
        return "jsonl"
    if head.startswith("<"):
        if _FEED_ROOT.search(head[:2048]):
            return "feed"
        if _HTML_MARK.search(head):
            return "html"
    by_name = by_extension(name)
    if by_name in ("html", "feed") and not head.startswith("<"):
        return "text"
    return by_name or "text"


def by_extension(name: str) -> InputFormat | None:
    lowered = name.lower().removesuffix(".gz")
    for suffix, kind in _EXTENSIONS.items():
        if lowered.endswith(suffix):
            return kind
    return None


def _first_line_is_object(head: str) -> bool:
    line = head.split("\n", 1)[0].strip()
    return line.startswith("{") and (line.endswith("}") or len(line) >= 4000)
