"""The bundled examples end to end: what a newcomer sees after `make demo`.

Built once per test session (spaCy runs); each test reads the export.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.api import Storyline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with Storyline(tmp_path_factory.mktemp("examples") / "x.db") as sl:
        report = sl.ingest([str(EXAMPLES)])
        assert report.ok, [str(p) for p in report.failed]
        return sl.export_document()


def by_title(export: dict[str, Any], start: str) -> dict[str, Any]:
    """Return the first article (in export order) whose title starts with ``start``."""
    return next(a for a in export["articles"] if (a["title"] or "").startswith(start))


def story_of(export: dict[str, Any], title_start: str) -> str:
    return by_title(export, title_start)["story"]


def test_examples_export_keeps_its_references_and_quotes_exact(export):
    articles = {a["id"]: a for a in export["articles"]}
    for article in export["articles"]:
        text = article["text"]
        assert all(text[t["start"]:t["end"]] == t["text"] for t in article["timexes"])
        assert all(r["quote"] in text for e in article["entities"] for r in e["roles"])
    for story in export["stories"]:
        assert all(articles[a]["story"] == story["id"] for a in story["articles"])
        quotes = [(s["article"], s["quote"]) for e in story["timeline"] for s in e["sources"]]
        quotes += [(c["article"], c["quote"]) for k in story["conflicts"] for c in k["claims"]]
        assert all(q in articles[a]["text"] for a, q in quotes)


def test_syndicated_wire_copies_point_to_the_original(export):
    copies = [a for a in export["articles"] if a["duplicate_of"]]
    assert {a["outlet"] for a in copies} == {"Harbor City Tribune", "Lakeside Gazette"}
    [original] = {a["duplicate_of"] for a in copies}
    assert next(a for a in export["articles"] if a["id"] == original)["outlet"] == "Meridian Press Agency"


def test_same_town_same_weekend_stays_two_stories(export):
    bridge = story_of(export, "Road bridge over the Alder collapses")
    hockey = story_of(export, "Hallsberg Hawks end 31-year wait")
    assert bridge != hockey
    assert story_of(export, "Alder bridge collapse: cracks") == bridge
    assert story_of(export, "Hawks are champions") == hockey


def test_two_earthquakes_a_month_apart_are_two_stories(export):
    assert story_of(export, "Magnitude 6.1 earthquake kills two") != story_of(export, "Magnitude 5.9 quake hits")


def test_the_belarus_story_gathers_every_report_and_its_planted_conflicts(export):
    story_id = story_of(export, "Putin and Lukashenko agree to meet")
    [story] = [s for s in export["stories"] if s["id"] == story_id]
    assert len(story["articles"]) == 11
    kinds = {c["kind"] for c in story["conflicts"]}
    assert {"date", "number", "role", "garbled_date"} <= kinds
    [number] = [c for c in story["conflicts"] if c["kind"] == "number"]
    assert sorted(c["value"] for c in number["claims"]) == ["33", "34"]
    [date] = [c for c in story["conflicts"] if c["kind"] == "date"]
    assert {c["value"] for c in date["claims"]} == {"2020-08-26", "2020-08-27"}


def test_plain_text_dump_loses_its_boilerplate_and_keeps_its_dateline(export):
    article = by_title(export, "Belarus: Tens Of Thousands March")
    assert (article["published"], article["published_from"]) == ("2020-08-30T18:48:00+05:30", "text")
    assert "Advertisement" not in article["text"]
    assert any("Advertisement" in r for r in article["removed"])


def test_feed_item_with_only_a_summary_is_partial(export):
    assert by_title(export, "Magnitude 5.9 earthquake shakes")["partial"] is True


def test_undated_dump_takes_the_year_its_story_allows(export):
    # "Monday, September 14" fits 2015, 2020 and 2026; the story's reports run through September 2020.
    article = by_title(export, "Lukashenko arrives in Moscow")
    assert (article["published"], article["published_from"]) == ("2020-09-14", "inferred")


def test_article_with_nothing_to_date_it_stays_undated(export):
    article = by_title(export, "Thirty-one years of waiting")
    assert (article["published"], article["published_from"]) == (None, None)


def test_vague_future_expression_is_exported_with_its_interval(export):
    article = by_title(export, "Putin and Lukashenko agree to meet")
    [coming] = [t for t in article["timexes"] if t["text"] == "the coming weeks"][:1]
    assert (coming["value"], coming["type"]) == ("FUTURE_REF", "DATE")
    assert coming["interval"]["begin"] == article["published"][:10] < coming["interval"]["end"]
