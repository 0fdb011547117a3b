"""Spark throughput: articles/second for local[1] and local[2] against the single-process ingest.

    python -m storyline.bench.spark [--shared ../shared] [--pages 181] [--json]

Inputs: the real pages of the article-extraction benchmark (``*.html.gz``). Each path
runs every stage: the single process through ``storyline ingest`` (extract, annotate,
store, copies, stories, timelines); Spark through ``spark ingest`` + ``spark stories``
(+ ``load`` timed apart). Session start-up is timed apart too. From the local[1] and
local[2] times comes the scaling efficiency and, by Amdahl's law over the measured
serial fraction, a projection for N executor cores. Run it on an otherwise idle
machine: other jobs on the same cores make every number worse and the projection noisy.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PROJECT_CORES = (4, 16, 64)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--pages", type=int, default=181, help="how many HTML pages")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    html_dir = args.shared / "data" / "article_extraction_benchmark" / "html"
    pages = sorted(html_dir.glob("*.html.gz"))[: args.pages] if html_dir.is_dir() else []
    if not pages:
        print(f"bench.spark: no pages found at {html_dir} (article_extraction_benchmark/html/*.html.gz)",
              file=sys.stderr)
        return 2
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("bench.spark: pyspark is not installed (pip install -e '.[spark]')", file=sys.stderr)
        return 2
    result = run([str(p) for p in pages])
    print(json.dumps(result) if args.json else _table(result))
    return 0


def run(files: list[str]) -> dict[str, Any]:
    """Return the timings and throughputs of the three paths over ``files``."""
    with tempfile.TemporaryDirectory() as tmp:
        single_s, articles = _time_single(files, Path(tmp) / "single.db")
        spark = {master: _time_spark(master, files, Path(tmp) / f"run{master[6]}") for master in
                 ("local[1]", "local[2]")}
    one, two = spark["local[1]"]["total_s"], spark["local[2]"]["total_s"]
    serial = min(1.0, max(0.0, 2 * two / one - 1))
    return {
        "pages": len(files), "articles": articles,
        "single_articles_per_s": round(articles / single_s, 2), "single_s": round(single_s, 1),
        "spark": spark,
        "speedup_2_over_1": round(one / two, 2), "scaling_efficiency": round(one / two / 2, 2),
        "serial_fraction": round(serial, 2),
        "projected_articles_per_s": {n: round(articles / (one * (serial + (1 - serial) / n)), 1)
                                     for n in PROJECT_CORES},
    }


def _time_single(files: list[str], db: Path) -> tuple[float, int]:
    from storyline.pipeline import default_stages, ingest
    from storyline.store import Store

    with Store.open(db) as store:
        start = time.perf_counter()
        report = ingest(store, files, stages=default_stages())
        return time.perf_counter() - start, report.new


def _time_spark(master: str, files: list[str], out: Path) -> dict[str, Any]:
    from storyline.spark import ingest, stories
    from storyline.spark.load import load
    from storyline.spark.session import get_session
    from storyline.store import Store

    start = time.perf_counter()
    spark = get_session(master)
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter()
    summary = ingest.run(spark, files, str(out))
    ingested = time.perf_counter()
    stories.run(spark, str(out))
    clustered = time.perf_counter()
    spark.stop()
    with Store.open(out.parent / f"{out.name}.db") as store:
        load(store, out)
    loaded = time.perf_counter()
    total = clustered - started
    return {"startup_s": round(started - start, 1), "ingest_s": round(ingested - started, 1),
            "stories_s": round(clustered - ingested, 1), "load_s": round(loaded - clustered, 1),
            "total_s": round(total, 1), "articles_per_s": round(summary.new / total, 2)}


def _table(r: dict[str, Any]) -> str:
    lines = [f"{r['pages']} pages, {r['articles']} articles; every stage (extract, annotate, copies, stories, "
             "timelines)",
             f"single process      {r['single_articles_per_s']:7.2f} articles/s  ({r['single_s']} s)"]
    for master, s in r["spark"].items():
        lines.append(f"spark {master:12} {s['articles_per_s']:7.2f} articles/s  (ingest {s['ingest_s']} s + "
                     f"stories {s['stories_s']} s; start-up {s['startup_s']} s, load {s['load_s']} s apart)")
    lines.append(f"local[2] over local[1]: x{r['speedup_2_over_1']}  scaling efficiency {r['scaling_efficiency']}"
                 f"  serial fraction {r['serial_fraction']}")
    lines.append("projection (Amdahl, measured serial fraction): " + ", ".join(
        f"{n} cores {v} articles/s" for n, v in r["projected_articles_per_s"].items()))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
