"""Role conflicts: a person meeting themself, one office held by two people, one person in two offices."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.annotate.roles import DEMONYMS, normalise_country
from storyline.conflicts.common import names_list, outlet, sentence_at, surname
from storyline.models import Article, Claim, Conflict, Role

# Verbs that need two parties; "X will meet X" is typical of machine translation dropping a name.
TWO_PARTY = (
    r"(?:(?:will|would|is to|was to|to|plans to|is set to|is due to|has|had|did|is|was|were)\s+)?"
    r"(?:meet|meets|met|meeting|hold talks with|holds talks with|held talks with|holding talks with"
    r"|talk with|talks with|talked with|talk to|talks to|talked to|speak with|speaks with|spoke with|spoke to"
    r"|phone|phones|phoned|called|visit|visits|visited|host|hosts|hosted|receive|receives|received"
    r"|welcome|welcomes|welcomed|congratulate|congratulates|congratulated|negotiate with|negotiates with"
    r"|negotiated with|shook hands with|shake hands with|travels? to meet|travell?ed to meet"
    r"|travels? to [A-Z]\w+ to meet|travell?ed to [A-Z]\w+ to meet)"
)
SHORT_FORMS = ("US", "U.S.", "USA", "UK", "U.K.", "Britain", "Great Britain", "America")
NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)*"
TITLE_WORDS = {"President", "Prime", "Minister", "Mr", "Mrs", "Ms", "Dr", "Chancellor", "Premier", "Leader",
               "General", "Gen", "Sir", "King", "Queen", "Foreign", "Interior", "Defence", "Defense", "The"}
OFFICE_HEADS = {"Minister", "Secretary", "President", "Chancellor", "Premier"}
NOT_NAMES = STOP_WORDS | {d.lower() for d in calendar.day_name} | {m.lower() for m in calendar.month_name if m}
# Country forms recognised in titles: names, nationality adjectives and short forms, all mapped to
# the country name that annotation's role normaliser gives (one table for both stages).
_COUNTRY_FORMS = sorted({c for c in DEMONYMS.values()} | {d.title() for d in DEMONYMS} | set(SHORT_FORMS))
COUNTRY_OF = {form: normalise_country(form) for form in _COUNTRY_FORMS}
# Cabinet portfolios: "<portfolio> minister" or "minister of <portfolio>".
PORTFOLIOS = ("foreign", "interior", "home", "defence", "defense", "finance", "health", "education", "justice",
              "transport", "economy", "economic", "trade", "labour", "labor", "agriculture", "environment",
              "energy", "culture", "tourism", "sport", "sports", "science", "industry", "housing",
              "immigration", "migration", "digital", "social affairs", "foreign affairs", "home affairs")
OFFICES = ("prime minister", "president", "chancellor", *(f"{p} minister" for p in PORTFOLIOS))
HEAD_OFFICES = {"president", "prime minister", "chancellor"}  # one person holds at most one of these at a time
_C = "|".join(re.escape(c) for c in sorted(COUNTRY_OF, key=len, reverse=True))
_T = "|".join(sorted(OFFICES, key=len, reverse=True))
_OFFICE = rf"(?:(?P<c1>{_C})(?:['’]s)?\s+(?P<t1>(?i:{_T}))|(?P<t2>(?i:{_T}))\s+of\s+(?:the\s+)?(?P<c2>{_C}))"
# "President Kwame Adjei of Ghana will meet ...": a place or body after the name belongs to the first party.
SELF_ACTION = re.compile(rf"\b({NAME})(?:\s+of\s+(?:the\s+)?{NAME})?\s+{TWO_PARTY}\s+(?:with\s+)?({NAME})(?!['’]s)")
TITLE_BEFORE = re.compile(rf"\b{_OFFICE}\s+(?P<name>{NAME})")
TITLE_AFTER = re.compile(rf"(?P<name>{NAME}),\s+(?:the\s+)?{_OFFICE}\b")
# A role as annotation states it: "Health Minister of Portugal", "finance minister", "President of Belarus".
ROLE_TEXT = re.compile(rf"^(?:the\s+)?(?P<title>{_T})(?:\s+of\s+(?:the\s+)?(?P<country>{_C}))?$", re.I)
# Words that make an office not current or not the office itself ("former president", "vice president").
QUALIFIERS = re.compile(
    r"(former|ex|late|acting|interim|outgoing|then|deputy|vice|self-proclaimed|would-be|first|future|new|incoming"
    r"|newly[\s-]appointed|caretaker|shadow|junior|state)"
    r"[\s-]*$", re.I)
AGE = re.compile(r"^age (\d{1,3})$")
MIN_AGE_GAP = 2  # one year apart can be a birthday between two reports
Office = tuple[str, str | None]  # (title, country); no country when the role names none
Holder = tuple[str, Article, int, int, Office]  # (person name, article, start, end, office)


def role_conflicts(articles: list[Article]) -> list[Conflict]:
    """Return every role conflict in the story's articles."""
    holders = [h for a in articles for h in _holders(a)]
    return [*_self_actions(articles), *_shared_offices(holders), *_double_offices(holders), *_ages(articles)]


def _self_actions(articles: list[Article]) -> list[Conflict]:
    found = []
    for article in articles:
        for span in article.sentences or []:
            sentence = article.text[span.start : span.end]
            for m in SELF_ACTION.finditer(sentence):
                if _same_person(m.group(1), m.group(2)):
                    found.append(_self_conflict(article, span.start + m.start(), span.start + m.end(), m))
    return found


def _self_conflict(article: Article, start: int, end: int, m: re.Match[str]) -> Conflict:
    offset, quote = sentence_at(article, start, end)
    name = _bare(m.group(1))
    summary = (f'{outlet(article)} has {name} meeting {name} ("{m.group(0)}"): the other party is missing, '
               "probably a translation error.")
    return Conflict("role", summary, [Claim(article.id, quote, m.group(0), offset)])


def _tokens(name: str) -> list[str]:
    """Return the name's own words: no titles, demonyms, weekdays or capitalised function words."""
    words = [t.strip(".") for t in name.split()]
    # "Energy Minister Jan Wrona", "Vice President Ana Ruiz": words up to the office's head word are the title.
    heads = [i for i, w in enumerate(words) if w in OFFICE_HEADS]
    if heads:
        words = words[heads[-1] + 1 :]
    return [t for t in words if t not in TITLE_WORDS and t not in COUNTRY_OF and t.lower() not in NOT_NAMES]


def _bare(name: str) -> str:
    return " ".join(_tokens(name)) or name


def _same_person(a: str, b: str) -> bool:
    """Return True when two names can be one person: same surname, no clashing first names."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0] == tb[0]


def _office(match: re.Match[str]) -> Office:
    title = " ".join((match.group("t1") or match.group("t2")).lower().split())
    return title, COUNTRY_OF[match.group("c1") or match.group("c2")]


def _role_office(role: str) -> Office | None:
    """Return the office an annotated role names, its country None when the role gives none."""
    m = ROLE_TEXT.match(role.strip())
    if m is None:
        return None
    country = m.group("country")
    return " ".join(m.group("title").lower().split()), normalise_country(country) if country else None


def _holders(article: Article) -> list[Holder]:
    """Return (person, article, start, end, office) for each current office the text gives someone."""
    found: list[Holder] = []
    for pattern in (TITLE_BEFORE, TITLE_AFTER):
        for m in pattern.finditer(article.text):
            if _qualified(article.text, m) or not _tokens(m.group("name")):
                continue
            found.append((_bare(m.group("name")), article, m.start(), m.end(), _office(m)))
    for entity in article.entities:
        for role in entity.roles:
            office = _role_office(role.role)
            start = role.start if role.start is not None else article.text.find(role.quote)
            if office and start >= 0 and not QUALIFIERS.search(role.role.split()[0] + " ") \
                    and not QUALIFIERS.search(article.text[max(0, start - 20) : start]):
                found.append((entity.name, article, start, start + len(role.quote), office))
    return found


def _qualified(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 20) : m.start()]
    after = text[m.end() : m.end() + 6]
    return bool(QUALIFIERS.search(before)) or after.startswith("-elect") or "-elect" in m.group(0)


def _people(holders: list[Holder]) -> list[list[Holder]]:
    """Return holders grouped by person (same surname, compatible first names)."""
    groups: list[list[Holder]] = []
    for h in sorted(holders, key=lambda h: -len(h[0])):
        home = next((g for g in groups if _same_person(g[0][0], h[0])), None)
        if home is None:
            groups.append([h])
        else:
            home.append(h)
    return groups


def _claim(h: Holder) -> Claim:
    offset, quote = sentence_at(h[1], h[2], h[3])
    return Claim(h[1].id, quote, f"{h[0]}: {_office_name(h[4])}", offset)


def _office_name(office: Office) -> str:
    return f"{office[0].title()} of {office[1]}" if office[1] else office[0].title()


def _shared_offices(holders: list[Holder]) -> list[Conflict]:
    by_office: dict[Office, list[Holder]] = defaultdict(list)
    for h in holders:
        if h[4][1] is not None:  # "the health minister" of which country? two of them are no conflict
            by_office[h[4]].append(h)
    found = []
    for office, hs in by_office.items():
        people = _people(hs)
        if len(people) > 1:
            firsts = [p[0] for p in people]
            parts = "; ".join(f"{outlet(h[1])} gives it to {h[0]}" for h in firsts[1:])
            summary = f"{outlet(firsts[0][1])} names {firsts[0][0]} as {_office_name(office)}; {parts}."
            found.append(Conflict("role", summary, [_claim(h) for h in firsts]))
    return found


def _double_offices(holders: list[Holder]) -> list[Conflict]:
    found = []
    for person in _people(holders):
        offices = {h[4]: h for h in person if h[4][1] is not None}
        keys = list(offices)
        for i, a in enumerate(keys):
            for b in (b for b in keys[i + 1 :] if _incompatible(a, b)):
                ha, hb = offices[a], offices[b]
                who = names_list([outlet(ha[1]), outlet(hb[1])])
                verb = "calls" if " and " not in who else "call"
                summary = f"{who} {verb} {person[0][0]} both {_office_name(a)} and {_office_name(b)}."
                found.append(Conflict("role", summary, [_claim(ha), _claim(hb)]))
        found.extend(_cabinet_clashes(person))
    return found


def _incompatible(a: Office, b: Office) -> bool:
    """Return True when one person cannot hold both offices at once."""
    if a[0] == b[0]:
        return a[0] in HEAD_OFFICES and a[1] != b[1]
    return a[1] == b[1] and a[0] in HEAD_OFFICES and b[0] in HEAD_OFFICES


def _cabinet_clashes(person: list[Holder]) -> list[Conflict]:
    """Return conflicts where sources give one person different cabinet posts of one country.

    One article naming both posts is a minister with two portfolios, not a disagreement.
    """
    by_post: dict[str, list[Holder]] = defaultdict(list)
    for h in person:
        if h[4][0] not in HEAD_OFFICES:
            by_post[h[4][0]].append(h)
    posts = list(by_post)
    found = []
    for i, a in enumerate(posts):
        for b in posts[i + 1 :]:
            ha, hb = by_post[a], by_post[b]
            if _same_country(ha, hb) and not {h[1].id for h in ha} & {h[1].id for h in hb}:
                found.append(_cabinet_conflict(person[0][0], a, ha, b, hb))
    return found


def _same_country(a: list[Holder], b: list[Holder]) -> bool:
    """Return True unless both posts are given countries and the countries differ."""
    countries_a, countries_b = {h[4][1] for h in a} - {None}, {h[4][1] for h in b} - {None}
    return not countries_a or not countries_b or bool(countries_a & countries_b)


def _cabinet_conflict(name: str, a: str, ha: list[Holder], b: str, hb: list[Holder]) -> Conflict:
    first_a, first_b = _one_per_article(ha), _one_per_article(hb)
    who_a, who_b = (names_list([outlet(h[1]) for h in hs]) for hs in (first_a, first_b))
    verb_a, verb_b = ("call" if len(hs) > 1 else "calls" for hs in (first_a, first_b))
    summary = f"{who_a} {verb_a} {name} {a}; {who_b} {verb_b} {surname(name)} {b}."
    return Conflict("role", summary, [_claim(h) for h in (*first_a, *first_b)])


def _one_per_article(holders: list[Holder]) -> list[Holder]:
    return list({h[1].id: h for h in reversed(holders)}.values())[::-1]


def _ages(articles: list[Article]) -> list[Conflict]:
    """Return conflicts where sources give one person ages too far apart for a birthday in between."""
    stated: dict[str, list[tuple[int, Article, Role]]] = defaultdict(list)
    for article in articles:
        for entity in article.entities:
            for role in entity.roles:
                m = AGE.match(role.role)
                if m and entity.type == "PERSON":
                    stated[entity.name].append((int(m.group(1)), article, role))
    found = []
    for name, ages in stated.items():
        low, high = min(ages, key=lambda a: a[0]), max(ages, key=lambda a: a[0])
        if high[0] - low[0] >= MIN_AGE_GAP:
            summary = f"{outlet(low[1])} gives {name}'s age as {low[0]}; {outlet(high[1])} as {high[0]}."
            found.append(Conflict("role", summary, [_age_claim(low), _age_claim(high)]))
    return found


def _age_claim(stated: tuple[int, Article, Role]) -> Claim:
    age, article, role = stated
    start = role.start if role.start is not None else max(article.text.find(role.quote), 0)
    offset, quote = sentence_at(article, start, start + len(role.quote))
    return Claim(article.id, quote, str(age), offset)
