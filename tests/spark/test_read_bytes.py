"""sources.read_bytes, the entry Spark uses on whole files, reads what read_input reads from disk."""

from __future__ import annotations

import gzip
from pathlib import Path

from storyline import sources
from storyline.models import InputProblem

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_read_bytes_yields_what_read_input_yields_for_every_example():
    files, _ = sources.expand([str(EXAMPLES)])
    for name in files:
        assert repr(list(sources.read_bytes(Path(name).read_bytes(), name))) == repr(list(sources.read_input(name)))


def test_read_bytes_reads_every_record_of_a_gzipped_warc():
    name = str(EXAMPLES / "warc" / "crawl.warc.gz")
    records = list(sources.read_bytes(Path(name).read_bytes(), name))
    assert len(records) == 5  # one gzip member per record: all five, not the first only


def test_read_bytes_reads_an_uncompressed_warc():
    data = gzip.decompress((EXAMPLES / "warc" / "crawl.warc.gz").read_bytes())
    records = list(sources.read_bytes(data, "crawl.warc"))
    assert sum(not isinstance(r, InputProblem) for r in records) == 3


def test_read_bytes_reports_an_empty_input_as_a_problem():
    assert [p.reason for p in sources.read_bytes(b"  \n", "empty.txt")] == ["empty file"]
