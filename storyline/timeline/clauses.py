"""Readable one-clause summaries of dated events, read from a dependency parse.

``summary(head, skip)`` returns "subject verb object" of the clause that carries a
date, or None when no clause a reader could use can be built (precision over
recall). It resolves what a bare clause leaves unsaid: a relative pronoun becomes
its antecedent ("Lukashenko, who has ruled..." -> "Lukashenko has ruled..."), an
infinitive takes its governing subject and verb ("agreed to meet in Moscow" ->
"Putin and Lukashenko agreed to meet in Moscow"), and a reporting verb keeps
what was said ("Peskov said the two leaders would meet").
"""

from __future__ import annotations

import re
from typing import Any

from storyline.annotate.timex_tense import noun_read_as_verb

Token = Any  # spacy.tokens.Token

REPORTING_LEMMAS = {
    "say", "tell", "report", "claim", "state", "announce", "confirm", "allege", "add", "quote",
    "insist", "deny", "accuse", "write", "testify", "estimate", "warn",
}
SUMMARY_PART_LIMIT = 10  # tokens kept of a subject or object phrase: a summary stays one short clause
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
OBJECT_DEPS = {"dobj", "attr", "acomp", "xcomp", "oprd", "ccomp"}
MIN_SUMMARY_WORDS = 3  # "It was", "Took place": a summary this short says nothing a reader can use
CLAUSE_DEPS = {"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "prt", "dobj", "attr", "acomp",
               "oprd", "dative", "agent", "xcomp"}
CUT_DEPS = {"relcl", "appos", "acl", "punct", "advcl", "conj", "cc", "parataxis", "ccomp", "mark"}
MISPARSED_OBJECT = 3  # tokens: a "clause" this short with no verb of its own is an object noun phrase
RELATIVE_WORDS = {"who", "whom", "which", "that", "whose", "where", "when"}
# Verbs that say nothing alone: "The call came", "The visit was" need what follows.
LIGHT_LEMMAS = {"come", "be", "have", "do", "make", "take", "get", "go", "follow"}
# Tags of a verb that can carry a clause alone (past, present, modal); others need an auxiliary.
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
QUOTE_MARKS = re.compile(r"^[\"“”‘’']+$")
TRAILING_DEPS = {"prep", "agent", "cc", "det", "mark", "aux", "case", "poss", "punct"}


def summary(head: Token, skip: set[int], other_dates: set[int] | None = None) -> str | None:
    """Return "subject verb object" of the clause a date hangs on, or None when it would not read.

    ``skip`` holds the date's token indices, ``other_dates`` those of the sentence's other dates.
    """
    said = next((c for c in head.children if c.dep_ == "ccomp"), None)
    if head.lemma_ in REPORTING_LEMMAS and said is not None:
        if any(t.i in (other_dates or set()) for t in said.subtree):
            return None  # "X will happen on Monday, the Kremlin said on Friday": the Monday event covers it
        if said.i < head.i:
            return summary(said, skip)  # '"...", she said': the reported clause alone
    if (head.dep_ in ("acl", "amod", "pcomp") and not content_clause(head)) \
            or (head.dep_ == "advcl" and _is_infinitive(head)):
        return None  # a clause about a noun or a purpose: the date is not this clause's event
    if head.dep_ == "relcl" and not _next_to_antecedent(head):
        return None  # what "that" or "who" stands for is uncertain
    skip = skip | _date_preps(head, skip) | {t.i for t in head.sent if t.dep_ == "case" and t.head.i in skip}
    subject, body = _subject(head, skip), _clause_tokens(head, skip, depth=0)
    if head.lemma_ in REPORTING_LEMMAS and not any(c.dep_ in OBJECT_DEPS for c in head.children) \
            and not _lost_object(head):
        return None  # "The two leaders announced": what was announced is missing
    words, subject = _governed(head, body, subject, skip)
    if subject is None or _bare_pronoun(subject):
        return None
    tokens = sorted({t.i: t for t in [*subject, *words]}.values(), key=lambda t: t.i)
    if _lost_object(head):  # "the Union State that Russia and Belarus set up" -> "... set up the Union State"
        antecedent = _phrase(head.head, skip | {t.i for t in head.subtree})
        text = f"{_render(tokens, trim=False)} {_render(antecedent, capital=False)}"
    else:
        text = _render(tokens, the=_the(subject, skip))
    return text if _readable(text, head) else None


def content_clause(head: Token) -> bool:
    """Return True for what a noun states ("a statement that the depot had passed an inspection in February").

    The parser hangs it on the noun like a relative clause, but "that" opens it (a ``mark``, not the
    clause's subject or object) and it has a subject of its own: it is reported like a "said that" clause.
    """
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children)
    return head.dep_ == "acl" and marked and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)


def _lost_object(relcl: Token) -> bool:
    """Return True for a relative clause whose object is its antecedent ("the union [Russia set up]")."""
    if relcl.dep_ != "relcl" or not _next_to_antecedent(relcl):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_WORDS for c in relcl.children):
        return False
    objects = [c for c in relcl.children if c.dep_ in ("dobj", "attr", "ccomp", "xcomp")]
    return all(c.lower_ in RELATIVE_WORDS for c in objects)


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _subject(head: Token, skip: set[int]) -> list[Token] | None:
    """Return the clause's subject phrase, borrowed from the verb it hangs on or its antecedent."""
    own = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i not in skip]
    if own and own[0].lower_ in RELATIVE_WORDS:
        return _antecedent(head, skip)
    if own:  # all of them: the parser splits "A magnitude 6.1 earthquake" into two subjects
        return [t for c in own for t in _phrase(c, skip)]
    token = head
    while token.dep_ in ("conj", "xcomp") and token.head.i != token.i:
        token = token.head
        found = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if found is not None:
            return _antecedent(token, skip) if found.lower_ in RELATIVE_WORDS else _phrase(found, skip)
    return None


def _antecedent(relcl: Token, skip: set[int]) -> list[Token] | None:
    """Return the noun phrase a relative clause is about ("Lukashenko" in "Lukashenko, who...")."""
    if relcl.dep_ != "relcl" or not _next_to_antecedent(relcl):
        return None
    return _phrase(relcl.head, skip | {t.i for t in relcl.subtree})


def _next_to_antecedent(relcl: Token) -> bool:
    """Return True when a relative clause follows its antecedent noun phrase directly.

    The parser often hangs "the integration projects of the Union State that Russia set up"
    on "projects": a noun in between (here "Union State") makes the antecedent doubtful.
    """
    antecedent = relcl.head
    if antecedent.pos_ not in ("NOUN", "PROPN"):
        return False
    before = relcl.doc[: relcl.left_edge.i]
    prev = next((t for t in reversed(before) if not t.is_punct), None)
    while prev is not None and prev.i != antecedent.i:
        if prev.dep_ in ("prep", "pobj", "conj", "appos") or prev.head.i == prev.i:
            return False
        prev = prev.head
    return prev is not None


def _governed(head: Token, body: list[Token], subject: list[Token] | None,
              skip: set[int]) -> tuple[list[Token], list[Token] | None]:
    """Return the clause's words with its governing verbs ("agreed to [meet]"), and its subject.

    An infinitive climbs to the verb or adjective it completes ("are due to discuss"); a clause
    reported by someone ("said it would send a team") gets the speaker, so a pronoun reads.
    """
    words, clause = list(body), head
    while _governed_by_head(clause):
        clause = clause.head
        words.extend(_verb_group(clause))
        if subject is None:  # "Kalnina is due to meet": the subject hangs on the verb that "due" completes
            holder = clause.head if clause.dep_ == "acomp" else clause
            own = next((c for c in holder.children if c.dep_ in SUBJECT_DEPS and c.i not in skip), None)
            subject = _phrase(own, skip) if own is not None else None
    if _is_infinitive(clause) and clause.dep_ not in ("ROOT",):
        return words, None  # "to repay" with no verb of its own in sight: who does it is unknown
    governor = clause.head
    if clause.dep_ == "ccomp" and governor.lemma_ in REPORTING_LEMMAS and clause.i > governor.i:
        speaker = next((c for c in governor.children if c.dep_ in SUBJECT_DEPS), None)
        if speaker is not None and subject is not None and _bare_pronoun(subject):
            words = [*_phrase(speaker, skip), *_verb_group(governor), *subject, *words]
            subject = []
    return words, subject


def _governed_by_head(clause: Token) -> bool:
    """Return True for a clause that completes the verb above it ("agreed [to meet]", "began [inspecting]")."""
    if clause.head.i == clause.i:
        return False
    return clause.dep_ == "xcomp" or (clause.dep_ == "ccomp" and _is_infinitive(clause))


def _verb_group(verb: Token) -> list[Token]:
    """Return a verb with its auxiliaries, negation and predicative adjective ("are", "due")."""
    group = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt"))]
    if verb.dep_ == "acomp":
        group.extend(_verb_group(verb.head))
    return group


def _bare_pronoun(phrase: list[Token]) -> bool:
    """Return True for a subject that is one pronoun ("it", "they"): without coreference it names nothing."""
    content = [t for t in phrase if not t.is_punct]
    return len(content) == 1 and content[0].pos_ == "PRON" and content[0].lower_ not in ("i", "we")


def noun_summary(noun: Token, skip: set[int]) -> str:
    """Return an event noun's phrase without its date ("Tuesday's derailment of a train": the derailment of a train)."""
    tokens = _phrase(noun, skip | {t.i for t in noun.sent if t.dep_ == "case" and t.head.i in skip})
    return _render(tokens, the=tokens[0].pos_ == "NOUN" if tokens else False)


def _the(subject: list[Token], skip: set[int]) -> bool:
    """Return True when the subject lost a possessive date ("Sunday's march") and needs "the"."""
    lost = any(c.dep_ == "poss" and c.i in skip for t in subject for c in t.children)
    return lost and min(subject, key=lambda t: t.i).pos_ in ("NOUN", "ADJ")


def _phrase(token: Token, skip: set[int], limit: int = SUMMARY_PART_LIMIT) -> list[Token]:
    """Return a phrase's tokens minus clauses, appositions and the date, cut to at most ``limit`` in whole parts.

    A part too long to keep whole is itself cut ("tore through [a fertiliser storage depot in the
    Croatian port] of Rijeka"), so a verb is not left with a bare preposition.
    """
    cut = CUT_DEPS - {"conj", "cc"} if token.dep_ in SUBJECT_DEPS else CUT_DEPS  # "Putin and Lukashenko"
    tokens = [t for t in token.subtree if t.i not in skip and not _under(t, token, cut)]
    tokens = sorted([*tokens, *_names_in_apposition(tokens, skip)], key=lambda t: t.i)
    if token.dep_ not in SUBJECT_DEPS:  # "the potential [to cause a tsunami]": an infinitive completes its noun
        tokens = sorted({*tokens, *(t for c in token.children if c.dep_ == "acl" and _is_infinitive(c)
                                   for t in _phrase(c, skip))}, key=lambda t: t.i)
    if len(tokens) <= limit:
        return tokens
    kept, pending = [t for t in tokens if t.i <= token.i][-limit:], []
    for child in token.rights:
        part = [t for t in tokens if child.left_edge.i <= t.i <= child.right_edge.i]
        if child.dep_ in ("cc", "punct"):
            pending.extend(part)  # an "and" joins only together with what it joins
            continue
        room = limit - len(kept) - len(pending)
        if len(part) > room:
            # "a 60-day state of emergency" keeps "of emergency", not half of "in eleven districts";
            # only what the verb would lack its object without is cut to fit
            cut_part = _phrase(child, skip, room) if not pending and _needs_object(kept) and room > 1 else []
            if len(cut_part) > 1:
                kept.extend(cut_part)
            break
        kept.extend([*pending, *part])
        pending = []
    return kept


def _needs_object(kept: list[Token]) -> bool:
    """Return True when the phrase kept so far ends in a bare preposition ("through")."""
    return bool(kept) and kept[-1].pos_ == "ADP"


def _names_in_apposition(kept: list[Token], skip: set[int]) -> list[Token]:
    """Return the name in apposition to a kept title, commas aside: "New Zealand's Prime Minister, Helena
    Marsh," right after the title, or "the defence of the former mayor Erik Solvang" with no comma at all.

    Without it the summary says who by title alone. After a longer title and a comma ("The Prime Minister
    of New Zealand, Jacinda Ardern,") the name would read clumsily and stays cut, as does an apposition
    to a name ("Marsh, 52,").
    """
    kept_ids = {t.i for t in kept}
    return [name for t in kept if t.ent_type_ != "PERSON" for child in t.children
            if child.dep_ == "appos" and child.ent_type_ == "PERSON" and _joins(t, child.left_edge, kept_ids)
            for name in child.subtree if name.ent_type_ == "PERSON" and name.i not in kept_ids | skip]


def _joins(title: Token, name_start: Token, kept_ids: set[int]) -> bool:
    """Return whether a name reads on from the kept words: straight after them, or after a comma after the title."""
    before = name_start.doc[name_start.i - 1]
    return (before.i in kept_ids and not before.is_punct) or (before.text == "," and before.i == title.i + 1)


def _under(token: Token, top: Token, deps: set[str]) -> bool:
    while token.i != top.i:
        if token.dep_ in deps:
            return True
        token = token.head
    return False


def _clause_tokens(head: Token, skip: set[int], depth: int) -> list[Token]:
    """Return the verb, its auxiliaries, objects and complements; what was said for a reporting verb."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS and child.dep_ not in SUBJECT_DEPS and child.i not in skip:
            tokens.extend(_phrase(child, skip) if child.dep_ not in ("aux", "auxpass", "neg", "prt") else [child])
    said = next((c for c in head.children if c.dep_ == "ccomp"), None)
    if said is not None and noun_read_as_verb(said):
        tokens.append(said)  # "visited the pipeline [works] on Monday": the noun ends the object
    elif said is not None and head.lemma_ not in REPORTING_LEMMAS and len(list(said.subtree)) <= MISPARSED_OBJECT:
        tokens.extend(said.subtree)  # "did not give him [that right]": an object the parser took for a clause
    elif head.lemma_ in REPORTING_LEMMAS and said is not None and depth < 1:
        subject = _subject(said, skip) or []
        tokens.extend([*subject, *_clause_tokens(said, skip, depth + 1)])  # "Peskov said [they would meet]"
    elif not any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "oprd", "prt") for c in head.children):
        prep = next((c for c in head.children if c.dep_ == "prep" and c.i > head.i and c.i not in skip), None)
        if prep is not None:
            tokens.extend(_phrase(prep, skip))
    return [t for t in tokens if t.lower_ not in RELATIVE_WORDS or t.head.i != head.i
            or t.dep_ not in ("advmod", "dobj", "pobj")]  # "where" in "the Kremlin, where Putin received him"


def _date_preps(head: Token, timex_tokens: set[int]) -> set[int]:
    """Return the prepositions that only introduce the date ("on" in "on Monday")."""
    found = set()
    for tok in head.sent:
        if tok.dep_ == "prep" and any(t.i in timex_tokens for t in tok.children):
            found |= {t.i for t in tok.subtree}
    return found


def _render(tokens: list[Token], the: bool = False, trim: bool = True, capital: bool = True) -> str:
    tokens = [t for t in tokens if not t.is_space and not QUOTE_MARKS.match(t.text)]
    while trim and tokens and tokens[-1].dep_ != "prt" and (
            tokens[-1].dep_ in TRAILING_DEPS or tokens[-1].pos_ in ("ADP", "CCONJ", "DET")):
        tokens = tokens[:-1]  # a preposition whose object was the date ("detained in Minsk by")
    parts = []
    for prev, tok in zip([None, *tokens], tokens, strict=False):
        glue = "" if prev is not None and prev.i + 1 == tok.i and not prev.whitespace_ else " "
        parts.append(("" if prev is None else glue) + tok.text)
    text = "".join(parts).strip(" ,;:-—–")
    text = f"the {text}" if the else text
    if not capital and tokens and tokens[0].pos_ != "PROPN":
        return text[:1].lower() + text[1:]
    return text[:1].upper() + text[1:]


def _readable(text: str, head: Token) -> bool:
    """Return True when a summary reads as a clause: long enough, not a bare light verb, not a fragment."""
    words = text.split()
    if words[0].lower() in RELATIVE_WORDS | {"to"}:
        return False
    if len(words) < MIN_SUMMARY_WORDS and not _named_actor_acts(words, head):
        return False
    if head.lemma_ in LIGHT_LEMMAS and len(words) < MIN_SUMMARY_WORDS + 1:
        return False
    finite = head.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") for c in head.children)
    return finite or _is_infinitive(head) or head.dep_ == "xcomp" or _mistagged_past(head)


def _named_actor_acts(words: list[str], head: Token) -> bool:
    """Return True for two words that still tell an event: a named or noun subject and its own full verb.

    "Waaka resigned" (from "Waaka, who resigned on February 4, ...") and "Polls closed" say who or what
    did what; "It was" and "They met" do not.
    """
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    named = any(c.pos_ in ("PROPN", "NOUN") or (c.lower_ in RELATIVE_WORDS and head.head.pos_ == "PROPN")
                for c in subjects)
    return len(words) == MIN_SUMMARY_WORDS - 1 and named and head.lemma_ not in LIGHT_LEMMAS \
        and head.lemma_ not in REPORTING_LEMMAS and head.tag_ in FINITE_TAGS


def _mistagged_past(head: Token) -> bool:
    """Return True for a main verb tagged as a participle that has an active subject: a past tense.

    The small English model tags "Ardern, ..., announced on Thursday a ban" VBN when an apposition
    and a date stand between subject and object, and "A passenger ferry capsized on Lake Victoria on
    Thursday ..., the minister said" in a reported clause. Without an auxiliary a participle with an
    active subject cannot be one.
    """
    if head.tag_ != "VBN" or head.dep_ not in ("ROOT", "ccomp", "conj"):
        return False
    children = list(head.children)
    return any(c.dep_ == "nsubj" for c in children) and not any(c.dep_ in ("aux", "auxpass") for c in children)
