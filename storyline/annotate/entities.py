"""Group the named-entity mentions of one article into canonical entities, and key them across articles.

People: full names ("Vladimir Putin", "Vladimir V. Putin") group by surname and a compatible first
name (same, or an initial of it); two people who share a surname but not a first name stay two.
A surname alone ("Putin") joins the one person of that surname. When the article names two people
of that surname, a bare surname is ambiguous and is attached to none (the mention is dropped):
a wrong merge would give one person the other's roles and feed false conflicts, while a dropped
mention only loses a count. Titles and honorifics inside a name ("President Obama", "Mr Putin")
are cut off the mention; roles.py reads them as roles.

Other entities (ORG, GPE, LOC, NORP, FAC, EVENT, ...) group by their normalised name, whatever label
spaCy gave each mention (it labels one country ORG in one sentence and GPE in the next); the entity's
type is its most common label, a vague one (PRODUCT, LANGUAGE, ...) giving way to any other. Names
lose a leading "the" and a trailing possessive 's, and end at a line break.

The small model mislabels names a reader would not: it calls a town a person ("arrested in
Salthill") or an organisation ("in hospital in Linz"), a person an organisation ("The union
president, Helena Saraiva,"), and a sentence's first word an entity ("Trains will run again").
Rules any news text needs correct these: a name in apposition to a role is a person; a one-word
"person" never given a first name or title is a place when a mention follows "in"/"near"/"at"
(or stands in a list with such a place); a company ending ("Seafoods", "Ltd") is an organisation;
number words, lower-case starts and untagged sentence-initial common words are not names. The
Doc's entity labels are then set to the entities' types, so roles.py reads the same types.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from itertools import pairwise

from spacy.attrs import IS_TITLE, ORTH
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from storyline.annotate.roles import is_title_word, normalise_country, role_in_apposition
from storyline.models import Entity, Mention

# spaCy labels kept as entities; numbers, dates and amounts are not entities.
ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC"})
# Labels the small model gives wrongly more often than not ("Corrib Seafoods" PRODUCT, "Linz"
# LANGUAGE): another label of the same name wins over them. Read off the QA3 fixture articles.
_VAGUE_LABELS = frozenset({"PERSON", "PRODUCT", "LANGUAGE", "WORK_OF_ART", "EVENT", "LAW"})
# Words right before a place name ("arrested in Salthill", "near Kessling"). "at" names a company
# as often as a place ("at Corrib Seafoods"), so it only counts against a doubtful person.
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside"})
# Words before "in" that make what follows no place ("as in Apple", "shares in Tesla").
_NOT_PLACE_BEFORE = frozenset({"as", "stake", "stakes", "share", "shares", "investment", "investments",
                               "interest", "holding", "holdings", "confidence", "trust", "faith"})  # fmt: skip
# Last words of company names.
_COMPANY_ENDING = re.compile(
    r"(?:(?:sea)?foods|ltd|limited|inc|plc|gmbh|corp|corporation|holdings|group|airlines|airways|motors"
    r"|industries|llc|pharmaceuticals|technologies|logistics)\.?$",
    re.IGNORECASE,
)
# Last words that make a name no person's ("Marronnier Park", "Manchester United"), with the label
# the name gets instead. Read off article_extraction_benchmark pages, not a held-out set.
_THING_ENDINGS = {
    **dict.fromkeys("park street road square stadium centre center hall bridge airport spaceport station port harbour "
                    "terminal".split(), "FAC"),
    **dict.fromkeys("river lake mountain island valley".split(), "LOC"),
    **dict.fromkeys("united fc club council committee ministry department agency authority police "
                    "university college school hospital court church party".split(), "ORG"),
}  # fmt: skip
# Nouns whose "of" names a town or region: "the mayor of X", "the town of X", "residents of X" (not
# "governor": "the governor of Riksbank" heads a bank).
_PLACE_OWNERS = frozenset("mayor mayors town city village region province county district "
                          "residents inhabitants outskirts suburbs streets centre center".split())  # fmt: skip
# Portfolios that open a minister's title ("Trade Minister", "Energy Secretary"): the model tags them ORG.
_PORTFOLIOS = frozenset("trade energy finance health education justice defence defense interior foreign environment "
                        "transport agriculture labour labor economy tourism culture housing industry fisheries "
                        "treasury home".split())  # fmt: skip
_PERSON_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# Title words that also open names of things ("Star Wars", "General Motors", "King Street"): no
# name is read after them unless the recogniser found one.
_THING_TITLES = frozenset(
    "star general king queen prince princess chief head leader player singer actor actress editor officer owner founder"
    .split()
)  # fmt: skip
_SENTENCE_OPENERS = frozenset({".", "!", "?", ":", '"', "“", "‘", "'", "(", "|", "—", "–", "-"})
_SURNAME_PREFIXES = ("al-", "el-", "al ", "el ")


def find_entities(doc: Doc) -> list[Entity]:
    """Return the article's entities, each with its mentions (offsets into the text), in order of first mention.

    The Doc's entity labels are set to the entities' types (``_relabel``), so roles read them alike.
    """
    spans = _candidates(doc)
    people = _group_people(_recover_full_names(doc, [s for s in spans if s.label_ == "PERSON"]))
    others = [s for s in spans if s.label_ != "PERSON"]
    people, not_people = _split_non_people(doc, people, others)
    groups = _group_others(others + not_people, people)
    typed = [(g, "PERSON") for g in people if g] + [(g, _other_type(doc, g)) for g in groups if g]
    _relabel(doc, typed)
    entities = [_entity(group, kind) for group, kind in typed]
    return sorted(entities, key=lambda e: e.mentions[0].start)


def entity_key(entity: Entity) -> str:
    """Return a key that is equal for the same person or thing named in two articles.

    People key on first and last name ("person:george bush" for "George W. Bush"); a person the
    article only named by one word keys on it ("person:smith"): a weak key, the store should not
    merge on it alone. Everything else keys on its normalised name ("name:united states" for "the U.S.").
    """
    if entity.type == "PERSON":
        words = _norm(entity.name).split()
        return "person:" + (" ".join((words[0], words[-1])) if len(words) > 1 else "".join(words))
    return "name:" + _norm(normalise_country(entity.name) if entity.type in _PLACE_LABELS else entity.name)


def merge_entities(existing: Entity, new: Entity) -> Entity:
    """Return ``existing`` with ``new``'s aliases and roles added (a fuller person name replaces a bare one).

    Mentions are not merged: their offsets index one article's text.
    """
    name = existing.name
    if existing.type == "PERSON" and len(new.name.split()) > len(name.split()) == 1:
        name = new.name
    aliases = _unique([*existing.aliases, existing.name, new.name, *new.aliases], drop=name)
    roles = list(existing.roles)
    seen = {(r.role, r.date, r.quote) for r in roles}
    roles += [r for r in new.roles if (r.role, r.date, r.quote) not in seen]
    return Entity(name=name, type=existing.type, aliases=aliases, roles=roles,
                  mentions=list(existing.mentions), id=existing.id or new.id)  # fmt: skip


def _candidates(doc: Doc) -> list[Span]:
    """Return the cleaned entity mentions of the Doc plus titled names the recogniser missed, in text order."""
    ents = _join_adjacent_names([part for e in doc.ents if e.label_ in ENTITY_LABELS for part in _split_at_commas(e)])
    spans = [s for s in (_clean(ent) for ent in ents) if s is not None]
    recovered = _untagged_titled_names(doc)
    recovered += _untagged_appositive_names(doc, {t for s in spans + recovered for t in range(s.start, s.end)})
    return sorted(spans + recovered, key=lambda s: s.start)


def _split_at_commas(ent: Span) -> list[Span]:
    """Return a name's parts between commas when one of them is a person in apposition to a role.

    The small model runs "the mayor of Lindby, Ines Varga," into one ORG. A name with a comma of
    its own ("Meteorology, Climatology and Geophysics Agency", "Paris, Texas") stays whole.
    """
    commas = [t.i for t in ent if t.text == ","]
    if not commas or ent.label_ in _PLACE_LABELS:
        return [ent]
    bounds = [ent.start - 1, *commas, ent.end]
    parts = [(a + 1, b) for a, b in pairwise(bounds) if b > a + 1]
    if _title_of_next_name(ent.doc, *parts[-1]):
        parts = parts[:-1]  # "the jetty at [Bugorora, Transport Minister] Makame Mbarawa said"
    elif not any(_named_in_apposition(ent.doc, a, b) for a, b in parts[1:]):
        return [ent]
    return [Span(ent.doc, a, b, label=ent.label_) for a, b in parts]


def _title_of_next_name(doc: Doc, start: int, end: int) -> bool:
    """Return whether tokens start..end are a title ("Transport Minister") of the name right after them."""
    return end < len(doc) and is_title_word(doc[end - 1].text) and doc[end].is_title and doc[end].is_alpha


def _join_adjacent_names(ents: list[Span]) -> list[Span]:
    """Return the entities with two place names, or two person names, side by side on a line made one.

    The small model splits "Upper Austria" into "Upper" and "Austria", and "Samia Suluhu Hassan" into
    "Samia Suluhu" and "Hassan"; prose never puts two names next to each other without a comma or "and".
    """
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        places = prev is not None and prev.label_ in _PLACE_LABELS and ent.label_ in _PLACE_LABELS
        people = prev is not None and prev.label_ == ent.label_ == "PERSON"
        if prev is not None and prev.end == ent.start and (places or people) and prev[-1].whitespace_ == " ":
            out[-1] = Span(ent.doc, prev.start, ent.end, label=ent.label_)
        else:
            out.append(ent)
    return out


def _untagged_titled_names(doc: Doc) -> list[Span]:
    """Return names of two or three words after a capitalised title, where the recogniser found no entity.

    "Detective Superintendent Aoife Morrissey" gets no entity from the small model at all.
    """
    found: list[Span] = []
    after = -1
    for title in _token_indices(doc, IS_TITLE, 1):
        if title <= after or not _is_person_title(doc[title]):
            continue
        j = title + 1
        while j < len(doc) and _is_person_title(doc[j]):
            j += 1
        k = j
        while k < min(len(doc), j + 3) and _is_given_name(doc[k]):
            k += 1
        if k - j >= 2 and (k == len(doc) or not _is_given_name(doc[k])):
            found.append(Span(doc, j, k, label="PERSON"))
        after = k
    return found


def _token_indices(doc: Doc, attr: int, value: int) -> list[int]:
    """Return the indices of the tokens whose ``attr`` is ``value``, read from the Doc's array.

    Iterating a Doc makes a Python Token per word; these scans ran over every token of every article
    (about 6 ms per 600-word article, measured with cProfile on Timeline17 texts).
    """
    return [int(i) for i in (doc.to_array(attr) == value).nonzero()[0]]


def _untagged_appositive_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Return names of two or three words set off by commas beside a role, where the recogniser found none.

    "the mayor of Kessling, Ines Dorsch, told reporters": the small model tags no entity in such a
    sentence, but the role phrase in apposition says a person is named.
    """
    found: list[Span] = []
    for comma in _token_indices(doc, ORTH, doc.vocab.strings[","]):
        if comma + 1 >= len(doc):
            continue
        start = end = comma + 1
        while end < min(len(doc), start + 3) and _is_given_name(doc[end]) and end not in taken:
            end += 1
        closed = end < len(doc) and doc[end].text in (",", ".", ";")
        if end - start >= 2 and closed and role_in_apposition(doc, start, end):
            found.append(Span(doc, start, end, label="PERSON"))
    return found


def _is_person_title(token: Token) -> bool:
    return (token.is_title and is_title_word(token.text) and not token.ent_type_
            and token.lower_ not in _THING_TITLES)  # fmt: skip


def _clean(ent: Span) -> Span | None:
    """Return the mention without a leading "the", titles, honorifics or a trailing possessive; None if no name.

    The mention ends at a line break, and number words or common words are no name (``_is_junk``).
    """
    doc = ent.doc
    start, end = _first_line(doc, ent.start, ent.end)
    honorific = _opens_with_honorific(doc, start, end)
    while start < end and (doc[start].lower_ == "the"
                           or ((ent.label_ == "PERSON" or honorific) and _is_title(doc, start, end))):  # fmt: skip
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s", "'", "’")
                           or doc[end - 1].is_punct):  # fmt: skip
        end -= 1
    if start >= end or _is_junk(doc, start, end, ent.label_):
        return None
    person = honorific or _titled_name(doc, start, end) or _named_in_apposition(doc, start, end)
    return Span(doc, start, end, label="PERSON" if person else ent.label_)


def _opens_with_honorific(doc: Doc, start: int, end: int) -> bool:
    """Return whether a mention is an honorific and one to three capitalised words ("Ms Okafor").

    The small model labels "Ms Okafor" GPE or ORG; "Mr", "Mrs", "Ms", "Miss" and "Mx" only ever come
    before a person's name. ("Dr" is left out: "Dr Pepper", "Dr. Martens".)
    """
    if not 2 <= end - start <= 4 or doc[start].text.rstrip(".").lower() not in _PERSON_HONORIFICS:
        return False
    return all(t.is_title and t.is_alpha for t in doc[start + 1 : end])


def _first_line(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Return the token range of a mention up to its first line break ("Copenhagen Observer\n\nThe")."""
    while start < end and doc[start].is_space:
        start += 1
    stop = next((k for k in range(start, end) if "\n" in doc[k].text), end)
    return start, stop


def _is_junk(doc: Doc, start: int, end: int, label: str) -> bool:
    """Return whether a mention is no name: a number word ("Sixty"), a lower-case start ("ministry on
    June 28"), or one sentence-initial word the tagger did not call a proper noun ("Trains", "Subscribe").
    """
    first = doc[start]
    if all(t.like_num for t in doc[start:end]):
        return True
    if end - start == 1 and first.lower_ in _PORTFOLIOS and end < len(doc) and is_title_word(doc[end].text):
        return True  # "Energy Minister Ola Brekke": the portfolio of a title, not an organisation
    if label != "PERSON" and first.is_alpha and first.is_lower:
        return True
    return end - start == 1 and label != "NORP" and first.tag_ not in _NAME_TAGS and _opens_sentence(doc, start)


def _opens_sentence(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].is_space or doc[i - 1].text in _SENTENCE_OPENERS or doc[i].is_sent_start is True


def _named_in_apposition(doc: Doc, start: int, end: int) -> bool:
    """Return whether a name of two or three words stands in apposition to a role ("The mayor, Georg Pichler")."""
    words = doc[start:end]
    if not 2 <= len(words) <= 3 or not all(t.is_title and t.is_alpha for t in words):
        return False
    return role_in_apposition(doc, start, end)


def _titled_name(doc: Doc, start: int, end: int) -> bool:
    """Return whether a name the recogniser did not call a person follows a person's title.

    The small model labels "Chancellor Olaf Scholz" ORG for "Olaf Scholz"; a title or honorific
    right before one to three capitalised words names a person.
    """
    if start == 0 or not 1 <= end - start <= 3 or not is_title_word(doc[start - 1].text):
        return False
    return all(t.is_title and t.is_alpha for t in doc[start:end])


def _is_title(doc: Doc, i: int, end: int) -> bool:
    """Return whether token i of a PERSON span is a title word with a name still after it."""
    return end - i > 1 and is_title_word(doc[i].text)


@functools.lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    """Return a name folded for matching: no accents, case, dots, apostrophes; hyphens as spaces."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = folded.replace(".", "").replace("'", "").replace("’", "").replace("-", " ")
    return " ".join(folded.split())


@functools.lru_cache(maxsize=4096)
def _surname(word: str) -> str:
    """Return the matching key of a surname: "al-Assad" and "Assad" both give "assad"."""
    lowered = word.lower()
    for prefix in _SURNAME_PREFIXES:
        if lowered.startswith(prefix) and len(lowered) > len(prefix) + 1:
            word = word[len(prefix) :]
    return _norm(word)


def _words(span: Span) -> list[str]:
    """Return the words of a name, a hyphenated surname kept whole ("Bashar", "al-Assad")."""
    return span.text.split()


def _first_names_agree(a: str, b: str) -> bool:
    """Return whether two first names can be one person's: equal, or one is the other's initial."""
    a, b = _norm(a), _norm(b)
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _group_people(spans: list[Span]) -> list[list[Span]]:
    """Return PERSON mentions grouped by person: full names first, then bare surnames joined to them."""
    groups: list[list[Span]] = []
    for span in (s for s in spans if len(_words(s)) > 1):
        group = next((g for g in groups if _same_person(g[0], span)), None)
        if group is None:
            groups.append([span])
        else:
            group.append(span)
    for span in (s for s in spans if len(_words(s)) == 1):
        _attach_single(groups, span)
    for group in groups:
        group.sort(key=lambda s: s.start)
    return groups


def _recover_full_names(doc: Doc, people: list[Span]) -> list[Span]:
    """Return the PERSON mentions plus full names NER missed of people it found by surname only.

    The small English model often misses a name at the start of a sentence ("Alexei Navalny, the
    opposition leader, ...") yet finds the bare "Navalny" later: capitalised words right before
    that surname, outside any entity, are taken as the first names.
    """
    full = {_surname(_words(s)[-1]) for s in people if len(_words(s)) > 1}
    bare = {s.text for s in people if len(_words(s)) == 1 and _surname(s.text) not in full}
    if not bare:
        return people
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(b) for b in sorted(bare)) + r")\b")
    hits = [doc.char_span(m.start(), m.end()) for m in pattern.finditer(doc.text)]
    found = [_first_names_before(doc, h.start) for h in hits if h is not None and len(h) == 1 and not h[0].ent_type_]
    return sorted(people + [s for s in found if s is not None], key=lambda s: s.start)


def _first_names_before(doc: Doc, i: int) -> Span | None:
    """Return the span "First [Middle] Surname" ending at token i, if one or two given names precede it."""
    start = i
    while start > max(0, i - 2) and _is_given_name(doc[start - 1]):
        start -= 1
    return Span(doc, start, i + 1, label="PERSON") if start < i else None


def _is_given_name(token: Token) -> bool:
    # The tagger calls given names ending in -s plural ("Ines", "Agnes", "Marcus": NNPS).
    return (token.tag_ in _NAME_TAGS and token.is_title and not token.ent_type_
            and not is_title_word(token.text) and token.is_alpha)  # fmt: skip


def _same_person(a: Span, b: Span) -> bool:
    wa, wb = _words(a), _words(b)
    return _surname(wa[-1]) == _surname(wb[-1]) and _first_names_agree(wa[0], wb[0])


def _attach_single(groups: list[list[Span]], span: Span) -> None:
    """Add a one-word name to the one person it can be; start a new one if none; drop it if ambiguous."""
    key = _surname(span.text)
    full = [g for g in groups if len(_words(g[0])) > 1 and _surname(_words(g[0])[-1]) == key]
    if len(full) > 1:
        return  # two people share this surname: ambiguous (see module docstring)
    same = full or [g for g in groups if len(_words(g[0])) == 1 and _surname(g[0].text) == key]
    if same:
        same[0].append(span)
    else:
        groups.append([span])


def _split_non_people(doc: Doc, people: list[list[Span]], others: list[Span]) -> tuple[list[list[Span]], list[Span]]:
    """Return the groups that name people, and the mentions (relabelled) of those that name no person."""
    names = Counter(_norm(s.text) for s in others)
    kept: list[list[Span]] = []
    moved: list[Span] = []
    for group in people:
        label = _label_if_no_person(doc, group, names)
        if label is None:
            kept.append(group)
        else:
            moved += [Span(doc, s.start, s.end, label=label) for s in group]
    return kept, moved


def _label_if_no_person(doc: Doc, group: list[Span], names: Counter[str]) -> str | None:
    """Return the label for the mentions of a "person" that is none, or None for a person.

    A person with a title or role is one. Otherwise it is none when the article names it more
    often as something else ("Davis Cup": once PERSON, twice EVENT); and a one-word one (never
    given a first name) when the article names the same word as a place or organisation ("near
    Kessling" ... "Kessling's mayor"), when a mention follows "in", "near" or "at" ("arrested in
    Salthill", also through a list: "in Lisbon, Porto and Coimbra"), or "the" ("the Dragons").
    The label is a place's, an organisation's, or PERSON, which the other mentions' labels outvote.
    """
    if _is_titled(doc, group):
        return None
    ending = _THING_ENDINGS.get(_best_name([s.text for s in group], is_person=True).split()[-1].lower())
    if ending is not None and len(group[0]) > 1:
        return ending
    if sum(names[key] for key in {_norm(s.text) for s in group}) > len(group):
        return "PERSON"
    if any(len(s) > 1 for s in group):
        return None
    if any(_place_evidence(doc, s, after_at=True) for s in group):
        return "GPE"
    if any(_after_the(doc, s) for s in group):
        return "ORG"
    return "PERSON" if _norm(group[0].text) in names else None


def _is_titled(doc: Doc, group: list[Span]) -> bool:
    """Return whether a mention of a person follows a title or stands in apposition to a role."""
    return any((s.start > 0 and is_title_word(doc[s.start - 1].text)) or role_in_apposition(doc, s.start, s.end)
               for s in group)  # fmt: skip


def _after_the(doc: Doc, span: Span) -> bool:
    """Return whether a name follows "the" and heads its phrase ("the Dragons", not "the Assad regime")."""
    if span.start == 0 or doc[span.start - 1].lower_ != "the":
        return False
    return span.end == len(doc) or doc[span.end].tag_ not in _NOUN_TAGS | {"POS"}


def _place_evidence(doc: Doc, span: Span, after_at: bool) -> bool:
    """Return whether a mention reads as a place: after "in"/"near" (or "at"), "from X to Y", a dateline.

    Not when the name modifies what follows ("in Rose-Lynn's life", "in MacBook keyboards"), nor
    after "as in" or "shares in".
    """
    head = _list_start(doc, span.start)
    before = doc[head - 1].lower_ if head > 0 else ""
    if span.end < len(doc) and (doc[span.end].tag_ == "POS" or doc[span.end].tag_ in _NOUN_TAGS):
        return False
    if before in _PLACE_PREPOSITIONS or (after_at and before == "at"):
        return head < 2 or doc[head - 2].lower_ not in _NOT_PLACE_BEFORE
    if before == "of" and head >= 2 and doc[head - 2].lower_ in _PLACE_OWNERS:
        return True  # "the mayor of Varnholm", "residents of Kessling"
    if before == "from" and (_opens_list(doc, head + 1) or _names_follow(doc, span.end, "to")):
        return True  # "from Galway, Athenry and Tuam", "from Linz to Passau"; not "from Souls and Sekiro"
    if before == "to" and head >= 3 and doc[head - 3].lower_ == "from":
        return True
    return _in_dateline(doc, span)


def _opens_list(doc: Doc, i: int) -> bool:
    """Return whether a list of names goes on at token i: ", Athenry and" or ", Athenry,"."""
    return (i + 3 < len(doc) and doc[i].text == "," and doc[i + 1].is_title and doc[i + 1].tag_ in _NAME_TAGS
            and doc[i + 2].lower_ in (",", "and"))  # fmt: skip


def _names_follow(doc: Doc, i: int, word: str) -> bool:
    """Return whether token i is ``word`` followed by a capitalised name."""
    return i + 1 < len(doc) and doc[i].lower_ == word and doc[i + 1].is_title and doc[i + 1].tag_ in _NAME_TAGS


def _list_start(doc: Doc, i: int) -> int:
    """Return the first token of the list of one-word names that token i is in ("Lisbon, Porto and Coimbra").

    A name after a comma is in a list only if "," or "and" follows it ("in Cleveland, Browns
    defensive end ..." is no list).
    """
    if i < 2 or not (doc[i - 1].lower_ == "and" or (doc[i - 1].text == "," and _continues_list(doc, i + 1))):
        return i
    while i >= 2 and doc[i - 1].text in (",", "and") and doc[i - 2].is_title and doc[i - 2].tag_ in _NAME_TAGS:
        i -= 2
    return i


def _continues_list(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].lower_ in (",", "and")


def _in_dateline(doc: Doc, span: Span) -> bool:
    """Return whether a mention opens the text in capitals before a comma or parenthesis ("KESSLING, Austria —")."""
    return span.start == 0 and span.text.isupper() and span.end < len(doc) and doc[span.end].text in (",", "(")


def _other_type(doc: Doc, group: list[Span]) -> str:
    """Return the type of a non-person entity: a company ending, a one-word place, else its commonest clear label."""
    labels = Counter(s.label_ for s in group)
    name = _best_name([s.text for s in group], is_person=False)
    if _COMPANY_ENDING.search(name):
        return "ORG"
    if _is_one_word_place(doc, group, name, labels):
        return "GPE"
    clear = Counter({label: n for label, n in labels.items() if label not in _VAGUE_LABELS})
    return (clear or labels).most_common(1)[0][0]


def _is_one_word_place(doc: Doc, group: list[Span], name: str, labels: Counter[str]) -> bool:
    """Return whether a one-word name the model called no place reads as one ("in hospital in Linz").

    Acronyms stay ("jobs in ÖBB"); so do locations and facilities, which are places already.
    """
    if len(name.split()) != 1 or labels.keys() & {"LOC", "FAC", "NORP"}:
        return False
    if name.isupper() and len(name) > 1 and not any(_in_dateline(doc, s) for s in group):
        return False
    return any(_place_evidence(doc, s, after_at=False) for s in group)


def _relabel(doc: Doc, typed: list[tuple[list[Span], str]]) -> None:
    """Set the Doc's entity labels to the entities' types; other entities (dates, numbers) stay."""
    mentions = [Span(doc, s.start, s.end, label=kind) for group, kind in typed for s in group]
    taken = {i for m in mentions for i in range(m.start, m.end)}
    # a name found to be none ("Energy" in "Energy Minister") loses its label; dates and numbers stay
    kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end)) and e.label_ not in ENTITY_LABELS]
    doc.ents = filter_spans(mentions + kept)


def _group_others(spans: list[Span], people: list[list[Span]]) -> list[list[Span]]:
    """Return non-person mentions grouped by name; a name that is a person's ("Helena Saraiva" tagged ORG
    elsewhere, a one-word ORG that is a surname) joins that person.
    """
    by_key: dict[str, list[Span]] = {}
    full = [(g, _words(g[0])) for g in people if len(_words(g[0])) > 1]
    by_surname: dict[str, list[tuple[list[Span], list[str]]]] = {}
    for group, words in full:
        by_surname.setdefault(_surname(words[-1]), []).append((group, words))
    for span in spans:
        if _join_person(by_surname, span):
            continue
        by_key.setdefault(_norm(normalise_country(span.text)), []).append(span)
    return list(by_key.values())


def _join_person(by_surname: dict[str, list[tuple[list[Span], list[str]]]], span: Span) -> bool:
    """Add a mislabelled name of a person to the one person it names; return whether it did.

    ``by_surname`` holds the people named in full, with their words, by surname. A full name
    joins whatever its label; a one-word name only when tagged ORG ("Lukashenko"), as a one-word
    place is more often a place than a person's surname ("Jordan").
    """
    words = _words(span)
    candidates = by_surname.get(_surname(words[-1]), [])
    if len(words) > 1:
        full = [g for g, name in candidates if _first_names_agree(name[0], words[0])]
    elif span.label_ == "ORG" or _described_as_person(span):
        full = [g for g, _ in candidates]
    else:
        return False
    if len(full) != 1:
        return False
    full[0].append(span)
    full[0].sort(key=lambda s: s.start)
    return True


def _described_as_person(span: Span) -> bool:
    """Return whether a name is set off by a role or an age ("Arakawa, Japan's prime minister,", "Solvang, 58,").

    Then a one-word "place" that is a surname of the article's person is that person, not a place.
    """
    doc, end = span.doc, span.end
    aged = end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text == ","
    return aged or role_in_apposition(doc, span.start, end)


def _entity(group: list[Span], kind: str) -> Entity:
    """Return the entity a group of mentions names: its fullest common name, aliases and mentions."""
    texts = [s.text for s in group]
    name = _best_name(texts, kind == "PERSON")
    if kind == "GPE" and name.isupper() and any(_in_dateline(s.doc, s) for s in group):
        name = name.title()  # "MINSK (Reuters) -" with no other mention of the city
    mentions = [Mention(text=s.text, start=s.start_char, end=s.end_char) for s in group]
    return Entity(name=name, type=kind, aliases=_unique(texts, drop=name), roles=[], mentions=mentions)


def _best_name(texts: list[str], is_person: bool) -> str:
    """Return the most common of the longest names (people: of the names with most words).

    A name in capitals ("WELLINGTON —" in a dateline) gives way to its ordinary spelling.
    """
    counts = Counter(texts)
    most_words = max(len(t.split()) for t in texts) if is_person else 0
    pool = [t for t in texts if len(t.split()) >= most_words]
    return max(pool, key=lambda t: (not (t.isupper() and len(t) > 3), counts[t], -texts.index(t)))


def _unique(texts: list[str], drop: str) -> list[str]:
    """Return the texts without duplicates or ``drop``, in first-seen order."""
    seen: list[str] = []
    for text in texts:
        if text != drop and text not in seen:
            seen.append(text)
    return seen
