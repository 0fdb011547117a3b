"""Per-article event extraction: dated clauses of one article, read from its spaCy parse.

An event is the clause that governs a resolved time expression: its subject,
verb and object make a short summary (``clauses.summary``; no readable summary,
no event), the sentence is the quote (always
``article.text[start:end]``), the article's entities inside the sentence are
the participants, and the clause's verb (or the event noun the date hangs on,
"the protest on August 26") is the trigger used to match reports of one event.
A leading dateline ("MINSK — ") is left out, and a date after "since" ("has ruled
Belarus since 1994") or one that only describes a noun ("the August 9 election")
dates no event: it starts a state or names another event.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from storyline.annotate.timex_tense import noun_read_as_verb
from storyline.models import Article, EventMention, EventStatus, Span, TimeExpr
from storyline.timeline import dates
from storyline.timeline.clauses import REPORTING_LEMMAS, content_clause, noun_summary, summary

Doc = Any  # spacy.tokens.Doc; typed loosely so importing this module needs no spaCy
Token = Any

# Entity types that make sense as event participants.
PARTICIPANT_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"}
ATTRIBUTION_CUES = re.compile(r"\b(according to|reportedly|allegedly|citing|quoted as saying)\b", re.I)
PLAN_LEMMAS = {"plan", "schedule", "expect", "intend", "prepare", "due", "set", "aim", "hope", "vow", "promise"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# A sentence that is only a dateline or byline ("By Jane Doe", "Updated 14 September 2020").
BOILERPLATE = re.compile(
    r"^\s*((?i:by)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+)*\s*$"
    r"|(?i:published|updated|posted|last modified|first published)\b"
    r"|[A-Z][A-Z .'-]+,?\s*(\(\w+\))?\s*[-—–]*\s*$)"
)
# A dateline opening a sentence: "MINSK — ", "LIMA, Aug 22 (Reuters) - ", "MINSK/MOSCOW — ",
# with its country and accented capitals: "KRŠKO, Slovenia, Aug 20 (CEP) - ", "ARUSHA, Tanzania, Sept 10 (PAN) - ",
# or a US state's abbreviation: "SALEM, Ore. (AP) — ", "ALBANY, N.Y., June 13 (CW) - ".
_CAPS = "A-ZÀ-ÖØ-ÞĀ-ž"
_REGION = r"[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?)*|(?:[A-Z]\.){2,3}"
DATELINE = re.compile(
    rf"^\s*[{_CAPS}][{_CAPS} .'/-]*[{_CAPS}](,\s*(?:{_REGION}))?"
    r"(,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*(\([^)]*\))?\s*[—–-]+\s+"
)
# "has ruled Belarus since 1994", "since shortly after the election", "the contract runs until 2022",
# "must be signed before Monday": the bounds of a state or a deadline, not an event on that date.
SINCE = re.compile(r"\bsince\b[^,;.]{0,30}$|(?<!shortly )(?<!just )(?<!soon )"
                   r"(?<!minutes )(?<!moments )\b(?:until|till|before)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)
# Subordinators of a clause that may never happen.
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# Idioms that name one action in other words ("left the tracks" is a derailment): (verb, object) -> trigger.
# Hand-made because no lexicon shipped on PyPI maps news idioms to their event; kept to unambiguous ones.
IDIOM_TRIGGERS = {("leave", "track"): "derail", ("leave", "rail"): "derail", ("jump", "track"): "derail",
                  ("jump", "rail"): "derail", ("come", "rail"): "derail", ("catch", "fire"): "burn",
                  ("burst", "flame"): "burn"}
# Date tokens that only describe a noun ("the August 9 election"): the clause around it is not dated by it.
MODIFIER_DEPS = {"compound", "nmod", "amod", "nummod"}


def extract_events(article: Article, doc: Doc) -> list[EventMention]:
    """Return one EventMention per dated clause of the article, in text order.

    ``doc`` is spaCy's Doc of ``article.text``: fully parsed, or tagged only as ``annotate``
    leaves it, in which case each dated sentence is parsed on demand.
    """
    if doc is None or doc.text != article.text:
        return []
    dated = _dated_sentences(article, doc)
    parses = _parsed_sentences(doc, [body for _, body, _ in dated])
    events: list[EventMention] = []
    for (sent, body, timexes), parsed in zip(dated, parses, strict=True):
        if parsed is not None:
            events.extend(_sentence_events(article, parsed[0], parsed[1], sent, body, timexes))
    return events


def _dated_sentences(article: Article, doc: Doc) -> list[tuple[Span, Span, list[TimeExpr]]]:
    """Return (sentence, body without its dateline, usable time expressions in the body) per dated sentence."""
    found = []
    for sent in _sentences(article, doc):
        text = article.text[sent.start : sent.end]
        timexes = [t for t in article.timexes if sent.start <= t.start and t.end <= sent.end and usable_timex(t)]
        if not timexes or BOILERPLATE.match(text) or len(text.split()) < 4:
            continue
        body = Span(sent.start + _dateline_length(text), sent.end)
        timexes = [t for t in timexes if t.start >= body.start and not _since(article.text, sent, t)]
        if timexes:
            found.append((sent, body, timexes))
    return found


def _dateline_length(text: str) -> int:
    """Return how many characters of a sentence a leading dateline ("MINSK — ") takes, 0 if none."""
    found = DATELINE.match(text)
    return found.end() if found else 0


def _since(text: str, sent: Span, timex: TimeExpr) -> bool:
    """Return True for a date introduced by "since", "until" or "before": a state's bounds or a deadline."""
    return SINCE.search(text[sent.start : timex.start]) is not None


def event_consumer(article: Article, doc: Doc) -> None:
    """Doc consumer for ``annotate``: set ``article.events`` from the same parse."""
    article.events = extract_events(article, doc)


def _sentences(article: Article, doc: Doc) -> list[Span]:
    if article.sentences:
        return article.sentences
    return [Span(s.start_char, s.end_char) for s in doc.sents]


def usable_timex(timex: TimeExpr) -> bool:
    """Return True when a time expression places something on the calendar (no durations, no vague refs)."""
    if timex.type not in ("DATE", "TIME") or timex.issue is not None:
        return False
    return dates.span(timex.value) is not None


def _parsed_sentences(doc: Doc, bodies: list[Span]) -> list[tuple[Doc, int] | None]:
    """Return, per sentence, a dependency-parsed, lemmatised Doc holding it and its offset in the article."""
    if doc.has_annotation("DEP") and doc.has_annotation("LEMMA"):
        return [(doc, 0) for _ in bodies]
    spans = [doc.char_span(b.start, b.end, alignment_mode="expand") for b in bodies]
    found = [s for s in spans if s is not None and len(s)]
    from storyline.annotate.nlp import parse_sentences  # the annotate stage's own on-demand parser

    parsed = dict(zip([(s.start, s.end) for s in found], parse_sentences(found), strict=True))
    out: list[tuple[Doc, int] | None] = []
    for span in spans:
        if span is None or not len(span):
            out.append(None)
            continue
        one = parsed[(span.start, span.end)]
        if not one.has_annotation("LEMMA"):
            one = _lemmatizer()(one)
        out.append((one, span.start_char))
    return out


@functools.lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    """Return spaCy's English lemmatizer alone (annotate's pipeline leaves it out)."""
    import spacy

    from storyline.annotate.nlp import MODEL_NAME

    others = ["tok2vec", "tagger", "parser", "ner", "senter", "attribute_ruler"]
    return spacy.load(MODEL_NAME, exclude=others).get_pipe("lemmatizer")


def _sentence_events(
    article: Article, doc: Doc, offset: int, sent: Span, body: Span, timexes: list[TimeExpr]
) -> list[EventMention]:
    spans = [doc.char_span(t.start - offset, t.end - offset, alignment_mode="expand") for t in timexes]
    located = [(t, s) for t, s in zip(timexes, spans, strict=True) if s is not None and len(s)]
    dated = {tok.i for _, s in located for tok in s}
    events: list[EventMention] = []
    heads: set[tuple[str, int]] = set()
    for timex, tokens in sorted(located, key=lambda pair: dates.precision(pair[0].value or "")):
        head = _clause_head(tokens.root)
        if head is None or _modifies_noun(tokens.root) or _conditional(head) or _negated(tokens.root):
            continue  # a condition is no event, and "not in February" is not when it happened
        head = _main_clause_of_when(head)
        # One event per clause, its most specific date winning; a possessive date inside the clause
        # ("the toll from Tuesday's collapse rose to five on Wednesday") dates its noun, not the clause.
        nested = _possessive_event_noun(tokens.root, head)
        key = ("noun", nested.i) if nested is not None else ("clause", head.i)
        if key in heads:
            continue
        heads.add(key)
        lead = {t.i for t in head.sent if t.idx + offset < body.start}  # a dateline in a fully parsed Doc
        text = summary(head, {t.i for t in tokens} | lead, dated - {t.i for t in tokens})
        if text is None and nested is not None:
            text = ""  # "people killed in Tuesday's explosion": no clause of its own, the noun is the event
        if text is not None:
            events.append(_event(article, sent, timex, head, tokens, text))
    return sorted(events, key=lambda e: e.quote_start)


def _main_clause_of_when(head: Token) -> Token:
    """Return the main clause for a "when" clause whose subject is a pronoun, else the clause itself.

    "Putin promised Belarus a loan when he met Lukashenko on Monday": the two happened together, and
    "he met Lukashenko" alone does not say who (a bare pronoun gives no event at all).
    """
    when = any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in head.children)
    pronoun = any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in head.children)
    return head.head if head.dep_ == "advcl" and when and pronoun and head.head.pos_ in ("VERB", "AUX") else head


def _negated(root: Token) -> bool:
    """Return True for a date the sentence denies ("in January, not in February"): negation on it or its preposition."""
    prep = root.head if root.dep_ == "pobj" else root
    return any(c.dep_ == "neg" for c in (*root.children, *prep.children))


def _conditional(head: Token) -> bool:
    """Return True for a clause that states a condition ("if members approve it in a vote on Tuesday")."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in head.children)


def _modifies_noun(root: Token) -> bool:
    """Return True for a date that only describes a noun ("the August 9 election")."""
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "from"):
        return root.head.head.pos_ in ("NOUN", "PROPN")  # "the elections of August 9", "footage from Saturday"
    return root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN")


def _clause_head(token: Token) -> Token | None:
    """Return the verb of the clause a token belongs to (None for verbless fragments).

    A plural noun the tagger read as a verb ("visited the dam works on Monday") gives way to the real verb.
    """
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token.head if noun_read_as_verb(token) else token


def _event_noun(anchor: Token) -> Token | None:
    """Return the event noun a date hangs on ("the protest on August 26"), if any."""
    prep = anchor.head
    if anchor.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "NOUN":
        return prep.head
    if anchor.dep_ in ("npadvmod", "poss") and anchor.head.pos_ == "NOUN":
        return anchor.head  # "Tuesday's earthquake"
    return None


def _possessive_event_noun(anchor: Token, head: Token) -> Token | None:
    """Return the noun a possessive date names inside the clause ("The toll from Tuesday's derailment")."""
    noun = _event_noun(anchor)
    return noun if noun is not None and anchor.dep_ == "poss" and _nested(noun, head) else None


def _event(article: Article, sent: Span, timex: TimeExpr, head: Token, tokens: Any, text: str) -> EventMention:
    quote_start, quote = _quote(article.text, sent)
    noun = _event_noun(tokens.root)
    timex_tokens = {t.i for t in tokens}
    if _possessive_event_noun(tokens.root, head) is not None:
        text = noun_summary(noun, timex_tokens)  # "The toll from Tuesday's derailment has risen": the derailment
    return EventMention(
        article=article.id,
        date=_date_value(timex),
        end=timex.end_value if timex.end_value and timex.end_value != timex.value else None,
        granularity=timex.granularity or "unknown",
        status=event_status(head, timex, article.published, head.sent.text),
        summary=text,
        quote=quote,
        quote_start=quote_start,
        entities=_participants(article, sent),
        trigger=noun.lemma_.lower() if noun is not None else _trigger(head),
        numbers=quantities(head.sent, timex_tokens),
        subject=_subject(head) if noun is None else None,
    )


def _nested(noun: Token, head: Token) -> bool:
    """Return True when the event noun is not the clause's own subject or object but inside one of them."""
    return noun.head.i != head.i or noun.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr")


def _trigger(head: Token) -> str:
    """Return the clause verb's lemma, or the event an idiom around it names ("left the tracks": derail)."""
    lemma = head.lemma_.lower()
    idioms = (IDIOM_TRIGGERS.get((lemma, obj.lemma_.lower())) for obj in _objects(head))
    return next((trigger for trigger in idioms if trigger), lemma)


def _objects(head: Token) -> Iterator[Token]:
    """Yield the verb's direct objects and the objects of its prepositions, in sentence order."""
    for child in head.children:
        if child.dep_ == "dobj":
            yield child
        elif child.dep_ == "prep":
            yield from (g for g in child.children if g.dep_ == "pobj")


def _subject(head: Token) -> str | None:
    """Return the lemma of the clause's common-noun subject ("The regional train derailed": train)."""
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject.lemma_.lower() if subject is not None and subject.pos_ == "NOUN" else None


def _date_value(timex: TimeExpr) -> str:
    value = timex.value or ""
    return value[:10] if dates.day(value) else value


def _quote(text: str, sent: Span) -> tuple[int, str]:
    """Return the sentence's start and text without surrounding whitespace: exactly text[start:end]."""
    raw = text[sent.start : sent.end]
    start = sent.start + len(raw) - len(raw.lstrip())
    return start, raw.strip()


def _participants(article: Article, sent: Span) -> list[str]:
    names = []
    for entity in article.entities:
        if entity.type not in PARTICIPANT_TYPES or entity.name in names:
            continue
        if any(sent.start <= m.start and m.end <= sent.end for m in entity.mentions):
            names.append(entity.name)
    return names


def event_status(head: Token, timex: TimeExpr, published: str | None, sentence: str) -> EventStatus:
    """Return planned (future), reported (attributed to someone) or happened."""
    if _is_future(head) or _after_publication(timex, published):
        return "planned"
    if _is_attributed(head) or ATTRIBUTION_CUES.search(sentence):
        return "reported"
    return "happened"


def _is_future(head: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in head.children):
        return True
    governor = head.head if head.dep_ == "xcomp" else None
    return governor is not None and (governor.lemma_ in PLAN_LEMMAS or _is_future(governor))


def _after_publication(timex: TimeExpr, published: str | None) -> bool:
    event_span, pub_day = dates.span(timex.value), dates.day(published)
    return event_span is not None and pub_day is not None and event_span[0] > pub_day


def _is_attributed(head: Token) -> bool:
    """Return True when the clause is what someone said or stated ("a statement that ..."), or is itself a saying."""
    if content_clause(head):
        return True
    if head.lemma_ in REPORTING_LEMMAS and any(c.dep_ in ("ccomp", "dobj") for c in head.children):
        return True
    token = head
    while token.dep_ in ("ccomp", "conj", "xcomp") and token.head.i != token.i:
        token = token.head
        if token.lemma_ in REPORTING_LEMMAS:
            return True
    return any(c.dep_ == "parataxis" and c.lemma_ in REPORTING_LEMMAS for c in head.children)


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "dozen": 12,
}
APPROXIMATE = {"least", "more", "over", "nearly", "almost", "about", "around", "some", "up", "roughly",
               "approximately", "fewer", "less", "than", "estimated", "under", "beyond", "dozens", "hundreds"}
CUMULATIVE_LEMMAS = {"rise", "climb", "increase", "reach", "grow", "jump", "swell", "mount", "total", "bring",
                     "surpass", "exceed", "pass", "top", "double"}
PEOPLE_NOUNS = {"people", "person", "protester", "demonstrator", "activist", "civilian", "resident", "man",
                "woman", "child", "student", "journalist", "passenger", "occupant", "victim", "worker",
                "citizen", "participant", "supporter"}


def number_value(text: str) -> str | None:
    """Return a number word or numeral as a plain digit string ("three" -> "3", "1,000" -> "1000")."""
    word = text.lower().replace(",", "")
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS[word])
    return word if re.fullmatch(r"\d+(\.\d+)?", word) else None


def quantities(sent: Any, skip: set[int]) -> dict[str, str]:
    """Return exact counts in a sentence as {"verb/noun": value}: "33 protesters were detained" -> detain/people."""
    found: dict[str, str] = {}
    for tok in sent:
        if tok.i in skip or not (tok.like_num or tok.pos_ == "NUM"):
            continue
        key = _quantity_key(tok)
        value = number_value(tok.text)
        if key and value and not _approximate(tok):
            found.setdefault(key, value)
    return found


def _quantity_key(num: Token) -> str | None:
    if num.dep_ == "nummod":
        noun = arg = num.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            return None  # the whole of a partitive ("three of the four occupants"): not the count
        if noun.dep_ == "pobj" and noun.head.lower_ == "to":
            return _level_key(noun)
    elif num.dep_ in ("nsubj", "nsubjpass", "dobj"):
        arg = num
        of = [c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"]
        noun = next((c for c in of[0].children if c.dep_ == "pobj"), num) if of else num
    else:
        return None
    verb = _clause_head(arg)
    if verb is None or verb.lemma_ in CUMULATIVE_LEMMAS or arg.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
        return None
    return f"{verb.lemma_.lower()}/{_noun_class(noun)}"


def _level_key(noun: Token) -> str | None:
    """Return the key of a share something was set to: "raised its key rate to 4.5%" -> "raise rate to/percent".

    Only a share (percent) a verb sets, not one a running figure rose to ("the toll rose to 40"); the
    object's compound words name which rate ("deposit rate" is not "lending rate"), the old level
    ("from 4%") is not the level set.
    """
    verb = noun.head.head
    if noun.lemma_.lower() not in ("percent", "%") or verb.pos_ != "VERB" or verb.lemma_ in CUMULATIVE_LEMMAS:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    what = "" if obj is None else " " + " ".join(
        [c.lower_ for c in obj.children if c.dep_ == "compound" and c.i < obj.i] + [obj.lemma_.lower()])
    return f"{verb.lemma_.lower()}{what} to/{_noun_class(noun)}"


def _noun_class(noun: Token) -> str:
    lemma = noun.lemma_.lower()
    if lemma in ("percent", "%"):
        obj = next((p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
        return f"percent of {obj.lemma_.lower()}" if obj is not None else "percent"
    return "people" if lemma in PEOPLE_NOUNS or noun.pos_ == "NUM" else lemma


def _approximate(num: Token) -> bool:
    before = {t.lower_ for t in num.doc[max(num.sent.start, num.i - 3) : num.i]}
    return bool(before & APPROXIMATE) or any(c.dep_ in ("advmod", "quantmod") for c in num.children)
