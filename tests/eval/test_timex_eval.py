"""The time-expression evaluation reads TimeML files and the MEANTIME corpus into the same gold documents."""

from __future__ import annotations

from pathlib import Path

from storyline.eval.timex import evaluate, load_docs

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-09-11" functionInDocument="CREATION_TIME">2020-09-11</TIMEX3></DCT>
<TEXT>The ferry sank on <TIMEX3 tid="t1" type="DATE" value="2020-09-10">Thursday</TIMEX3>.</TEXT>
</TimeML>
"""

# A MEANTIME-style document (CAT XML): tokens with sentence numbers, TIMEX3 anchored on token ids.
MEANTIME = """<?xml version="1.0" encoding="UTF-8"?>
<Document doc_name="1_Ferry_sinks.xml">
<token t_id="1" sentence="0" number="0">Ferry</token>
<token t_id="2" sentence="0" number="1">sinks</token>
<token t_id="3" sentence="1" number="2">The</token>
<token t_id="4" sentence="1" number="3">ferry</token>
<token t_id="5" sentence="1" number="4">sank</token>
<token t_id="6" sentence="1" number="5">on</token>
<token t_id="7" sentence="1" number="6">Thursday</token>
<token t_id="8" sentence="1" number="7">,</token>
<token t_id="9" sentence="1" number="8">officials</token>
<token t_id="10" sentence="1" number="9">said</token>
<token t_id="11" sentence="1" number="10">.</token>
<Markables>
<TIMEX3 m_id="20" type="DATE" value="2020-09-10" functionInDocument="NONE"><token_anchor t_id="7"/></TIMEX3>
<TIMEX3 m_id="21" type="DATE" value="2020-09-11" functionInDocument="CREATION_TIME"/>
</Markables>
</Document>
"""


def test_a_tml_file_gives_its_text_creation_date_and_gold_extents(tmp_path: Path) -> None:
    (tmp_path / "ferry.tml").write_text(TML)
    (doc,) = load_docs(tmp_path)
    assert doc.dct == "2020-09-11" and doc.text == "The ferry sank on Thursday."
    assert [(doc.text[g.start : g.end], g.value) for g in doc.gold] == [("Thursday", "2020-09-10")]


def test_a_meantime_article_is_detokenised_and_its_anchors_become_character_extents(tmp_path: Path) -> None:
    folder = tmp_path / "meantime_en" / "intra-doc_annotation" / "corpus_ferry"
    folder.mkdir(parents=True)
    (folder / "1_Ferry_sinks.xml").write_text(MEANTIME)
    (doc,) = load_docs(tmp_path / "meantime_en")
    assert doc.text == "Ferry sinks\nThe ferry sank on Thursday, officials said."
    assert doc.dct == "2020-09-11"
    assert [(doc.text[g.start : g.end], g.type, g.value) for g in doc.gold] == [("Thursday", "DATE", "2020-09-10")]


def test_meantime_is_scored_like_timeml(tmp_path: Path) -> None:
    folder = tmp_path / "intra-doc_annotation" / "corpus_ferry"
    folder.mkdir(parents=True)
    (folder / "1_Ferry_sinks.xml").write_text(MEANTIME)
    scores = evaluate(tmp_path, parse=False)
    assert (scores["docs"], scores["gold"], scores["value_f1"]) == (1, 1, 1.0)
