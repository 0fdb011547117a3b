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
type is its most common label. Names lose a leading "the" and a trailing possessive 's.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from spacy.tokens import Doc, Span, Token

from storyline.annotate.roles import is_title_word, normalise_country
from storyline.models import Entity, Mention

# spaCy labels kept as entities; numbers, dates and amounts are not entities.
ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_SURNAME_PREFIXES = ("al-", "el-", "al ", "el ")


def find_entities(doc: Doc) -> list[Entity]:
    """Return the article's entities, each with its mentions (offsets into the text), in order of first mention."""
    spans = [s for s in (_clean(ent) for ent in doc.ents if ent.label_ in ENTITY_LABELS) if s is not None]
    people = _group_people(_recover_full_names(doc, [s for s in spans if s.label_ == "PERSON"]))
    others = _group_others([s for s in spans if s.label_ != "PERSON"], people)
    groups = [g for g in people + others if g]
    entities = [_entity(group) for group in groups]
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


def _clean(ent: Span) -> Span | None:
    """Return the mention without a leading "the", titles, honorifics or a trailing possessive; None if empty."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ == "the" or (ent.label_ == "PERSON" and _is_title(doc, start, end))):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s", "'", "’")
                           or doc[end - 1].is_punct):  # fmt: skip
        end -= 1
    if start >= end:
        return None
    label = "PERSON" if _titled_name(doc, start, end) else ent.label_
    return Span(doc, start, end, label=label)


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
    return (token.tag_ == "NNP" and token.is_title and not token.ent_type_
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


def _group_others(spans: list[Span], people: list[list[Span]]) -> list[list[Span]]:
    """Return non-person mentions grouped by name; a one-word ORG that is a person's surname joins that person."""
    by_key: dict[str, list[Span]] = {}
    for span in spans:
        if span.label_ == "ORG" and len(span) == 1 and _join_person(people, span):
            continue
        by_key.setdefault(_norm(normalise_country(span.text)), []).append(span)
    return list(by_key.values())


def _join_person(people: list[list[Span]], span: Span) -> bool:
    """Add a mislabelled surname ("Lukashenko" tagged ORG) to the one person it names; return whether it did."""
    key = _surname(span.text)
    full = [g for g in people if len(_words(g[0])) > 1 and _surname(_words(g[0])[-1]) == key]
    if len(full) != 1:
        return False
    full[0].append(span)
    full[0].sort(key=lambda s: s.start)
    return True


def _entity(group: list[Span]) -> Entity:
    """Return the entity a group of mentions names: its fullest common name, type, aliases and mentions."""
    labels = Counter(s.label_ for s in group)
    is_person = any(s.label_ == "PERSON" for s in group)
    texts = [s.text for s in group]
    name = _best_name(texts, is_person)
    mentions = [Mention(text=s.text, start=s.start_char, end=s.end_char) for s in group]
    kind = "PERSON" if is_person else labels.most_common(1)[0][0]
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
