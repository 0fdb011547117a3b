"""Conflict detection on a hand-written test set: precision and recall per conflict kind.

The set (``tests/fixtures/conflicts/cases.json``, written for storyline) holds
short multi-article cases: about half carry one real conflict of a kind
(date, number, role, garbled_date, impossible_date), the rest are look-alikes
that must stay silent (events on different dates, partitives, growing tolls,
the same title in two countries, former office holders, copies...).
Two smaller sets beside it were each written before the change they measured and scored
once as a held-out check, then kept as regression sets: ``heldout.json`` (12 cases, all kinds)
and ``heldout-dates.json`` (13 cross-article date cases: sites, weekdays, missed names,
two meetings of one host). Their first-run scores are in the CHANGELOG.

Each case runs through storyline's real path: ``storyline.annotate.annotate``
(spaCy, entities, roles, ``find_timexes``) with ``timeline.event_consumer``,
then ``conflicts.detect``. A predicted conflict counts as correct when the case
expects that kind (each expected kind matches at most one prediction).

Usage: ``python -m storyline.eval.conflicts [--json] [--cases PATH] [--verbose]``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from storyline.annotate import annotate
from storyline.conflicts import detect
from storyline.models import Article, Conflict, Origin, Story
from storyline.timeline import event_consumer

CASES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "conflicts" / "cases.json"
KINDS = ("date", "number", "role", "garbled_date", "impossible_date")


def load_cases(path: Path) -> list[dict[str, Any]]:
    """Return the cases of a conflict test set."""
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return cases


def case_articles(case: dict[str, Any]) -> list[Article]:
    """Return a case's articles, not yet annotated."""
    return [
        Article(id=a["id"], origin=Origin(case["id"], a["id"]), text=a["text"], outlet=a.get("outlet"),
                published=a.get("published"), published_from="metadata", duplicate_of=a.get("duplicate_of"))
        for a in case["articles"]
    ]


def annotate_articles(articles: list[Article]) -> None:
    """Annotate through storyline's annotate stage, with the timeline's event consumer."""
    annotate(articles, doc_consumers=[event_consumer])


def run_case(case: dict[str, Any]) -> list[Conflict]:
    """Return the conflicts storyline finds in one case."""
    articles = case_articles(case)
    annotate_articles(articles)
    return detect(Story(id=case["id"], title=case["id"], articles=[a.id for a in articles]), articles)


def evaluate(path: Path = CASES, verbose: bool = False) -> dict[str, Any]:
    """Return precision and recall per kind (and overall) over the cases."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    details = []
    for case in load_cases(path):
        found = run_case(case)
        predicted: Counter[str] = Counter(c.kind for c in found)
        expected: Counter[str] = Counter(case["expect"])
        for kind in KINDS:
            hit = min(predicted[kind], expected[kind])
            tp[kind] += hit
            fp[kind] += predicted[kind] - hit
            fn[kind] += expected[kind] - hit
        details.append({"case": case["id"], "expected": case["expect"], "found": [c.kind for c in found],
                        "summaries": [c.summary for c in found] if verbose else []})
    return {"kinds": {k: _prf(tp[k], fp[k], fn[k]) for k in KINDS},
            "all": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
            "cases": len(details), "details": details}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "tp": tp, "fp": fp, "fn": fn}


def _print(result: dict[str, Any], verbose: bool) -> None:
    for d in result["details"]:
        mark = "ok " if Counter(d["expected"]) == Counter(d["found"]) else "ERR"
        if verbose or mark == "ERR":
            print(f"{mark} {d['case']:<40} expected {d['expected']} found {d['found']}")
            for summary in d["summaries"]:
                print(f"      {summary}")
    print(f"\n{result['cases']} cases")
    for kind, s in [*result["kinds"].items(), ("all", result["all"])]:
        print(f"{kind:<16} precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
              f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m storyline.eval.conflicts", description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--cases", type=Path, default=CASES, help="test set (JSON list of cases)")
    parser.add_argument("--verbose", action="store_true", help="list every case with the conflicts found")
    args = parser.parse_args(argv)
    if not args.cases.is_file():
        print(f"{args.cases}: conflict test set not found; pass --cases PATH", file=sys.stderr)
        return 2
    result = evaluate(args.cases, verbose=args.verbose)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        _print(result, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
