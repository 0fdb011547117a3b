"""The hand-written conflict test set: its shape, and a few cases through the real annotate path."""

import json
from collections import Counter

import pytest

from storyline.eval.conflicts import CASES, KINDS, main, run_case


def cases():
    return json.loads(CASES.read_text(encoding="utf-8"))


def test_conflict_set_has_40_cases_half_lookalikes_and_every_kind():
    data = cases()
    assert len(data) >= 40
    lookalikes = [c for c in data if not c["expect"]]
    assert len(lookalikes) >= len(data) // 2
    assert set(Counter(k for c in data for k in c["expect"])) == set(KINDS)


def test_conflict_set_ids_are_unique_and_copies_point_inside_their_case():
    data = cases()
    assert len({c["id"] for c in data}) == len(data)
    for case in data:
        ids = {a["id"] for a in case["articles"]}
        assert all(a.get("duplicate_of", next(iter(ids))) in ids for a in case["articles"])


@pytest.mark.slow
@pytest.mark.parametrize("case_id", ["number-detained-33-34", "date-sochi-meeting-14-15", "lookalike-partitive",
                                     "date-explosion-verb-and-noun", "lookalike-explosions-in-two-towns",
                                     "lookalike-explosions-at-two-sites-in-one-town", "date-phone-call-11-12",
                                     "lookalike-phone-calls-with-two-partners"])
def test_case_through_annotate_path(case_id):
    case = next(c for c in cases() if c["id"] == case_id)
    assert Counter(c.kind for c in run_case(case)) == Counter(case["expect"])


def test_conflict_eval_says_when_the_set_is_missing(tmp_path, capsys):
    assert main(["--cases", str(tmp_path / "nope.json")]) == 2
    assert "not found" in capsys.readouterr().err
