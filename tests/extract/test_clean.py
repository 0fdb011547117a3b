"""extract.clean: what the container stated (feed, JSONL) merged with what the page or text says."""

from __future__ import annotations

import pytest

from storyline.extract import article_id, clean
from storyline.models import Article, Origin, RawDocument

SUMMARY = "A fire destroyed a fish-processing plant at the docks on Saturday evening."


def _feed_item(language: str | None, body: str = SUMMARY) -> RawDocument:
    return RawDocument(origin=Origin("feed.rss", "item 2"), source_format="feed", body=body, body_kind="html",
                       title="Fire guts plant", partial=True, language=language)


@pytest.mark.parametrize(("stated", "expected"), [("en", "en"), ("en-GB", "en"), ("EN_us", "en"), ("x", None)])
def test_clean_takes_the_language_the_container_states_even_for_a_short_summary(stated: str, expected: str) -> None:
    article = clean(_feed_item(stated))
    assert isinstance(article, Article)
    assert article.language == expected  # too short to detect: only the stated language can label it


def test_clean_prefers_the_stated_language_to_a_guess() -> None:
    body = "<p>" + " ".join(["The council voted on Tuesday to approve the new bridge over the river."] * 5) + "</p>"
    article = clean(_feed_item("fr", body))
    assert isinstance(article, Article) and article.language == "fr"
    unstated = clean(_feed_item(None, body))
    assert isinstance(unstated, Article) and unstated.language == "en"


def _jsonl_record(published: str) -> RawDocument:
    return RawDocument(origin=Origin("wire.jsonl", "line 3"), source_format="jsonl", body=SUMMARY,
                       body_kind="text", title="Fire guts plant", published=published)


def test_an_unreadable_stated_date_is_reported_and_the_article_kept_undated() -> None:
    heard: list[str] = []
    article = clean(_jsonl_record("sometime last week"), heard.append)
    assert isinstance(article, Article) and article.published is None
    assert heard == ["stated publication date 'sometime last week' is not a date storyline can read; stored undated"]


def test_a_readable_stated_date_raises_no_warning() -> None:
    heard: list[str] = []
    article = clean(_jsonl_record("2024-03-02T19:40:00+01:00"), heard.append)
    assert isinstance(article, Article) and article.published == "2024-03-02T19:40:00+01:00" and heard == []


def test_a_record_with_a_url_but_no_outlet_is_credited_to_the_url_host() -> None:
    record = RawDocument(origin=Origin("wire.jsonl", "line 4"), source_format="jsonl", body=SUMMARY,
                         body_kind="text", title="Fire guts plant", url="https://www.harbour-news.example/fire")
    article = clean(record)
    assert isinstance(article, Article) and article.outlet == "harbour-news.example"
    # The id is the one the record had before its outlet came from the URL: re-ingesting it adds nothing.
    assert article.id == article_id(record.url, None, "Fire guts plant", SUMMARY)


def test_a_stated_outlet_wins_over_the_url_host() -> None:
    record = RawDocument(origin=Origin("wire.jsonl", "line 5"), source_format="jsonl", body=SUMMARY,
                         body_kind="text", url="https://mirror.example/fire", outlet="Harbour News")
    article = clean(record)
    assert isinstance(article, Article) and article.outlet == "Harbour News"
