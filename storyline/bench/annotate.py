"""Annotation throughput: articles/second, and its cost over spaCy NER alone on the same texts.

    python -m storyline.bench.annotate [--n 200] [--processes 2] [--shared ../shared] [--with-parser] [--json]

Texts: Timeline17 news articles of 450-750 words (BBC, CNN, Reuters, Guardian...; research use only,
read from the tarball in place), spread evenly over its 17 topics. They are PTB-tokenised one
sentence a line; ``_detokenise`` undoes the common cases, lightly. In the same run, the same texts go
through ``storyline.annotate.annotate`` (sentences, entities, roles, time expressions) and through the
same model with only its ner component (which has its own embedding layer: the shared tok2vec
feeds only the tagger and the parser); the ratio is annotation over NER alone (goal ≤ 1.2).
``--with-parser`` also times the whole pipeline with the dependency parser run on every text,
to show what parsing everything would cost.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyline.models import Article, Origin

DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared"
T17 = "data/timeline17/Timeline17_InputDocs_and_timelines.tar.gz"
MIN_WORDS, MAX_WORDS = 450, 750
_PTB = (("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("``", '"'), ("''", '"'))
_CLITIC = re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b")
_BEFORE_PUNCT = re.compile(r" ([,.;:!?%)\]])")
_AFTER_OPEN = re.compile(r"([(\[$]) ")
_QUOTED = re.compile(r'" ([^"]*?) "')


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit status (2 when the data is missing)."""
    args = _parse_args(argv)
    tarball = Path(args.shared) / T17
    if not tarball.is_file():
        print(f"Timeline17 data not found at {tarball}; pass --shared", file=sys.stderr)
        return 2
    articles = load_articles(tarball, args.n)
    result = run(articles, args.processes, args.with_parser)
    print(json.dumps(result, indent=2) if args.json else _summary(result))
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="articles to annotate")
    parser.add_argument("--processes", type=int, default=2, help="n_process for both runs")
    parser.add_argument("--shared", default=str(DEFAULT_SHARED), help="folder holding data/timeline17")
    parser.add_argument("--with-parser", action="store_true", help="also time the full pipeline with parser")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    return parser.parse_args(argv)


def load_articles(tarball: Path, n: int) -> list[Article]:
    """Return ``n`` Timeline17 articles of MIN_WORDS..MAX_WORDS words, evenly spread over the archive."""
    found: list[tuple[str, str]] = []
    with tarfile.open(tarball) as tar:
        for member in tar:
            if member.name.endswith(".htm.txt") and (handle := tar.extractfile(member)) is not None:
                text = _detokenise(handle.read().decode("utf-8", "replace"))
                if MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                    found.append((member.name, text))
    step = max(1, len(found) // max(n, 1))
    return [_article(name, text) for name, text in found[::step][:n]]


def _article(name: str, text: str) -> Article:
    day = name.split("/")[-2]  # InputDocs/<YYYY-MM-DD>/<id>.htm.txt
    return Article(id=name, origin=Origin(path=T17, item=name), text=text, published=day, language="en")


def _detokenise(raw: str) -> str:
    """Return PTB-tokenised lines as plain prose: brackets, quotes, clitics and punctuation rejoined."""
    lines = []
    for line in raw.splitlines():
        for token, plain in _PTB:
            line = line.replace(token, plain)
        line = _CLITIC.sub(r"\1", line)
        line = _BEFORE_PUNCT.sub(r"\1", line)
        line = _AFTER_OPEN.sub(r"\1", line)
        lines.append(_QUOTED.sub(r'"\1"', line.strip()))
    return " ".join(line for line in lines if line)


def run(articles: list[Article], processes: int, with_parser: bool) -> dict[str, Any]:
    """Return articles/second of annotation and of NER alone on the same texts, and their ratio."""
    from storyline.annotate import annotate
    from storyline.annotate.nlp import load_nlp

    load_nlp()  # model loading is not throughput
    texts = [a.text for a in articles]
    n = len(texts)
    ner_nlp = _spacy_only(("ner",))
    ner = _timed(lambda: _run_spacy(ner_nlp, texts, processes))
    ann = _timed(lambda: annotate(articles, n_process=processes))
    result: dict[str, Any] = {
        "articles": n,
        "words_per_article": round(sum(len(t.split()) for t in texts) / max(n, 1)),
        "processes": processes,
        "ner_alone_per_s": round(n / ner[0], 1),
        "annotate_per_s": round(n / ann[0], 1),
        "ratio": round(ann[0] / ner[0], 2),
        "ner_alone_cpu_s_per_article": round(ner[1] / n, 3),
        "annotate_cpu_s_per_article": round(ann[1] / n, 3),
        "cpu_ratio": round(ann[1] / ner[1], 2),
        "entities_per_article": round(sum(len(a.entities) for a in articles) / max(n, 1), 1),
        "roles_per_article": round(sum(len(e.roles) for a in articles for e in a.entities) / max(n, 1), 2),
    }
    if with_parser:
        full_nlp = _spacy_only(("tok2vec", "tagger", "parser", "attribute_ruler", "ner"))
        full = _timed(lambda: _run_spacy(full_nlp, texts, processes))
        result["parser_pipeline_per_s"] = round(n / full[0], 1)
        result["parser_pipeline_cpu_ratio"] = round(full[1] / ner[1], 2)
    return result


def _spacy_only(keep: tuple[str, ...]) -> Language:
    """Return the model loaded with only the ``keep`` components."""
    import spacy

    from storyline.annotate.nlp import MODEL_NAME

    names = spacy.load(MODEL_NAME).component_names
    return spacy.load(MODEL_NAME, exclude=[name for name in names if name not in keep])


def _run_spacy(nlp: Language, texts: list[str], processes: int) -> None:
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass


def _timed(work: Any) -> tuple[float, float]:
    """Return (wall seconds, CPU seconds of this process and its finished workers) that ``work()`` took."""
    wall, cpu = time.perf_counter(), _cpu()
    work()
    return time.perf_counter() - wall, _cpu() - cpu


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _summary(result: dict[str, Any]) -> str:
    lines = [
        f"{result['articles']} Timeline17 articles, ~{result['words_per_article']} words, "
        f"{result['processes']} process(es)",
        f"NER alone (ner):         {result['ner_alone_per_s']} articles/s, "
        f"{result['ner_alone_cpu_s_per_article']} CPU s/article",
        f"annotate:                {result['annotate_per_s']} articles/s, "
        f"{result['annotate_cpu_s_per_article']} CPU s/article",
        f"ratio annotate / NER:    {result['ratio']} wall, {result['cpu_ratio']} CPU (goal <= 1.2)",
        f"entities/article: {result['entities_per_article']}, roles/article: {result['roles_per_article']}",
    ]
    if "parser_pipeline_per_s" in result:
        lines.append(
            f"spaCy with parser on every text (tok2vec+tagger+parser+attribute_ruler+ner, no annotation logic): "
            f"{result['parser_pipeline_per_s']} articles/s, CPU ratio to NER {result['parser_pipeline_cpu_ratio']}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
