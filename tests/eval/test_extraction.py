"""The article-extraction benchmark's shingle metric and the eval command's failure modes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.eval.extraction import Score, main, page_score, shingles, summarise

GOLD = "The bridge will open in May. It cost fourteen million pounds to build."


def test_shingles_are_overlapping_four_token_windows() -> None:
    assert list(shingles("one two three four five")) == [("one", "two", "three", "four"),
                                                        ("two", "three", "four", "five")]


def test_shingles_of_a_short_text_is_the_whole_text() -> None:
    assert shingles("Hello world") == {("Hello", "world"): 1}


def test_page_score_is_perfect_for_identical_text_whatever_the_layout() -> None:
    assert page_score(GOLD, GOLD.replace(". ", ".\n")) == Score(1.0, 0.0, 0.0)


def test_page_score_counts_extra_boilerplate_as_false_positives() -> None:
    score = page_score(GOLD, GOLD + " Sign up for our newsletter today")
    assert score.fp > 0 and score.fn == 0
    assert score.tp + score.fp + score.fn == pytest.approx(1.0)


def test_summarise_leaves_empty_predictions_out_of_precision_but_not_recall() -> None:
    result = summarise([page_score(GOLD, GOLD), page_score(GOLD, "")])
    assert result["precision"] == 1.0
    assert result["recall"] == 0.5
    assert result["f1"] == pytest.approx(2 * 0.5 / 1.5)


def test_eval_says_when_the_data_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "ground-truth.json" in capsys.readouterr().err


def test_eval_json_starts_with_the_agreed_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "html").mkdir()
    page = "<html><body><article>" + "".join(f"<p>{GOLD} Paragraph {i}.</p>" for i in range(5))
    (tmp_path / "html" / "0abc.html.gz").write_bytes(gzip.compress((page + "</article></body></html>").encode()))
    truth = {"0abc": {"articleBody": "\n".join(f"{GOLD} Paragraph {i}." for i in range(5)), "url": None}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    main([str(tmp_path), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert list(result)[:4] == ["f1", "precision", "recall", "trafilatura_f1"]
    assert result["f1"] > 0.9
