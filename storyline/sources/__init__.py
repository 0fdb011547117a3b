"""Sources: files, folders, globs and stdin in; raw documents (or the problems met) out.

Entry: ``read_input(path)`` yields a ``RawDocument`` per record and an
``InputProblem`` per record or file that cannot be read. ``expand(paths)``
turns the command line into the list of files. Nothing here touches the network.
"""

from __future__ import annotations

import glob
import gzip
import io
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from storyline.errors import InputError
from storyline.models import InputProblem, Origin, RawDocument
from storyline.settings import MAX_DECOMPRESSED_BYTES, MAX_DOCUMENT_CHARS, MAX_INPUT_BYTES
from storyline.sources.decode import decode
from storyline.sources.detect import not_news, sniff_bytes, sniff_text
from storyline.sources.feeds import read_feed
from storyline.sources.jsonl import read_jsonl
from storyline.sources.warc import read_warc

STDIN = "-"
_GZIP_MAGIC = b"\x1f\x8b"

__all__ = ["STDIN", "expand", "read_bytes", "read_input"]


def expand(paths: Sequence[str]) -> tuple[list[str], list[InputProblem]]:
    """Return the files named by ``paths`` (folders recursively, globs expanded) and the problems met.

    The problems are the names that match nothing (failures) and the files of a folder that hold
    no news by their extension (skipped, ``sources.detect.NOT_NEWS_EXTENSIONS``).
    """
    files: list[str] = []
    problems: list[InputProblem] = []
    for name in paths:
        found = _expand_one(name)
        if not found:
            problems.append(InputProblem(name, None, "no such file or directory" if not glob.has_magic(name)
                                         else "the pattern matches no file"))
        for file, walked in found:
            passed_over = not_news(file) if walked else None  # a file named (or matched) on its own is read
            if passed_over:
                problems.append(InputProblem(file, None, f"not a news input ({passed_over} file); name it to read it",
                                             fatal=False))
            elif file not in files:
                files.append(file)
    return files, problems


def _expand_one(name: str) -> list[tuple[str, bool]]:
    """Return the files a name stands for, each with whether it was found by walking a folder."""
    if name == STDIN:
        return [(STDIN, False)]
    if glob.has_magic(name):
        return [f for m in sorted(glob.glob(name, recursive=True)) for f in _expand_one(m)]
    path = Path(name)
    if path.is_dir():
        return [(str(p), True) for p in sorted(path.rglob("*")) if p.is_file() and not _hidden(p, path)]
    return [(name, False)] if path.is_file() else []


def _hidden(path: Path, root: Path) -> bool:
    """True for files a folder walk leaves out: hidden ones, and a folder's own README/LICENSE notes."""
    if path.name.upper().startswith(_FOLDER_NOTES):
        return True
    return any(part.startswith(".") for part in path.relative_to(root).parts)


# A folder of inputs often documents itself; named explicitly, such a file is still read.
_FOLDER_NOTES = ("README", "LICENSE", "SOURCE.MD", "CHANGELOG")


def read_input(path: str, stdin: BinaryIO | None = None) -> Iterator[RawDocument | InputProblem]:
    """Yield the documents of one input file (``-`` reads ``stdin``), and a problem for each unreadable part."""
    try:
        if path == STDIN:
            yield from read_bytes((stdin or _stdin()).read(), "<stdin>")
            return
        yield from _read_path(Path(path))
    except InputError as exc:
        yield InputProblem(exc.path, exc.item, exc.reason)
    except OSError as exc:
        yield InputProblem(path, None, f"cannot read: {exc.strerror or exc}")


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def _read_path(path: Path) -> Iterator[RawDocument | InputProblem]:
    name = str(path)
    _check_size(path.stat().st_size, name)
    with path.open("rb") as stream:
        if _is_warc(stream.read(64), stream, name):
            stream.seek(0)
            yield from read_warc(stream, name)  # streamed from the file: crawls are large
            return
        stream.seek(0)
        data = stream.read()
    yield from _read_bytes(data, name)


def _is_warc(head: bytes, stream: BinaryIO, name: str) -> bool:
    if sniff_bytes(head):
        return True
    if head.startswith(_GZIP_MAGIC):
        stream.seek(0)
        try:
            with gzip.GzipFile(fileobj=stream) as unzipped:
                return sniff_bytes(unzipped.read(64)) is not None
        except (OSError, EOFError, zlib.error):
            return False
    return False


def _check_size(size: int, name: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise InputError(name, f"file is {size // 1024**2} MB; inputs over {MAX_INPUT_BYTES // 1024**2} MB are refused")


def _read_bytes(data: bytes, name: str) -> Iterator[RawDocument | InputProblem]:
    """Read a non-WARC input (callers hand WARC, gzipped or not, to warcio first)."""
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, name)
    if not data.strip():
        raise InputError(name, "empty file")
    text = decode(data, name)
    kind = sniff_text(text, name)
    if kind == "jsonl":
        yield from read_jsonl(text, name)
    elif kind == "feed":
        yield from read_feed(text, name)
    else:
        yield _single(text, name, kind)


def _gunzip(data: bytes, name: str) -> bytes:
    try:
        unzipped = zlib.decompressobj(wbits=31)
        out = unzipped.decompress(data, MAX_DECOMPRESSED_BYTES)
        if unzipped.unconsumed_tail:
            raise InputError(name, f"decompresses to over {MAX_DECOMPRESSED_BYTES // 1024**2} MB; refused")
        if not unzipped.eof:
            raise InputError(name, "truncated gzip file (the compressed stream ends early)")
        return out
    except zlib.error as exc:
        raise InputError(name, f"corrupt gzip file ({exc})") from None


def _single(text: str, name: str, kind: str) -> RawDocument | InputProblem:
    if len(text) > MAX_DOCUMENT_CHARS * (4 if kind == "html" else 1):
        return InputProblem(name, None, f"{len(text):,} characters is too long for one article "
                                        f"(limit {MAX_DOCUMENT_CHARS:,})")
    if kind == "html":
        return RawDocument(origin=Origin(name), source_format="html", body=text, body_kind="html")
    return RawDocument(origin=Origin(name), source_format="text", body=text, body_kind="text")


def read_bytes(data: bytes, name: str) -> Iterator[RawDocument | InputProblem]:
    """Yield the documents of one input held in memory, as ``read_input`` does for a file called ``name``.

    For inputs that arrive as bytes rather than local files (Spark's ``binaryFiles``).
    """
    try:
        _check_size(len(data), name)
        if _is_warc(data[:64], io.BytesIO(data), name):
            # warcio reads every member of a gzipped WARC; a plain gunzip stops after the first
            yield from read_warc(io.BytesIO(data), name)
        else:
            yield from _read_bytes(data, name)
    except InputError as exc:
        yield InputProblem(exc.path, exc.item, exc.reason)
    except OSError as exc:
        yield InputProblem(name, None, f"cannot read: {exc.strerror or exc}")
