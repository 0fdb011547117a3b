"""Conflicts between reports of one event: two dates for it, or two counts of one of its quantities."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from storyline.annotate.roles import DEMONYMS
from storyline.conflicts.common import (
    clause,
    count_rose,
    counts_far_apart,
    has_repeat_marker,
    long_date,
    names_list,
    outlet,
    story_mentions,
    surname,
)
from storyline.models import Article, Claim, Conflict, EventMention
from storyline.timeline import dates
from storyline.timeline.events import REPORTING_LEMMAS
from storyline.timeline.merge import overlap, words

# Reports of one event whose dates differ by more than this are taken as different events
# (weekly protests, a second meeting): a wrong date is usually a day or a weekday off.
MAX_DATE_GAP_DAYS = 3
SAME_EVENT_WORDS = 0.3  # summary word overlap (Jaccard) for two reports of one event, across articles
PLACE_TYPES = {"GPE", "LOC", "FAC"}
# Entities whose sharing ties two reports to one occurrence: the same actor, or the same
# building, square or site (a city or a country is too wide to tell one day's event from the next).
ACTOR_TYPES = {"PERSON", "ORG", "FAC"}
SITE_TYPES = {"ORG", "FAC"}
# Events that happen once to their subject (a train derails once): two days for one at the same place
# is a date dispute even without a named actor. The nouns name the same events ("Tuesday's derailment").
ONE_OFF_TRIGGERS = {"derail": "derail", "derailment": "derail", "crash": "crash", "collapse": "collapse",
                    "explode": "explode", "explosion": "explode", "sink": "sink", "sinking": "sink",
                    "capsize": "capsize", "overturn": "capsize", "erupt": "erupt", "eruption": "erupt",
                    "assassinate": "assassinate", "assassination": "assassinate", "resign": "resign",
                    "resignation": "resign", "grounding": "aground"}
ONE_OFF_KINDS = frozenset(ONE_OFF_TRIGGERS.values())
# Once-only events that belong to a person rather than a place: the person, not a shared place, ties two reports.
PERSONAL_ONE_OFF_KINDS = frozenset({"resign", "assassinate"})
# Verbs that tell a phone call when the sentence says so ("spoke by phone", "talked by telephone").
TALK_TRIGGERS = {"speak", "talk", "phone", "telephone"}
CALLERS = 2  # a call is told apart from the next one by who spoke: both reports must name both
# A ship runs aground once per voyage; the parser gives the verb "run" or "go", so the particle decides.
_AGROUND = re.compile(r"\b(?:run|runs|ran|running|go|goes|went|gone|going)\s+aground\b", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+")
_PHONE = re.compile(r"\b(?:by|over the|on the)\s+(?:tele)?phone\b|\bphoned\b|\btelephoned\b", re.I)


def date_conflicts(articles: list[Article]) -> list[Conflict]:
    """Return conflicts where reports of one event give it different days."""
    every = [m for a in articles for m in a.events]
    mentions = [m for m in story_mentions(articles) if dates.day(m.date) and _datable(m)]
    types = _types(articles)
    people = {a.id: {e.name for e in a.entities if e.type == "PERSON"} for a in articles}
    pairs = [(a, b) for a, b in combinations(mentions, 2)
             if _date_clash(a, b, every, types) and not _other_parties(a, b, people)]
    by_id = {a.id: a for a in articles}
    return [_date_conflict(group, by_id) for group in _groups(pairs)]


def number_conflicts(articles: list[Article]) -> list[Conflict]:
    """Return conflicts where reports of one event on one day give different exact counts."""
    mentions = [m for m in story_mentions(articles) if dates.day(m.date) and m.numbers]
    types = _types(articles)
    by_key: dict[str, list[tuple[EventMention, EventMention]]] = defaultdict(list)
    by_id = {a.id: a for a in articles}
    for a, b in combinations(mentions, 2):
        for key in set(a.numbers) & set(b.numbers):
            if a.numbers[key] != b.numbers[key] and a.date[:10] == b.date[:10] and _same_places(a, b, types) \
                    and not _later_count_grew(a, b, key, by_id):
                by_key[key].append((a, b))
    return [_number_conflict(key, group, by_id) for key, pairs in by_key.items() for group in _groups(pairs)]


def _later_count_grew(a: EventMention, b: EventMention, key: str, by_id: dict[str, Article]) -> bool:
    """Return True when the report published later gives the higher count (``common.count_rose``)."""
    if _is_share(key):
        return False  # a share (41 vs 44 percent of the vote) is not a toll that rises
    published_a, published_b = (by_id[m.article].published if m.article in by_id else None for m in (a, b))
    return count_rose(published_a, a.numbers[key], published_b, b.numbers[key])


def _is_share(key: str) -> bool:
    """Return True for the key of a percentage ("win/percent of vote", "raise rate to/percent")."""
    return "percent" in key or "%" in key


def _datable(m: EventMention) -> bool:
    return m.trigger not in REPORTING_LEMMAS and not has_repeat_marker(m)


def _types(articles: list[Article]) -> dict[str, str]:
    return {e.name: e.type for a in articles for e in a.entities}


def _date_clash(a: EventMention, b: EventMention, every: list[EventMention], types: dict[str, str]) -> bool:
    day_a, day_b = dates.day(a.date), dates.day(b.date)
    if _event_kind(a) != _event_kind(b) or day_a is None or day_b is None or day_a == day_b:
        return False
    if abs((day_a - day_b).days) > MAX_DATE_GAP_DAYS or not _same_places(a, b, types):
        return False
    named = _definite(a) and _definite(b)
    if a.article == b.article:
        return named  # one article naming "the rally" on two days
    if _counts_differ(a, b):
        return False
    one_off = _one_occurrence(a, b, types)
    if not (one_off or _definite(a) or _definite(b) or _shared_actor(a, b, types)):
        return False  # routine actions (detentions, marches) recur daily: only a named, unique event clashes
    same_wording = overlap(words(a.summary), words(b.summary)) >= SAME_EVENT_WORDS
    call = _event_kind(a) == "call" and _same_callers(a, b, types)
    if not (named or one_off or same_wording or call or _same_site(a, b, types)):
        return False
    return not _knows_both(a, b, every) and not _knows_both(b, a, every)


def _event_kind(m: EventMention) -> str | None:
    """Return what happened: the trigger's kind, or the once-only event its subject names.

    "An explosion tore through the depot on Tuesday" and "the explosion on Monday" date one event,
    though the first tells it with the verb "tear".
    """
    kind = ONE_OFF_TRIGGERS.get(m.trigger or "", m.trigger)
    if kind not in ONE_OFF_KINDS and m.subject in ONE_OFF_TRIGGERS:
        return ONE_OFF_TRIGGERS[m.subject]
    if kind in {"run", "go"} and _AGROUND.search(m.quote):
        return "aground"
    if kind in TALK_TRIGGERS and _PHONE.search(m.quote):
        return "call"  # "spoke by phone on Wednesday" and "agreed in a telephone call on Tuesday": one call
    return kind


def _one_occurrence(a: EventMention, b: EventMention, types: dict[str, str]) -> bool:
    """Return True for two reports of a once-only event (a derailment) of one subject at one place.

    One of them must name its subject as known ("the train"): "a bridge collapsed" twice is two bridges.
    """
    if _event_kind(a) in PERSONAL_ONE_OFF_KINDS and _same_person(a, b, types):
        return True  # "Waaka resigned on Thursday" and "Waaka, who resigned on Wednesday": one resignation
    if _event_kind(a) not in ONE_OFF_KINDS or not _places(a, types) & _places(b, types):
        return False
    sites_a, sites_b = _sites(a, types), _sites(b, types)
    if sites_a and sites_b and not sites_a & sites_b:
        return False  # "the Nordoil refinery" and "the Lysgaard fireworks shop": two explosions in one town
    if a.subject and b.subject and a.subject != b.subject:
        return False
    subject = a.subject or b.subject
    if subject is None:
        return True  # "Tuesday's derailment": an event noun with its day is already a known one
    pattern = rf"\bthe\s+(?:[\w-]+\s+){{0,3}}{re.escape(subject)}"
    return any(re.search(pattern, m.quote, re.I) for m in (a, b))


def _same_person(a: EventMention, b: EventMention, types: dict[str, str]) -> bool:
    """Return True when both reports name one person (by surname: "Waaka" is "Tom Waaka")."""
    people = [{surname(name) for name in m.entities if types.get(name) == "PERSON"} for m in (a, b)]
    return bool(people[0] & people[1])


def _counts_differ(a: EventMention, b: EventMention) -> bool:
    """Return True when the two reports count different things: different events, not a date dispute.

    Close counts (33 and 34 detained) are one event miscounted; far ones (40 and 12) are two.
    """
    return any(counts_far_apart(a.numbers[k], b.numbers[k]) for k in set(a.numbers) & set(b.numbers))


def _sites(m: EventMention, types: dict[str, str]) -> set[str]:
    """Return the organisations and buildings the report names: where in the town it happened."""
    return {name for name in m.entities if types.get(name) in SITE_TYPES}


def _places(m: EventMention, types: dict[str, str]) -> set[str]:
    return {name for name in m.entities if types.get(name) in PLACE_TYPES or _mistyped_place(name, types)}


def _mistyped_place(name: str, types: dict[str, str]) -> bool:
    """Return True for a NORP name that is no nationality: the recogniser tags islands so ("off Paros").

    Plural names ("Democrats", "Shiites") are groups of people, not places.
    """
    if types.get(name) != "NORP" or name.endswith("s"):
        return False
    return name.lower() not in DEMONYMS and name not in DEMONYMS.values()


def _same_places(a: EventMention, b: EventMention, types: dict[str, str]) -> bool:
    """Return False when both reports name places, or both name participants, and share none of them."""
    pa, pb = _places(a, types), _places(b, types)
    if pa and pb and not pa & pb:
        return False
    last_words = [{surname(name) for name in m.entities} for m in (a, b)]  # "Quispe" is "Ana Quispe"
    return not a.entities or not b.entities or bool(last_words[0] & last_words[1])


def _same_site(a: EventMention, b: EventMention, types: dict[str, str]) -> bool:
    """Return True when both reports place the action at the same square, building or site."""
    return any(types.get(name) == "FAC" for name in set(a.entities) & set(b.entities))


def _shared_actor(a: EventMention, b: EventMention, types: dict[str, str]) -> bool:
    """Return True when both reports name the same person, organisation or site.

    The recogniser misses names in short sentences ("Ardern visited Christchurch on Sunday"), so a
    name one report tags also counts when its last word stands capitalised in the other's quote.
    """
    if any(types.get(name) in ACTOR_TYPES for name in set(a.entities) & set(b.entities)):
        return True
    return _named_in(a, b.quote, types) or _named_in(b, a.quote, types)


def _same_callers(a: EventMention, b: EventMention, types: dict[str, str]) -> bool:
    """Return True when both reports of a call name the same two people or more (by surname, in both quotes)."""
    surnames = {surname(name) for name in [*a.entities, *b.entities] if types.get(name) == "PERSON"}
    quoted = [_capitalised(m.quote) for m in (a, b)]
    return len({s for s in surnames if all(s in tokens for tokens in quoted)}) >= CALLERS


def _named_in(m: EventMention, quote: str, types: dict[str, str]) -> bool:
    tokens = _capitalised(quote)
    return any(types.get(name) in ACTOR_TYPES and surname(name) in tokens for name in m.entities)


def _capitalised(quote: str) -> set[str]:
    """Return the capitalised words of a quote (a name the recogniser missed still stands there)."""
    return set(_CAPITALISED.findall(quote))


def _other_parties(a: EventMention, b: EventMention, people: dict[str, set[str]]) -> bool:
    """Return True when each report names a person the other article never mentions (two meetings)."""
    only_a = _unknown_to(people.get(b.article, set()), {p for p in a.entities if p in people.get(a.article, ())})
    only_b = _unknown_to(people.get(a.article, set()), {p for p in b.entities if p in people.get(b.article, ())})
    return a.article != b.article and bool(only_a) and bool(only_b)


def _unknown_to(known: set[str], names: set[str]) -> set[str]:
    """Return the names whose surname none of the known people bears ("Quispe" knows "Ana Quispe")."""
    surnames = {surname(name) for name in known}
    return {name for name in names if surname(name) not in surnames}


def _definite(m: EventMention) -> bool:
    """Return True when the sentence names the event as a known one ("the protest on ...")."""
    stem = re.escape((m.trigger or "")[:5])
    return bool(re.search(rf"\bthe\s+(\w+\s+)?{stem}", m.quote, re.I))


def _knows_both(a: EventMention, b: EventMention, every: list[EventMention]) -> bool:
    """Return True when a's article itself also dates such an event to b's day (two events, not one)."""
    return any(m.article == a.article and m.trigger == a.trigger and m.date[:10] == b.date[:10] for m in every)


def _groups(pairs: list[tuple[EventMention, EventMention]]) -> list[list[EventMention]]:
    """Return connected groups of mentions joined by the pairs, in first-seen order."""
    parent: dict[int, int] = {}
    items: dict[int, EventMention] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    for a, b in pairs:
        items[id(a)], items[id(b)] = a, b
        parent[find(id(a))] = find(id(b))
    groups: dict[int, list[EventMention]] = defaultdict(list)
    for key, mention in items.items():
        groups[find(key)].append(mention)
    return list(groups.values())


def _by_value(
    group: list[EventMention], value_of: dict[int, str], by_id: dict[str, Article]
) -> dict[str, list[EventMention]]:
    """Return the group's mentions by the value they give, in the story's article order."""
    order = {article_id: i for i, article_id in enumerate(by_id)}
    out: dict[str, list[EventMention]] = defaultdict(list)
    for m in sorted(group, key=lambda m: (order.get(m.article, len(order)), m.quote_start)):
        out[value_of[id(m)]].append(m)
    return out


def _claims(values: dict[str, list[EventMention]]) -> list[Claim]:
    return [Claim(m.article, m.quote, value, m.quote_start) for value, ms in values.items() for m in ms]


def _who(ms: list[EventMention], by_id: dict[str, Article]) -> str:
    return names_list(_outlets(ms, by_id))


def _says(ms: list[EventMention], by_id: dict[str, Article]) -> str:
    """Return "A says" or "A and B say"."""
    outlets = _outlets(ms, by_id)
    return names_list(outlets) + (" say" if len(set(outlets)) > 1 else " says")


def _outlets(ms: list[EventMention], by_id: dict[str, Article]) -> list[str]:
    return [outlet(by_id[m.article]) if m.article in by_id else m.article for m in ms]


def _date_conflict(group: list[EventMention], by_id: dict[str, Article]) -> Conflict:
    values = _by_value(group, {id(m): m.date[:10] for m in group}, by_id)
    (first, lead), *rest = values.items()
    if len({m.article for m in group}) == 1:
        days = " and ".join(long_date(v) for v in values)
        summary = f"{_who(lead, by_id)} gives two dates for {clause(lead[0])}: {days}."
    else:
        others = "; ".join(f"{_says(ms, by_id)} {long_date(v)}" for v, ms in rest)
        summary = f"{_says(lead, by_id)} {clause(lead[0])} on {long_date(first)}; {others}."
    return Conflict("date", summary, _claims(values))


def _number_conflict(key: str, group: list[EventMention], by_id: dict[str, Article]) -> Conflict:
    values = _by_value(group, {id(m): m.numbers[key] for m in group}, by_id)
    (first, lead), *rest = values.items()
    when = long_date(lead[0].date)
    if len({m.article for m in group}) == 1:
        counts = " and ".join(values)
        summary = f"{_who(lead, by_id)} gives both {counts} for {clause(lead[0])} on {when}."
    else:
        unit = "%" if _is_share(key) else ""  # "says 4.25%": a bare "4.25" reads as a count
        others = "; ".join(f"{_says(ms, by_id)} {v}{unit}" for v, ms in rest)
        stated = clause(lead[0])
        if first not in stated.split():
            stated += f" ({first} {key.rsplit('/', 1)[-1]})"  # the count lies outside the event's clause
        summary = f"{_says(lead, by_id)} {stated} on {when}; {others}."
    return Conflict("number", summary, _claims(values))
