"""A smoke run of the story-assignment benchmark on a few hand-written passages (no shared data)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from storyline.bench import stories as bench
from storyline.models import Article, Origin

_PLACES = ["Lisbon", "Gdansk", "Arusha", "Salem", "Krsko", "Dodoma", "Valparaiso", "Bergen"]
_EVENTS = ["flood waters rose along the river", "the harbour strike entered its third day",
           "the council approved the new budget", "firefighters contained the blaze on the ridge"]


def _passages() -> list[str]:
    return [f"In {place}, {event}, officials said on Monday.\nResidents of {place} described how {event}."
            for place in _PLACES for event in _EVENTS]


def _pool(texts: list[str]) -> list[Counter[str]]:
    return [bench.article_terms(Article(id=str(i), origin=Origin("bench"), text=t)) for i, t in enumerate(texts)]


def test_a_built_archive_is_reopened_without_the_bulk_insert_log(tmp_path: Path) -> None:
    texts = _passages()
    archive = bench.build(40, _pool(texts), tmp_path, parts=4)
    log = tmp_path / "bench-40.db-wal"
    assert archive.store.live_story_ids() and (not log.exists() or log.stat().st_size == 0)
    archive.store.close()


def test_the_benchmark_reports_times_for_each_size(tmp_path: Path) -> None:
    texts = _passages()
    results = bench.run([20, 60], texts, _pool(texts), 4, tmp_path, parts=4)
    assert [r["size"] for r in results] == [20, 60]
    assert all(r["median_ms"] > 0 and r["cpu_median_ms"] > 0 and r["peak_rss_mb"] > 0 for r in results)
