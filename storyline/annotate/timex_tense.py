"""The tense of the clause a time expression sits in: from the spaCy parse, else from nearby words."""

from __future__ import annotations

import re
from typing import Any

_FUTURE_AUX = frozenset({"will", "'ll", "ll", "shall", "wo", "would", "'d"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "'d"})
# Modals of obligation and advice: what they govern is still to be done.
_ADVICE_AUX = frozenset({"should", "must"})
# Modals that look ahead only in reported speech ("said talks could resume on Wednesday", the backshifted
# "can"); elsewhere "could" is as often a past ability ("could not be located Wednesday"): on TempEval-3
# "could" alone turned two right values wrong.
_REPORTED_MODALS = frozenset({"could", "might", "may"})
_PAST_TAGS = frozenset({"VBD"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Verbs whose infinitive complement is a plan: "plans to travel on Monday" looks ahead. Matched on the
# word's start so inflected forms count and no lemmatizer is needed.
_PLAN_STEMS = (
    "plan", "expect", "schedul", "intend", "hop", "aim", "set", "due", "want", "seek", "prepar", "vow",
    "promis", "pledg", "threat", "agree", "decid", "propos", "is", "are", "was", "were", "going",
)  # fmt: skip
# Verbs of planning whose "to" complement looks ahead even in the past tense ("planned to leave on
# Thursday", "agreed to meet on Monday"); checked on TimeBank and the even-indexed AQUAINT files
# (adding the agreement and promise verbs: TimeBank value F1 0.8305 -> 0.8313, AQUAINT unchanged).
_FIRM_PLAN_STEMS = ("plan", "schedul", "intend", "agree", "promis", "pledg", "vow", "decid", "arrang")

# Verbs that put what they govern on the calendar ahead of them ("planned a rally on Saturday").
_SCHEDULE_STEMS = ("plan", "schedul", "arrang")

_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n\s*\n")
_CUE = re.compile(
    r"\b(?:(?P<future>will|won't|shall|'ll|going\s+to|plans?\s+to|planned\s+to|scheduled\s+to|expected\s+to"
    r"|due\s+to|set\s+to|intends?\s+to|would|to\s+be\s+held|upcoming|next)"
    r"|(?P<past>was|were|had|did|said|told|ago|last|earlier|previously|yesterday|[a-z]{2,}ed)"
    r"|(?P<present>is|are|am))\b",
    re.IGNORECASE,
)
# How many characters around an expression the fallback reads for tense cues (a clause, roughly).
_CUE_WINDOW = 80


def tense_at(text: str, start: int, end: int, doc: Any | None) -> str | None:
    """Return "past", "present" or "future" for the clause around text[start:end], or None."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) == 0 or not _has_parse(span):
        return _tense_from_cues(text, start, end)
    # With a parse, no verb above the expression (a headline, "Friday's purchases") means no tense:
    # words nearby then belong to other clauses and mislead more than they help.
    return _tense_from_parse(span)


def _has_parse(span: Any) -> bool:
    """Return whether the span's Doc carries dependencies (a tagger-only Doc does not)."""
    has_annotation = getattr(span.doc, "has_annotation", None)
    return bool(has_annotation("DEP")) if has_annotation is not None else True


def _tense_from_parse(span: Any) -> str | None:
    root = span.root
    if root.dep_ in ("poss", "compound", "nmod", "amod"):
        return None  # "Friday's purchases", "the Monday meeting": the clause's verb is not about this day
    verb = _governing_verb(root)
    if verb is None:
        return None
    verb = _clause_opener(verb, root)
    if noun_read_as_verb(verb):
        verb = verb.head  # "visited the pipeline works on March 14": "works" is the noun, "visited" the verb
    tense = _verb_tense(verb)
    if tense == "past" and any(looks_ahead(verb, root) for looks_ahead in _PAST_BUT_AHEAD):
        return "future"
    if tense == "present" and _hops(root, verb) > _PRESENT_REACH:
        return None  # a present-tense verb far up the tree rarely schedules this expression
    return tense


# Tree distance within which a present-tense verb ("travels ... on Monday") makes an expression future;
# tuned on TimeBank, where farther ones were mostly reported speech about the past.
_PRESENT_REACH = 2


def _schedules_its_object(verb: Any, token: Any) -> bool:
    """Return whether the expression dates the object of a past-tense verb of planning ("planned a rally on
    Saturday": after the verb and its object), not the planning itself ("On Friday, the government planned")."""
    if verb.tag_ != "VBD" or not verb.lower_.startswith(_SCHEDULE_STEMS):
        return False
    return any(c.dep_ == "dobj" and verb.i < c.i < token.i for c in verb.children)


# Words that say a scheduled date has gone by unused ("was planned for Saturday but was scrubbed").
_CALLED_OFF = re.compile(r"\b(?:cancel|postpon|scrub|call(?:ed|s)?\s+off|delay|abort|suspend|put\s+off|instead)",
                         re.IGNORECASE)


def _scheduled_for(verb: Any, token: Any) -> bool:
    """Return whether the expression is the date a passive verb of scheduling sets ("was planned for Saturday",
    "was set for Friday"), in a sentence that neither calls it off nor puts it in the past perfect."""
    if verb.tag_ != "VBN" or not verb.lower_.startswith((*_SCHEDULE_STEMS, "set")) or _pluperfect(verb):
        return False
    prep = token.head
    if prep.lower_ != "for" or prep.head.i != verb.i:
        return False
    return not _CALLED_OFF.search(token.sent.text)


# Passive participles and adjectives that put what a report passes on ahead of the report ("rain was expected on
# Sunday", "the report was due on Wednesday").
_EXPECTED_STEMS = ("expect", "forecast", "predict", "due", "schedul", "plan", "set")
_REPORT_STEMS = (
    "said", "told", "announc", "report", "stat", "add", "warn", "confirm", "indicat", "predict", "forecast",
)  # fmt: skip


def _expected_in_report(verb: Any, token: Any) -> bool:
    """Return whether the expression is the date a past reporting verb says something was expected or due on
    ("forecasters said snow was expected on Monday", "officials said the report was due Wednesday"): the
    backshifted "was" of reported speech, not a past expectation ("the delegation, which was expected on
    Monday, arrived late"), nor one in the past perfect or called off."""
    if not _reported(verb):
        return False
    if _pluperfect(verb) or _CALLED_OFF.search(token.sent.text):
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("on", "for"):
        head = head.head
    elif token.dep_ != "npadvmod":
        return False
    if head.i != verb.i and not (head.dep_ == "acomp" and head.head.i == verb.i):
        return False  # "was due on Wednesday": the date hangs on the adjective
    if not head.lower_.startswith(_EXPECTED_STEMS):
        return False
    return head.tag_ == "JJ" or (head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children))


# Verbs that grant time up to a deadline ("gave the family until Tuesday", "extended the offer until Friday").
_DEADLINE_STEMS = ("give", "gave", "grant", "extend", "allow", "postpon", "adjourn", "defer")


def _deadline_granted(verb: Any, token: Any) -> bool:
    """Return whether the expression is the deadline a past verb grants time up to ("has given the relatives
    until 9 a.m. Tuesday to sign", "extended its deadline until Friday"), not in the past perfect."""
    if token.dep_ == "npadvmod" and token.head.dep_ == "pobj":
        token = token.head  # "until 9 a.m. Tuesday": the day hangs on the clock time
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("until", "till"):
        return False
    # "gave the company until Friday to respond" is at times parsed with "until" marking "to respond"
    granter = prep.head if prep.dep_ == "prep" else prep.head.head if prep.dep_ == "mark" else None
    if granter is None or granter.i not in (verb.i, verb.head.i):
        return False
    return granter.lower_.startswith(_DEADLINE_STEMS) and not _pluperfect(granter)


# Past-tense verbs that still put the expression ahead of them:
# "protesters planned a rally on Saturday" (the rally is still ahead), "the next attempt was planned for
# Saturday", "ARSO warned that more rain was expected on Sunday", "INS extended its deadline until 9 a.m. Tuesday".
_PAST_BUT_AHEAD = (_schedules_its_object, _scheduled_for, _expected_in_report, _deadline_granted)


# Verbs that take a clause: under them a present-tense clause is real ("said the ferry sails on Monday").
_CLAUSE_TAKING_STEMS = (
    "say", "said", "tell", "told", "announc", "report", "stat", "add", "not", "think", "thought", "believ",
    "know", "knew", "confirm", "warn", "insist", "claim", "deni", "explain", "argu", "learn", "heard", "hear",
    "decid", "agre", "fear", "hop", "expect", "indicat", "suggest", "reveal", "show", "found", "ruled",
)  # fmt: skip


def noun_read_as_verb(verb: Any) -> bool:
    """Return whether a present-tense "verb" is a plural noun the tagger misread ("the pipeline works").

    The parse then hangs it as a clause under the real verb: "visited [the pipeline] works", with no
    auxiliary or subject of its own but the noun before it, whose phrase opens with the determiner right
    after a past-tense verb that takes objects, not clauses.
    """
    head = verb.head
    if verb.tag_ != "VBZ" or verb.dep_ != "ccomp" or head.tag_ != "VBD" or head.lower_.startswith(_CLAUSE_TAKING_STEMS):
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return False
    noun, opener = verb.doc[verb.i - 1], verb.doc[head.i + 1]
    if noun.tag_ not in ("NN", "NNS") or noun.dep_ not in ("nsubj", "dobj"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i != noun.i for c in verb.children):
        return False  # the clause has a subject of its own: a real verb
    return opener.dep_ == "det" and opener.head.i == noun.i


def _clause_opener(verb: Any, token: Any) -> Any:
    """Return the verb that an expression between it and the clause it introduces belongs to.

    The small parser hangs "on Wednesday" in "said on Wednesday he would meet Putin" on "meet", so the
    day looked ahead a week; standing before the clause's subject, it dates the saying.
    """
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or head.pos_ != "VERB" or not head.i < token.i < verb.i:
        return verb
    openers = [c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "mark", "expl")]
    return head if openers and token.i < min(openers) else verb


def _hops(token: Any, ancestor: Any) -> int:
    hops = 0
    while token.i != ancestor.i and token.head.i != token.i and hops < 10:
        token, hops = token.head, hops + 1
    return hops


def _governing_verb(token: Any) -> Any | None:
    """Return the nearest verb above the token in the dependency tree."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _verb_tense(verb: Any) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or _is_going_to(verb) or (words & _REPORTED_MODALS and _reported(verb)):
        return "future"
    if words & _PAST_AUX or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lower_ in ("has", "have") for a in auxes):
        return "past"
    if words & _ADVICE_AUX:
        return "future"  # "residents should keep windows shut overnight", "must appear on Monday"
    if verb.tag_ in _PAST_TAGS or (verb.tag_ == "VBN" and not auxes):
        return "past"  # "announced Friday": a bare participle reports what happened
    if verb.tag_ in _PRESENT_TAGS or any(a.tag_ in _PRESENT_TAGS for a in auxes):
        return "present"
    if verb.tag_ == "VB":
        return _infinitive_tense(verb, any(a.lower_ == "to" for a in auxes))
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return _verb_tense(verb.head)  # "would begin investigating ... on Wednesday": the tense of "would begin"
    return None


def _reported(verb: Any) -> bool:
    """Return whether a clause is what a past reporting verb says ("said [talks could resume]")."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.i != verb.i and head.tag_ == "VBD" and head.lower_.startswith(_REPORT_STEMS)


def _is_going_to(verb: Any) -> bool:
    head = verb.head
    return head.i != verb.i and head.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)


def _infinitive_tense(verb: Any, with_to: bool) -> str | None:
    """Return the tense of an infinitive ("let the offensive begin Saturday"): that of the verb above it,
    except that "to travel" under a present-tense verb of planning looks ahead."""
    head = _governing_verb(verb.head) if verb.head.i != verb.i else None
    if with_to and head is None:
        return "future"  # a headline's "to" ("Obama to visit China on Monday") announces what is ahead
    head_tense = _verb_tense(head) if head is not None and head.i != verb.i else None
    planned = verb.head.lower_.startswith(_PLAN_STEMS) or (head is not None and head.lower_.startswith(_PLAN_STEMS))
    if with_to and planned and (head_tense != "past" or _bare_participle(head)):
        return "future"
    if with_to and head is not None and head.lower_.startswith(_FIRM_PLAN_STEMS) and not _pluperfect(head):
        return "future"  # "the team planned to leave on Thursday": news reports plans still ahead
    return head_tense


def _pluperfect(verb: Any) -> bool:
    """Return whether a verb is in the past perfect ("had been scheduled to expire Friday": it has)."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children)


def _bare_participle(verb: Any | None) -> bool:
    """Return whether a verb is a participle with no auxiliary ("talks, set to resume Monday")."""
    if verb is None or verb.tag_ != "VBN":
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _tense_from_cues(text: str, start: int, end: int) -> str | None:
    """Return a tense guessed from words near the expression, inside its sentence."""
    left = text[max(0, start - _CUE_WINDOW) : start]
    ends = [m.end() for m in _SENT_END.finditer(left)]
    if ends:
        left = left[ends[-1] :]
    right = text[end : end + _CUE_WINDOW]
    stop = _SENT_END.search(right)
    if stop:
        right = right[: stop.start()]
    # The nearest cue wins: "said Friday it would investigate" is about a past Friday.
    before = [(len(left) - m.end(), m.lastgroup) for m in _CUE.finditer(left)]
    after = [(m.start(), m.lastgroup) for m in _CUE.finditer(right)]
    cues = sorted([*before[-1:], *after[:1]], key=lambda cue: cue[0])
    return cues[0][1] if cues else None
