"""Publication dates: parse what metadata or a text line states, or infer one from the text.

Every value returned here is an ISO-8601 string that passed the plausibility
window (``EARLIEST_YEAR`` .. ``today`` + ``FUTURE_SLACK``): a day
("2020-09-14"), a datetime with its UTC offset when the zone is known
("2020-08-30T18:48:00+05:30"), or a naive datetime when no zone is stated.

Time-zone abbreviations are ambiguous; ``ZONES`` picks the reading common in
English-language news: IST is India (+05:30, not Irish or Israel time), CST is
US Central (-06:00, not China), BST is British Summer Time (+01:00, not
Bangladesh). AST (Atlantic -04:00 or Arabia +03:00) is left out on purpose, so
a time stated in AST stays naive, as does one with any zone abbreviation ZONES
does not know ("10:40 WAKT"). "ET"/"CT"/"MT"/"PT" resolve through the tz
database, so their offset follows daylight saving on that date.

Numeric dates whose day and month are both <= 12 ("11/09/2020") are read day
first, as most of the world writes them, unless the same line states a US
zone (EDT, PST, ET ...), in which case they are read month first.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser

EARLIEST_YEAR = 1990  # news archives we handle start here; earlier years are OCR/parse garbage
FUTURE_SLACK = timedelta(days=2)  # time zones and scheduled posts put honest dates a little ahead
LATEST_INFER_YEAR_AHEAD = 1  # weekday inference searches EARLIEST_YEAR .. today.year + this
# Without a stated year or a story's frame, a weekday+date pin counts only when one year of the last
# decade fits it: one mention always fits several (a date falls on one weekday every 5, 6 or 11 years),
# and taking the most recent one put a 2020 article in 2026.
UNFRAMED_PIN_YEARS = 10
HEAD_LINES = 8  # an unlabelled date line counts as the publication line only in the first non-blank lines
MAX_DATE_LINE_CHARS = 160  # longer lines are prose, never a date line (also keeps parsing cheap)
PROSE_MIN_WORDS = 8  # a line of this many words ending with "." is body text: the head is over
MAX_LABEL_PART_WORDS = 6  # "By Jane Doe | Published ...": other parts of a date line stay this short

_H = 3600
ZONES: dict[str, int | tzinfo] = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "WET": 0,
    "IST": 5 * _H + 1800, "PKT": 5 * _H, "NPT": 5 * _H + 2700, "BDT": 6 * _H,
    "EDT": -4 * _H, "EST": -5 * _H, "CDT": -5 * _H, "CST": -6 * _H,
    "MDT": -6 * _H, "MST": -7 * _H, "PDT": -7 * _H, "PST": -8 * _H,
    "AKDT": -8 * _H, "AKST": -9 * _H, "HST": -10 * _H,
    "ET": ZoneInfo("America/New_York"), "CT": ZoneInfo("America/Chicago"),
    "MT": ZoneInfo("America/Denver"), "PT": ZoneInfo("America/Los_Angeles"),
    "BST": 1 * _H, "WEST": 1 * _H, "CET": 1 * _H, "CEST": 2 * _H, "WAT": 1 * _H,
    "EET": 2 * _H, "EEST": 3 * _H, "CAT": 2 * _H, "SAST": 2 * _H, "EAT": 3 * _H, "MSK": 3 * _H,
    "GST": 4 * _H, "ICT": 7 * _H, "WIB": 7 * _H, "HKT": 8 * _H, "SGT": 8 * _H, "PHT": 8 * _H,
    "AWST": 8 * _H, "JST": 9 * _H, "KST": 9 * _H, "ACST": 9 * _H + 1800, "ACDT": 10 * _H + 1800,
    "AEST": 10 * _H, "AEDT": 11 * _H, "NZST": 12 * _H, "NZDT": 13 * _H,
    "CLT": -4 * _H, "CLST": -3 * _H, "ART": -3 * _H, "BRT": -3 * _H, "PET": -5 * _H, "COT": -5 * _H,
}  # fmt: skip
_US_ZONES = frozenset(
    {"EDT", "EST", "CDT", "CST", "MDT", "MST", "PDT", "PST", "AKDT", "AKST", "HST", "ET", "CT", "MT", "PT"}
)

_MONTH_WORDS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAY_WORDS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
# Words a line may hold and still be "only a date"; "a"/"m"/"p" come from "a.m."/"p.m.".
_DATE_WORDS = (
    frozenset(f"{_MONTH_WORDS} {_WEEKDAY_WORDS} am pm a p m at on of the st nd rd th t hrs h".split())
    | frozenset(z.lower() for z in ZONES)
    | {"ast"}
)  # AST: a zone, but ambiguous, so unmapped

_LABEL = re.compile(
    r"^(?:(?:first|originally|last|date)\s+)?"
    r"(?P<label>published|updated|posted|modified|dated|date|released|created|issued)"
    r"(?:\s+(?:on|at))?\s*[:\-–—|]?\s*",
    re.IGNORECASE,
)
# Parts of a date line: "By Jane Doe | Published ...", "Posted on June 2, 2019 by Sam Ortiz".
_SEPARATORS = re.compile(r"\s*(?:[|•·]|\s[-–—/]\s)\s*|\s+(?=[Bb]y\s)")
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![.\d])")  # "06.00 GMT" (Guardian style)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_NUMERIC_DMY = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_EPOCH = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_YEAR_IN = re.compile(r"(?<![\d])(?:19|20)\d\d(?![\d])")
_WORD = re.compile(r"[A-Za-z]+")
# A zone abbreviation ZONES does not know, right after a clock time ("10:40 WAKT"): the time stays naive.
_CLOCK_ZONE = re.compile(r"(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?)\s+([A-Z]{2,5})\b")


def parse_stated_date(value: str, today: date | None = None) -> str | None:
    """Return the ISO form of a date stated by metadata (feed pubDate, JSONL field), or None.

    Accepts RFC 822 feed dates, ISO 8601, "2020-08-30 18:48" and Unix epoch
    seconds or milliseconds given as a string. A value without a time gives a
    day; a value with a time and zone gives a datetime with its offset; a time
    without zone stays naive. Implausible dates give None. Numeric dates
    follow the module's day/month rule; a labelled value ("Published: ...")
    is read as a publication line.
    """
    value = value.strip()
    if not value or len(value) > MAX_DATE_LINE_CHARS:
        return None
    if _EPOCH.match(value):
        return _from_epoch(value, today)
    cleaned = _ORDINAL.sub(r"\1", value)
    found = _parse_date_text(cleaned, today, dayfirst=_day_first(cleaned))
    return found if found is not None else parse_publication_line(value, today)


@lru_cache(maxsize=4096)  # dumps repeat their date lines (teasers, update stamps); dateutil is slow
def parse_publication_line(line: str, today: date | None = None) -> str | None:
    """Return the ISO date a publication line states ("Published 18:48 IST, August 30th 2020"), or None.

    The line must be a date and nothing else, apart from a label (Published,
    Updated, Posted on, Date:) and, around a "|", "•" or " / " separator, short
    parts such as a byline or a source ("By Jane Doe | Updated: Sep 11, 2020");
    a time in its own part joins the date ("Sep 14, 2020 / 10:03 AM").
    A date without a year ("August 30") or without a day gives None.
    """
    line = line.strip()
    if not line or len(line) > MAX_DATE_LINE_CHARS:
        return None
    whole = _parse_date_statement(line, today)
    if whole is not None:
        return whole
    parts = [p for p in _SEPARATORS.split(line) if p]
    if len(parts) < 2:
        return None
    dated = [_date_only(p) for p in parts]
    if not all(len(p.split()) <= MAX_LABEL_PART_WORDS for p, d in zip(parts, dated, strict=True) if d is None):
        return None
    return _parse_date_statement(" ".join(_first_date_with_times(dated)), today)


def _first_date_with_times(dated: list[str | None]) -> list[str]:
    """Keep the date parts of a split line up to the second one stating a year ("Sep 14, 2020 / 10:03 AM")."""
    kept: list[str] = []
    years = 0
    for part in dated:
        if part is None:
            continue
        years += bool(_YEAR_IN.search(part))
        if years > 1:
            break
        kept.append(part)
    return kept


def is_labelled_date_line(line: str, today: date | None = None) -> bool:
    """Return True for a date line with a label ("Last updated ...", "By X | Published ...")."""
    return _find_label(line) is not None and parse_publication_line(line, today) is not None


def locate_publication_line(lines: Sequence[str], today: date | None = None) -> tuple[int, str] | None:
    """Return (index, ISO date) of the line that states the publication date, or None.

    Preference, best first: a line labelled published/posted in the head
    (the lines before the first prose line, at most ``HEAD_LINES`` non-blank
    ones); an unlabelled date-only line in the head; a labelled published line
    further down; a line labelled "Updated" in the head, then further down (an
    update time bounds the publication from above and is then the only date
    the text states). Unlabelled date lines after the head (teaser dates,
    dated sections) never count.
    """
    best: tuple[int, int, str] | None = None  # (rank, index, value); lower rank wins
    head = head_end(lines)
    for index, line in enumerate(lines):
        if not line.strip() or len(line) > MAX_DATE_LINE_CHARS:
            continue
        value = parse_publication_line(line, today)
        rank = None if value is None else _line_rank(line, index < head)
        if value is not None and rank is not None and (best is None or rank < best[0]):
            best = (rank, index, value)
    return (best[1], best[2]) if best else None


def head_end(lines: Sequence[str]) -> int:
    """Return the index where the head (title, date, byline lines) ends: the first prose line or line HEAD_LINES."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > HEAD_LINES or _is_prose(line):
            return index
    return len(lines)


def _is_prose(line: str) -> bool:
    """Return True for a body line: long, or a sentence of some length ending with a full stop."""
    words = line.count(" ") + 1
    core = line.rstrip().rstrip("\"'”’)")
    return words > PROSE_MIN_WORDS * 4 or (words >= PROSE_MIN_WORDS and core.endswith("."))


def find_publication_line(lines: Sequence[str], today: date | None = None) -> str | None:
    """Return the ISO publication date stated by one of the lines, or None (see ``locate_publication_line``)."""
    found = locate_publication_line(lines, today)
    return found[1] if found else None


def is_plausible(value: date | datetime, today: date | None = None) -> bool:
    """Return True when a date lies in the window news dates can have (1990 .. today + 2 days)."""
    day = value.date() if isinstance(value, datetime) else value
    return day.year >= EARLIEST_YEAR and day <= _today(today) + FUTURE_SLACK


def _line_rank(line: str, in_head: bool) -> int | None:
    """Rank a date line (lower is better, see ``locate_publication_line``); None when it does not count."""
    label = _find_label(line)
    if label is None:
        return 1 if in_head else None
    if label in {"updated", "modified"}:
        return 3 if in_head else 4
    return 0 if in_head else 2


def _find_label(line: str) -> str | None:
    """Return the lower-case date label of the line or of one of its separated parts, or None."""
    for part in _SEPARATORS.split(line.strip()):
        match = _LABEL.match(part)
        if match:
            return match.group("label").lower()
    return None


def _date_only(text: str) -> str | None:
    """Return the text without its label, normalised for dateutil, if it holds only date words and a digit."""
    text = _LABEL.sub("", text.strip(), count=1)
    text = _DOTTED_TIME.sub(r"\1:\2", _ORDINAL.sub(r"\1", text)).strip(" ,;:|")
    text = _CLOCK_ZONE.sub(_known_zone_only, text)
    if not any(c.isdigit() for c in text) or any(w.lower() not in _DATE_WORDS for w in _WORD.findall(text)):
        return None
    return text


def _known_zone_only(match: re.Match[str]) -> str:
    """Keep a zone after a time when ZONES knows it (or it is AM/PM); drop an unknown one, leaving the time naive."""
    zone = match.group(2)
    return match.group(0) if zone in ZONES or zone.lower() in _DATE_WORDS else match.group(1)


def _parse_date_statement(text: str, today: date | None) -> str | None:
    """Return the ISO date of a text that is only a (labelled) date, or None."""
    cleaned = _date_only(text)
    if cleaned is None or not _YEAR_IN.search(cleaned):
        return None
    text = re.sub(r"\b(?:the|of)\b", " ", cleaned, flags=re.IGNORECASE)
    return _parse_date_text(text, today, dayfirst=_day_first(cleaned))


def _day_first(text: str) -> bool:
    """Return True when a numeric date ("11/09/2020") should be read day first: unless a US zone is stated."""
    if not _NUMERIC_DMY.search(text):
        return False
    return not any(w.upper() in _US_ZONES for w in _WORD.findall(text))


def _parse_date_text(text: str, today: date | None, *, dayfirst: bool) -> str | None:
    """Parse with dateutil; return a day, or a datetime when a time is stated; None when incomplete."""
    first = _dateutil(text, datetime(2001, 1, 1, 0, 0, 0), dayfirst)
    second = _dateutil(text, datetime(2002, 2, 2, 1, 1, 1), dayfirst)
    if first is None or second is None or first.date() != second.date():
        return None  # unparseable, or the year, month or day was not stated
    if not is_plausible(first, today):
        return None
    if first.hour != second.hour:
        return first.date().isoformat()
    return first.replace(microsecond=0).isoformat()


def _dateutil(text: str, default: datetime, dayfirst: bool) -> datetime | None:
    """Run dateutil's parser quietly; None on any failure."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown zone names (AST) just stay naive
        try:
            return dateparser.parse(text, default=default, dayfirst=dayfirst, tzinfos=ZONES)
        except (ValueError, OverflowError, TypeError):
            return None


def _from_epoch(value: str, today: date | None) -> str | None:
    """Return the UTC datetime of Unix epoch seconds (9-10 digits) or milliseconds (12-13 digits)."""
    seconds = float(value)
    if len(value.split(".")[0]) >= 12:
        seconds /= 1000
    try:
        moment = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.replace(microsecond=0).isoformat() if is_plausible(moment, today) else None


def _today(today: date | None) -> date:
    return today if today is not None else datetime.now(UTC).date()


# --- inference -----------------------------------------------------------------------------------

_MONTH_RE = (
    r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY_RE = (
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
)
_YEAR_RE = r"(?P<{g}>(?:19|20)\d\d)(?!\d)"
# One dated mention: an optional weekday, then "September 14[, 2020]", "14 September [2020]" or "2020-09-14".
_MENTION = re.compile(
    rf"\b(?:{_WEEKDAY_RE},?\s+(?:\(\s*)?(?:the\s+)?)?(?:"
    rf"{_MONTH_RE.format(g='m1')}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+{_YEAR_RE.format(g='y1')})?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE.format(g='m2')}(?:,?\s+{_YEAR_RE.format(g='y2')})?"
    rf"|(?<!\d)(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?!\d))"
)
_STATED_YEAR = re.compile(r"(?<![\d$£€.,])(?:19|20)\d\d(?![\d%])")
# Years after these words are deadlines or targets ("by 2030"), not the time of writing.
_TARGET_BEFORE = re.compile(r"\b(?:by|until|till|through|before|to)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
# A sentence with one of these talks about the future: its dates do not bound the publication date.
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won't|would|scheduled|expected to|due to (?:be|take|start|open|begin|meet|vote)|plans? to"
    r"|planned|upcoming|next|set to|is to|are to)\b"
    r"|'ll\b",
    re.IGNORECASE,
)
_WEEKDAY_INDEX = {name: i for i, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])}
_MONTH_INDEX = {
    name: i + 1
    for i, name in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])
}
# Real articles are far shorter; past this, inference reads only the start (keeps 50 MB dumps fast).
MAX_INFER_CHARS = 1_000_000
_SENTENCE_REACH = 300  # characters searched either side of a mention for a future cue


def infer_publication_date(text: str, today: date | None = None, years: range | None = None) -> str | None:
    """Return the publication day inferred from the text ("2020-09-14"), or None when the text does not pin one.

    What is inferred: the latest day the text mentions in a sentence without a
    future cue (will, scheduled, next ...), since an article is written at or
    after the past events it dates (``_in_future_sentence`` says which
    mentions are future). A mention without a year ("Monday,
    September 14") gets its year from its weekday: the most recent year in
    which every such weekday+date mention is consistent, searched within one
    year of the latest year the text states ("in 2019", "September 2020"), or
    within ``years``; with neither, only the one fit of the last
    ``UNFRAMED_PIN_YEARS`` years counts (several fits: None). The
    inferred day must fall in that latest stated year, and pass the
    plausibility window. Weekday-only anchors ("on Monday") are never enough,
    and no coarser value (a month, a year) is returned: None instead. Only
    the first ``MAX_INFER_CHARS`` characters are read.
    Mentions spanning a New Year ("Thursday, December 31" and "Saturday,
    January 2") find no single consistent year and give None.
    ``years``, when a caller knows the time frame (the article's story), are
    the only years a weekday+date mention may take.
    """
    now = _today(today)
    text = text[:MAX_INFER_CHARS]
    mentions = list(_mentions(text))
    stated = _stated_years(text, mentions, now)
    year = _pin_year([m for m in mentions if m[3] is None and m[0] is not None], stated, now, years)
    days = [_as_day(m, year) for m in mentions if not m[4]]
    candidates = [d for d in days if d is not None and is_plausible(d, now)]
    if not candidates:
        return None
    latest = max(candidates)
    if stated and latest.year < max(stated):
        return None  # the text states a later year than any day it dates: the day is history
    return latest.isoformat()


Mention = tuple[int | None, int, int, int | None, bool]  # weekday, month, day, year, in a future sentence


def _mentions(text: str) -> list[Mention]:
    """Return every dated mention in the text as (weekday, month, day, year, future)."""
    found: list[Mention] = []
    for match in _MENTION.finditer(text):
        parts = _mention_parts(match)
        if parts is not None:
            found.append((*parts, _in_future_sentence(text, match.start(), match.end())))
    return found


def _mention_parts(match: re.Match[str]) -> tuple[int | None, int, int, int | None] | None:
    """Return (weekday, month, day, year) of one match; None for lower-case "may 5" and the like."""
    g = match.groupdict()
    if g["y3"]:
        return None, int(g["m3"]), int(g["d3"]), int(g["y3"])
    month_word = g["m1"] or g["m2"]
    if not month_word[0].isupper():
        return None
    weekday = _WEEKDAY_INDEX[g["wd"][:3].lower()] if g["wd"] and g["wd"][0].isupper() else None
    year = g["y1"] or g["y2"]
    return weekday, _MONTH_INDEX[month_word[:3].lower()], int(g["d1"] or g["d2"]), int(year) if year else None


def _in_future_sentence(text: str, start: int, end: int) -> bool:
    """Return True when the clause leading to text[start:end], or the rest of its sentence, has a future cue.

    Left, only back to the last comma: in "faces a gap next year, the body said on Monday
    14 September" the date is when it was said, not when the gap comes.
    """
    left = text[max(0, start - _SENTENCE_REACH) : start]
    right = text[end : end + _SENTENCE_REACH]
    left = re.split(r"[,;:!?\n]|\.\s", left)[-1]
    right = re.split(r"[;!?\n]|\.(?:\s|$)", right, maxsplit=1)[0]
    return bool(_FUTURE_CUE.search(left) or _FUTURE_CUE.search(right))


def _stated_years(text: str, mentions: list[Mention], now: date) -> list[int]:
    """Return the plausible years the text states, leaving out targets such as "by 2030"."""
    years = {m[3] for m in mentions if m[3] is not None}
    for match in _STATED_YEAR.finditer(text):
        if not _TARGET_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            years.add(int(match.group()))
    return sorted(y for y in years if EARLIEST_YEAR <= y <= now.year + LATEST_INFER_YEAR_AHEAD)


def _pin_year(weekday_mentions: list[Mention], stated: list[int], now: date, years: range | None) -> int | None:
    """Return the most recent year in which every weekday+date mention holds, or None."""
    if not weekday_mentions:
        return None
    low, high = EARLIEST_YEAR, now.year + LATEST_INFER_YEAR_AHEAD
    if years is not None:
        low, high = years.start, years.stop - 1
    elif stated:
        low, high = max(low, stated[-1] - 1), min(high, stated[-1] + 1)
    else:
        low = max(low, now.year - UNFRAMED_PIN_YEARS)
    fits = [year for year in range(high, low - 1, -1) if all(_weekday_holds(m, year, now) for m in weekday_mentions)]
    if years is None and not stated and len(fits) > 1:
        return None  # "Monday, September 14" fits 2015, 2020 and 2026: the story's frame decides later
    return fits[0] if fits else None


def _weekday_holds(mention: Mention, year: int, now: date) -> bool:
    """Return True when the mention's weekday matches its month and day in that year (and it is not ahead)."""
    day = _as_day(mention, year)
    if day is None or day.weekday() != mention[0]:
        return False
    return mention[4] or is_plausible(day, now)  # a past event cannot lie after today


def _as_day(mention: Mention, year: int | None) -> date | None:
    """Return the mention's date, using year for a mention without one; None if impossible."""
    year = mention[3] if mention[3] is not None else year
    if year is None:
        return None
    try:
        return date(year, mention[1], mention[2])
    except ValueError:
        return None
