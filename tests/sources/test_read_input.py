"""Sources: each input shape becomes raw documents; each bad input becomes one clear problem."""

from __future__ import annotations

import gzip
import io
import json

from storyline.models import InputProblem, RawDocument
from storyline.sources import expand, read_input

PAGE = """<!DOCTYPE html><html><head><title>Bridge closed</title></head>
<body><article><p>The old bridge over the river was closed on Saturday after engineers found cracks.</p>
</article></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Riverside Gazette</title>
<item><title>Bridge closed</title><link>https://gazette.example/bridge</link>
<pubDate>Sat, 12 Sep 2020 10:15:00 +0200</pubDate>
<description>Engineers found cracks.</description>
<content:encoded><![CDATA[<p>The old bridge over the river was closed on Saturday after engineers found cracks
in two of its pillars. Traffic is diverted through the town centre.</p>]]></content:encoded></item>
<item><title>Mayor to speak</title><link>https://gazette.example/mayor</link>
<description>The mayor will speak on Monday.</description></item>
</channel></rss>"""


def documents(path: str) -> list[RawDocument]:
    return [d for d in read_input(path) if isinstance(d, RawDocument)]


def problems(path: str) -> list[InputProblem]:
    return [d for d in read_input(path) if isinstance(d, InputProblem)]


def test_html_file_is_one_html_document(write):
    [doc] = documents(write("page.html", PAGE))
    assert doc.body_kind == "html" and doc.source_format == "html"


def test_format_is_detected_by_content_before_extension(write):
    [doc] = documents(write("misnamed.txt", PAGE))
    assert doc.body_kind == "html"
    assert [d.title for d in documents(write("feed.txt", RSS))] == ["Bridge closed", "Mayor to speak"]


def test_feed_item_with_only_a_summary_is_partial(write):
    full, summary = documents(write("feed.xml", RSS))
    assert not full.partial and "two of its pillars" in full.body
    assert summary.partial and summary.body == "The mayor will speak on Monday."
    assert full.outlet == "Riverside Gazette" and full.origin.item == "https://gazette.example/bridge"


def test_atom_entry_with_only_content_is_full_text(write):
    atom = (
        '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title>'
        "<entry><title>Bridge reopens</title><id>urn:gazette:1</id><updated>2020-03-02T09:00:00Z</updated>"
        '<content type="html">&lt;p&gt;The Alder bridge reopened on Monday after three weeks of repairs.&lt;/p&gt;'
        "&lt;p&gt;Engineers replaced two of its pillars.&lt;/p&gt;</content></entry></feed>"
    )
    [doc] = documents(write("atom.xml", atom))
    assert not doc.partial and "two of its pillars" in doc.body


def test_feed_with_entity_declarations_is_refused(write):
    bomb = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + RSS[39:]
    [problem] = problems(write("bomb.xml", bomb))
    assert "entities" in problem.reason


def test_jsonl_keeps_unknown_fields_and_reports_the_broken_line(write):
    lines = [json.dumps({"url": "https://a.example/1", "title": "One", "text": "First text.", "section": "world"}),
             "{not json",
             json.dumps({"title": "No body"}),
             json.dumps({"html": "<p>Second text.</p>", "published": "2020-09-11T09:00:00+03:00"})]
    path = write("dump.jsonl", "\n".join(lines))
    items = list(read_input(path))
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputProblem", "InputProblem", "RawDocument"]
    assert items[0].metadata == {"section": "world"} and items[0].origin.item == "line 1"
    assert items[1].item == "line 2" and "not valid JSON" in items[1].reason
    assert "no 'text' or 'html'" in items[2].reason
    assert items[3].body_kind == "html"


def test_jsonl_error_names_the_column_without_doubling_at(write):
    path = write("dump.jsonl", '{"title": "Broken line", "text": "unterminated')
    [problem] = problems(path)
    assert problem.reason == "not valid JSON (Unterminated string starting at column 34)"


def test_jsonl_language_field_is_stated_not_metadata(write):
    [doc] = documents(write("dump.jsonl", json.dumps({"text": "Hallo Welt.", "language": "de", "desk": "x"})))
    assert doc.language == "de" and doc.metadata == {"desk": "x"}


def test_feed_items_take_the_channel_language_unless_they_state_their_own(write):
    rss = RSS.replace("<channel><title>Riverside Gazette</title>", "<channel><title>Riverside Gazette</title>"
                      "<language>en-gb</language>")
    assert [d.language for d in documents(write("feed.xml", rss))] == ["en-gb", "en-gb"]
    atom = (
        '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'
        "<title>Gazette</title><entry><title>Brücke offen</title><id>urn:g:1</id>"
        '<summary xml:lang="de">Die Brücke ist wieder offen.</summary></entry></feed>'
    )
    [doc] = documents(write("atom.xml", atom))
    assert doc.language == "de"
    assert documents(write("plain.xml", RSS))[0].language is None


def test_warc_yields_html_responses_and_skips_other_records(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, ctype, body in [("https://a.example/story", "text/html; charset=utf-8", PAGE.encode()),
                                 ("https://a.example/logo.png", "image/png", bytes(range(256)) * 8)]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    items = list(read_input(str(path)))
    assert isinstance(items[0], RawDocument) and items[0].url == "https://a.example/story"
    assert isinstance(items[1], InputProblem) and not items[1].fatal and "image/png" in items[1].reason


def test_truncated_warc_reports_the_file_and_keeps_earlier_records(tmp_path, write):
    test_warc_yields_html_responses_and_skips_other_records(tmp_path)
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    second = _record_offsets(data)[1]
    items = list(read_input(write("cut.warc.gz", data[: second + (len(data) - second) * 3 // 4])))
    assert isinstance(items[0], RawDocument)
    assert any(isinstance(i, InputProblem) and i.fatal and "WARC" in i.reason for i in items)


def _record_offsets(data: bytes) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(io.BytesIO(data))
    return [records.get_record_offset() for _ in records]


def test_empty_file_is_a_problem(write):
    [problem] = problems(write("empty.txt", ""))
    assert problem.reason == "empty file"


def test_binary_file_is_a_problem(write):
    [problem] = problems(write("image.jpg", bytes(range(256)) * 10))
    assert "binary" in problem.reason


def test_truncated_gzip_is_a_problem(write):
    data = gzip.compress(PAGE.encode() * 50)
    [problem] = problems(write("page.html.gz", data[:-30]))
    assert "truncated gzip" in problem.reason


def test_gzipped_html_is_read(write):
    [doc] = documents(write("page.html.gz", gzip.compress(PAGE.encode())))
    assert "old bridge" in doc.body


def test_cp1252_and_utf16_with_bom_decode(write):
    text = "Café owner’s “lucky” day: the mayor visited on Monday.\n"
    [cp] = documents(write("cp.txt", text.encode("cp1252")))
    [u16] = documents(write("u16.txt", "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")))
    assert cp.body == text and u16.body == text


def test_html_declaring_latin1_but_serving_utf8_decodes_as_utf8(write):
    page = PAGE.replace("<head>", '<head><meta charset="iso-8859-1">').replace("old", "naïve")
    [doc] = documents(write("page.html", page.encode("utf-8")))
    assert "naïve" in doc.body


def test_expand_walks_folders_and_globs_and_reports_missing_paths(tmp_path, write):
    write("in/a.html", PAGE)
    write("in/sub/b.txt", "Some text.")
    write("in/.hidden/c.txt", "Hidden.")
    write("in/README.md", "What these files are.")
    files, missing = expand([str(tmp_path / "in"), str(tmp_path / "in" / "**" / "*.txt"), str(tmp_path / "nope")])
    assert [f.rsplit("/", 1)[1] for f in files] == ["a.html", "b.txt"]
    assert [m.reason for m in missing] == ["no such file or directory"]


def test_a_folder_walk_skips_files_that_hold_no_news_but_reads_them_when_named(tmp_path, write):
    write("in/a.html", PAGE)
    write("in/make_feed.py", "import json\nprint(json.dumps({'text': 'x'}))\n")
    write("in/counts.csv", "day,detained\n2020-08-26,33\n")
    files, problems = expand([str(tmp_path / "in")])
    assert [f.rsplit("/", 1)[1] for f in files] == ["a.html"]
    assert [(p.path.rsplit("/", 1)[1], p.fatal) for p in problems] == [("counts.csv", False), ("make_feed.py", False)]
    assert "not a news input (.csv file)" in problems[0].reason
    named, problems = expand([str(tmp_path / "in" / "make_feed.py")])
    assert len(named) == 1 and problems == []


def test_stdin_is_read_when_path_is_dash():
    [doc] = [d for d in read_input("-", io.BytesIO(PAGE.encode())) if isinstance(d, RawDocument)]
    assert doc.origin.path == "<stdin>"


def test_gzipped_warc_on_stdin_yields_every_record(tmp_path):
    test_warc_yields_html_responses_and_skips_other_records(tmp_path)
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    items = list(read_input("-", io.BytesIO(data)))
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputProblem"]
