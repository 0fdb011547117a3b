"""MinHash fingerprints of article texts, their LSH bands and the copy test.

Texts are compared as sets of word shingles (lower-cased, punctuation dropped),
so whitespace, markup leftovers and punctuation changes do not hide a copy.
"""

from __future__ import annotations

import hashlib
import re
from typing import NamedTuple

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 3
NUM_PERM = 128
# 32 bands of 4 rows: a pair with Jaccard 0.5 shares a bucket with probability 0.87, at 0.7 with 0.999,
# at 0.2 with 0.05 (few false candidates to verify).
BANDS, ROWS = 32, 4
# A copy: estimated Jaccard of shingle sets at least COPY_JACCARD, or the shorter text contained
# in the longer one at least COPY_CONTAINMENT (a syndicated copy with a paragraph added or cut).
# Set on hand-made rewrites (tests/dedup): independent reports of one event stay below 0.15.
COPY_JACCARD = 0.5
COPY_CONTAINMENT = 0.8
# Containment is only trusted when the shorter text has this many shingles (not a one-line brief).
MIN_CONTAINED_SHINGLES = 40
_SEED = 1
_WORD = re.compile(r"\w+")


class Fingerprint(NamedTuple):
    """What copy detection keeps of a text."""

    text_hash: str
    shingles: int
    signature: bytes
    bands: list[tuple[int, int]]


def fingerprint(text: str) -> Fingerprint:
    """Return the exact-text hash, MinHash signature and LSH band keys of a text."""
    words = _WORD.findall(text.lower())
    text_hash = hashlib.sha1(" ".join(words).encode()).hexdigest()
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    shingles.discard("")
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch([s.encode() for s in sorted(shingles)])
    values = minhash.hashvalues.astype("<u4")
    bands = [(b, _band_key(values[b * ROWS : (b + 1) * ROWS])) for b in range(BANDS)] if shingles else []
    return Fingerprint(text_hash, len(shingles), values.tobytes(), bands)


def _band_key(rows: np.ndarray) -> int:
    digest = hashlib.blake2b(rows.tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def is_copy(new: Fingerprint, shingles: int, signature: bytes) -> tuple[bool, float]:
    """Return whether ``new`` copies the stored text, and their estimated Jaccard similarity."""
    a = np.frombuffer(new.signature, dtype="<u4")
    b = np.frombuffer(signature, dtype="<u4")
    jaccard = float(np.mean(a == b))
    shared = jaccard * (new.shingles + shingles) / (1.0 + jaccard)
    smaller = min(new.shingles, shingles)
    contained = smaller >= MIN_CONTAINED_SHINGLES and shared / smaller >= COPY_CONTAINMENT
    return jaccard >= COPY_JACCARD or contained, jaccard
