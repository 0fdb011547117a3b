"""Alignment-based ROUGE and date F1 on hand-made timelines."""

from datetime import date

import pytest

from storyline.eval.rouge import (
    align_rouge,
    average_scores,
    date_scores,
    rouge_approximation,
    rouge_counts,
    rouge_tokens,
)

D1, D2, D3 = date(2011, 1, 25), date(2011, 1, 26), date(2011, 1, 28)
GOLD = {
    D1: ["Protesters fill Cairo streets demanding Mubarak resign ."],
    D2: ["Police fire tear gas at protesters in Suez ."],
}


def test_rouge_tokens_drop_stopwords_stem_and_split_hyphens():
    assert rouge_tokens("The protesters were marching in anti-government rallies .") == [
        "protest", "march", "anti", "govern", "ralli",
    ]


def test_rouge_tokens_keep_short_words_unstemmed():
    assert rouge_tokens("gas bus") == ["gas", "bus"]


def test_rouge_counts_clip_repeated_ngrams():
    assert rouge_counts(["tear gas tear gas"], ["tear gas"], 1) == (2, 4, 2)
    assert rouge_counts(["tear gas tear gas"], ["tear gas"], 2) == (1, 3, 1)


def test_align_rouge_is_one_for_identical_timelines():
    scores = align_rouge(GOLD, GOLD, 1)
    assert scores == {"precision": 1.0, "recall": 1.0, "f_score": 1.0}


def test_align_rouge_halves_credit_for_a_date_one_day_off():
    pred = {D2: GOLD[D1]}
    gold = {D1: GOLD[D1]}
    assert align_rouge(pred, gold, 1)["f_score"] == pytest.approx(0.5)


def test_align_rouge_aligns_many_predicted_dates_to_one_gold_date():
    gold = {D1: ["Mubarak resigns ."]}
    pred = {D1: ["Mubarak resigns ."], D2: ["Mubarak resigns ."]}
    scores = align_rouge(pred, gold, 1)
    # both predicted dates align to D1: hits 1 (weight 1) + 1 (weight 1/2) over 2 predicted unigrams
    assert scores["precision"] == pytest.approx(0.75)
    assert scores["recall"] == pytest.approx(1.0)


def test_align_rouge_prefers_content_match_over_a_nearer_date_with_other_words():
    gold = {D1: ["Mubarak resigns ."], D3: ["Army takes control ."]}
    pred = {D2: ["Army takes control ."]}
    # D2 is 1 day from D1 (cost 0.5 * 1) and 2 days from D3 (cost 0.667 * 0): aligned to D3
    scores = align_rouge(pred, gold, 1)
    assert scores["precision"] == pytest.approx(1 / 3)


def test_align_rouge_counts_unmatched_dates_as_misses():
    pred = {D1: GOLD[D1]}
    scores = align_rouge(pred, GOLD, 2)
    assert scores["precision"] == pytest.approx(1.0)
    assert 0 < scores["recall"] < 1


def test_align_rouge_of_empty_prediction_is_zero():
    assert align_rouge({}, GOLD, 1)["f_score"] == 0.0


def test_rouge_approximation_uses_raw_whitespace_tokens():
    assert rouge_approximation(["a b"], ["a b"]) == 1.0
    assert rouge_approximation(["A b"], ["a c"]) == 0.0


def test_date_scores_count_exact_date_matches():
    pred = {D1: ["x"], D3: ["y"]}
    assert date_scores(pred, GOLD) == {"precision": 0.5, "recall": 0.5, "f_score": 0.5}


def test_average_scores_take_f1_of_mean_precision_and_recall():
    avg = average_scores([
        {"precision": 1.0, "recall": 0.0, "f_score": 0.0},
        {"precision": 0.0, "recall": 1.0, "f_score": 0.0},
    ])
    assert avg == {"precision": 0.5, "recall": 0.5, "f_score": 0.5}


def test_gold_timeline_blocks_are_read_and_bad_dates_left_out():
    from storyline.eval.tls import read_timeline

    text = ("2011-01-25\nProtesters fill Cairo .\nPolice fire tear gas .\n--------------------------------\n"
            "2011-04-0\nJury selection begins .\n--------------------------------\n"
            "2011-01-28\nArmy deploys .\n--------------------------------\n")
    assert read_timeline(text) == {
        date(2011, 1, 25): ["Protesters fill Cairo .", "Police fire tear gas ."],
        date(2011, 1, 28): ["Army deploys ."],
    }


def test_tls_eval_says_when_the_data_is_missing(tmp_path, capsys):
    from storyline.eval.tls import main

    assert main(["timeline17", str(tmp_path)]) == 2
    assert "Timeline17_InputDocs_and_timelines.tar.gz" in capsys.readouterr().err
