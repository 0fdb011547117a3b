"""Article text and metadata from one HTML page, offline.

The main text comes from trafilatura in its fast mode (no readability/justext
comparison: on the article-extraction benchmark's dev half it scored higher and
costs two thirds of the default), followed by a cleaning pass over trafilatura's
block tree that drops the boilerplate trafilatura leaves in: the headline and
subtitle repeated at the top, "related" links, newsletter and comment prompts,
wire-service credits. Metadata (title, byline, site name, URL, language, date)
is read here from meta tags and JSON-LD in one pass, which costs a tenth of
trafilatura's metadata reader and keeps the publication date's time and zone;
htmldate's day (markup and URL only) is the date fallback. When the metadata
gives only a day, a ``<time datetime>`` or a visible dateline ("Saturday,
15 April 2023 – 23:40") on that same day adds the time. Nothing here touches
the network.
"""

from __future__ import annotations

import html as html_lib
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import htmldate
import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from storyline.extract import url_outlet
from storyline.extract.dates import MAX_DATE_LINE_CHARS, parse_publication_line
from storyline.models import DateOrigin, Extraction, RawDocument

LOGGER = logging.getLogger(__name__)

# trafilatura's own MAX_FILE_SIZE; longer pages are cut rather than refused:
# lxml recovers from the truncated markup and the article is near the top.
MAX_HTML_CHARS = 20_000_000

# The cleaning thresholds below were tuned together on the dev half (sha256
# names starting 0-7) of the Zyte article-extraction benchmark
# (python -m storyline.eval.extraction); the 8-f half was only scored.
TITLE_SEARCH_BLOCKS = 4  # the headline is looked for among the first blocks only
TITLE_SLACK_WORDS = 4  # a headline block may carry a few extra words ("Opinion", site name)
LINK_LINE_MAX_WORDS = 30  # a block this short that is one link's text is a teaser
LINK_TEXT_MIN_WORDS = 4  # shorter link texts ("16-inch MacBook Pro") are often real content
LINK_LABEL_MIN_WORDS = 3  # "Related: <link>" needs a link of at least this many words
PROMPT_MAX_WORDS = 8  # "You may also like", "DON'T MISS", "More:"
BOILERPLATE_MAX_WORDS = 25  # prompts like "Subscribe to our newsletter" are short

MAX_REMOVED = 50  # removed blocks kept for the report
MAX_REMOVED_CHARS = 200  # each trimmed to this length
NO_ARTICLE_CHECK_CHARS = 1000  # only texts this short are checked for being all navigation
MAX_CHROME_CHARS = 2000  # a block named "related"/"share" holding more text is a wrapper
EARLIEST_DATE = datetime(1995, 1, 1, tzinfo=UTC)  # htmldate's own lower bound
DATELINE_MAX_ELEMENTS = 3000  # elements visited looking for a visible dateline (the head of any page)

_WORD = re.compile(r"\w+")
_BRACKETED = re.compile(r"\[[^\]]*\]")
_LABEL = re.compile(r"^\W*(?:\w+\W+){0,3}?\w+\s*[:|]\s*")
_PROMPT = re.compile(
    r"^(related( posts?| articles?| stories| content| coverage)?|read more|see more|more|see also|also"
    r"|also on \S+|you (may|might) also like|popular on .*|don'?t miss|recommended( for you)?"
    r"|most (read|popular|viewed)|trending( now)?|further reading|more from .*|more stories|latest news)"
    r"\b\s*[:.!-]*",
    re.IGNORECASE,
)
# Calls to action start a sentence ("Sign up for ...", "Subscribe to ..."); matching them
# anywhere would also hit reporting such as "customers who sign up for the plan".
_SENTENCE_START = r"(?:^|[.!?:]\s+)"
_BOILERPLATE = re.compile(
    _SENTENCE_START + r"(sign up|subscribe|share (this|it)|tell us what you think|leave a comment"
    r"|join the (conversation|discussion)|(get|keep|delivered)\b[^.]* your inbox"
    r"|(get|join|receive|sign up|subscribe)\b[^.]* newsletters?\b)\b"
    r"|^[\w\s'’-]{0,40}newsletter$|click here|^follow\b.*\bon (facebook|twitter|instagram|youtube|linkedin)"
    r"|like this story|have a tip\b|reading time|\bmin read\b|all rights reserved|^copyright|©"
    r"|^\d* ?comments?$|^advertisement$|^filed under|thanks for signing up"
    r"|^\(?(additional )?(reporting|writing|editing) by\b|contributed (reporting|to this report)",
    re.IGNORECASE,
)
_CHROME_TAGS = ("nav", "footer", "aside")
_CHROME_CONTAINERS = ("div", "section", "ul", "ol", "form")
_CHROME_NAMES = re.compile(r"comment|cookie|consent|newsletter|related|share|social", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
_BY_PREFIX = re.compile(r"^by\s+", re.IGNORECASE)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NO_TEXT_TAGS = ("script", "style", "noscript", "template", "head", "form", "select", "textarea")
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator")
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",  # a plain <meta name="date">: last, since some sites put the modification date there
)
_PUBLISHED_TIME = (
    "//time[@itemprop='datePublished' or @pubdate or contains(@class, 'publish')"
    " or contains(@class, 'entry-date') or contains(@class, 'pubdate')]/@datetime"
)
_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|Blog", re.IGNORECASE)
_DOCUMENT_TAG = re.compile(r"<(html|head|body)\b", re.IGNORECASE)
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")


def extract_html(html: str, url: str | None = None, stated: RawDocument | None = None) -> Extraction:
    """Return the article text and metadata found in ``html`` (text "" when there is none).

    ``stated`` holds what the container (feed item, JSONL record) said; its
    title, url, outlet and author win over the page's. Its ``published`` is
    left to the caller, who parses it. Never raises on bad markup.
    """
    tree = _parse(html)
    found = _safe_metadata(tree, url)
    if tree is not None:
        headlines = [t for t in (found.title, stated.title if stated else None) if t]
        text, dropped = _main_text(tree, found.url, headlines)
        chrome = _page_chrome(tree)
        found.text = "" if _only_navigation(text, tree) else text
        found.removed = [_trim(block) for block in dropped + chrome][:MAX_REMOVED]
    if stated is not None:
        found.title = stated.title or found.title
        found.url = stated.url or found.url
        found.outlet = stated.outlet or found.outlet
        found.author = stated.author or found.author
    return found


def _parse(html: str) -> HtmlElement | None:
    """Return the page's lxml tree, or None when it is empty or not HTML."""
    if not html or not html.strip():
        return None
    html = html[:MAX_HTML_CHARS]
    if "<" in html and not _DOCUMENT_TAG.search(html[:5000]):
        html = f"<html><body>{html}</body></html>"  # a fragment (feed content) is refused bare
    try:
        return load_html(html)
    except Exception as err:  # lxml and trafilatura raise several types on garbage
        LOGGER.debug("unparsable HTML: %s", err)
        return None


def _main_text(tree: HtmlElement, url: str | None, headlines: list[str]) -> tuple[str, list[str]]:
    """Return the cleaned main text and the blocks the cleaning dropped."""
    try:
        document = trafilatura.bare_extraction(tree, url=url, fast=True, include_comments=False)
    except Exception as err:  # trafilatura's cascade has edge cases on odd trees
        LOGGER.debug("trafilatura failed: %s", err)
        return "", []
    body = getattr(document, "body", None)
    if body is None:
        return "", []
    removed = _drop_headline(body, headlines)
    removed += _drop_boilerplate(body, _anchor_texts(tree))
    text = unicodedata.normalize("NFC", xmltotxt(body, False) or "")
    # One blank line between paragraphs, as in every other input shape: sentences
    # (and so quotes) never run across it.
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    return text, [r for r in removed if r]


# --- cleaning trafilatura's block tree -------------------------------------------------


def _drop_headline(body: _Element, headlines: list[str]) -> list[str]:
    """Drop the headline block (and a subtitle heading right after it); return their texts."""
    blocks = list(body)[:TITLE_SEARCH_BLOCKS]
    for index, block in enumerate(blocks):
        matched = [h for h in headlines if _is_headline(_norm(_text(block)), _norm(h))]
        if not matched:
            continue
        limit = _words(matched[0]) + TITLE_SLACK_WORDS  # a whole-article block may contain the title
        dropped = [b for b in blocks[: index + 1] if _words(_text(b)) <= limit]
        following = block.getnext()
        if block in dropped and following is not None and following.tag == "head":
            dropped.append(following)
        for b in dropped:
            body.remove(b)
        return [_text(b) for b in dropped]
    return []


def _is_headline(block: str, title: str) -> bool:
    """Tell whether a block's words are the title's, allowing a site name or a kicker around it."""
    if not block or not title:
        return False
    size, title_size = len(block.split()), len(title.split())
    if block == title or (size >= 3 and block in title):
        return True
    return title in block and size <= title_size + TITLE_SLACK_WORDS


def _drop_boilerplate(body: _Element, anchors: set[str]) -> list[str]:
    """Drop teaser links, link lists and prompts from the body; return their texts."""
    removed = []
    for block in list(body):
        if _is_boilerplate(block, anchors):
            removed.append(_text(block))
            body.remove(block)
    return removed


def _is_boilerplate(block: _Element, anchors: set[str]) -> bool:
    """Tell whether one top-level block is page furniture rather than article text."""
    text = _text(block)
    size = _words(text)
    if block.tag == "list":
        items = [_text(item) for item in block if _text(item)]
        return bool(items) and all(_is_link_line(item, anchors) for item in items)
    if block.tag in ("p", "head") and size <= LINK_LINE_MAX_WORDS and _is_link_line(text, anchors):
        return True
    prompt = _PROMPT.match(text)
    if prompt and size <= PROMPT_MAX_WORDS and (prompt.end() >= len(text) - 1 or _is_link_line(text, anchors)):
        return True
    return size <= BOILERPLATE_MAX_WORDS and _BOILERPLATE.search(text) is not None


def _is_link_line(text: str, anchors: set[str]) -> bool:
    """Tell whether a line is the text of a link on the page, alone or after a short label."""
    if "://" in text or "www." in text:  # a printed URL is a reference, kept as text
        return False
    words = _norm(_BRACKETED.sub("", text))
    if len(words.split()) >= LINK_TEXT_MIN_WORDS and words in anchors:
        return True
    label = _LABEL.match(text)
    if label is None:
        return False
    rest = _norm(text[label.end() :])
    return len(rest.split()) >= LINK_LABEL_MIN_WORDS and rest in anchors


def _anchor_texts(tree: HtmlElement) -> set[str]:
    """Return the normalised texts of every link on the page."""
    return {_norm("".join(a.itertext())) for a in tree.iter("a")}


def _only_navigation(text: str, tree: HtmlElement) -> bool:
    """Tell whether a short extraction is nothing but nav/footer/aside text, i.e. no article."""
    if not text or len(text) > NO_ARTICLE_CHECK_CHARS:
        return False
    furniture = "\n".join(_norm(_text(element)) for element in tree.iter(*_CHROME_TAGS))
    return all(_norm(line) in furniture for line in text.splitlines())


def _page_chrome(tree: HtmlElement) -> list[str]:
    """Return the texts of the navigation, footer, aside, cookie, sharing and comment blocks."""
    kept: set[_Element] = set()  # holding the elements keeps lxml's proxies (and identities) alive
    found: list[str] = []
    for element in tree.iter(*_CHROME_TAGS, *_CHROME_CONTAINERS):
        if len(found) >= MAX_REMOVED:
            break
        if not _is_chrome(element) or any(a in kept for a in element.iterancestors()):
            continue
        text = _text(element)
        if element.tag not in _CHROME_TAGS and len(text) > MAX_CHROME_CHARS:
            continue  # a wrapper named "share-..." around the whole article is not chrome
        kept.add(element)
        if text:
            found.append(text)
    return found


def _is_chrome(element: _Element) -> bool:
    """Tell whether an element is a navigation/footer block or named like one."""
    if element.tag in _CHROME_TAGS:
        return True
    return _CHROME_NAMES.search(f"{element.get('class', '')} {element.get('id', '')}") is not None


# --- metadata ---------------------------------------------------------------------------


def _safe_metadata(tree: HtmlElement | None, url: str | None) -> Extraction:
    """Return the page's metadata, or only ``url`` when there is no page or its metadata is broken."""
    if tree is None:
        return Extraction(text="", url=url)
    try:
        return _page_metadata(tree, url)
    except (RecursionError, ValueError, TypeError) as err:  # e.g. JSON-LD nested thousands deep
        LOGGER.debug("metadata unreadable: %s", err)
        return Extraction(text="", url=url)


def _page_metadata(tree: HtmlElement, url: str | None) -> Extraction:
    """Return an Extraction holding the page's metadata and no text yet."""
    metas = _meta_tags(tree)
    article = _json_ld_article(tree)
    page_url = url or _canonical_url(tree, metas, article)
    published = _stated_published(tree, metas, article) or _htmldate_day(tree, page_url)
    origin: DateOrigin | None = "metadata" if published else None
    if published and _DAY.match(published):
        published, origin = _time_on_day(tree, published) or (published, origin)
    outlet = _outlet(metas, article, page_url)
    return Extraction(
        text="",
        title=_without_site_name(_title(tree, metas, article), outlet),
        author=_author(metas, article),
        url=page_url,
        outlet=outlet,
        published=published,
        published_from=origin,
        language=_language(tree, metas),
    )


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """Return the page's <meta> contents by lowercase property/name/itemprop, first one winning."""
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            metas.setdefault(key.strip().lower(), content)
    return metas


def _json_ld_article(tree: HtmlElement) -> dict[str, Any]:
    """Return the page's JSON-LD article object, or the first object with a headline or date."""
    candidates: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            items = _json_objects(json.loads(script))
        except (ValueError, RecursionError):  # malformed JSON-LD is common; the page has other metadata
            continue
        for item in items:
            if _ARTICLE_TYPES.search(str(item.get("@type", ""))):
                return item
            if "headline" in item or "datePublished" in item:
                candidates.append(item)
    return candidates[0] if candidates else {}


def _json_objects(data: Any) -> list[dict[str, Any]]:
    """Return every JSON object nested in a JSON-LD document, outermost first."""
    if isinstance(data, list):
        return [obj for item in data for obj in _json_objects(item)]
    if not isinstance(data, dict):
        return []
    return [data, *(obj for value in data.values() for obj in _json_objects(value))]


def _title(tree: HtmlElement, metas: dict[str, str], article: dict[str, Any]) -> str | None:
    """Return the headline: og/twitter title, JSON-LD headline, <title> without the site name, <h1>."""
    for value in (metas.get("og:title"), metas.get("twitter:title"), _ld_text(article.get("headline"))):
        if value:
            return value
    element = tree.find(".//title")
    title = _text(element) if element is not None else ""
    if title:
        return max(_TITLE_SEPARATOR.split(title), key=len).strip()  # "Headline | Site" -> "Headline"
    h1 = tree.find(".//h1")
    return (_text(h1) or None) if h1 is not None else None


def _without_site_name(title: str | None, outlet: str | None) -> str | None:
    """Return the title without a " | Site" part naming the outlet."""
    if not title or not outlet:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    kept = [part for part in parts if _norm(part) != _norm(outlet)]
    return " - ".join(kept) if kept and len(kept) < len(parts) else title


def _author(metas: dict[str, str], article: dict[str, Any]) -> str | None:
    """Return the byline names ("A; B") from JSON-LD or author meta tags; None for URLs."""
    names = [n for n in _ld_names(article.get("author")) if not _looks_like_url(n)]
    if names:
        return "; ".join(dict.fromkeys(names))
    for key in _AUTHOR_META:
        value = _BY_PREFIX.sub("", metas.get(key, "")).strip()
        if value and not _looks_like_url(value):
            return value
    return None


def _outlet(metas: dict[str, str], article: dict[str, Any], url: str | None) -> str | None:
    """Return the site's name: og:site_name, JSON-LD publisher, application-name, else the host."""
    publisher = _ld_names(article.get("publisher"))
    for value in (metas.get("og:site_name"), publisher[0] if publisher else None, metas.get("application-name")):
        if value and value.strip("@"):
            return value.lstrip("@")  # Twitter handles used as site names
    return url_outlet(url)


def _canonical_url(tree: HtmlElement, metas: dict[str, str], article: dict[str, Any]) -> str | None:
    """Return the page's own absolute URL from its canonical link, og:url or JSON-LD (url, mainEntityOfPage)."""
    links = tree.xpath("//link[@rel='canonical']/@href")
    main = article.get("mainEntityOfPage")
    ld = [article.get("url"), main.get("@id") if isinstance(main, dict) else main]
    for value in [*(str(v).strip() for v in links), metas.get("og:url", ""), *(v for v in ld if isinstance(v, str))]:
        if value.startswith(("http://", "https://")):
            return value
    return None


def _language(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    """Return the page's declared language as a lowercase ISO 639 code."""
    root = tree.getroottree().getroot()
    declared = [
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        metas.get("content-language"),
        metas.get("og:locale"),
    ]
    for value in declared:
        match = _LANG.match((value or "").strip())
        if match:
            return match.group(1).lower()
    return None


def _stated_published(tree: HtmlElement, metas: dict[str, str], article: dict[str, Any]) -> str | None:
    """Return the publication date stated in meta tags, JSON-LD or <time>, keeping its zone."""
    values = [metas.get(key) for key in _PUBLISHED_META[:3]]
    values.append(_ld_text(article.get("datePublished")))
    values += [metas.get(key) for key in _PUBLISHED_META[3:]]
    values += [str(v) for v in tree.xpath(_PUBLISHED_TIME)]
    for value in values:
        parsed = _parse_date(value) if value else None
        if parsed:
            return parsed
    return None


def _parse_date(value: str) -> str | None:
    """Return an ISO-8601 day, or datetime with offset when the zone is stated; None if implausible."""
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)  # RFC 2822, seen in older CMSs
        except (TypeError, ValueError, IndexError):
            return None
    check = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if not EARLIEST_DATE <= check <= datetime.now(UTC) + timedelta(days=1):
        return None
    if moment.tzinfo is None or len(value) <= 10:
        return moment.date().isoformat()  # no zone: the clock time alone would mislead
    return moment.isoformat(timespec="seconds")


def _time_on_day(tree: HtmlElement, day: str) -> tuple[str, DateOrigin] | None:
    """Return the publication time on ``day`` from a ``<time datetime>`` or a visible dateline, with its origin.

    Only called when the metadata gave a day and no time: an unclassed
    ``<time datetime="...+01:00">`` or a line such as "Saturday, 15 April 2023 – 23:40"
    on that same day is the same publication, stated more precisely.
    """
    for value in tree.xpath("//time/@datetime"):
        parsed = _parse_date(str(value))
        if parsed and len(parsed) > len(day) and parsed.startswith(day):
            return parsed, "metadata"
    for line in _short_lines(tree):
        if day[:4] not in line:
            continue  # a dateline states its year; most short texts are not dates at all
        stated = parse_publication_line(line)
        if stated and len(stated) > len(day) and stated.startswith(day):
            return stated, "text"
    return None


def _short_lines(tree: HtmlElement) -> Iterator[str]:
    """Yield the texts of short page elements outside chrome (comments, related, nav), in page order."""
    stack: list[_Element] = [tree]
    visited = 0
    while stack and visited < DATELINE_MAX_ELEMENTS:
        element = stack.pop()
        visited += 1
        if not isinstance(element.tag, str) or element.tag in _NO_TEXT_TAGS or _is_chrome(element):
            continue
        text = _short_text(element)
        if text is None:
            stack.extend(reversed(element))
        elif text:
            yield text


def _short_text(element: _Element) -> str | None:
    """Return an element's text (whitespace collapsed), or None once it runs past MAX_DATE_LINE_CHARS."""
    chunks: list[str] = []
    size = 0
    for chunk in element.itertext():  # stops early: a page's outer blocks would cost their whole text
        size += len(chunk.strip())
        if size > MAX_DATE_LINE_CHARS:
            return None
        chunks.append(chunk)
    return " ".join("".join(chunks).split())


def _htmldate_day(tree: HtmlElement, url: str | None) -> str | None:
    """Return the day htmldate finds in the page's markup or URL (no free-text search)."""
    try:
        found = htmldate.find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception as err:  # htmldate on odd trees: a missing date is not worth a crash
        LOGGER.debug("htmldate failed: %s", err)
        return None
    return found if isinstance(found, str) and _DAY.match(found) else None


def _ld_text(value: Any) -> str | None:
    """Return a JSON-LD string value unescaped and with whitespace collapsed."""
    if not isinstance(value, str):
        return None
    return " ".join(html_lib.unescape(value).split()) or None


def _ld_names(value: Any) -> list[str]:
    """Return the names in a JSON-LD person/organisation value (a string, an object or a list)."""
    if isinstance(value, list):
        return [name for item in value for name in _ld_names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    text = _ld_text(value)
    return [text] if text else []


def _looks_like_url(value: str) -> bool:
    """Tell whether a byline value is a link (profile pages) rather than a name."""
    return "/" in value or value.startswith("www.")


# --- small text helpers -----------------------------------------------------------------


def _text(element: _Element) -> str:
    """Return an element's text with whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def _norm(text: str | None) -> str:
    """Return lowercase words joined by single spaces, for comparing texts."""
    return " ".join(_WORD.findall((text or "").lower()))


def _words(text: str) -> int:
    """Return the number of whitespace-separated words."""
    return len(text.split())


def _trim(text: str) -> str:
    """Return text cut to MAX_REMOVED_CHARS."""
    return text if len(text) <= MAX_REMOVED_CHARS else text[: MAX_REMOVED_CHARS - 1] + "…"
