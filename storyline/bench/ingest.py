"""Ingest throughput: articles/second for HTML pages and plain-text dumps.

    python -m storyline.bench.ingest [--shared ../shared] [--pages 181] [--full] [--json]

HTML: the 181 real pages of the article-extraction benchmark, timed through
``storyline ingest`` (sources → extract → store, one transaction per batch)
and, in the same run, through ``trafilatura.extract`` alone; the ratio is
the ingest's cost over extraction alone (goal ≤ 1.2). Text: the WikiRef220
documents, plain-text copies of web pages, through the same ingest.
``--full`` adds the annotation, copy and story stages, to show what they cost.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from storyline.pipeline import default_stages, ingest
from storyline.store import Store

DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--pages", type=int, default=181, help="how many HTML pages")
    parser.add_argument("--full", action="store_true", help="also run annotation, copies and stories")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    html_dir = args.shared / "data" / "article_extraction_benchmark" / "html"
    text_dir = args.shared / "data" / "wikiref220" / "docs"
    if not html_dir.is_dir() or not text_dir.is_dir():
        print(f"bench.ingest: data not found under {args.shared}/data (article_extraction_benchmark, wikiref220)",
              file=sys.stderr)
        return 2
    result = run(html_dir, text_dir, args.pages, args.full)
    print(json.dumps(result) if args.json else _table(result))
    return 0


def run(html_dir: Path, text_dir: Path, pages: int, full: bool) -> dict[str, Any]:
    """Return throughput numbers for HTML and text ingest and for trafilatura alone."""
    with tempfile.TemporaryDirectory() as tmp:
        html_files = _unpack(sorted(html_dir.glob("*.html.gz"))[:pages], Path(tmp))
        trafilatura_s = _time_trafilatura(html_files)
        html_s, html_n = _time_ingest(html_files, Path(tmp) / "html.db", full)
        text_files = [str(p) for p in sorted(text_dir.glob("*.txt"))]
        text_s, text_n = _time_ingest(text_files, Path(tmp) / "text.db", full)
    return {
        "stages": "full" if full else "extract+store",
        "html_pages": len(html_files), "html_articles_per_s": round(html_n / html_s, 1),
        "trafilatura_pages_per_s": round(len(html_files) / trafilatura_s, 1),
        "ratio_to_trafilatura": round(html_s / trafilatura_s, 3),
        "text_docs": len(text_files), "text_articles_per_s": round(text_n / text_s, 1),
    }


def _unpack(files: list[Path], folder: Path) -> list[str]:
    out = []
    for path in files:
        target = folder / path.name.removesuffix(".gz")
        target.write_bytes(gzip.decompress(path.read_bytes()))
        out.append(str(target))
    return out


def _time_trafilatura(files: list[str]) -> float:
    import trafilatura

    pages = [Path(f).read_bytes() for f in files]
    start = time.perf_counter()
    for page in pages:
        trafilatura.extract(page)
    return time.perf_counter() - start


def _time_ingest(files: list[str], db: Path, full: bool) -> tuple[float, int]:
    with Store.open(db) as store:
        stages = default_stages(annotate=full)
        start = time.perf_counter()
        report = ingest(store, files, stages=stages)
        return time.perf_counter() - start, report.new


def _table(r: dict[str, Any]) -> str:
    return "\n".join([
        f"stages: {r['stages']}",
        f"HTML  {r['html_pages']:4} pages   storyline ingest {r['html_articles_per_s']:7.1f} articles/s   "
        f"trafilatura.extract alone {r['trafilatura_pages_per_s']:7.1f} pages/s   "
        f"ratio {r['ratio_to_trafilatura']:.3f}",
        f"text  {r['text_docs']:4} docs    storyline ingest {r['text_articles_per_s']:7.1f} articles/s",
    ])


if __name__ == "__main__":
    raise SystemExit(main())
