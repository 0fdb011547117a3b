"""A small hand-made archive for the web tests: two stories, a syndicated copy, and one hostile article.

Stories, timelines and conflicts are written through the store's public
methods, so these tests pin the web layer, not the clustering or timeline stages.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.api import Storyline
from storyline.models import Article, Claim, Conflict, Entity, Event, Mention, Origin, Role, Source, TimeExpr
from storyline.store import Store
from storyline.web import create_app

with warnings.catch_warnings():
    # Starlette 1.x prefers httpx2 for its test client; httpx (the dev dependency) works the same.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(1)> &lt;b&gt; &amp; "quotes"'
STRIKE = "s-rail"
QUAKE = "s-quake"

STRIKE_TEXT = (
    "The national rail union called a 48-hour strike for Monday, September 14, after talks with the operator "
    "collapsed. Union leader Maria Keller said 12,000 workers would walk out.\n\n"
    "The operator said trains would run on a reduced timetable.")
COPY_TEXT = STRIKE_TEXT
QUAKE_TEXT = "A magnitude 6.1 earthquake struck Halmahera on Wednesday. Residents slept outdoors."
HOSTILE_TEXT = f"Maria Keller wrote {HOSTILE} on Friday. <a href=\"javascript:alert(1)\">click</a>"


def _keller(article_text: str, role_quote: str) -> Entity:
    start = article_text.index("Maria Keller")
    return Entity("Maria Keller", "PERSON", aliases=["Keller"], roles=[Role("union leader", role_quote)],
                  mentions=[Mention("Maria Keller", start, start + len("Maria Keller"))])


def articles() -> list[Article]:
    """Return the archive's articles: a strike report, its copy, a later report, a quake, a hostile page."""
    day = STRIKE_TEXT.index("Monday, September 14")
    strike = Article(
        "a-strike", Origin("feeds/rail.xml", "1"), STRIKE_TEXT, url="https://herald.example/strike",
        outlet="Herald", title="Rail union calls 48-hour strike", published="2020-09-10T08:00:00+00:00",
        published_from="metadata", removed=["Advertisement", "Read more: <b>teasers</b>"],
        entities=[_keller(STRIKE_TEXT, "Union leader Maria Keller")],
        timexes=[TimeExpr("Monday, September 14", day, day + 20, "2020-09-14", "day")])
    copy = Article("a-copy", Origin("wire.jsonl", "3"), COPY_TEXT, url="https://courier.example/strike",
                   outlet="Courier", title="Rail union calls 48-hour strike", published="2020-09-10T09:00:00+00:00",
                   duplicate_of="a-strike")
    later = Article("a-later", Origin("later.txt"), "Maria Keller said 15,000 workers joined the strike on Monday.",
                    outlet="Gazette", title="Strike: 15,000 walk out", published="2020-09-14")
    quake = Article("a-quake", Origin("quake.txt"), QUAKE_TEXT, outlet="Ring News",
                    title="Quake hits Halmahera", published="2020-09-23T09:15:00-04:00")
    hostile = Article("a-hostile", Origin("evil.html"), HOSTILE_TEXT, url="javascript:alert(1)",
                      outlet=f"Evil {HOSTILE}", title=f"Evil {HOSTILE}", author=HOSTILE,
                      published="2020-09-12", removed=[HOSTILE],
                      entities=[_keller(HOSTILE_TEXT, HOSTILE)],
                      timexes=[TimeExpr("Friday", HOSTILE_TEXT.index("Friday"), HOSTILE_TEXT.index("Friday") + 6,
                                        '2020-09-11"><script>alert(1)</script>', "day")])
    return [strike, copy, later, quake, hostile]


def strike_timeline() -> tuple[list[Event], list[Conflict]]:
    """Return the strike story's timeline (one event carries hostile text) and its number conflict."""
    events = [
        Event("2020-09-09", None, "day", "happened", "Talks between the union and the operator collapsed",
              ["Maria Keller"], [Source("a-strike", "after talks with the operator collapsed", 90)]),
        Event("2020-09-14", "2020-09-15", "day", "planned", "A 48-hour rail strike", ["Maria Keller"],
              [Source("a-strike", "called a 48-hour strike for Monday, September 14", 23)]),
        Event("2020-09", None, "month", "reported", f"Keller quoted: {HOSTILE}", ["Maria Keller"],
              [Source("a-hostile", HOSTILE, 19)]),
        Event("PRESENT_REF", None, "unknown", "reported", "The operator runs a reduced timetable", [],
              [Source("a-strike", "trains would run on a reduced timetable", 200)]),
    ]
    conflicts = [Conflict("number", "Sources disagree on how many workers walk out", [
        Claim("a-strike", "Maria Keller said 12,000 workers would walk out", "12,000"),
        Claim("a-later", "Maria Keller said 15,000 workers joined the strike", "15,000"),
        Claim("a-hostile", HOSTILE, f"<b>{HOSTILE}</b>")])]
    return events, conflicts


def _member(article: Article, story: str, pos: int) -> dict[str, object]:
    return {"article": article.id, "story": story, "pos": pos, "canonical": article.duplicate_of, "score": None,
            "outlet": article.outlet, "title": article.title, "published": article.published, "ts": None,
            "vector": "{}"}


def build_archive(path: Path) -> None:
    """Write the hand-made archive to a database file at ``path``."""
    found = articles()
    with Store.open(path) as store, store.transaction():
        store.add_articles(found)
        for article in found:
            store.link_entities(article.id, [(f"PERSON:{e.name.lower()}", e) for e in article.entities])
            store.set_annotations(article)
        store.add_copy_signature("a-copy", "a-strike", "h-strike", 30, b"", [])  # how dedup records a copy
        members = {STRIKE: [a for a in found if a.id != "a-quake"], QUAKE: [a for a in found if a.id == "a-quake"]}
        for seq, (story, inside) in enumerate(members.items(), 1):
            store.insert_story(story, seq, inside[0].id)
            for article in inside:
                store.insert_member(_member(article, story, len(inside) * 10 * seq + found.index(article)))
        store.set_story_counter("stories", 2)  # as the clusterer leaves them, so a later ingest can go on
        store.set_story_counter("pos", 100)
        store.set_story_meta(STRIKE, {
            "title": f"Rail strike {HOSTILE}", "keywords": ["strike", "rail"], "outlets": ["Herald", "Courier"],
            "first_seen": "2020-09-10T08:00:00+00:00", "last_updated": "2020-09-14", "article_count": 4,
            "canonical_count": 3})
        store.save_story_timeline(STRIKE, *strike_timeline())
        store.set_story_meta(QUAKE, {
            "title": "Halmahera quake", "keywords": ["quake"], "outlets": ["Ring News"],
            "first_seen": "2020-09-23T09:15:00-04:00", "last_updated": "2020-09-23T09:15:00-04:00",
            "article_count": 1, "canonical_count": 1})


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Return the path of the hand-made archive."""
    path = tmp_path / "web.db"
    build_archive(path)
    return path


@pytest.fixture
def client(archive: Path) -> Iterator[TestClient]:
    with TestClient(create_app(archive)) as test_client:
        yield test_client


@pytest.fixture
def keller_id(archive: Path) -> str:
    with Storyline(archive) as sl:
        return sl.entity("Maria Keller").id or ""
