"""Timeline summarisation metrics: alignment-based ROUGE and date F1.

How these follow the published definitions
------------------------------------------
*Alignment-based ROUGE* is the "align+ m:1" variant of Martschat & Markert
(2017), "Improving ROUGE for Timeline Summarization", as implemented by the
tilse toolkit (``align_date_content_costs_many_to_one``) and used by news-tls
(Ghalandari & Ifrim 2020):

1. The cost of pairing a predicted date ``p`` with a reference date ``r`` is
   ``date_cost * content_cost`` where ``date_cost = 1 - 1 / (|p - r| + 1)``
   (days) and ``content_cost = 1 - F1`` of a rough unigram overlap of the two
   daily summaries (whitespace tokens, no stemming: tilse's
   ``compute_rouge_approximation``).
2. Many-to-one alignment: for precision every predicted date goes to its
   cheapest reference date; for recall every reference date goes to its
   cheapest predicted date (ties: the earliest date, as numpy's argmin).
3. Each aligned pair contributes ROUGE-N hit counts weighted by
   ``1 / (|p - r| + 1)``; precision = weighted hits / predicted n-grams over
   all predicted dates, recall = weighted hits / reference n-grams over all
   reference dates (micro-averaged over dates). F1 from those.
4. ROUGE-N counts follow ROUGE-1.5.5 as tilse runs it (``-m -s``, raw counts):
   lower-case, every character but ``[a-z0-9-]`` is a space, hyphens split off,
   stopwords removed before n-grams are formed, Porter stems for words longer
   than 3 characters; hits = clipped n-gram matches.

Known deviation: ROUGE-1.5.5 removes the 571-word SMART stopword list; we use
spaCy's English stopword list (326 words), so absolute scores can differ
slightly from tilse's.

*Date F1* is the share of predicted dates that are reference dates
(precision) and of reference dates that are predicted (recall).

Averaging over timelines follows news-tls ``get_average_results``: precision
and recall are averaged over timelines and F1 is computed from the averages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache

from nltk.stem.porter import PorterStemmer
from spacy.lang.en.stop_words import STOP_WORDS

Timeline = dict[date, list[str]]
Scores = dict[str, float]  # "precision", "recall", "f_score"

_STEMMER = PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)
_NON_WORD = re.compile(r"[^a-z0-9\-]")
_MIN_STEM_LENGTH = 4  # ROUGE-1.5.5 stems only words longer than 3 characters


def f_score(precision: float, recall: float) -> float:
    """Return the harmonic mean of precision and recall (0 when both are 0)."""
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _scores(precision: float, recall: float) -> Scores:
    return {"precision": precision, "recall": recall, "f_score": f_score(precision, recall)}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stem(word) if len(word) >= _MIN_STEM_LENGTH else word


def rouge_tokens(sentence: str) -> list[str]:
    """Return the tokens ROUGE-1.5.5 (-m -s) compares: lower-cased, stopwords out, stemmed."""
    text = _NON_WORD.sub(" ", sentence.lower().replace("-", " - "))
    return [_stem(tok) for tok in text.split() if tok != "-" and tok not in STOP_WORDS]


def _ngrams(sentences: Iterable[str], n: int) -> Counter[tuple[str, ...]]:
    counts: Counter[tuple[str, ...]] = Counter()
    for sentence in sentences:
        toks = rouge_tokens(sentence)
        counts.update(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))
    return counts


def rouge_counts(predicted: Sequence[str], reference: Sequence[str], n: int) -> tuple[int, int, int]:
    """Return ROUGE-N (hits, predicted n-grams, reference n-grams) for two summaries."""
    pred, ref = _ngrams(predicted, n), _ngrams(reference, n)
    hits = sum(min(count, ref[gram]) for gram, count in pred.items())
    return hits, sum(pred.values()), sum(ref.values())


@lru_cache(maxsize=4096)
def _bag(sentences: tuple[str, ...]) -> Counter[str]:
    return Counter(tok for sent in sentences for tok in sent.split())


def rouge_approximation(predicted: Sequence[str], reference: Sequence[str]) -> float:
    """Return tilse's rough unigram F1 of two summaries (whitespace tokens, case kept)."""
    # every pair of daily summaries is compared, so each summary's bag is counted once and cached
    pred, ref = _bag(tuple(predicted)), _bag(tuple(reference))
    match = sum(min(count, ref[tok]) for tok, count in pred.items())
    precision = match / sum(pred.values()) if pred else 0.0
    recall = match / sum(ref.values()) if ref else 0.0
    return f_score(precision, recall)


def _day_distance(a: date, b: date) -> int:
    return abs(a.toordinal() - b.toordinal())


def _pair_cost(pred: Timeline, ref: Timeline, p: date, r: date) -> float:
    date_cost = 1 - 1 / (_day_distance(p, r) + 1)
    return date_cost * (1 - rouge_approximation(pred[p], ref[r]))


def _aligned_counts(pred: Timeline, ref: Timeline, n: int, for_precision: bool) -> tuple[float, float]:
    """Return (distance-weighted hits, n-gram total) with every date of one side sent to its cheapest partner."""
    sources, targets = (sorted(pred), sorted(ref)) if for_precision else (sorted(ref), sorted(pred))
    weighted = total = 0.0
    for s in sources:
        if not targets:
            total += sum(_ngrams(pred[s] if for_precision else ref[s], n).values())
            continue
        costs = [_pair_cost(pred, ref, s, t) if for_precision else _pair_cost(pred, ref, t, s) for t in targets]
        t = targets[costs.index(min(costs))]  # first minimum: numpy argmin order, as tilse
        p, r = (s, t) if for_precision else (t, s)
        hits, n_pred, n_ref = rouge_counts(pred[p], ref[r], n)
        weighted += hits / (_day_distance(p, r) + 1)
        total += n_pred if for_precision else n_ref
    return weighted, total


def align_rouge(pred: Timeline, ref: Timeline, n: int) -> Scores:
    """Return alignment-based ROUGE-N ("align+ m:1") precision, recall and F1 of a timeline."""
    prec_num, prec_den = _aligned_counts(pred, ref, n, for_precision=True)
    rec_num, rec_den = _aligned_counts(pred, ref, n, for_precision=False)
    return _scores(prec_num / prec_den if prec_den else 0.0, rec_num / rec_den if rec_den else 0.0)


def date_scores(pred: Timeline, ref: Timeline) -> Scores:
    """Return date-selection precision, recall and F1 of a predicted timeline."""
    shared = len(set(pred) & set(ref))
    return _scores(shared / len(pred) if pred else 0.0, shared / len(ref) if ref else 0.0)


def average_scores(per_timeline: Sequence[Scores]) -> Scores:
    """Return mean precision and recall over timelines, with F1 of the means (as news-tls)."""
    if not per_timeline:
        return _scores(0.0, 0.0)
    precision = sum(s["precision"] for s in per_timeline) / len(per_timeline)
    recall = sum(s["recall"] for s in per_timeline) / len(per_timeline)
    return _scores(precision, recall)
