"""Word lists and regex building blocks for time expressions (written for storyline, not copied).

Every pattern here is a plain string; ``timex_rules`` compiles them once at import.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}  # fmt: skip

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI",
}  # fmt: skip

_UNITS_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
               "nineteen"]  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS_ONES)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update(
    {
        "a": 1,
        "an": 1,
        "a hundred": 100,
        "hundred": 100,
        "one hundred": 100,
        "a dozen": 12,
        "dozen": 12,
        "a thousand": 1000,
        "a couple of": 2,
        "a couple": 2,
        "couple of": 2,
    }
)
for _tens_word, _tens in _TENS.items():
    for _i in range(1, 10):
        NUMBER_WORDS[f"{_tens_word}-{_UNITS_ONES[_i]}"] = _tens + _i
        NUMBER_WORDS[f"{_tens_word} {_UNITS_ONES[_i]}"] = _tens + _i

# Vague quantities: the duration keeps an X ("PXD").
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "the few", "the several")

_ORDINAL_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                 "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                 "seventeenth", "eighteenth", "nineteenth"]  # fmt: skip
ORDINAL_WORDS: dict[str, int] = {w: i for i, w in enumerate(_ORDINAL_ONES) if w}
ORDINAL_WORDS.update({"twentieth": 20, "thirtieth": 30})
for _i in range(1, 10):
    ORDINAL_WORDS[f"twenty-{_ORDINAL_ONES[_i]}"] = 20 + _i
    ORDINAL_WORDS[f"twenty {_ORDINAL_ONES[_i]}"] = 20 + _i
ORDINAL_WORDS["thirty-first"] = ORDINAL_WORDS["thirty first"] = 31

# Unit word (singular, lower case) -> TIMEX3 duration letter and calendar granularity.
UNITS: dict[str, tuple[str, str]] = {
    "second": ("S", "time"), "minute": ("M", "time"), "hour": ("H", "time"), "day": ("D", "day"),
    "night": ("D", "day"), "week": ("W", "week"), "fortnight": ("W", "week"), "month": ("M", "month"),
    "quarter": ("Q", "quarter"), "year": ("Y", "year"), "decade": ("E", "decade"),
    "century": ("C", "century"), "weekend": ("WE", "week"), "millennium": ("L", "century"),
}  # fmt: skip

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """Return a regex alternation, longest words first so the engine prefers them."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(w.replace(" ", r"\s+").replace(".", r"\.") for w in ordered) + ")"


# Month names are matched case-sensitively (capitalised): "may", "march" and "sat" are common words.
MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH_CAPS = r"(?:JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_CAPS}|{MONTH_ABBR}(?![a-z]))"
WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
ORDINAL_DAY = "(?i:" + _alt([w for w, n in ORDINAL_WORDS.items() if n <= 31]) + ")"
DAY = rf"(?:{DAY_NUM}|{ORDINAL_DAY})"
YEAR = r"(?<![\d$£€.,/])(?<!\d-)(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|-\d)"
# Compact on purpose: one alternative per word, not per compound ("twenty-one"), keeps matching fast.
NUMBER = (
    "(?i:" + _alt(list(_TENS)) + r"(?:[\s-]" + _alt(_UNITS_ONES[1:10]) + ")?|" + _alt(_UNITS_ONES)
    + r"|(?:a|one)\s+hundred|hundred|a\s+dozen|dozen|a\s+thousand|a\s+couple(?:\s+of)?|couple\s+of|an?"
    + r"|\d+(?:\.\d+)?(?:\s+1/2)?)"
)  # fmt: skip
VAGUE_NUMBER = "(?i:" + _alt(list(VAGUE_NUMBERS)) + ")"
# Years read out in broadcast transcripts: "nineteen ninety-six", "eighteen sixty-one" (not "nineteen
# hundred", more often a count).
SPOKEN_CENTURIES: dict[str, int] = {"seventeen": 17, "eighteen": 18, "nineteen": 19}
SPOKEN_YEAR = (
    r"(?i:seventeen|eighteen|nineteen)[\s-]+(?i:" + _alt(list(_TENS)) + r"(?:[\s-]" + _alt(_UNITS_ONES[1:10])
    + r")?)"
)  # fmt: skip
UNIT = r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?"
UNIT += r"|centuries|century|weekends?|millenni(?:um|a))"
SEASON = r"(?i:spring|summer|autumn|fall|winter)"
PART_OF_DAY = r"(?i:morning|afternoon|evening|night)"
APPROX_WORDS = r"(?i:about|around|approximately|roughly|some|nearly|almost|more\s+than|less\s+than|over|under"
APPROX_WORDS += r"|at\s+least|at\s+most|up\s+to|within|no\s+more\s+than|just|only|barely|fewer\s+than)"

# Modifiers that pick a part of a period ("early 2019", "the end of the year").
PART_PREFIX = (
    r"(?i:early|late|mid|middle|earlier|later|the\s+(?:end|beginning|start|middle|close|turn|rest|remainder)"
    r"\s+of)"
)

MOD_FROM_WORD: dict[str, str] = {
    "early": "START", "beginning": "START", "start": "START", "earlier": "START", "turn": "START",
    "late": "END", "end": "END", "close": "END", "later": "END", "rest": "END", "remainder": "END",
    "mid": "MID", "middle": "MID",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "EQUAL_OR_LESS", "almost": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "fewer than": "LESS_THAN",
}  # fmt: skip


def mod_for(word: str | None) -> str | None:
    """Return the TIMEX3 mod for a modifier word ("early" → START), or None."""
    if not word:
        return None
    key = " ".join(word.lower().replace("-", " ").split())
    if key.startswith("the "):
        key = key.split()[1]
    return MOD_FROM_WORD.get(key)


def number_value(word: str) -> int | float | None:
    """Return the number a word or digit string stands for, None for a vague quantity."""
    key = " ".join(word.lower().split())
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    if key.endswith(" 1/2"):
        return float(key[:-4]) + 0.5
    try:
        return int(key) if key.isdigit() else float(key)
    except ValueError:
        return None


def ordinal_value(word: str) -> int | None:
    """Return the day number of "14", "14th" or "fourteenth"."""
    key = " ".join(word.lower().split())
    if key in ORDINAL_WORDS:
        return ORDINAL_WORDS[key]
    digits = key.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None


def spoken_year(words: str) -> int:
    """Return the year "nineteen ninety-six" reads out (1996)."""
    first, rest = words.lower().replace("-", " ", 1).split(None, 1)
    return SPOKEN_CENTURIES[first] * 100 + NUMBER_WORDS[" ".join(rest.split())]


def month_number(word: str) -> int:
    """Return 1..12 for a month name or abbreviation."""
    return MONTHS[word.lower().rstrip(".")]


def unit_key(word: str) -> str:
    """Return the singular lower-case unit ("Centuries" → "century")."""
    w = word.lower()
    if w in ("centuries",):
        return "century"
    if w in ("millennia",):
        return "millennium"
    return w[:-1] if w.endswith("s") else w
