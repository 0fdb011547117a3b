"""Settings with their defaults, in one place.

Every tuned threshold of a stage lives beside the stage as a named constant;
this module holds what a user may want to change.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "storyline.db"
DB_ENV = "STORYLINE_DB"

# Inputs larger than this are refused whole: a news container (WARC, JSONL, feed)
# of this size should be split, and a single page never is this large.
MAX_INPUT_BYTES = 2 * 1024**3
# One article's body above this is not an article (a log, a dump, an attack);
# refused with a message rather than sent through the NLP stages.
MAX_DOCUMENT_CHARS = 2_000_000
# Decompressed size cap for .gz inputs, against decompression bombs.
MAX_DECOMPRESSED_BYTES = 512 * 1024**2
# Feeds are parsed in memory by feedparser.
MAX_FEED_BYTES = 64 * 1024**2

# Articles per transaction during ingest: a crash loses at most this many.
INGEST_BATCH_SIZE = 64


def default_db_path() -> Path:
    """Return the database path: $STORYLINE_DB, else ./storyline.db."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)
