"""Clean plain-text news dumps: title, publication line and byline out; boilerplate and teasers removed.

``clean_text`` is the entry point. It works line by line and keeps a verdict
per line, so every removed line can be listed (``Extraction.removed``, in the
order of the input) and ``text`` holds the remaining lines exactly as
normalised: one space for any run of horizontal white space (tabs, non-breaking
spaces), no zero-width characters, lines stripped, and paragraphs (runs of
kept lines) separated by one blank line. Line breaks inside a paragraph are
kept as they were; a blank line, the title or a removed line ends a paragraph.
Later stages may therefore quote ``text`` substrings verbatim.

Boilerplate is recognised by line families (ad markers, share/follow prompts,
comment prompts, like counters, cookie notices, copyright, "read more" and
related-story links, tags, credits, navigation words), always on short lines
only, and teasers structurally (headline-like lines followed by truncated
blurbs ending in an ellipsis, or a run of standalone headlines closing the
text). Every pattern is applied only to lines under ``MAX_BOILERPLATE_CHARS``,
and none can backtrack without bound, so cleaning stays linear in the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from storyline.extract.dates import (
    HEAD_LINES,
    head_end,
    infer_publication_date,
    is_labelled_date_line,
    locate_publication_line,
    parse_publication_line,
)
from storyline.models import DateOrigin, Extraction

# Thresholds below were set by hand on the fake dumps in tests/extract/test_text.py and on what news
# boilerplate looks like in general. The list check (LIST_SHARED_SHARE, _list_like) was added after
# looking at which lines of the article-extraction-benchmark gold bodies the cleaner wrongly removed.
MAX_BOILERPLATE_CHARS = 600  # longer lines are never boilerplate (and never meet a regex)
MAX_PROMPT_WORDS = 14  # share/follow/comment prompts and ad markers are at most this long
MAX_NOTICE_WORDS = 60  # cookie, copyright and credit notices may be a sentence or two
TITLE_MAX_WORDS = 30  # a first line longer than this is the lead paragraph, not a title
TITLE_MAX_CHARS = 250
SHORT_LABEL_WORDS = 4  # topic/link labels listed under a "Topics" or "Related" heading
KICKER_MAX_WORDS = 2  # "World news" above a title is a section label, not the title
KICKER_MAX_CAPS_WORDS = 3  # "WORLD NEWS" above a title is a section label; longer capitals lines are titles
KICKER_MAX_CHARS = 30
LIST_SHARED_SHARE = 0.6  # closing short lines sharing a shape this often ("June 9 – Tampa") are a list
HEADLINE_MAX_WORDS = 20  # teaser headlines: 2 .. this many words, no closing sentence punctuation
HEADLINE_MAX_CHARS = 160
BLURB_MAX_WORDS = 60  # teaser blurbs are truncated: at most this many words, ending with an ellipsis
TAIL_MIN_HEADLINES = 3  # standalone headlines closing the text: this many make a teaser block
MID_MIN_UNITS = 2  # headline+blurb pairs needed for a teaser block inside the text
BYLINE_MAX_NAME_WORDS = 6
BYLINE_HEAD_LINES = 12  # bylines are looked for in this many first non-blank lines (and on any date line)
BYLINE_MAX_EXTRA_WORDS = 5  # "By Jane Doe, Associated Press": the words after the name
# Mastheads were set by hand on copy-pasted site tops ("Atlantic Post (English edition)",
# "Connacht Courier Online | News | Galway City", "The Copenhagen Observer"); see test_text.py.
MASTHEAD_HEAD_LINES = 4  # a masthead is one of the first kept lines of the head
MASTHEAD_MAX_WORDS = 6  # "The Times of India", "Connacht Courier Online"
BREADCRUMB_PART_WORDS = 4  # "News", "Galway City": the parts after the name

_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # what str.splitlines splits on
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_HSPACE = re.compile(r"[^\S\n ][^\S\n]*| [^\S\n]+")  # any white-space run but a lone space
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*[\"'”’)\]]*$")
_CLOSERS = "\"'”’)]» "
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")
_LIST_LEAD = re.compile(r"^(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)", re.IGNORECASE)
_BULLETS = "-*•–—>·▪●"
_I = re.IGNORECASE

_SOCIAL = (
    r"facebook|twitter|x|linkedin|whatsapp|telegram|instagram|youtube|tiktok|pinterest|reddit"
    r"|flipboard|threads|bluesky|mastodon|snapchat|google news|apple news|messenger"
)
_AD = re.compile(
    r"^(?:advertisement|advertising|advert|ads?|sponsored(?: (?:content|links?|stories|post))?"
    r"|promoted(?: (?:content|stories))?|paid (?:post|content|partner content)|partner content"
    r"|(?:the )?(?:story|article|text|content) continues(?: below| after)?(?: (?:the )?(?:ad|advert|advertisement))?"
    r"|continue reading(?: below| after| the main story| the story)?"
    r"|scroll (?:down )?to continue(?: with content| reading)?"
    r"|skip (?:ad|advert|advertisement)|report this ad|remove ads|ad feedback|ad choices)\W*$",
    _I,
)
_SHARE = re.compile(
    r"^(?:(?:click|tap) (?:here )?to )?(?:share|tweet|pin|e-?mail|print|save|bookmark|copy|send)"
    r"(?: (?:this|the|our|it|on|via|with|to|a|your))*"
    rf" (?:article|story|post|page|link|video|gallery|friends?|url|{_SOCIAL})\b"
    r"|^enter your e-?mail|^\(?opens in (?:a )?new (?:window|tab)\)?$",
    _I,
)
_PROMPT_LABEL = r"(?:(?:newsletters?|alerts?|free|subscribe|sign up|e-?mail)\s*[:|–—-]\s*)?"  # "Newsletter: Get ..."
_FOLLOW_VERB = (
    r"(?:(?:click|tap) (?:here )?to )?(?:follow|like|join|subscribe|sign up|signup|register|download|get"
    r"|connect|find|stay connected|stay (?:up to date|updated|informed)|listen|watch|read)\b"
)
_FOLLOW = re.compile(
    rf"^{_PROMPT_LABEL}{_FOLLOW_VERB}[^.!?]{{0,80}}?"
    rf"(?:\bus on\b|\bwith us\b|\bour (?:\w+ )?(?:newsletters?|apps?|channel|page|podcast|feed|alerts|updates"
    rf"|site|coverage|account|community)\b|\bnewsletters?\b|\bthe app\b|\bapp store\b|\bgoogle play\b"
    rf"|\balerts\b|\binbox\b|\b(?:{_SOCIAL})\b"
    rf"|\b(?:daily|weekly|morning|evening|regular|latest|breaking|free) (?:updates|news|briefings?|digest"
    rf"|headlines|e-?mails?|bulletins?)\b)",
    _I,
)
_PROMPT_START = re.compile(rf"^{_PROMPT_LABEL}{_FOLLOW_VERB}", _I)  # a prompt naming the masthead
_COMMENTS = re.compile(
    r"^(?:leave|post|add|write|submit)\s+(?:a\s+|an\s+|your\s+)?(?:comment|reply|response)s?\b"
    r"|^(?:join|start)\s+the\s+(?:conversation|discussion|debate)\b"
    r"|^(?:view|show|hide|read|see|load|open)\s+(?:all\s+|the\s+)?(?:\d+\s+)?comments?\b"
    r"|^(?:\d+|no|one|two|three|four|five)\s+(?:comments?|responses?|replies|thoughts)(?:\s+(?:on|to)\b|\W*$)"
    r"|^comments?\W*(?:\(\d+\))?\W*$|^comments are closed|^have your say|^your e-?mail address will not be published"
    r"|^required fields are marked|^what do you think\b[^\n]{0,60}\b(?:comments?|below)\b|^cancel reply$",
    _I,
)
_LIKES = re.compile(
    r"^(?:%d|\d+|one|two)\s+(?:bloggers?|people|others|users|readers)\s+likes?\s+this\b"
    r"|^like this\W*$|^like loading|^be the first to like this|^loading\s*(?:\.\.\.|…)?$",
    _I,
)
_COOKIE_WORD = re.compile(r"\bcookies?\b", _I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:we|our|you|this (?:web)?site)\b[^\n]{0,200}?\b(?:use|uses|using|accept|consent|agree|policy|settings)\b"
    r"|\b(?:accept|reject|manage|allow)(?: all)? cookies\b|\bcookie (?:policy|settings|preferences|notice|consent)\b",
    _I,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|(?:19|20)\d\d|:))|\ball rights reserved\b|©\s*(?:19|20)\d\d"
    r"|\bmay not be (?:re)?(?:published|produced|distributed|broadcast|rewritten|copied)\b",
    _I,
)
_RELATED = re.compile(
    r"^(?P<head>also read|read (?:more|also|next|this|the full (?:story|article))|see also"
    r"|more (?:on|about) this(?: story| topic)?|related(?: (?:articles?|stories|news|content|coverage|reading"
    r"|links?|posts?|topics?|videos?|items?))?|more (?:stories|news|coverage|from [^:|]{1,40}|like this|to read)"
    r"|recommended(?: for you| stories| articles| reading| videos)?|you (?:may|might) (?:also )?(?:like|enjoy"
    r"|be interested in|have missed)|don'?t miss(?: this)?|most (?:read|popular|viewed|shared|watched)"
    r"|trending(?: now| stories| news)?|top (?:stories|news|headlines)|latest (?:news|stories|headlines|videos)"
    r"|what to read next|editor'?s (?:picks|choice)|further reading|popular (?:now|stories|articles)"
    r"|more to explore|explore more|in other news|up next|watch next|read next|(?:from )?around the web"
    r"|suggested (?:reading|articles|stories)|click here|tap here"
    r"|topics|tags|keywords|filed under)\b\s*(?P<sep>[:|»>\-–—]+)?\s*(?P<rest>.*)$",
    _I,
)
_MEDIA_PREFIX = re.compile(r"^(?:WATCH|VIDEO|LISTEN|PHOTOS?|GALLERY|PODCAST|READ|MORE|RELATED|ALSO READ|SEE)\s*[:|]")
_TAGS = re.compile(
    r"^(?:tags?|topics?|filed under|categories|category|keywords|related topics|more about|posted in|tagged"
    r"(?: with)?)\s*[:|]",
    _I,
)
_CREDIT = re.compile(
    r"^\(?(?:reporting|additional reporting|writing|editing|compiled|edited|produced|research|translated) by\b"
    r"|^\(?(?:photo|photograph|image|picture|video|graphic|illustration|caption|file photo|main image|top image)s?"
    r"(?: (?:credit|caption|source|courtesy))?\s*[:|(]|^image (?:source|copyright|caption)\b"
    r"|^\d+\s*-?\s*min(?:ute)?s?\.? read$|^(?:estimated )?reading time\b|^listen to (?:this|the) (?:article|story)\b"
    r"|^(?:report (?:an error|a correction|a typo)|send us (?:a tip|feedback)|contact us)\b"
    r"|^our standards\b|\btrust principles\b|^editorial (?:standards|guidelines|policy)\b"
    r"|^\(?(?:ap|afp|reuters|getty|epa|pti|ani|ians|bloomberg|xinhua)(?: photo| images)?\s*/"
    r"|^(?:getty images|shutterstock|istock(?:photo)?)\W*$",
    _I,
)
# Lines that only stamp a time: "3 hours ago", "Updated 5 mins ago", a media duration "4:32".
_STAMP = re.compile(
    r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago"
    r"|just now)$|^\d{1,2}:\d{2}(?::\d{2})?$",
    _I,
)
_BREADCRUMB = re.compile(r"^home\s*[>/»›|]", _I)
_META = re.compile(
    r"^(?:\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|just now|yesterday|today"
    r"|\d+\s*-?\s*min(?:ute)?s?\.? read)$",
    _I,
)


def _vocab(words: str) -> frozenset[str]:
    """Return the set of the space-separated words (keeps long vocabularies readable)."""
    return frozenset(words.split())


_UI_WORDS = _vocab(
    "menu search home skip to content main navigation toggle close back top next previous prev article story "
    "log in login logout sign out register subscribe up print email e-mail share shares tweet comment comments "
    "reply save bookmark listen play pause loading open app expand collapse show see view load more less "
    "copy link url sms opens new window tab font size text like follow gift unlock account profile "
    "facebook twitter x linkedin whatsapp telegram instagram youtube tiktok pinterest reddit messenger "
    "flipboard google news reuse permissions reprints terms of use privacy policy conditions about us "
    "contact sitemap careers advertise cookie settings accessibility help"
)
_FUNCTION_WORDS = _vocab("to in on the a this via with and or up new")
_UI_WORDS |= _FUNCTION_WORDS  # "Share this", "Sign in with Google": function words may join UI words
_BYLINE = re.compile(
    r"^(?:(?:written|words|story|reported|text|posted|published)\s+)?(?:by|author|reporter|byline)\s*[:\-]?\s+"
    r"(?P<name>[^|•·,;:()\d]{2,80}?)\s*(?P<rest>(?:[|•·,;(]|\s[-–—]\s).*)?$",
    _I,
)
_BY_PARTS = re.compile(r"\s*[|•·]\s*|\s+(?=[Bb]y\s)")
_NAME_CONNECTORS = _vocab("and & de van von der den da di la le du dos del bin al el ibn")
_NOT_NAMES = _vocab(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december the a an this that then now law far night day noon "
    "midnight morning evening late early next last"
)
_STAFF_WORDS = _vocab("staff reporters reporter correspondents correspondent desk team writers writer")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# The last word of a publication's name ("The Copenhagen Observer", "Portugal News Digest"). Words that are
# common in headlines too ("Today", "Star", "Sun", "Record", "Report") are left out on purpose.
_PUBLICATION_WORDS = _vocab(
    "news post times herald courier observer digest daily weekly journal gazette tribune chronicle telegraph "
    "guardian examiner bulletin dispatch inquirer sentinel argus advertiser echo mail press wire newswire "
    "reporter monitor globe register magazine newspaper local review watch today standard star mirror express "
    "record"
)
_MASTHEAD_SUFFIXES = _vocab("online digital live international edition")  # "Connacht Courier Online"
_NAME_LOWER_WORDS = _vocab("of the and & de la le el du des der die da di")  # "The Times of India"
# Capitalised words that make a headline, not a name: "Man Arrested Over Facebook Post".
_HEADLINE_WORDS = _vocab(
    "over in on at for to after as from with by into amid against about is are was were will says said "
    "new how why what who when"
)
_SECTION_WORDS = _vocab(
    "news world sport sports business politics opinion local national international europe ireland uk us "
    "culture entertainment lifestyle health science tech technology city region regions home latest breaking top"
)
_EDITION = re.compile(r"^(?P<name>.+?)\s*(?:\((?P<a>[^()]{1,30}\bedition)\)|[-–—|]\s+(?P<b>[^()]{1,30}\bedition))$", _I)
_BREADCRUMB_SEP = re.compile(r"\s+[|›»>]\s+")
# "Varnholm Local - your town, your news": a masthead with its slogan, in lower case after a dash or bar.
_SLOGAN = re.compile(r"^(?P<name>[^-–—|:]+?)\s+[-–—|:]\s+(?P<slogan>(?:your|our|[a-z])[^.!?]*)$")
SLOGAN_MAX_WORDS = 8
_NEWS_TAGLINE = re.compile(r"\b(?:news|stories|reporting|journalism)\b", _I)


def clean_text(raw: str, today: date | None = None) -> Extraction:
    """Return the cleaned body of a plain-text dump with its title, author, publication date and removed lines.

    Steps, in order: 1. normalise line breaks and white space; 2. give each
    line a boilerplate verdict from its own words; 3. find the publication
    line (published_from "text") and other date lines, the byline (author),
    the masthead (outlet: "Atlantic Post (English edition)", "Name | News | City",
    a short name ending in Post, Observer, Digest ..., a head line a copyright line names; else the copyright holder
    a byline names too) and the title (first substantial non-date line of the head; not part of
    ``text`` and not listed in ``removed``); 4. drop everything from a comment
    prompt on; 5. drop related-story blocks after their heading; 6. drop
    teaser blocks; 7. drop kept lines that repeat a removed one verbatim;
    8. when no line states a date, infer one from the body
    (published_from "inferred", see ``infer_publication_date``).
    The publication, byline and masthead lines are listed in ``removed``.
    """
    lines = _normalise(raw).split("\n")
    reasons: list[str | None] = [_line_reason(line) for line in lines]
    published = _mark_date_lines(lines, reasons, today)
    author = _mark_bylines(lines, reasons)
    outlet = _mark_masthead(lines, reasons)
    _mark_outlet_prompts(lines, reasons, outlet)
    title_at = _find_title(lines, reasons)
    _mark_comment_tail(lines, reasons, title_at)
    _mark_related_blocks(lines, reasons, title_at)
    _mark_teasers(lines, reasons, title_at)
    _mark_duplicates(lines, reasons, title_at)
    text = _assemble(lines, reasons, title_at)
    origin: DateOrigin | None = "text" if published else None
    if published is None:
        published = infer_publication_date(text, today)
        origin = "inferred" if published else None
    return Extraction(
        text=text,
        title=lines[title_at] if title_at is not None else None,
        author=author,
        outlet=outlet or _copyright_holder(lines, reasons),
        published=published,
        published_from=origin,
        removed=[line for line, reason in zip(lines, reasons, strict=True) if reason and line],
    )


def _normalise(raw: str) -> str:
    """Return raw with "\\n" as the only line break, single spaces, no invisible characters, stripped lines."""
    text = _LINE_BREAKS.sub("\n", raw.replace("\r\n", "\n"))
    text = _HSPACE.sub(" ", _INVISIBLE.sub("", text))
    return "\n".join(line.strip() for line in text.split("\n"))


def _word_count(line: str) -> int:
    """Return the number of words of a normalised line (single spaces) without building a list."""
    return line.count(" ") + 1 if line else 0


# --- 2. per-line verdicts -------------------------------------------------------------------------


@lru_cache(maxsize=8192)  # the same prompts and markers recur in every dump of an outlet
def _line_reason(line: str) -> str | None:
    """Return why a line is boilerplate judged on its own words ("ad", "share", ...), or None."""
    if not line or len(line) > MAX_BOILERPLATE_CHARS:
        return None
    words = _word_count(line)
    for reason, max_words, test in _FAMILIES:
        if words <= max_words and test(line):
            return reason
    return None


def _related_reason(line: str) -> bool:
    """Return True for a "Read more: ..." or related-story link line (not a bare heading)."""
    match = _RELATED.match(line)
    if match is None:
        return bool(_MEDIA_PREFIX.match(line))
    head = match.group("head").lower()
    return bool(match.group("rest")) and (bool(match.group("sep")) or head.startswith(("read more", "click", "tap")))


def _related_heading(line: str) -> bool:
    """Return True for a bare heading such as "Related stories" or "You may also like:"."""
    match = _RELATED.match(line)
    return match is not None and not match.group("rest")


def _cookie_notice(line: str) -> bool:
    return bool(_COOKIE_WORD.search(line) and _COOKIE_CONTEXT.search(line))


def _ui_only(line: str) -> bool:
    """Return True for a line made only of interface words ("Menu", "Share Tweet Email", "Back to top")."""
    words = [w.lower() for w in _WORD.findall(line)]
    return bool(words) and all(w in _UI_WORDS for w in words) and any(w not in _FUNCTION_WORDS for w in words)


_FAMILIES: list[tuple[str, int, Callable[[str], bool]]] = [
    ("comments", MAX_PROMPT_WORDS, lambda s: bool(_COMMENTS.search(s))),
    ("ad", MAX_PROMPT_WORDS, lambda s: bool(_AD.match(s))),
    ("likes", MAX_PROMPT_WORDS, lambda s: bool(_LIKES.search(s))),
    ("share", MAX_PROMPT_WORDS, lambda s: bool(_SHARE.search(s) or _FOLLOW.search(s))),
    ("navigation", 8, _ui_only),
    ("related_heading", 8, _related_heading),
    ("related", 30, _related_reason),
    ("cookies", MAX_NOTICE_WORDS, _cookie_notice),
    ("copyright", MAX_NOTICE_WORDS, lambda s: bool(_COPYRIGHT.search(s))),
    ("tags", 40, lambda s: bool(_TAGS.match(s))),
    ("credit", MAX_NOTICE_WORDS, lambda s: bool(_CREDIT.search(s))),
    ("date", 6, lambda s: bool(_STAMP.match(s))),
    ("navigation", 12, lambda s: bool(_BREADCRUMB.match(s))),
]


# --- 3. date lines, byline, title -----------------------------------------------------------------


def _mark_date_lines(lines: list[str], reasons: list[str | None], today: date | None) -> str | None:
    """Mark the publication line and the other stated date lines; return the publication date."""
    visible = [line if reason is None else "" for line, reason in zip(lines, reasons, strict=True)]
    found = locate_publication_line(visible, today)
    if found is None:
        return None
    reasons[found[0]] = "date"
    for index in range(head_end(visible)):
        if visible[index] and reasons[index] is None and parse_publication_line(lines[index], today):
            reasons[index] = "date"  # a second date line in the head: the update time
    for index, line in enumerate(visible):
        if line and reasons[index] is None and is_labelled_date_line(line, today):
            reasons[index] = "date"  # "Last updated ..." closing lines
    return found[1]


def _head_indices(lines: list[str], count: int = HEAD_LINES) -> list[int]:
    """Return the indices of the first ``count`` non-blank lines."""
    found: list[int] = []
    for index, line in enumerate(lines):
        if line:
            found.append(index)
            if len(found) >= count:
                break
    return found


def _mark_bylines(lines: list[str], reasons: list[str | None]) -> str | None:
    """Mark byline lines ("By Jane Doe, Reuters") in the head or on a date line; return the first author named."""
    author: str | None = None
    head = set(_head_indices(lines, BYLINE_HEAD_LINES))
    for index, line in enumerate(lines):
        if reasons[index] != "date" and (reasons[index] is not None or index not in head):
            continue
        if len(line) > TITLE_MAX_CHARS:
            continue
        parts = _BY_PARTS.split(line) if reasons[index] == "date" else [line]
        name = next((n for n in map(_byline_name, parts) if n), None)
        if name is None:
            continue
        reasons[index] = reasons[index] or "byline"
        author = author or name
        _mark_byline_role(lines, reasons, index)
    return author


def _mark_byline_role(lines: list[str], reasons: list[str | None], byline_at: int) -> None:
    """Mark the line right under a byline when it names a role or desk ("Staff Writer", "Reuters")."""
    following = next((i for i in range(byline_at + 1, len(lines)) if lines[i]), None)
    if following is None or reasons[following] is not None:
        return
    line = lines[following]
    capitalised = all(w[0].isupper() or w.lower() in _NAME_CONNECTORS for w in line.split())
    if _short_label(line) and capitalised and not line.endswith(":"):
        reasons[following] = "byline"


def _byline_name(line: str) -> str | None:
    """Return the author a byline names, or None when the line is not a byline."""
    first = re.split(r"\s*[|•·]\s*", line, maxsplit=1)[0]
    match = _BYLINE.match(first)
    if match is None or first.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS):
        return None
    name, rest = _split_caps_name(match.group("name").strip(), match.group("rest") or "")
    if _word_count(rest.strip(" ,;|•·(-–—")) > BYLINE_MAX_EXTRA_WORDS or not _looks_like_name(name):
        return None
    return _tidy_name(name)


def _tidy_name(name: str) -> str:
    """Return a name written in capitals ("JANE DOE and ROBERT KIM") in title case, others unchanged."""
    words = name.split()
    if not all(w.isupper() or w.lower() in _NAME_CONNECTORS for w in words):
        return name
    return " ".join(w if w.lower() in _NAME_CONNECTORS else w.title() for w in words)


def _split_caps_name(name: str, rest: str) -> tuple[str, str]:
    """Split "JANE DOE Associated Press" into the capitals-only name and what follows it."""
    words = name.split()
    caps = 0
    while caps < len(words) and (words[caps].isupper() or words[caps].lower() in _NAME_CONNECTORS):
        caps += 1
    if caps < 2 or caps == len(words):
        return name, rest
    return " ".join(words[:caps]), " ".join(words[caps:]) + " " + rest


def _looks_like_name(name: str) -> bool:
    """Return True when every word is capitalised (or a connector such as "van", "and") and none is a date word."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _STAFF_WORDS:  # "By Evening Post staff": the newsroom signs
        return len(words) <= BYLINE_MAX_NAME_WORDS and all(w[0].isupper() for w in words[:-1])
    if not 1 <= len(words) <= BYLINE_MAX_NAME_WORDS or words[0].lower() in _NAME_CONNECTORS:
        return False
    for word in words:
        lowered = word.lower().strip(".")
        if lowered in _NOT_NAMES or not (word[0].isupper() or lowered in _NAME_CONNECTORS):
            return False
    return True


def _mark_masthead(lines: list[str], reasons: list[str | None]) -> str | None:
    """Mark the publication's masthead line in the head; return the publication's name.

    A name that could be a title-case headline ("Portugal News Digest") counts only when
    another line of the head can be the title; an edition or section line always counts.
    """
    end = head_end(lines)
    head = [i for i in _head_indices(lines) if reasons[i] is None and i < end]
    holders = _copyright_holders(lines, reasons)
    for index in head[:MASTHEAD_HEAD_LINES]:
        name, strong = _masthead_name(lines[index])
        if name is None and lines[index] in holders:
            name = lines[index]  # "Pacific South Report" on top, "Copyright 2021 Pacific South Report." below
        others = [i for i in head if i != index and _title_like(lines[i]) and not _is_kicker(lines[i])]
        if name and (strong or others):
            reasons[index] = "masthead"
            return name
    return None


def _copyright_holders(lines: list[str], reasons: list[str | None]) -> list[str]:
    """Return the names the copyright lines hold ("© 2023 Upper Austria Today. All rights reserved."), in order."""
    names: list[str] = []
    for line, reason in zip(lines, reasons, strict=True):
        match = _COPYRIGHT_HOLDER.match(line) if reason == "copyright" else None
        name = match.group("name") if match else None
        if name and _name_like(name) and name not in names:
            names.append(name)
    return names


def _mark_outlet_prompts(lines: list[str], reasons: list[str | None], outlet: str | None) -> None:
    """Mark short prompts naming the masthead ("Subscribe to Portugal News Digest", "Get The X app")."""
    if not outlet:
        return
    for index, line in enumerate(lines):
        short = reasons[index] is None and outlet in line and _word_count(line) <= MAX_PROMPT_WORDS
        if short and _PROMPT_START.match(line) and not line.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS):
            reasons[index] = "share"


def _masthead_name(line: str) -> tuple[str | None, bool]:
    """Return the publication a masthead line names, and whether its form alone proves it is one."""
    edition = _EDITION.match(line)
    if edition and _name_like(edition.group("name")):
        return edition.group("name"), True
    slogan = _SLOGAN.match(line)
    if slogan and _word_count(slogan.group("slogan")) <= SLOGAN_MAX_WORDS:
        name = slogan.group("name")
        if not _name_like(name):
            return None, False
        # "Norway Abroad - news for Norwegians": a tagline about news marks a masthead even when the
        # name does not end as a paper's does; any other tagline needs a title elsewhere in the head.
        return name, _publication_name(name) or _NEWS_TAGLINE.search(slogan.group("slogan")) is not None
    parts = _BREADCRUMB_SEP.split(line)
    if len(parts) > 1:
        rest = parts[1:]
        if not (_name_like(parts[0]) and all(_word_count(p) <= BREADCRUMB_PART_WORDS and _name_like(p) for p in rest)):
            return None, False
        sections = any(p.lower() in _SECTION_WORDS for p in rest)
        return (parts[0], True) if sections or _publication_name(parts[0]) else (None, False)
    return (line, False) if _name_like(line) and _publication_name(line) else (None, False)


def _name_like(text: str) -> bool:
    """Return True for a short capitalised name: "The Copenhagen Observer", not "Man Arrested Over Post"."""
    words = text.split()
    if not 1 <= len(words) <= MASTHEAD_MAX_WORDS or not words[0][0].isupper():
        return False
    for word in words:
        if word.lower() in _NAME_LOWER_WORDS:
            continue
        if not word[0].isupper() or word.lower() in _HEADLINE_WORDS or not _WORD.fullmatch(word):
            return False
    return True


def _publication_name(name: str) -> bool:
    """Return True when a name ends as a publication's does ("... Post", "... Courier Online", "Times of India")."""
    words = [w.lower() for w in name.split()]
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    while len(words) > 1 and words[-1] in _MASTHEAD_SUFFIXES:
        words.pop()
    if len(words) < 2 or words[-1] not in _PUBLICATION_WORDS:
        return False
    return not all(w in _SECTION_WORDS for w in words[:-1])  # "World News", "Breaking News": a section label


_COPYRIGHT_HOLDER = re.compile(
    r"^(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:(?:19|20)\d\d\s*[-–]?\s*(?:(?:19|20)\d\d)?\s*)?"
    r"(?P<name>[^.,;|]+?)\s*(?:[.,;|]|$)",
    _I,
)


def _copyright_holder(lines: list[str], reasons: list[str | None]) -> str | None:
    """Return the holder a copyright line names ("© 2023 Upper Austria Today. All ...") when a byline names it too.

    A copyright line alone may be a wire's footer on the page of a paper that ran its story;
    "By Anna Gruber, Upper Austria Today" above it says the text is the outlet's own.
    """
    bylines = [line for line, reason in zip(lines, reasons, strict=True) if reason == "byline"]
    return next((name for name in _copyright_holders(lines, reasons) if any(name in b for b in bylines)), None)


def _find_title(lines: list[str], reasons: list[str | None]) -> int | None:
    """Return the index of the title: the first substantial kept line of the head, if it reads as a title.

    Short lines before it (section labels such as "World", "BREAKING NEWS") are marked as kickers.
    """
    head = [i for i in _head_indices(lines) if reasons[i] is None]
    for position, index in enumerate(head):
        line = lines[index]
        if _is_kicker(line):
            continue
        if not _title_like(line):
            return None
        for earlier in head[:position]:
            reasons[earlier] = "kicker"
        return index
    return None


def _is_kicker(line: str) -> bool:
    """Return True for a section label: two words at most, or up to three words in capitals."""
    words = _word_count(line)
    if len(line) > KICKER_MAX_CHARS:
        return False  # also keeps unspaced (CJK) lines, one "word" each, from looking short
    return words <= KICKER_MAX_WORDS or len(line) < 8 or (words <= KICKER_MAX_CAPS_WORDS and line.isupper())


def _title_like(line: str) -> bool:
    """Return True for a line short enough for a title and not ending as a sentence does."""
    if len(line) > TITLE_MAX_CHARS or _word_count(line) > TITLE_MAX_WORDS or _ELLIPSIS.search(line):
        return False
    core = line.rstrip(_CLOSERS)
    if core.endswith((",", ";", ":", "、", "。")):
        return False
    return not core.endswith(".") or _ends_with_abbreviation(core)


def _ends_with_abbreviation(core: str) -> bool:
    return bool(re.search(r"\b(?:[A-Z]\.){2,}$", core[-12:]))


# --- 4-7. comment tail, related blocks, teasers, duplicates ---------------------------------------


def _kept(reasons: list[str | None], lines: list[str], title_at: int | None) -> list[int]:
    """Return the indices of the non-blank lines still kept in the body."""
    return [i for i, line in enumerate(lines) if line and reasons[i] is None and i != title_at]


def _mark_comment_tail(lines: list[str], reasons: list[str | None], title_at: int | None) -> None:
    """Mark everything from the first comment prompt that follows some body text as comments."""
    body_seen = False
    for index, line in enumerate(lines):
        if reasons[index] == "comments" and body_seen:
            for later in range(index, len(lines)):
                if lines[later]:
                    reasons[later] = "comments"
            return
        body_seen = body_seen or (bool(line) and reasons[index] is None and index != title_at)


def _mark_related_blocks(lines: list[str], reasons: list[str | None], title_at: int | None) -> None:
    """Mark the teaser-like lines that follow a related-stories heading."""
    for index, reason in enumerate(reasons):
        if reason != "related_heading":
            continue
        for later in range(index + 1, len(lines)):
            if later == title_at:
                break
            if not lines[later] or reasons[later] is not None:
                continue
            if _teaser_kind(lines[later]) is None and not _short_label(lines[later]):
                break
            reasons[later] = "teaser"


def _short_label(line: str) -> bool:
    """Return True for a topic or link label such as "Belarus" or "Public spending"."""
    return _word_count(line) <= SHORT_LABEL_WORDS and not line.rstrip(_CLOSERS).endswith((*_SENTENCE_ENDS, ","))


def _teaser_kind(line: str) -> str | None:
    """Return "blurb", "headline" or "meta" for a line that can belong to a teaser block, else None."""
    if len(line) > MAX_BOILERPLATE_CHARS:
        return None
    if _ELLIPSIS.search(line):
        return "blurb" if _word_count(line) <= BLURB_MAX_WORDS else None
    if _META.match(line) or parse_publication_line(line) is not None:
        return "meta"
    return "headline" if _headline_like(line) else None


def _headline_like(line: str) -> bool:
    """Return True for a short line starting with a capital and not ending as a sentence does."""
    if len(line) > HEADLINE_MAX_CHARS or not 2 <= _word_count(line) <= HEADLINE_MAX_WORDS:
        return False
    if line[0] in _BULLETS or not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"):
        return False
    return not line.rstrip(_CLOSERS).endswith((".", ",", ";", ":", "、", "。"))


def _mark_teasers(lines: list[str], reasons: list[str | None], title_at: int | None) -> None:
    """Mark teaser blocks: runs of headline/blurb lines inside the text or closing it."""
    kept = _kept(reasons, lines, title_at)
    kinds = [_teaser_kind(lines[i]) for i in kept]
    runs: list[tuple[int, int]] = []
    start = None
    for position, kind in enumerate([*kinds, None]):
        if kind is not None and start is None:
            start = position
        elif kind is None and start is not None:
            runs.append((start, position))
            start = None
    for begin, end in runs:
        run = [lines[i] for i in kept[begin:end]]
        intro = lines[kept[begin - 1]] if begin else None
        if _is_teaser_run(kinds[begin:end], closing=end == len(kept)) and not _list_like(run, intro):
            for position in range(begin, end):
                reasons[kept[position]] = "teaser"


def _list_like(run: list[str], intro: str | None) -> bool:
    """Return True when short lines form a list of the article (tour dates, squads), not teaser headlines.

    A list follows an introduction ending with a colon, or its lines share a shape: they start
    with a number or a month, or hold the same separator (" – ", " @ ", ":", "(").
    """
    if intro is not None and intro.endswith(":"):
        return True
    shapes = [_line_shapes(line) for line in run if not _ELLIPSIS.search(line)]
    if len(shapes) < TAIL_MIN_HEADLINES:
        return False
    counts = {shape: sum(shape in found for found in shapes) for shape in ("lead", "dash", "colon", "paren")}
    return max(counts.values()) >= LIST_SHARED_SHARE * len(shapes)


def _line_shapes(line: str) -> set[str]:
    """Return the list-item shapes a line has: "lead" (number or month first), "dash", "colon", "paren"."""
    shapes = set()
    if _LIST_LEAD.match(line):
        shapes.add("lead")
    if any(sep in line for sep in (" -- ", " – ", " — ", " @ ", " | ")):
        shapes.add("dash")
    if ":" in line:
        shapes.add("colon")
    if "(" in line:
        shapes.add("paren")
    return shapes


def _is_teaser_run(kinds: list[str | None], *, closing: bool) -> bool:
    """Return True when a run of line kinds is a teaser block (``closing``: it ends the text)."""
    units = 0
    previous = None
    for kind in kinds:
        if kind == "blurb" and previous == "headline":
            units += 1
        if kind != "meta":
            previous = kind
    if not closing:
        return units >= MID_MIN_UNITS
    if all(kind == "meta" for kind in kinds):
        return True  # date stamps closing the text ("30 August 2020 19:10 IST")
    return units >= 1 or kinds.count("headline") >= TAIL_MIN_HEADLINES or kinds.count("blurb") >= 2


def _mark_duplicates(lines: list[str], reasons: list[str | None], title_at: int | None) -> None:
    """Mark kept lines that repeat a removed line verbatim: a repeated teaser or prompt is still boilerplate."""
    removed = {line for line, reason in zip(lines, reasons, strict=True) if reason and line}
    for index in _kept(reasons, lines, title_at):
        if lines[index] in removed:
            reasons[index] = "duplicate"


# --- 8. text ----------------------------------------------------------------------------------------


def _assemble(lines: list[str], reasons: list[str | None], title_at: int | None) -> str:
    """Return the kept lines: line breaks inside paragraphs kept, paragraphs separated by one blank line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        if line and reasons[index] is None and index != title_at:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)
