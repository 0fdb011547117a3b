"""Property-based fuzzing: every parser only ever yields a document or reports a problem.

A few hundred examples in CI; run thousands by hand with
``HYPOTHESIS_MAX_EXAMPLES=5000 pytest tests/sources/test_fuzz.py``.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline import extract
from storyline.models import Article, InputProblem, RawDocument
from storyline.sources import read_input

EXAMPLES = int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TMP = Path(tempfile.mkdtemp(prefix="storyline-fuzz-"))


def outcomes(name: str, data: bytes) -> list[object]:
    path = TMP / name
    path.write_bytes(data)
    results: list[object] = []
    for item in read_input(str(path)):
        assert isinstance(item, RawDocument | InputProblem)
        results.append(extract.clean(item) if isinstance(item, RawDocument) else item)
    for result in results:
        assert isinstance(result, Article | InputProblem)
    return results


fragments = st.sampled_from(["<p>", "</p>", "<div class=ad>", "<script>", "&amp;", "&#0;", "<html>", "<!--",
                             "<rss>", "<item>", "<title>", "<![CDATA[", "]]>", "\n", "Advertisement", "…", "{", "}"])
texty = st.lists(st.one_of(fragments, st.text(max_size=40)), max_size=40).map("".join)


@FUZZ
@given(texty)
def test_fuzz_html_never_raises(body):
    outcomes("page.html", f"<html><body>{body}</body></html>".encode())


@FUZZ
@given(texty)
def test_fuzz_plain_text_never_raises(body):
    outcomes("dump.txt", body.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.lists(st.one_of(st.dictionaries(st.sampled_from(["url", "title", "text", "html", "published", "x"]),
                                          st.one_of(st.text(max_size=30), st.integers(), st.none())).map(json.dumps),
                          texty), max_size=8))
def test_fuzz_jsonl_reports_bad_lines_and_reads_good_ones(lines):
    dump = "\n".join(lines)
    results = outcomes("dump.jsonl", dump.encode("utf-8", "surrogatepass"))
    assert len(results) <= max(1, len([line for line in dump.split("\n") if line.strip()]))


@FUZZ
@given(texty, texty)
def test_fuzz_feed_never_raises(title, content):
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<item><title>{title}</title><description>{content}</description></item></channel></rss>")
    outcomes("feed.xml", feed.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=600))
def test_fuzz_random_bytes_never_raise(data):
    outcomes("blob.bin", data)
    outcomes("blob.warc", b"WARC/1.0\r\n" + data)
    outcomes("blob.gz", gzip.compress(data)[: max(1, len(data) // 2)])
