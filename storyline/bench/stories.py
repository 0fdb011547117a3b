"""Time one story assignment as the archive grows (1k, 10k, 100k stored articles) and report peak memory.

The archive is synthetic but made of real text: each synthetic story splices
twelve passages (runs of whole sentences, about 200 words) of Timeline17
articles picked at random, and each of its articles perturbs that splice lightly
(10% of words dropped, three invented names that mark the story, a random date
within two years). ``--splice texts`` splices two whole articles instead (the
benchmark before passages): with 2000 texts for 20,000 stories, every story then
shares half its text with ~40 others at 100k (0.4 at 1k), so most probes at 100k
merge two of those near-duplicate stories, a backlog the online pass would have
merged while building the archive; passages keep the shared share of a story's text
small. Building 100k articles through the online path would take an hour, so
the state is bulk-inserted: term counts are computed once per real text, the
perturbed copies are derived at the term level, TF-IDF weights use the final
document frequencies, and the story centroids, postings, members and document
frequencies (expected counts) are written with ``executemany`` into a fresh on-disk store. Then
``--probe`` new articles (spliced real text, perturbed the same way; half
continue a stored story, half are new) go through ``storyline.stories.assign`` one at a
time, each size's probes interleaved with the others' (one article per store in
turn, so that load from other jobs falls on every size alike), and the per-article
times (each with its commit; wall clock, and the CPU time of the assigning thread, which
drifts less on a shared machine), the merges per probe and the peak memory of the whole
run are reported. ``--batch N`` assigns N articles per ``assign`` call instead, one transaction
each, as ``storyline ingest`` does (64 a batch), and shares each batch's time among its articles.

Example:
    python -m storyline.bench.stories --sizes 1000,10000 --data /work/shared/data/timeline17
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from storyline.models import Article, Origin
from storyline.store import Store
from storyline.stories import assign
from storyline.stories.cluster import NAMESPACE_WEIGHTS, namespace_norms, story_id, weigh
from storyline.stories.features import article_terms
from storyline.stories.index import POSTED_TERMS, lookup_terms

DEFAULT_DATA = Path("/work/shared/data/timeline17")
ARTICLES_PER_STORY = 5
# Units spliced into one synthetic story: whole texts (the old benchmark) or passages.
PARTS_PER_STORY = {"texts": 2, "passages": 12}
# A passage ends at the first sentence (line) that brings it to this many words.
PASSAGE_WORDS = 200
_START = 1_577_836_800.0  # 2020-01-01 UTC
_SPAN = 2 * 365 * 86400.0
_SYLLABLES = ["ka", "lo", "mir", "ten", "vo", "zu", "rae", "pel", "sto", "qui", "bran", "dor"]


def load_texts(path: Path, limit: int = 2000) -> list[str]:
    """Return up to ``limit`` article texts from the Timeline17 tarball (or a folder holding it)."""
    tarball = path if path.is_file() else next(iter(sorted(path.glob("*.tar.gz"))), None)
    if tarball is None:
        raise FileNotFoundError(path)
    texts = []
    with tarfile.open(tarball) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() and "/InputDocs/" in member.name else None
            if handle is not None:
                texts.append(handle.read().decode("utf-8", "replace"))
            if len(texts) >= limit:
                break
    return texts


def passages(texts: list[str]) -> list[str]:
    """Return the texts cut into runs of whole lines (sentences) of about PASSAGE_WORDS words."""
    found = []
    for text in texts:
        lines: list[str] = []
        words = 0
        for line in text.splitlines():
            lines.append(line)
            words += len(line.split())
            if words >= PASSAGE_WORDS:
                found.append("\n".join(lines))
                lines, words = [], 0
        if words >= PASSAGE_WORDS // 2:
            found.append("\n".join(lines))
    return found


def _names(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize() for _ in range(n)]


def _recipe(rng: random.Random, pool_size: int, parts: int) -> tuple[list[str], list[int]]:
    """Return a synthetic story's invented names and the real texts (or passages) it splices."""
    return _names(rng, 3), rng.sample(range(pool_size), parts)


def _spliced(pool: list[Counter[str]], bases: list[int]) -> Counter[str]:
    terms: Counter[str] = Counter()
    for b in bases:
        terms.update(pool[b])
    return terms


def perturb(text: str, names: list[str], rng: random.Random) -> str:
    """Return the text with 10% of its words dropped and the story's invented names mixed in."""
    words = [w for w in text.split() if rng.random() > 0.1]
    for name in names:
        for _ in range(2):
            words.insert(rng.randrange(len(words) + 1), name)
    return " ".join(words)


def _perturbed_terms(base: Counter[str], names: list[str], rng: random.Random) -> Counter[str]:
    """Return term counts as ``perturb`` would change them (words dropped, names added)."""
    terms = Counter({t: c for t, c in base.items() if rng.random() > 0.1})
    for name in names:
        terms["w:" + name.lower()] += 2
        terms["e:" + name.lower()] += 2
    return terms


def build_state(store: Store, size: int, pool: list[Counter[str]], rng: random.Random,
                parts: int = PARTS_PER_STORY["texts"]) -> list[tuple[list[str], list[int]]]:
    """Bulk-insert the clustering state of ``size`` articles; return each story's recipe.

    Document frequencies are the expected counts (each spliced text's terms, times the number
    of articles made of it, times the 0.9 chance that a word survives), so one pass over the
    stories suffices; each story is written as soon as it is made, so memory stays flat.
    """
    recipes = [_recipe(rng, len(pool), parts) for _ in range(max(1, size // ARTICLES_PER_STORY))]
    df: Counter[str] = Counter()
    for names, bases in recipes:
        for term in _spliced(pool, bases):
            df[term] += ARTICLES_PER_STORY
        for name in names:
            df["w:" + name.lower()] += ARTICLES_PER_STORY
            df["e:" + name.lower()] += ARTICLES_PER_STORY
    df = Counter({t: max(1, round(0.9 * n)) for t, n in df.items()})
    with store.transaction():
        store.bulk_document_frequencies(sorted(df.items()))
        for s, (names, bases) in enumerate(recipes):
            _write_story(store, s, _story_docs(s, names, _spliced(pool, bases), size), df, size)
        for name, value in (("docs", size), ("stories", len(recipes)), ("pos", size)):
            store.set_story_counter(name, value)
    return recipes


def _story_docs(s: int, names: list[str], base: Counter[str],
                size: int) -> list[tuple[int, Counter[str], float]]:
    """Return (article number, term counts, timestamp) of one synthetic story's articles."""
    rng = random.Random(s)
    first = s * ARTICLES_PER_STORY
    return [(i, _perturbed_terms(base, names, rng), _START + rng.random() * _SPAN)
            for i in range(first, min(size, first + ARTICLES_PER_STORY))]


def _write_story(store: Store, s: int, docs: list[tuple[int, Counter[str], float]], df: Counter[str],
                 total: int) -> None:
    """Write one story's row, centroid (its postings) and members."""
    sid = story_id(f"bench-{s}")
    centroid: dict[str, float] = {}
    members = []
    posted: set[str] = set()
    for i, terms, ts in docs:
        vector = weigh(terms, df, total)
        posted.update(t for t, _ in lookup_terms(vector, NAMESPACE_WEIGHTS, POSTED_TERMS))
        for t, w in vector.items():
            centroid[t] = centroid.get(t, 0.0) + w
        words = {t: round(w, 6) for t, w in vector.items() if t.startswith("w:")}
        members.append((f"bench-{i}", sid, sid, i + 1, None, None, "bench", f"Bench article {i}", None, ts,
                        json.dumps(words, sort_keys=True)))
    spans = [ts for _, _, ts in docs]
    store.bulk_story({"id": sid, "seq": s + 1, "first_article": f"bench-{s * ARTICLES_PER_STORY}",
                      "first_ts": min(spans), "last_ts": max(spans), "size": len(docs),
                      "norms": json.dumps(namespace_norms(centroid), sort_keys=True)}, centroid, members, posted)


def probe(store: Store, texts: list[str], recipes: list[tuple[list[str], list[int]]], count: int,
          rng: random.Random, parts: int = PARTS_PER_STORY["texts"], first: int = 0,
          batch: int = 1) -> list[tuple[float, float]]:
    """Assign ``count`` batches of new articles (even: a stored story, odd: a new one), one transaction each.

    Return (wall seconds, this thread's CPU seconds) per article, each batch's time shared by its
    articles: on a shared machine the CPU time drifts less with other jobs' load (it leaves out
    waiting for a core, and the I/O and checkpoints that run beside the assignment).
    """
    times = []
    for k in range(first, first + count):
        articles = [_probe_article(k * batch + j, texts, recipes, rng, parts) for j in range(batch)]
        started, cpu = time.perf_counter(), time.thread_time()
        assign(store, articles)
        times += [((time.perf_counter() - started) / batch, (time.thread_time() - cpu) / batch)] * batch
    return times


def _probe_article(k: int, texts: list[str], recipes: list[tuple[list[str], list[int]]],
                   rng: random.Random, parts: int) -> Article:
    names, bases = recipes[rng.randrange(len(recipes))] if k % 2 == 0 else _recipe(rng, len(texts), parts)
    text = perturb("\n".join(texts[b] for b in bases), names, rng)
    day = time.strftime("%Y-%m-%d", time.gmtime(_START + rng.random() * _SPAN))
    return Article(id=f"probe-{k}", origin=Origin("bench"), text=text, published=day)


class Archive(NamedTuple):
    """One synthetic archive under test: its store, story recipes, random stream and build time."""

    size: int
    store: Store
    recipes: list[tuple[list[str], list[int]]]
    rng: random.Random
    build_s: float


def build(size: int, pool: list[Counter[str]], folder: Path, parts: int) -> Archive:
    """Build a store of ``size`` articles."""
    rng = random.Random(size)
    path = folder / f"bench-{size}.db"
    store = Store.open(path)
    started = time.perf_counter()
    recipes = build_state(store, size, pool, rng, parts)
    # Probes start on the store as a new session finds it, not on the connection that bulk-built it:
    # measured at 100k in one process (phases of 100 probes, median thread CPU), 15.1 ms on the
    # building connection, 14.8 after its archive-sized log was truncated (so not the log), 13.1
    # after PRAGMA shrink_memory, 12.5 reopened. What the build left in that connection's memory
    # (its page cache holds ~256 MB of the pages it wrote) costs the probes; a new session starts
    # without it. Whether a long online session fills its cache the same way is not measured here.
    store.close()
    store = Store.open(path)
    return Archive(size, store, recipes, rng, time.perf_counter() - started)


def run(sizes: list[int], texts: list[str], pool: list[Counter[str]], count: int, folder: Path,
        parts: int = PARTS_PER_STORY["texts"], batch: int = 1) -> list[dict[str, float]]:
    """Build one store per size, probe them in turn, one article each, and return the timings.

    Interleaving the probes puts every size under the same load from other jobs on the machine,
    so the ratio between sizes holds even where the absolute times drift.
    """
    archives = [build(size, pool, folder, parts) for size in sizes]
    merged = [a.store.merge_count() for a in archives]
    times: list[list[tuple[float, float]]] = [[] for _ in archives]
    for k in range(count):
        for a, found in zip(archives, times, strict=True):
            found += probe(a.store, texts, a.recipes, 1, a.rng, parts, first=k, batch=batch)
    peak = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    results = []
    for a, found, before in zip(archives, times, merged, strict=True):
        wall = [w for w, _ in found]
        results.append({"size": a.size, "build_s": round(a.build_s, 1),
                        "median_ms": round(1000 * statistics.median(wall), 2),
                        "mean_ms": round(1000 * statistics.fmean(wall), 2),
                        "p95_ms": round(1000 * sorted(wall)[int(0.95 * (len(wall) - 1))], 2),
                        "cpu_median_ms": round(1000 * statistics.median(c for _, c in found), 2),
                        "merges_per_probe": round((a.store.merge_count() - before) / len(found), 2),
                        "peak_rss_mb": peak})
        a.store.close()
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m storyline.bench.stories", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="stored article counts, comma-separated")
    parser.add_argument("--probe", type=int, default=200, help="articles assigned and timed per size")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="Timeline17 tarball or its folder")
    parser.add_argument("--texts", type=int, default=2000, help="real texts recycled (more: fewer shared texts)")
    parser.add_argument("--splice", choices=sorted(PARTS_PER_STORY), default="passages",
                        help="what a synthetic story splices: passages, or two whole texts (the old benchmark)")
    parser.add_argument("--batch", type=int, default=1,
                        help="articles per transaction (ingest commits 64 at a time; 1: one commit per article)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        texts = load_texts(args.data, args.texts)
    except (FileNotFoundError, tarfile.TarError):
        print(f"{args.data}: Timeline17 data not found; pass --data PATH", file=sys.stderr)
        return 2
    if args.splice == "passages":
        texts = passages(texts)
    pool = [article_terms(Article(id=str(i), origin=Origin("bench"), text=t)) for i, t in enumerate(texts)]
    with tempfile.TemporaryDirectory() as tmp:
        sizes = [int(s) for s in args.sizes.split(",")]
        batches = max(1, args.probe // args.batch)
        results = run(sizes, texts, pool, batches, Path(tmp), PARTS_PER_STORY[args.splice], args.batch)
    if not args.json:
        for r in results:
            print(f"{r['size']:>7} stored: build {r['build_s']} s, assign median {r['median_ms']} ms, "
                  f"mean {r['mean_ms']} ms, p95 {r['p95_ms']} ms, CPU median {r['cpu_median_ms']} ms, "
                  f"merges/probe {r['merges_per_probe']}")
        print(f"peak RSS (the whole run, every store built) {results[-1]['peak_rss_mb']} MB")
    if args.json:
        print(json.dumps(results))
    elif len(results) > 1:
        first, last = results[0], results[-1]
        print(f"ratio {last['size']} / {first['size']}: median time {last['median_ms'] / first['median_ms']:.2f}, "
              f"mean {last['mean_ms'] / first['mean_ms']:.2f}, CPU median "
              f"{last['cpu_median_ms'] / first['cpu_median_ms']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
