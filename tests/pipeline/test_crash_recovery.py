"""A SIGKILL in the middle of an ingest loses nothing committed; the rerun stores every article exactly once."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ARTICLES = 240
WORDS = ("council", "bridge", "river", "minister", "vote", "budget", "harbour", "storm", "court", "school")


def write_inputs(folder: Path) -> None:
    folder.mkdir()
    for file_no in range(ARTICLES // 20):
        lines = []
        for n in range(20):
            i = file_no * 20 + n
            words = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(30))
            lines.append(json.dumps({"url": f"https://news.example/{i}", "title": f"Report number {i}",
                                     "text": f"Report {i}: the {words}.", "published": "2020-09-11T10:00:00+00:00"}))
        (folder / f"part{file_no:02}.jsonl").write_text("\n".join(lines), encoding="utf-8")


def count(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        distinct = conn.execute("SELECT count(DISTINCT url) FROM articles").fetchone()[0]
    return total, distinct


def ingest(inputs: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "storyline.cli", "ingest", "--quiet", "--batch-size", "8",
                             "--db", str(db), str(inputs)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_sigkill_mid_ingest_then_rerun_stores_every_article_once(tmp_path):
    inputs, db = tmp_path / "inputs", tmp_path / "news.db"
    write_inputs(inputs)
    victim = ingest(inputs, db)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and victim.poll() is None:
        if db.exists() and _committed(db) >= 16:
            break
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    before = _committed(db)
    assert 0 < before < ARTICLES, "the kill should land mid-ingest"
    rerun = ingest(inputs, db)
    stdout, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr.decode()
    assert count(db) == (ARTICLES, ARTICLES)
    assert f"already known: {before}" in stdout.decode()


def _committed(db: Path) -> int:
    try:
        return count(db)[0]
    except sqlite3.Error:
        return 0
