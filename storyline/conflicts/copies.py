"""Conflicts inside syndication: a copy that republishes a report with one of its numbers changed.

A copy counts as one more outlet carrying the report, never as a second source,
so the other checks read originals only. But a republisher that turns "33 people"
into "34 people" disagrees with the report it carries, and a reader should see it.
The texts are aligned word by word (difflib, as near-copies differ in a few words);
a number replaced by another number is reported, unless the copy was published
later with a higher count (an updated toll, ``common.count_rose``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from storyline.conflicts.common import count_rose, outlet, sentence_at
from storyline.models import Article, Claim, Conflict
from storyline.stories.features import timestamp

_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(r"^\(?(\d+(?:[.,]\d+)*)(?:[%)]|[.,;:]?)$")


def copy_conflicts(articles: list[Article]) -> list[Conflict]:
    """Return a number conflict for each number a copy changed in the report it republishes."""
    by_id = {a.id: a for a in articles}
    found = []
    for copy in articles:
        original = by_id.get(copy.duplicate_of or "")
        if original is not None:
            found += [_conflict(original, copy, change) for change in _changed_numbers(original, copy)]
    return found


def _changed_numbers(original: Article, copy: Article) -> Iterator[tuple[re.Match[str], re.Match[str], str, str]]:
    """Yield (original token, copy token, original number, copy number) for each number the copy replaced."""
    old, new = list(_TOKEN.finditer(original.text)), list(_TOKEN.finditer(copy.text))
    matcher = difflib.SequenceMatcher(None, [t.group() for t in old], [t.group() for t in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
            continue
        was, now = _NUMBER.match(old[i1].group()), _NUMBER.match(new[j1].group())
        if not (was and now) or was.group(1) == now.group(1):
            continue
        if not _updated(original, copy, was.group(1), now.group(1)):
            yield old[i1], new[j1], was.group(1), now.group(1)


def _updated(original: Article, copy: Article, was: str, now: str) -> bool:
    """Return True for a copy published well after its original that gives a higher count."""
    then, later = timestamp(original.published), timestamp(copy.published)
    copy_is_later = then is not None and later is not None and later > then
    return copy_is_later and count_rose(original.published, was, copy.published, now)


def _conflict(original: Article, copy: Article, found: tuple[re.Match[str], re.Match[str], str, str]) -> Conflict:
    was, now, v1, v2 = found
    old_start, old_quote = sentence_at(original, was.start(), was.end())
    new_start, new_quote = sentence_at(copy, now.start(), now.end())
    summary = (f"{outlet(copy)} republishes the report of {outlet(original)} but gives {v2} "
               f"where the original says {v1}.")
    return Conflict("number", summary, [Claim(original.id, old_quote, v1, old_start),
                                        Claim(copy.id, new_quote, v2, new_start)])
