"""Story clustering evaluation: the scores and the command line's handling of a missing path."""

from __future__ import annotations

import pytest

from storyline.eval.clustering import _detokenize, bcubed, main, pairwise_f1


def test_bcubed_perfect_clustering_scores_one() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(gold, {"a": "1", "b": "1", "c": "2"}) == (1.0, 1.0, 1.0)


def test_bcubed_all_in_one_cluster_loses_precision_only() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    precision, recall, _ = bcubed(gold, {k: "1" for k in gold})
    assert (precision, recall) == (0.5, 1.0)


def test_pairwise_f1_of_singletons_against_pairs_is_zero() -> None:
    assert pairwise_f1({"a": "x", "b": "x"}, {"a": "1", "b": "2"}) == 0.0


def test_detokenize_joins_punctuation_and_clitics() -> None:
    assert _detokenize("India 's navy ( INS ) did n't say , $ 5 .".split()) == "India's navy (INS) didn't say, $5."


def test_missing_data_path_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ecbplus", "/nonexistent/ecbplus"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/nonexistent/ecbplus" in err
