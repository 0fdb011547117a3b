"""Find the roles people hold, from the words around their names, as normalised Role records.

Five patterns, all read from tokens, part-of-speech tags and entity labels (no parse):

- title before the name: "Kremlin spokesman Dmitry Peskov", "his Russian counterpart Vladimir Putin",
  "Russia's president Vladimir Putin", "the 37-year-old opposition leader Svetlana Tikhanovskaya",
  with a country after the name ("Prime Minister Mette Frederiksen of Denmark");
- apposition before the name: "the President of Belarus, Alexander Lukashenko", "a spokesman for the
  Interior Ministry, Anna Berg" (a post that serves a body keeps its "for");
- apposition after the name: "Alexei Navalny, the 44-year-old opposition leader," and the age alone
  ("Lukashenko, 66,"), or both in turn ("Jacinda Ardern, 38, the prime minister of New Zealand,");
- a present role in a "who" clause: "Kaja Kallas, who became Estonia's prime minister in January,"
  (a past one, "who was foreign secretary", is not the person's role now);
- "counterpart" is relational: it becomes the title of the other party (the nearest person named
  before it in the sentence, else in the one before) with the counterpart's own country
  ("President of Russia"); with nothing to resolve it the role stays "counterpart".

Normal form: a country, nationality adjective or organisation becomes "of <name>" and the title words
are then capitalised ("Russian President" = "President of Russia" = "Russia's president");
without one, title words are lower case ("opposition leader", "prime minister").
An age becomes its own role, "age 37": sources that disagree on an age are a conflict worth showing.
A description with no name beside it ("the Kremlin leader said") is not resolved: that is coreference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.models import Entity, Role

# Head nouns of a title (the last word before the name or before "of"). Tuned by reading
# Timeline17 articles (BBC, CNN, Reuters, Guardian), not on any held-out set.
ROLE_HEADS = frozenset(
    """
president vice-president president-elect premier chancellor minister secretary secretary-general
spokesman spokeswoman spokesperson leader king queen prince princess emperor pope monarch ruler dictator
sheikh emir sultan ayatollah cleric imam archbishop bishop cardinal ceo executive chairman chairwoman chair
director head chief boss founder owner governor senator congressman congresswoman representative lawmaker
mayor ambassador envoy diplomat counterpart commander general colonel admiral marshal officer official
judge justice lawyer attorney prosecutor adviser advisor aide analyst economist professor scientist
researcher editor correspondent reporter journalist coach manager captain striker player singer actor
actress star candidate deputy mp activist campaigner negotiator mediator administrator commissioner
inspector superintendent sergeant detective surgeon doctor suspect defendant
""".split()
)
# Heads that are no office: "of <place>" after the name is where the person lives ("the suspect,
# Daniel Kerr of Salem,"), not what the title serves ("Prime Minister Ana Silva of Portugal").
_RESIDENT_HEADS = frozenset({"suspect", "defendant"})
# Words a name may be titled with that are not roles ("Mr Putin").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam"})
# Abbreviated titles cut off names like honorifics ("Adm Thad Allen"); the full title is a role.
ABBREVIATED_TITLES = frozenset(
    {"adm", "gen", "col", "lt", "maj", "capt", "sgt", "cpl", "gov", "sen", "rep", "rev", "prof", "insp", "supt"}
)
# Title modifiers that stay lower case even before "of <country>" ("former President of Russia").
_LOWER_MODIFIERS = frozenset({"former", "acting", "interim", "late", "then", "outgoing", "incoming", "de", "facto"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your"})
_TITLE_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "HYPH"})
_DESCRIPTIVE_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN"})
# Adjectives that belong to a title; other lower-case adjectives before one are dropped ("embattled").
_TITLE_ADJECTIVES = frozenset(
    """
former acting interim late outgoing incoming deputy vice chief senior junior general foreign federal national
interior internal domestic environmental agricultural judicial legal medical regional municipal
supreme principal executive financial economic military political prime top first assistant associate
managing commanding presidential royal elected chosen designated then
""".split()
)
# Verbs of "<name>, who is / became / has become / serves as <title>": a role the person holds now.
_RELATIVE_COPULAS = frozenset({"is", "became", "has", "become", "serves", "as", "now"})
_QUALIFIER_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC"})
_CLOSERS = frozenset({",", ".", ";", ":", ")", "--", "—", "–", "!", "?"})
# Longest title or apposition read, in tokens ("the 37-year-old Russian opposition leader" is 9).
MAX_PHRASE_TOKENS = 12
_COUNTRY_ALIASES = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom",
}  # fmt: skip
# Nationality adjective → country, for the countries most often in English-language news.
DEMONYMS = {
    "american": "United States", "british": "United Kingdom", "english": "England", "scottish": "Scotland",
    "welsh": "Wales", "irish": "Ireland", "french": "France", "german": "Germany", "italian": "Italy",
    "spanish": "Spain", "portuguese": "Portugal", "dutch": "Netherlands", "belgian": "Belgium",
    "swiss": "Switzerland", "austrian": "Austria", "swedish": "Sweden", "norwegian": "Norway",
    "danish": "Denmark", "finnish": "Finland", "polish": "Poland", "czech": "Czech Republic",
    "slovak": "Slovakia", "hungarian": "Hungary", "romanian": "Romania", "bulgarian": "Bulgaria",
    "greek": "Greece", "turkish": "Turkey", "russian": "Russia", "ukrainian": "Ukraine",
    "belarusian": "Belarus", "belarussian": "Belarus", "lithuanian": "Lithuania", "latvian": "Latvia",
    "estonian": "Estonia", "georgian": "Georgia", "armenian": "Armenia", "azerbaijani": "Azerbaijan",
    "serbian": "Serbia", "croatian": "Croatia", "bosnian": "Bosnia", "albanian": "Albania",
    "chinese": "China", "japanese": "Japan", "korean": "Korea", "south korean": "South Korea",
    "north korean": "North Korea", "indian": "India", "pakistani": "Pakistan", "afghan": "Afghanistan",
    "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria", "lebanese": "Lebanon", "israeli": "Israel",
    "palestinian": "Palestine", "jordanian": "Jordan", "saudi": "Saudi Arabia", "yemeni": "Yemen",
    "egyptian": "Egypt", "libyan": "Libya", "tunisian": "Tunisia", "algerian": "Algeria",
    "moroccan": "Morocco", "sudanese": "Sudan", "ethiopian": "Ethiopia", "kenyan": "Kenya",
    "nigerian": "Nigeria", "ghanaian": "Ghana", "south african": "South Africa", "zimbabwean": "Zimbabwe",
    "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil", "argentine": "Argentina",
    "argentinian": "Argentina", "chilean": "Chile", "colombian": "Colombia", "venezuelan": "Venezuela",
    "peruvian": "Peru", "cuban": "Cuba", "haitian": "Haiti", "australian": "Australia",
    "new zealand": "New Zealand", "indonesian": "Indonesia", "malaysian": "Malaysia", "thai": "Thailand",
    "vietnamese": "Vietnam", "filipino": "Philippines", "bangladeshi": "Bangladesh", "qatari": "Qatar",
    "emirati": "United Arab Emirates", "kuwaiti": "Kuwait", "bahraini": "Bahrain", "omani": "Oman",
    "kazakh": "Kazakhstan", "uzbek": "Uzbekistan", "taiwanese": "Taiwan", "european": "European Union",
}  # fmt: skip
# Country and union names written with "the" ("President of the United States").
_NAMES_WITH_THE = frozenset({
    "United States", "United Kingdom", "Netherlands", "Philippines", "Czech Republic", "United Arab Emirates",
    "European Union", "European Commission", "United Nations", "Vatican", "Bahamas", "Gambia",
})  # fmt: skip
_AGE_TOKEN = re.compile(r"(\d{1,3})-year-old$")


@dataclass(slots=True)
class _Phrase:
    """A title phrase as read: its words, the place or body it qualifies, an age."""

    words: list[str]
    qualifier: str | None
    age: int | None
    has_det: bool
    preposition: str = "of"  # the word joining the title and its qualifier ("spokesman for the ministry")


@dataclass(slots=True)
class _Found:
    """A role phrase next to one mention of an entity."""

    entity: int
    phrase: _Phrase
    quote_start: int
    quote_end: int
    token: int  # first token of the mention, to find the other party of "counterpart"


def find_roles(doc: Doc, entities: list[Entity], date: str | None) -> None:
    """Fill ``roles`` of the PERSON entities from the title phrases and appositions around their mentions."""
    spans = _person_spans(doc, entities)
    found = [f for index, span in spans for f in _phrases_at(doc, span, index)]
    doc_text = doc.text  # spaCy joins the tokens again on every read of Doc.text
    for f in found:
        role = _role_text(f, found, spans, doc)
        quote = doc_text[f.quote_start : f.quote_end]
        for text in ([role] if role else []) + ([f"age {f.phrase.age}"] if f.phrase.age else []):
            _add_role(entities[f.entity], Role(role=text, quote=quote, start=f.quote_start, date=date))


def normalise_country(name: str) -> str:
    """Return the country a place name or nationality adjective stands for ("Russian" → "Russia")."""
    key = " ".join(name.split()).lower()
    if key.startswith("the "):
        key, name = key[4:], name.strip()[4:]
    return DEMONYMS.get(key) or _COUNTRY_ALIASES.get(key) or name.strip()


def is_title_word(word: str) -> bool:
    """Return whether a word before a name is a title or honorific ("President", "Mr.")."""
    key = word.lower().rstrip(".")
    return key in ROLE_HEADS or key in HONORIFICS or key in ABBREVIATED_TITLES or key in {"prime", "foreign", "vice"}


def role_in_apposition(doc: Doc, start: int, end: int) -> bool:
    """Return whether the name doc[start:end] stands in apposition to a role phrase.

    "The union president, Helena Saraiva," and "Lise Holm, chairwoman of the Danish Nurses'
    Organisation," name a person whatever label the recogniser gave the name.
    """
    sent = doc[start].sent
    if start - 1 > sent.start and doc[start - 1].text == "," and _apposition_before(doc, start - 1, sent.start):
        return True
    after = _apposition_after(doc, end, sent.end)
    return after is not None and _head(after[1]) in ROLE_HEADS


def distinct_roles(roles: list[Role]) -> list[Role]:
    """Return the roles that say something different, first-seen order: case aside, and a bare title
    ("health minister") giving way to the same title with its country ("Health Minister of Portugal").
    """
    keys = [r.role.lower().replace(" of the ", " of ") for r in roles]
    kept: list[Role] = []
    for index, (role, key) in enumerate(zip(roles, keys, strict=True)):
        if key in keys[:index] or any(other.startswith(key + " of ") for other in keys):
            continue
        kept.append(role)
    return kept


def _person_spans(doc: Doc, entities: list[Entity]) -> list[tuple[int, Span]]:
    """Return (entity index, token span) for each mention of a PERSON entity, in text order."""
    spans: list[tuple[int, Span]] = []
    for index, entity in enumerate(entities):
        if entity.type != "PERSON":
            continue
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end)
            if span is not None:
                spans.append((index, span))
    return sorted(spans, key=lambda item: item[1].start)


def _phrases_at(doc: Doc, span: Span, entity: int) -> list[_Found]:
    """Return the role phrases found before and after one mention."""
    out: list[_Found] = []
    sent = span.sent
    left = _title_before(doc, span.start, sent.start)
    if left is None and span.start - 1 > sent.start and doc[span.start - 1].text == ",":
        left = _apposition_before(doc, span.start - 1, sent.start)
    if left is not None:
        start, phrase = left
        end = _country_after(doc, span.end, sent.end, phrase)
        out.append(_Found(entity, phrase, doc[start].idx, _end_char(doc, end), span.start))
    after = span.end
    for _ in range(2):  # "Jacinda Ardern, 38, the prime minister of New Zealand,"
        right = _apposition_after(doc, after, sent.end) or _relative_role(doc, after, sent.end)
        if right is None:
            break
        after, phrase = right
        out.append(_Found(entity, phrase, span.start_char, _end_char(doc, after), span.start))
    return out


def _end_char(doc: Doc, end: int) -> int:
    return doc[end - 1].idx + len(doc[end - 1])


def _country_after(doc: Doc, end: int, ceiling: int, phrase: _Phrase) -> int:
    """Read "Prime Minister Mette Frederiksen of Denmark": the country after the name qualifies the title.

    Return the token after the phrase read (the name's end when there is no such country).
    """
    if phrase.qualifier is not None or end + 1 >= ceiling or doc[end].lower_ != "of":
        return end
    if _head(phrase) in _RESIDENT_HEADS:
        return end
    if doc[end + 1].ent_type_ not in ("GPE", "ORG") or doc[end + 1].ent_iob_ != "B":
        return end
    place = _entity_at(doc, end + 1, ceiling)
    phrase.qualifier = normalise_country(place.text)
    return place.end


def _relative_role(doc: Doc, start: int, ceiling: int) -> tuple[int, _Phrase] | None:
    """Return the title of "<name>, who became Estonia's prime minister in January," (a present role)."""
    if start + 3 >= ceiling or doc[start].text != "," or doc[start + 1].lower_ != "who":
        return None
    i = start + 2
    while i < ceiling and doc[i].lower_ in _RELATIVE_COPULAS:
        i += 1
    if i == start + 2 or (doc[start + 2].lower_ == "has" and doc[i - 1].lower_ == "has"):
        return None
    end = next((j for j in range(i, min(ceiling, i + MAX_PHRASE_TOKENS)) if _ends_title(doc[j])), i)
    phrase = _read_phrase(doc, i, end) if end > i else None
    if phrase is None or not phrase.words or _head(phrase) not in ROLE_HEADS:
        return None
    phrase.has_det = True
    return end, phrase


def _ends_title(token: Token) -> bool:
    """Return whether a token closes a title phrase: punctuation, or a preposition other than "of"."""
    return token.text in _CLOSERS or (token.tag_ == "IN" and token.lower_ != "of")


def _title_before(doc: Doc, end: int, floor: int) -> tuple[int, _Phrase] | None:
    """Return (start token, phrase) of the longest title ending right before the name, if any."""
    if end <= floor or doc[end - 1].lower_ not in ROLE_HEADS:
        return None
    for start in range(max(floor, end - MAX_PHRASE_TOKENS), end):
        phrase = _read_phrase(doc, start, end)
        if phrase is not None and phrase.words and phrase.words[-1].lower() in ROLE_HEADS:
            return start, phrase
    return None


def _apposition_before(doc: Doc, comma: int, floor: int) -> tuple[int, _Phrase] | None:
    """Return the title phrase of "the President of Belarus, <name>" (a determiner and a known head)."""
    if not any(t.lower_ in ROLE_HEADS for t in doc[max(floor, comma - MAX_PHRASE_TOKENS) : comma]):
        return None
    for start in range(max(floor, comma - MAX_PHRASE_TOKENS), comma):
        phrase = _read_phrase(doc, start, comma)
        if phrase is not None and phrase.has_det and phrase.words and _head(phrase) in ROLE_HEADS:
            return start, phrase
    return None


def _apposition_after(doc: Doc, start: int, ceiling: int) -> tuple[int, _Phrase] | None:
    """Return (end token, phrase) of "<name>, the 44-year-old opposition leader," or "<name>, 66,"."""
    if start + 1 >= ceiling or doc[start].text != ",":
        return None
    window = range(start + 1, min(ceiling, start + 1 + MAX_PHRASE_TOKENS))
    end = next((i for i in window if doc[i].text in _CLOSERS), None)
    if end is None and ceiling - start - 1 <= MAX_PHRASE_TOKENS:
        end = ceiling
    if end is None or end == start + 1:
        return None
    if end == start + 2 and doc[start + 1].like_num and doc[start + 1].text.isdigit():
        age = int(doc[start + 1].text)
        return (end, _Phrase([], None, age, False)) if 0 < age < 120 else None
    # "Kenji Arakawa, Japan's prime minister since 2023,": how long says nothing about which post
    stop = next((i for i in range(start + 2, end) if doc[i].lower_ == "since"), end)
    phrase = _read_phrase(doc, start + 1, stop)
    if phrase is None or not phrase.words or not (phrase.has_det or _head(phrase) in ROLE_HEADS):
        return None  # "Lise Holm, chairwoman of ...": without a determiner, only a known role head
    return end, phrase


def _head(phrase: _Phrase) -> str:
    return phrase.words[-1].lower() if phrase.words else ""


def _read_phrase(doc: Doc, start: int, end: int) -> _Phrase | None:
    """Return the title phrase doc[start:end] reads as (det, age, modifiers, head, "of" Y), or None."""
    phrase = _Phrase([], None, None, False)
    i = start
    if doc[i].lower_ in _DETERMINERS:
        phrase.has_det, i = True, i + 1
    owner = _possessor(doc, i, end)
    if owner is not None:
        i, phrase.qualifier, phrase.has_det = owner[0], owner[1], True
    i = _read_age(doc, i, end, phrase)
    stop = _read_words(doc, i, end, phrase)
    if stop is None or (owner is not None and owner[1] is None and _head(phrase) not in ROLE_HEADS):
        return None  # a person's "third child" or "wife" is a relation, not a role
    if stop < end:  # "of" (or "for") follows the head
        phrase.preposition = doc[stop].lower_
        return _read_of(doc, stop + 1, end, phrase)
    return phrase


def _possessor(doc: Doc, i: int, end: int) -> tuple[int, str | None] | None:
    """Return (token after 's, name) when doc[i:] starts with "Russia's" (an entity or proper noun).

    An organisation's name may hold an apostrophe ("the Danish Nurses' Organisation's"): a named
    entity is read whole. A person's name is read like "his" (no qualifier): "Putin's spokesman".
    """
    if i < end and doc[i].ent_type_ in _QUALIFIER_LABELS:
        ent = _entity_at(doc, i, end)
        if doc[ent.end - 1].text in ("'s", "’s") and ent.end - 1 > i:
            return ent.end, _qualifier_name(doc, doc[i : ent.end - 1])
        if ent.end < end and doc[ent.end].tag_ == "POS":
            return ent.end + 1, _qualifier_name(doc, ent)
    j = i
    while j < end and doc[j].tag_ in ("NNP", "NNPS"):
        j += 1
    if j == i or j >= end or doc[j].tag_ != "POS":
        return None
    if any(t.ent_type_ == "PERSON" for t in doc[i:j]):
        return j + 1, None
    return j + 1, normalise_country(doc[i:j].text)


def _read_age(doc: Doc, i: int, end: int, phrase: _Phrase) -> int:
    """Read "37-year-old" (one token or five) into phrase.age; return the next token."""
    if i < end and (m := _AGE_TOKEN.match(doc[i].text)):
        phrase.age = int(m.group(1))
        return i + 1
    words = [t.lower_ for t in doc[i : min(end, i + 5)]]
    if len(words) == 5 and words[0].isdigit() and words[1:] == ["-", "year", "-", "old"]:
        phrase.age = int(words[0])
        return i + 5
    return i


def _read_words(doc: Doc, i: int, end: int, phrase: _Phrase) -> int | None:
    """Read title words and one qualifying entity up to "of" or the end; None when a word cannot be in a title."""
    while i < end and doc[i].lower_ != "of" and not _for_complement(doc[i], phrase):
        token = doc[i]
        if token.ent_type_ in _QUALIFIER_LABELS and _is_known_qualifier(token):
            ent = _entity_at(doc, i, end)
            if phrase.qualifier is not None:
                return None
            phrase.qualifier, i = normalise_country(ent.text), ent.end
            continue
        if not _can_be_title_word(token) or (token.tag_ == "HYPH" and not phrase.words):
            return None
        if not phrase.words and _is_descriptive(token):
            if not (phrase.has_det or phrase.age):
                return None  # "opposed President Assad": the title starts after the verb
            # "the embattled chief executive": the adjective describes the person, not the title
        elif phrase.words and (token.tag_ == "HYPH" or phrase.words[-1].endswith("-")):
            phrase.words[-1] += token.text  # "Secretary-General"
        else:
            phrase.words.append(token.text)
        i += 1
    return i


def _for_complement(token: Token, phrase: _Phrase) -> bool:
    """Return True for the "for" after a role head that names what the post serves ("spokesman for the ministry")."""
    return token.lower_ == "for" and bool(phrase.words) and phrase.words[-1].lower() in ROLE_HEADS


def _is_descriptive(token: Token) -> bool:
    """Return whether a lower-case adjective or participle describes the person rather than the title."""
    return token.tag_ in _DESCRIPTIVE_TAGS and token.is_lower and token.lower_ not in _TITLE_ADJECTIVES


def _can_be_title_word(token: Token) -> bool:
    """Return whether a token can be part of a title: an adjective or noun, not a person, date or time."""
    if _AGE_TOKEN.match(token.text):
        return True
    if token.tag_ == "VBG" and token.lower_ in _TITLE_ADJECTIVES:  # "managing director"
        return token.ent_type_ == ""
    return token.tag_ in _TITLE_TAGS and token.ent_type_ not in ("PERSON", "DATE", "TIME")


def _is_known_qualifier(token: Token) -> bool:
    """Return whether an entity token can qualify a title: any but an unknown nationality ("Kurdish leader")."""
    return token.ent_type_ != "NORP" or token.lower_ in DEMONYMS


def _entity_at(doc: Doc, i: int, end: int) -> Span:
    """Return the rest of the entity that covers token i, cut at ``end``."""
    stop = i + 1
    while stop < end and doc[stop].ent_iob_ == "I":
        stop += 1
    return doc[i:stop]


def _read_of(doc: Doc, i: int, end: int, phrase: _Phrase) -> _Phrase | None:
    """Read the "of Y" complement (a place, body or plain noun phrase) into phrase.qualifier."""
    if phrase.qualifier is not None or not phrase.words or i >= end:
        return None
    if doc[i].lower_ == "the":
        i += 1
    rest = doc[i:end]
    if len(rest) == 0 or not (_is_one_entity(rest) or all(_can_follow_of(t) for t in rest)):
        return None
    phrase.qualifier = _qualifier_name(doc, rest) if _is_one_entity(rest) else normalise_country(rest.text)
    return phrase


def _qualifier_name(doc: Doc, ent: Span) -> str:
    """Return the name of a qualifying entity; an organisation named with "the" keeps it.

    "the head of the Federal Safety Investigation Authority" becomes "Head of the Federal Safety
    Investigation Authority"; ``distinct_roles`` treats it as the same role as one without "the".
    """
    name = normalise_country(ent.text)
    if ent[0].ent_type_ == "ORG" and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        return "the " + name
    return name


def _can_follow_of(token: Token) -> bool:
    """Return whether a token can be part of the "of"/"for" complement ("the prosecutor's office" too)."""
    possessive = token.tag_ == "POS" and token.i > 0 and token.doc[token.i - 1].tag_ in ("NN", "NNS")
    return (token.tag_ in _TITLE_TAGS or possessive) and token.ent_type_ != "PERSON"


def _is_one_entity(span: Span) -> bool:
    """Return whether a span is one organisation or place, read whole ("the Danish Nurses' Organisation")."""
    return span[0].ent_type_ in _QUALIFIER_LABELS and all(
        t.ent_type_ == span[0].ent_type_ and (t.ent_iob_ == "I" or k == 0) for k, t in enumerate(span)
    )


def _role_text(f: _Found, found: list[_Found], spans: list[tuple[int, Span]], doc: Doc) -> str | None:
    """Return the normalised role of a phrase, resolving "counterpart" through the other party."""
    phrase = f.phrase
    if not phrase.words:
        return None
    if _head(phrase) == "counterpart":
        return _counterpart(f, found, spans, doc)
    return _normal_form(phrase.words, phrase.qualifier, phrase.preposition)


def _normal_form(words: list[str], qualifier: str | None, preposition: str = "of") -> str:
    """Return "President of Russia" for (["President"], "Russia") and "opposition leader" without a qualifier.

    A post that serves a body keeps its "for": "Spokesman for the Interior Ministry".
    """
    if qualifier is None:
        return " ".join(w if _is_proper(w) or w.isupper() else w.lower() for w in words)
    title = " ".join(w.lower() if w.lower() in _LOWER_MODIFIERS else _capitalise(w) for w in words)
    the = "the " if qualifier in _NAMES_WITH_THE else ""
    return f"{title} {preposition} {the}{qualifier}"


def _is_proper(word: str) -> bool:
    """Return whether a capitalised title word is a name rather than a capitalised title ("Kremlin")."""
    key = word.lower()
    return word[:1].isupper() and key not in ROLE_HEADS and key not in _LOWER_MODIFIERS and not _is_title_modifier(key)


def _is_title_modifier(key: str) -> bool:
    return key in {"prime", "foreign", "vice", "deputy", "chief", "opposition", "defence", "defense",
                   "finance", "interior", "home", "health", "general", "state", "high", "supreme"}  # fmt: skip


def _capitalise(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() if p.islower() or p.istitle() else p for p in word.split("-"))


def _counterpart(f: _Found, found: list[_Found], spans: list[tuple[int, Span]], doc: Doc) -> str:
    """Return the other party's title with this party's country, or "counterpart"."""
    other = _other_party(f, spans, doc)
    titles = [g.phrase for g in found if g.entity == other and g.phrase.words and _head(g.phrase) != "counterpart"]
    if other is None or not titles:
        return "counterpart"
    words = titles[0].words
    return _normal_form(words, f.phrase.qualifier)


def _other_party(f: _Found, spans: list[tuple[int, Span]], doc: Doc) -> int | None:
    """Return the entity named last before the counterpart, in its sentence or the one before."""
    sent = doc[f.token].sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    before = [index for index, span in spans if floor <= span.start < f.token and index != f.entity]
    return before[-1] if before else None


def _add_role(entity: Entity, role: Role) -> None:
    """Add a role unless the entity already holds the same role (the first quote is kept)."""
    if all(r.role != role.role for r in entity.roles):
        entity.roles.append(role)
