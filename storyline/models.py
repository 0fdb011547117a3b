"""Every data structure storyline passes between its stages.

Stages take and return these plain dataclasses; nothing else defines models.
Character offsets (``start``/``end``) always index into ``Article.text``.
Dates are ISO-8601 strings: a day ("2020-09-14"), a datetime with its UTC
offset when the time and zone are known ("2020-08-30T18:48:00+05:30"), or a
coarser TIMEX3 value ("2020-09", "2020-W37", "2020", "PRESENT_REF").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

InputFormat = Literal["html", "text", "jsonl", "feed", "warc"]
DateOrigin = Literal["metadata", "text", "inferred"]
Granularity = Literal[
    "time", "day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "unknown"
]
TimexIssue = Literal["weekday_mismatch", "impossible", "garbled"]
EventStatus = Literal["happened", "planned", "reported"]
ConflictKind = Literal["date", "number", "role", "garbled_date", "impossible_date"]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an article came from: the input file and the record inside it."""

    path: str
    item: str | None = None  # feed item link or index, JSONL line number, WARC target URI


@dataclass(slots=True)
class RawDocument:
    """One record read from an input, before extraction.

    ``body`` is HTML when ``body_kind`` is "html", otherwise plain text.
    Metadata fields hold what the container stated (feed item, JSONL fields,
    HTTP headers), unparsed; extraction decides what to trust.
    """

    origin: Origin
    source_format: InputFormat
    body: str
    body_kind: Literal["html", "text"]
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    partial: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)
    language: str | None = None  # ISO 639 code the container stated (feed <language>, JSONL field)


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input (or one record of it) that could not be read or produced no article."""

    path: str
    item: str | None
    reason: str
    fatal: bool = True  # False: counted as skipped (e.g. a non-HTML WARC record), not as a failure

    def __str__(self) -> str:
        where = f"{self.path}: {self.item}" if self.item else self.path
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class Extraction:
    """What extraction found in one raw document: clean text, metadata and the boilerplate it removed."""

    text: str
    title: str | None = None
    author: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: DateOrigin | None = None
    language: str | None = None
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence (or any other stretch) of an article's text."""

    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """One place where an entity is named in an article."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Role:
    """A role an entity holds at a time, with the words that say so."""

    role: str
    quote: str
    start: int | None = None
    date: str | None = None  # the article's date: roles change


@dataclass(slots=True)
class Entity:
    """A person, organisation or place, as named in one article or across the archive."""

    name: str
    type: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT ...
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    id: str | None = None  # global entity id, set by the store


@dataclass(slots=True)
class TimeExpr:
    """A time expression found in an article, resolved to a TIMEX3-style value.

    ``value`` is None when the expression cannot be placed on the calendar.
    ``begin``/``end_value`` bound intervals and vague expressions
    ("in the coming weeks" → today .. a few weeks ahead).
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: Granularity | None
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    issue: TimexIssue | None = None
    begin: str | None = None
    end_value: str | None = None
    mod: str | None = None  # TIMEX3 mod: APPROX, START, END, BEFORE, AFTER ...


@dataclass(slots=True)
class EventMention:
    """A dated event as one article states it (before merging across articles)."""

    article: str
    date: str
    end: str | None
    granularity: str
    status: EventStatus
    summary: str
    quote: str
    quote_start: int
    entities: list[str] = field(default_factory=list)
    trigger: str | None = None  # lemma of the main verb, used to match reports of one event
    numbers: dict[str, str] = field(default_factory=dict)  # quantity noun -> value, for conflict checks
    subject: str | None = None  # lemma of the clause's subject noun ("train"), to tell one occurrence from routine


@dataclass(slots=True)
class Article:
    """A clean article with its metadata and, once annotated, its entities and time expressions."""

    id: str
    origin: Origin
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_from: DateOrigin | None = None
    language: str | None = None
    partial: bool = False
    removed: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    duplicate_of: str | None = None
    story: str | None = None
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    # Unit vector of the title and lede (storyline.stories.embeddings), only when embeddings are on;
    # kept in its own table, never exported.
    embedding: list[float] | None = None


@dataclass(slots=True)
class Source:
    """An article that reports a timeline event, with its exact words."""

    article: str
    quote: str
    quote_start: int | None = None  # offset of the quote in the article's text


@dataclass(slots=True)
class Event:
    """One timeline entry: a dated event and every source that reports it."""

    date: str
    end: str | None
    granularity: str
    status: EventStatus
    summary: str
    entities: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    """One side of a conflict: what an article says, in its own words."""

    article: str
    quote: str
    value: str
    quote_start: int | None = None  # offset of the quote in the article's text


@dataclass(slots=True)
class Conflict:
    """A place where sources, or one article against itself, disagree."""

    kind: ConflictKind
    summary: str
    claims: list[Claim] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    """A developing event: the articles about it, its timeline and its conflicts."""

    id: str
    title: str
    articles: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_updated: str | None = None
    keywords: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    merged_from: list[str] = field(default_factory=list)


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: the closing summary the CLI prints."""

    inputs_read: int = 0
    new: int = 0
    known: int = 0
    skipped: list[InputProblem] = field(default_factory=list)
    failed: list[InputProblem] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    # Articles stored with something the input stated left out (an unreadable date): not failures.
    warnings: list[InputProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(slots=True)
class SearchHit:
    """An article that matches a full-text search, with a snippet (matches between \\x02 and \\x03)."""

    article: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str


@dataclass(slots=True)
class SearchGroup:
    """Search hits that belong to one story (``story`` None: articles in no story)."""

    story: str | None
    title: str | None
    hits: list[SearchHit] = field(default_factory=list)
