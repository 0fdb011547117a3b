"""Queries on stories, the clustering index and the copy-detection index (migration 0003)."""

from __future__ import annotations

import json
import math
import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence

from storyline.models import Story
from storyline.store.sql import chunks as _chunks
from storyline.store.sql import marks as _marks

# Candidate stories whose centroid sums at most this many articles have all their centroid rows read
# (a few hundred, contiguous) instead of one primary-key seek per article term. Measured on
# bench.stories (5-article stories of 100-250 terms, ~95 article terms, 20 candidates): 5.6 against
# 8.3 ms per article at 100k stored articles, 3.2 against 4.2 ms at 1k.
SCAN_MAX_SIZE = 8
# Counted articles whose document-frequency increments stay in term_df_log (one appended row each)
# before they are summed into term_df. Measured on bench.stories (12-passage articles of ~800 terms):
# an upsert per term dirtied ~140 term_df pages per commit at 1k stored articles and ~300 at 100k
# (the whole table); the log row dirties 2-3, and a fold rewrites the table once per FOLD_ARTICLES.
FOLD_ARTICLES = 500
# Terms whose counts this connection keeps in memory after a fold (~150 MB at most; bench.stories
# holds 81k terms at 100k stored articles).
CACHED_TERMS = 1_000_000
# Term namespaces story_postings holds (migration 0009): the ones candidate lookup reads
# (storyline.stories.index).
POSTED_NAMESPACES = ("e:", "n:", "w:")
_POSTED = f"substr(term, 1, 2) IN ({', '.join(repr(ns) for ns in POSTED_NAMESPACES)})"
# Weight bands per doubling of a centroid weight: a posting moves when its weight leaves its band, so
# a term of a story of n articles moves about once every n / (POSTING_BANDS * ln 2) articles that
# carry it. Two bands order a list to within a factor of 1.41.
POSTING_BANDS = 2
# SQLite's name for the primary-key b-tree of the WITHOUT ROWID story_terms (for INDEXED BY).
_PRIMARY_KEY = "sqlite_autoindex_story_terms_1"


def posting_rank(weight: float) -> int:
    """Return the band of a centroid weight that orders postings (higher: heavier)."""
    return math.floor(POSTING_BANDS * math.log2(weight)) if weight > 0 else -(2**31)


class IndexCache:
    """What one connection keeps in memory of the clustering index, valid while no other connection writes.

    Document frequencies are term_df plus the increments logged in term_df_log; story norms are
    copies of stories.norms, read once per story and kept in step by this connection's writes.
    """

    def __init__(self, version: int | None = None) -> None:
        self.version = version  # PRAGMA data_version when loaded; None until then
        self.counts: dict[str, int] = {}  # full counts (term_df + pending) of the terms looked up
        self.pending: Counter[str] = Counter()  # increments in term_df_log, not yet in term_df
        self.logged = 0  # rows in term_df_log
        self.norms: dict[str, dict[str, float]] = {}  # story -> its centroid norms, as stored


class StoryQueries:
    conn: sqlite3.Connection
    cache: IndexCache

    # --- counters and document frequencies -------------------------------------------------

    def story_counter(self, name: str) -> int:
        """Return a clustering counter (docs, stories, pos); 0 when never set."""
        row = self.conn.execute("SELECT value FROM story_counters WHERE name = ?", (name,)).fetchone()
        return int(row[0]) if row else 0

    def set_story_counter(self, name: str, value: int) -> None:
        self.conn.execute(
            "INSERT INTO story_counters (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value", (name, value))

    def add_document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """Count one more document holding each of ``terms``; return their new counts.

        The increments are logged (one term_df_log row, in the caller's transaction) and kept in
        memory; every FOLD_ARTICLES articles they are summed into term_df.
        """
        counted = Counter(terms)
        state = self._synced_cache()
        if state.logged >= FOLD_ARTICLES:
            self.fold_document_frequencies()
        self._load_counts(counted)
        self.conn.execute("INSERT INTO term_df_log (terms) VALUES (?)", ("\n".join(counted.elements()),))
        state.logged += 1
        state.pending.update(counted)
        found = {t: state.counts[t] + n for t, n in counted.items()}
        state.counts.update(found)
        return found

    def document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        """Return the document frequency of each term that has one."""
        counts = self._synced_cache().counts
        self._load_counts(terms)
        return {t: counts[t] for t in terms if counts[t]}

    def fold_document_frequencies(self) -> None:
        """Sum the logged increments into term_df and empty the log, in one savepoint."""
        state = self._synced_cache()
        # Terms another session logged are pending here without a count until looked up.
        self._load_counts(state.pending)
        self.conn.execute("SAVEPOINT fold_df")
        try:
            self.conn.executemany(
                "INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = excluded.df",
                ((t, state.counts[t]) for t in sorted(state.pending)))
            self.conn.execute("DELETE FROM term_df_log")
        except BaseException:
            self.conn.execute("ROLLBACK TO fold_df")
            self.conn.execute("RELEASE fold_df")
            raise
        self.conn.execute("RELEASE fold_df")
        state.pending.clear()
        state.logged = 0
        if len(state.counts) > CACHED_TERMS:
            state.counts.clear()

    def forget_cache(self) -> None:
        """Drop what is kept in memory (after a rollback, or a write to the index tables by other means)."""
        self.cache = IndexCache()

    def _synced_cache(self) -> IndexCache:
        """Return the in-memory cache, emptied and the log read again if another connection has committed."""
        version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        if self.cache.version != version:
            self.cache = IndexCache(version)
            for (terms,) in self.conn.execute("SELECT terms FROM term_df_log"):
                self.cache.pending.update(terms.split("\n") if terms else [])
                self.cache.logged += 1
        return self.cache

    def _load_counts(self, terms: Iterable[str]) -> None:
        """Bring the full count of each term into memory (0 when unseen), reading term_df for the rest."""
        state = self.cache
        missing = sorted(t for t in terms if t not in state.counts)
        stored: dict[str, int] = {}
        for part in _chunks(missing):
            rows = self.conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({_marks(part)})", part)
            stored.update(rows.fetchall())
        for term in missing:
            state.counts[term] = stored.get(term, 0) + state.pending[term]

    # --- the candidate index -----------------------------------------------------------------

    def term_postings(self, term: str, limit: int) -> list[tuple[str, float]]:
        """Return the live stories whose centroid holds ``term``, heaviest band first, at most ``limit``.

        Each comes with its weight as its band was last set (at most a band below the current one).
        Only terms of POSTED_NAMESPACES have postings; any other term has none.
        """
        rows = self.conn.execute(
            "SELECT story, weight FROM story_postings WHERE term = ? ORDER BY rank DESC, story DESC LIMIT ?",
            (term, limit))
        return [(r[0], float(r[1])) for r in rows]

    def story_weights(self, story: str, terms: Sequence[str] | None = None) -> dict[str, float]:
        """Return a story's centroid weights, for ``terms`` only when given."""
        if terms is None:
            rows = self.conn.execute("SELECT term, weight FROM story_terms WHERE story = ?", (story,))
            return {r[0]: float(r[1]) for r in rows}
        found: dict[str, float] = {}
        for part in _chunks(terms):
            rows = self.conn.execute(
                f"SELECT term, weight FROM story_terms WHERE story = ? AND term IN ({_marks(part)})",
                [story, *part])
            found.update((r[0], float(r[1])) for r in rows)
        return found

    def stories_weights(self, stories: Sequence[str], terms: Sequence[str]) -> dict[str, dict[str, float]]:
        """Return, for each story, its centroid weights for ``terms`` (one read for all candidates)."""
        found: dict[str, dict[str, float]] = {s: {} for s in stories}
        if not stories:
            return found
        small = self._small_stories(stories)
        large = [s for s in stories if s not in small]
        for part in _chunks(terms):
            # Both reads go through the primary key by story, never the postings index, whose lists
            # grow with the archive (the planner takes it for ``term IN`` once ANALYZE has run). A small
            # story's rows are contiguous and read whole (``+term``: no seek per term); a large one's
            # are sought term by term (SQLite's plan without statistics), bounded by the article's terms.
            rows = self.conn.execute(
                f"SELECT story, term, weight FROM story_terms WHERE story IN ({_marks(small)})"
                f" AND +term IN ({_marks(part)})", [*small, *part]).fetchall() if small else []
            if large:
                rows += self.conn.execute(
                    f"SELECT story, term, weight FROM story_terms INDEXED BY {_PRIMARY_KEY}"
                    f" WHERE story IN ({_marks(large)}) AND term IN ({_marks(part)})", [*large, *part]).fetchall()
            for story, term, weight in rows:
                found[story][term] = float(weight)
        return found

    def _small_stories(self, stories: Sequence[str]) -> list[str]:
        """Return the stories whose centroid sums at most SCAN_MAX_SIZE articles, in the order given."""
        rows = self.conn.execute(f"SELECT id FROM stories WHERE id IN ({_marks(stories)}) AND size <= ?",
                                 [*stories, SCAN_MAX_SIZE])
        small = {r[0] for r in rows}
        return [s for s in stories if s in small]

    def add_story_weights(self, story: str, weights: dict[str, float], old: dict[str, float] | None = None,
                          posted: Iterable[str] | None = None) -> None:
        """Add ``weights`` to a story's centroid, post the ``posted`` terms and move the postings whose band changes.

        ``old`` is the story's weight for each of those terms before (absent: none); read here when
        not given. ``posted`` are the terms the story is to be found by (POSTED_NAMESPACES only);
        None: all of them.
        """
        if old is None:
            old = self.story_weights(story, sorted(weights))
        added = sorted(weights.items())
        self.conn.executemany(
            "INSERT INTO story_terms (story, term, weight) VALUES (?, ?, ?)"
            " ON CONFLICT (story, term) DO UPDATE SET weight = weight + excluded.weight",
            ((story, t, w) for t, w in added))
        after = {t: old.get(t, 0.0) + w for t, w in added if t[:2] in POSTED_NAMESPACES}
        moved = [(t, old[t], w) for t, w in after.items()
                 if old.get(t, 0.0) > 0 and posting_rank(old[t]) != posting_rank(w)]
        # A term never posted for the story has no row to update: only its weight moves.
        self.conn.executemany(
            "UPDATE story_postings SET rank = ?, weight = ? WHERE term = ? AND rank = ? AND story = ?",
            ((posting_rank(w), w, t, posting_rank(before), story) for t, before, w in moved))
        wanted = sorted(after) if posted is None else sorted(t for t in set(posted) if t in after)
        self.conn.executemany(
            "INSERT OR IGNORE INTO story_postings (term, rank, story, weight) VALUES (?, ?, ?, ?)",
            ((t, posting_rank(after[t]), story, after[t]) for t in wanted))

    def post_story_terms(self, stories: Sequence[str] | None = None, terms: Sequence[str] | None = None) -> None:
        """Post these stories' centroid terms (every story's when None; only ``terms`` when given) not yet posted."""
        where = _POSTED if stories is None else f"story IN ({_marks(stories)}) AND {_POSTED}"
        parts: list[list[str]] = [[]] if terms is None else _chunks(terms)
        for part in parts:
            condition = f"{where} AND term IN ({_marks(part)})" if part else where
            self.conn.execute(
                "INSERT OR IGNORE INTO story_postings (term, rank, story, weight)"
                f" SELECT term, storyline_posting_rank(weight), story, weight FROM story_terms WHERE {condition}",
                [*(stories or ()), *part])

    def _posted(self, stories: Sequence[str]) -> str:
        """Return the SQL condition that selects these stories' postings (each band is in step with story_terms)."""
        return (f"(term, rank, story) IN (SELECT term, storyline_posting_rank(weight), story FROM story_terms"
                f" WHERE story IN ({_marks(stories)}) AND {_POSTED})")

    def top_story_terms(self, story: str, prefix: str, limit: int) -> list[tuple[str, float]]:
        """Return a story's heaviest centroid terms in one namespace."""
        rows = self.conn.execute(
            "SELECT term, weight FROM story_terms WHERE story = ? AND term >= ? AND term < ?"
            " ORDER BY weight DESC, term LIMIT ?", (story, prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1), limit))
        return [(r[0], float(r[1])) for r in rows]

    # --- embeddings (optional) ---------------------------------------------------------------

    def add_article_embeddings(self, vectors: dict[str, list[float]]) -> None:
        """Store articles' embeddings (kept for a recluster, which places them again)."""
        self.conn.executemany("INSERT OR REPLACE INTO article_embeddings (article, vector) VALUES (?, ?)",
                              ((a, _pack(v)) for a, v in sorted(vectors.items())))

    def article_embeddings(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """Return the stored embedding of each article among ``ids`` that has one."""
        return self._vectors("article_embeddings", "article", ids)

    def story_embeddings(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """Return the summed member vectors of each story among ``ids`` that has one."""
        return self._vectors("story_embeddings", "story", ids)

    def _vectors(self, table: str, key: str, ids: Sequence[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        for part in _chunks(ids):
            rows = self.conn.execute(f"SELECT {key}, vector FROM {table} WHERE {key} IN ({_marks(part)})", part)
            found.update((r[0], _unpack(r[1])) for r in rows)
        return found

    def set_story_embedding(self, story: str, vector: list[float] | None) -> None:
        """Store a story's summed vector, or drop it (None)."""
        if vector is None:
            self.conn.execute("DELETE FROM story_embeddings WHERE story = ?", (story,))
        else:
            self.conn.execute("INSERT OR REPLACE INTO story_embeddings (story, vector) VALUES (?, ?)",
                              (story, _pack(vector)))

    # --- stories and members -----------------------------------------------------------------

    def story_norms(self, ids: Sequence[str]) -> dict[str, dict[str, float]]:
        """Return the centroid norms of these stories (what ranking candidates needs, not whole rows).

        Norms read once are kept in memory (shared: read them, never change them). Ranking reads
        those of ~45 stories per article at 1k stored articles and ~165 at 100k (bench.stories);
        reading and decoding them each time was most of the growth of ``candidates`` between the two.
        """
        norms = self._synced_cache().norms
        missing = [i for i in ids if i not in norms]
        for part in _chunks(missing):
            rows = self.conn.execute(f"SELECT id, norms FROM stories WHERE id IN ({_marks(part)})", part)
            norms.update((r[0], json.loads(r[1])) for r in rows)
        return {i: norms[i] for i in ids if i in norms}

    def story_rows(self, ids: Sequence[str]) -> dict[str, sqlite3.Row]:
        """Return the stories rows for these ids."""
        found: dict[str, sqlite3.Row] = {}
        for part in _chunks(ids):
            rows = self.conn.execute(f"SELECT * FROM stories WHERE id IN ({_marks(part)})", part)
            found.update((r["id"], r) for r in rows)
        return found

    def insert_story(self, story: str, seq: int, first_article: str) -> None:
        self.conn.execute("INSERT INTO stories (id, seq, first_article) VALUES (?, ?, ?)",
                          (story, seq, first_article))
        self.cache.norms.pop(story, None)

    def set_story_state(self, story: str, norms: dict[str, float], first_ts: float | None,
                        last_ts: float | None, size: int) -> None:
        """Store a story's centroid norms, time span and the number of articles in its centroid."""
        encoded = json.dumps(norms, sort_keys=True)
        self.conn.execute("UPDATE stories SET norms = ?, first_ts = ?, last_ts = ?, size = ? WHERE id = ?",
                          (encoded, first_ts, last_ts, size, story))
        self.cache.norms[story] = json.loads(encoded)  # as a later read would decode it

    def set_story_meta(self, story: str, meta: dict[str, object]) -> None:
        """Store a story's title, keywords, outlets, dates and counts."""
        self.conn.execute(
            "UPDATE stories SET title = ?, keywords = ?, outlets = ?, first_seen = ?, last_updated = ?,"
            " article_count = ?, canonical_count = ? WHERE id = ?",
            (meta["title"], json.dumps(meta["keywords"]), json.dumps(meta["outlets"]), meta["first_seen"],
             meta["last_updated"], meta["article_count"], meta["canonical_count"], story))

    def insert_member(self, member: dict[str, object]) -> None:
        """Record that an article joined (or opened) a story."""
        self.conn.execute(
            "INSERT INTO story_members (article, story, joined, pos, canonical, score, outlet, title,"
            " published, ts, vector) VALUES (:article, :story, :story, :pos, :canonical, :score, :outlet,"
            " :title, :published, :ts, :vector)", member)
        self.conn.execute("UPDATE articles SET story = ? WHERE id = ?", (member["story"], member["article"]))

    def member_story(self, article: str) -> str | None:
        """Return the story an article belongs to now, or None."""
        row = self.conn.execute("SELECT story FROM story_members WHERE article = ?", (article,)).fetchone()
        return row[0] if row else None

    def story_members(self, story: str, limit: int = -1) -> list[sqlite3.Row]:
        """Return a story's member rows in processing order."""
        return self.conn.execute(
            "SELECT * FROM story_members WHERE story = ? ORDER BY pos LIMIT ?", (story, limit)).fetchall()

    def story_member_summary(self, story: str) -> sqlite3.Row:
        """Return counts, outlets and the date span of a story's members."""
        return self.conn.execute(
            "SELECT count(*) AS n, count(*) - count(canonical) AS canonical_n,"
            " json_group_array(DISTINCT outlet) FILTER (WHERE outlet IS NOT NULL) AS outlets,"
            " min(ts) AS first_ts, max(ts) AS last_ts FROM story_members WHERE story = ?",
            (story,)).fetchone()

    def member_published(self, story: str, ts: float | None) -> str | None:
        """Return the published string of the story's member at time ``ts``."""
        row = self.conn.execute("SELECT published FROM story_members WHERE story = ? AND ts = ? ORDER BY pos"
                                " LIMIT 1", (story, ts)).fetchone()
        return row[0] if row else None

    def merge_story_rows(self, old: str, new: str, article: str, score: float, pos: int) -> None:
        """Move a story's members and centroid into another and record the merge."""
        # Summed inside SQLite (the same ``weight + excluded.weight`` as add_story_weights, so the
        # same doubles): a merged centroid never makes a round trip through Python. The survivor is
        # posted under every term either story was.
        posted = [r[0] for r in self.conn.execute(
            f"SELECT DISTINCT term FROM story_postings WHERE {self._posted([old, new])}", (old, new))]
        self.conn.execute(f"DELETE FROM story_postings WHERE {self._posted([old, new])}", (old, new))
        self.conn.execute(
            "INSERT INTO story_terms (story, term, weight) SELECT ?, term, weight FROM story_terms"
            " WHERE story = ? ORDER BY term ON CONFLICT (story, term) DO UPDATE SET weight = weight + excluded.weight",
            (new, old))
        self.conn.execute("DELETE FROM story_terms WHERE story = ?", (old,))
        self.post_story_terms([new], posted)
        self.conn.execute("UPDATE story_members SET story = ? WHERE story = ?", (new, old))
        self.conn.execute("UPDATE articles SET story = ? WHERE story = ?", (new, old))
        self.conn.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (new, old))
        self.conn.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", (new, old))
        self.conn.execute("INSERT INTO story_merges (old, new, article, score, pos) VALUES (?, ?, ?, ?, ?)",
                          (old, new, article, score, pos))

    def merge_count(self) -> int:
        """Return how many stories have been merged away so far."""
        return int(self.conn.execute("SELECT count(*) FROM story_merges").fetchone()[0])

    def clear_stories(self) -> None:
        """Forget every story, member, merge and document frequency (before a recluster)."""
        for table in ("stories", "story_terms", "story_postings", "story_members", "story_merges", "term_df",
                      "term_df_log", "story_counters", "story_embeddings"):
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.execute("UPDATE articles SET story = NULL")
        self.forget_cache()

    def placement_order(self) -> list[tuple[str, str | None]]:
        """Return (article, its publication date as it was when placed) per clustered article, in placing order."""
        rows = self.conn.execute("SELECT article, published FROM story_members ORDER BY pos")
        return [(r[0], r[1]) for r in rows]

    def article_order(self) -> list[tuple[str, int, str | None]]:
        """Return (id, ingest sequence number, published) of every stored article, in ingest order."""
        rows = self.conn.execute("SELECT id, seq, published FROM articles ORDER BY seq")
        return [(r[0], int(r[1]), r[2]) for r in rows]

    def ingest_seqs(self, ids: Sequence[str]) -> dict[str, int]:
        """Return the ingest sequence number of each stored article among ``ids``."""
        found: dict[str, int] = {}
        for part in _chunks(ids):
            rows = self.conn.execute(f"SELECT id, seq FROM articles WHERE id IN ({_marks(part)})", part)
            found.update((r[0], int(r[1])) for r in rows)
        return found

    # --- bulk loading (benchmarks) ---------------------------------------------------------

    def bulk_document_frequencies(self, rows: Iterable[tuple[str, int]]) -> None:
        """Insert precomputed (term, df) rows into an empty index."""
        self.conn.executemany("INSERT INTO term_df (term, df) VALUES (?, ?)", rows)
        self.forget_cache()

    def bulk_story(self, story: dict[str, object], weights: dict[str, float],
                   members: Iterable[tuple[object, ...]], posted: Iterable[str] | None = None) -> None:
        """Insert a precomputed story row, its centroid weights, its postings and its member rows.

        ``posted``: the terms the story is found by (as ``add_story_weights``); None: all of them.
        """
        self.conn.execute(
            "INSERT INTO stories (id, seq, first_article, first_ts, last_ts, size, norms)"
            " VALUES (:id, :seq, :first_article, :first_ts, :last_ts, :size, :norms)", story)
        self.cache.norms.pop(str(story["id"]), None)
        self.add_story_weights(str(story["id"]), weights, old={}, posted=posted)
        self.conn.executemany(
            "INSERT INTO story_members (article, story, joined, pos, canonical, score, outlet, title,"
            " published, ts, vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", members)

    # --- reading stories back ----------------------------------------------------------------

    def resolve_story(self, story: str) -> str:
        """Return the live id a story id now stands for (itself unless merged away)."""
        row = self.conn.execute("SELECT merged_into FROM stories WHERE id = ?", (story,)).fetchone()
        return row[0] if row and row[0] else story

    def live_story_ids(self) -> list[str]:
        """Return the ids of stories not merged away, in opening order."""
        rows = self.conn.execute("SELECT id FROM stories WHERE merged_into IS NULL ORDER BY seq")
        return [r[0] for r in rows]

    def story_assignments(self) -> dict[str, str]:
        """Return article id -> current story id for every clustered article."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT article, story FROM story_members ORDER BY pos")}

    def story_model(self, story: str) -> Story | None:
        """Return a story's metadata as a Story (without timeline or conflicts), or None if unknown."""
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (self.resolve_story(story),)).fetchone()
        if row is None:
            return None
        members = self.conn.execute("SELECT article FROM story_members WHERE story = ? ORDER BY pos",
                                    (row["id"],))
        merged = self.conn.execute("SELECT old FROM story_merges WHERE new = ? ORDER BY pos", (row["id"],))
        return Story(
            id=row["id"], title=row["title"], articles=[m[0] for m in members],
            first_seen=row["first_seen"], last_updated=row["last_updated"],
            keywords=json.loads(row["keywords"]), outlets=json.loads(row["outlets"]),
            merged_from=[m[0] for m in merged])

    def story_copies(self, story: str) -> list[tuple[str, str]]:
        """Return (copy, canonical) pairs among a story's members."""
        rows = self.conn.execute("SELECT article, canonical FROM story_members WHERE story = ?"
                                 " AND canonical IS NOT NULL ORDER BY pos", (story,))
        return [(r[0], r[1]) for r in rows]

    # --- copy detection ----------------------------------------------------------------------

    def copy_by_hash(self, text_hash: str) -> str | None:
        """Return the canonical article of a stored text with this exact hash, or None."""
        row = self.conn.execute("SELECT canonical FROM copy_signatures WHERE text_hash = ? LIMIT 1",
                                (text_hash,)).fetchone()
        return row[0] if row else None

    def band_matches(self, bands: Sequence[tuple[int, int]]) -> list[str]:
        """Return the articles sharing at least one LSH band bucket, in id order."""
        found: set[str] = set()
        for band, key in bands:
            rows = self.conn.execute("SELECT article FROM copy_bands WHERE band = ? AND key = ?", (band, key))
            found.update(r[0] for r in rows)
        return sorted(found)

    def copy_signature_rows(self, ids: Sequence[str]) -> dict[str, tuple[str, int, bytes]]:
        """Return article -> (canonical, shingle count, signature) for stored signatures."""
        found: dict[str, tuple[str, int, bytes]] = {}
        for part in _chunks(ids):
            rows = self.conn.execute(
                "SELECT article, canonical, shingles, signature FROM copy_signatures"
                f" WHERE article IN ({_marks(part)})", part)
            found.update((r[0], (r[1], int(r[2]), bytes(r[3]))) for r in rows)
        return found

    def add_copy_signature(self, article: str, canonical: str, text_hash: str, shingles: int,
                           signature: bytes, bands: Sequence[tuple[int, int]]) -> None:
        """Index an article's text for copy detection and persist its ``duplicate_of``."""
        self.conn.execute(
            "INSERT OR REPLACE INTO copy_signatures (article, canonical, text_hash, shingles, signature)"
            " VALUES (?, ?, ?, ?, ?)", (article, canonical, text_hash, shingles, signature))
        self.conn.executemany("INSERT OR IGNORE INTO copy_bands (band, key, article) VALUES (?, ?, ?)",
                              ((b, k, article) for b, k in bands))
        duplicate_of = None if canonical == article else canonical
        self.conn.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", (duplicate_of, article))

    def copy_canonical(self, article: str) -> str | None:
        """Return the canonical recorded by copy detection for ``article`` (itself for an original)."""
        row = self.conn.execute("SELECT canonical FROM copy_signatures WHERE article = ?", (article,)).fetchone()
        return row[0] if row else None

    def stored_duplicate_of(self, article: str) -> str | None:
        """Return the canonical article recorded for ``article``, or None for an original."""
        row = self.conn.execute("SELECT canonical FROM copy_signatures WHERE article = ?", (article,)).fetchone()
        if row and row[0] != article:
            return str(row[0])
        row = self.conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article,)).fetchone()
        return row[0] if row else None


def _pack(vector: list[float]) -> bytes:
    return array("f", vector).tobytes()


def _unpack(blob: bytes) -> list[float]:
    values = array("f")
    values.frombytes(blob)
    return values.tolist()
