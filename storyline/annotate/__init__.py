"""Annotate articles: sentences, canonical entities with their roles, and time expressions.

One spaCy pass per article (see ``nlp``); entities and roles come from its tags and entity
labels (``entities``, ``roles``); time expressions from ``timex.find_timexes``, which parses the
few sentences whose tense it needs. Later stages read the same Doc through ``doc_consumers``
instead of parsing again. Texts longer than ``nlp.MAX_CHARS`` are annotated up to that point only:
entities and sentences beyond it are not found (time expressions are, they need no model).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from storyline.annotate.entities import entity_key, find_entities, merge_entities
from storyline.annotate.nlp import MAX_CHARS, LazyParse, parse_texts
from storyline.annotate.roles import find_roles
from storyline.models import Article, Span

__all__ = ["DocConsumer", "annotate", "entity_key", "merge_entities"]

log = logging.getLogger(__name__)

DocConsumer = Callable[[Article, Doc], None]


def annotate(
    articles: list[Article],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    doc_consumers: Sequence[DocConsumer] = (),
) -> list[Article]:
    """Return the articles (the same objects) with ``sentences``, ``entities`` and ``timexes`` filled in.

    ``n_process`` is an upper bound: extra processes start only for batches big enough to pay for
    them (``nlp.MIN_TEXTS_PER_PROCESS``). Each consumer is called with (article, doc) after the
    article is annotated; the Doc is tagged, with entities and sentences, not dependency-parsed
    (``nlp.parse_sentence`` parses one sentence on demand). Articles in a language other than
    English get no entities or sentences, only time expressions.
    Raises ModelMissing when the spaCy model is not installed.
    """
    from storyline.annotate.timex import find_timexes

    english = [a for a in articles if _is_english(a)]
    docs = parse_texts([a.text for a in english], n_process=n_process, batch_size=batch_size)
    for article, doc in zip(english, docs, strict=True):
        article.sentences = _sentences(doc, article.text)
        article.entities = find_entities(doc)
        find_roles(doc, article.entities, article.published)
        parsed = LazyParse(doc, article.text) if len(article.text) <= MAX_CHARS else None
        article.timexes = find_timexes(article.text, article.published, parsed)
        for consume in doc_consumers:
            consume(article, doc)
    for article in articles:
        if not _is_english(article):
            log.debug("article %s is in %r: no entities annotated", article.id, article.language)
            article.timexes = find_timexes(article.text, article.published, None)
    return articles


def _is_english(article: Article) -> bool:
    return article.language is None or article.language.lower().startswith("en")


def _sentences(doc: Doc, text: str) -> list[Span]:
    """Return the sentence spans of a Doc, split at paragraph breaks, without surrounding whitespace.

    The small model sometimes runs a sentence across a blank line (a heading
    into the first paragraph); a quote must never span two paragraphs.
    """
    spans: list[Span] = []
    for sent in doc.sents:
        start = sent.start_char
        for brk in _PARAGRAPH_BREAK.finditer(text, sent.start_char, sent.end_char):
            spans += _trimmed(text, start, brk.start())
            start = brk.end()
        spans += _trimmed(text, start, sent.end_char)
    return spans


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start=start, end=end)] if end > start else []
