"""Extraction: a raw document in, a clean Article (or the reason there is none) out.

Entry: ``clean(raw)``. HTML goes through ``extract.html`` (trafilatura),
plain text through ``extract.text`` (storyline's own cleaner). What the
container stated (feed item, JSONL fields, a feed's language) wins over what
the page says; a date nobody stated may be inferred from the text, and is marked so.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from storyline.models import Article, Extraction, InputProblem, RawDocument
from storyline.settings import MAX_DOCUMENT_CHARS

# Markup may outweigh the text it carries this many times over.
_HTML_OVERHEAD = 4


def clean(raw: RawDocument, warn: Callable[[str], None] | None = None) -> Article | InputProblem:
    """Return the clean Article in ``raw``, or an InputProblem saying why there is none.

    ``warn`` hears of what the input stated but the article cannot keep (an unreadable date).
    """
    limit = MAX_DOCUMENT_CHARS * (_HTML_OVERHEAD if raw.body_kind == "html" else 1)
    if len(raw.body) > limit:
        return InputProblem(raw.origin.path, raw.origin.item,
                            f"{len(raw.body):,} characters is too long for one article (limit {limit:,})")
    found = _extract(raw)
    if not found.text.strip():
        return InputProblem(raw.origin.path, raw.origin.item, "no article text found")
    if len(found.text) > MAX_DOCUMENT_CHARS:
        return InputProblem(
            raw.origin.path,
            raw.origin.item,
            f"article text of {len(found.text):,} characters exceeds {MAX_DOCUMENT_CHARS:,}",
        )
    _merge_stated(found, raw, warn or (lambda _: None))
    found.language = _language_code(raw.language) or found.language or detect_language(found.text)
    return Article(
        # The id keeps the outlet as stated or found in the page, so articles stored before a record's
        # outlet was taken from its URL keep their ids when the same input comes again.
        id=article_id(found.url, found.outlet, found.title, found.text),
        origin=raw.origin,
        text=found.text,
        url=found.url,
        outlet=found.outlet or url_outlet(found.url),
        title=found.title,
        author=found.author,
        published=found.published,
        published_from=found.published_from,
        language=found.language,
        partial=raw.partial,
        removed=found.removed,
        metadata=raw.metadata,
    )


def url_outlet(url: str | None) -> str | None:
    """Return the outlet a URL names: its host without "www." ("wire.example"), None without a URL."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


# Below this many characters a language guess is a coin toss; the article stays unlabelled.
MIN_CHARS_FOR_LANGUAGE = 200


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language (py3langid), or None for short texts."""
    if len(text) < MIN_CHARS_FOR_LANGUAGE:
        return None
    import py3langid

    return str(py3langid.classify(text[:5000])[0])


_LANGUAGE_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")


def _language_code(tag: str | None) -> str | None:
    """Return the lowercase ISO 639 code of a language tag ("en-GB" -> "en"), None when it is not one."""
    match = _LANGUAGE_TAG.match((tag or "").strip())
    return match.group(1).lower() if match else None


def article_id(url: str | None, outlet: str | None, title: str | None, text: str) -> str:
    """Return an id derived from the content, so re-ingesting the same input finds the same article."""
    key = "\x1f".join([url or "", outlet or "", title or "", " ".join(text.split())])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _extract(raw: RawDocument) -> Extraction:
    if raw.body_kind == "html":
        from storyline.extract.html import extract_html

        found = extract_html(raw.body, raw.url, raw)
        if not found.text.strip() and raw.source_format in ("feed", "jsonl"):
            found.text = _fragment_text(raw.body)  # a feed summary is a fragment, not a page
        return found
    from storyline.extract.text import clean_text

    found = clean_text(raw.body)
    return _keep_first_line_when_title_stated(found, raw)


def _keep_first_line_when_title_stated(found: Extraction, raw: RawDocument) -> Extraction:
    # A JSONL record states its title; then the cleaner's "title" line is the
    # start of the body, unless it repeats the stated title.
    if raw.title and found.title and _norm(found.title) != _norm(raw.title):
        found.text = f"{found.title}\n\n{found.text}" if found.text else found.title
    return found


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


_BLOCKS = {"p", "div", "li", "br", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}


def _fragment_text(html: str) -> str:
    """Return the paragraphs of an HTML fragment (a feed summary), one per line pair."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several unrelated types on junk fragments
        return ""
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = (" ".join(part.split()) for part in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _merge_stated(found: Extraction, raw: RawDocument, warn: Callable[[str], None]) -> None:
    found.title = raw.title or found.title
    found.url = raw.url or found.url
    found.outlet = raw.outlet or found.outlet
    found.author = raw.author or found.author
    stated = _stated_date(raw.published)
    if stated:
        found.published, found.published_from = stated, "metadata"
    elif not found.published:
        from storyline.extract.dates import infer_publication_date

        inferred = infer_publication_date(found.text)
        if inferred:
            found.published, found.published_from = inferred, "inferred"
    if raw.published and raw.published.strip() and not stated:
        kept = f"dated {found.published} from its {found.published_from}" if found.published else "stored undated"
        warn(f"stated publication date {raw.published.strip()[:80]!r} is not a date storyline can read; {kept}")


def _stated_date(value: str | None) -> str | None:
    if not value:
        return None
    from storyline.extract.dates import parse_stated_date

    return parse_stated_date(value)
