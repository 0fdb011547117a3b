"""Number conflicts over how many people a vehicle carried: "carrying 212 passengers" against "221 passengers".

How many were on board is an attribute of the event, stated once and often in a sentence with no date,
so the event checks (which read dated clauses) never see it. Unlike a toll it does not rise as reports
come in: two sources giving close but different counts disagree. Far-apart counts (12 and 212) are
taken as two vehicles, and so are two counts in one article.
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.conflicts.common import counts_far_apart, names_list, outlet, sentence_at
from storyline.models import Article, Claim, Conflict
from storyline.timeline.events import NUMBER_WORDS, number_value

_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{'|'.join(NUMBER_WORDS)})"
_PEOPLE = r"(?:passengers|people|persons|occupants|migrants|pilgrims|tourists|pupils|children|crew members|crew)"
_APPROXIMATE = r"(?:about|around|nearly|almost|more than|over|at least|some|up to|fewer than|less than|roughly)"
# "carrying 212 passengers", "with 212 passengers on board", "212 people were on board", "had 40 pupils aboard"
ABOARD = re.compile(
    rf"\b(?:carrying|carried|ferrying|transporting|(?P<with>with|had|has))\s+(?P<approx>{_APPROXIMATE}\s+)?"
    rf"(?P<count>{_NUMBER})\s+{_PEOPLE}(?P<board>\s+(?:on\s+board|aboard))?"
    rf"|\b(?P<approx2>{_APPROXIMATE}\s+)?(?P<count2>{_NUMBER})\s+{_PEOPLE}\s+(?:were\s+|was\s+)?(?:on\s+board|aboard)\b",
    re.I,
)
Stated = tuple[Article, int, int, str]  # article, start, end, count


def aboard_conflicts(articles: list[Article]) -> list[Conflict]:
    """Return one number conflict when sources give close but different counts of people on board."""
    stated = [s for article in articles if (s := _one_count(article))]
    by_count: dict[str, list[Stated]] = defaultdict(list)
    for s in stated:
        by_count[s[3]].append(s)
    if len(by_count) < 2 or counts_far_apart(min(by_count, key=int), max(by_count, key=int)):
        return []
    return [_conflict(by_count)]


def _one_count(article: Article) -> Stated | None:
    """Return the one exact count of people aboard an article states (None for none, several, or a guess)."""
    found: dict[str, Stated] = {}
    for m in ABOARD.finditer(article.text):
        if m.group("with") and not m.group("board"):
            continue  # "with 40 people" alone may be a crowd, not a load
        if m.group("approx") or m.group("approx2"):
            return None
        count = number_value(m.group("count") or m.group("count2"))
        if count is not None:
            found.setdefault(count, (article, m.start(), m.end(), count))
    return next(iter(found.values())) if len(found) == 1 else None


def _conflict(by_count: dict[str, list[Stated]]) -> Conflict:
    parts = []
    for count, stated in by_count.items():
        who = names_list([outlet(s[0]) for s in stated])
        parts.append(f"{who} {'say' if len(stated) > 1 else 'says'} {count}")
    summary = f"The sources disagree on how many people were on board: {'; '.join(parts)}."
    claims = []
    for count, stated in by_count.items():
        for article, start, end, _ in stated:
            offset, quote = sentence_at(article, start, end)
            claims.append(Claim(article.id, quote, count, offset))
    return Conflict("number", summary, claims)
