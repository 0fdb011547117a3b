"""Copy detection: syndicated copies and light rewrites link to one canonical article."""

from __future__ import annotations

from storyline.dedup import find_copies
from storyline.models import Article, Origin
from storyline.store import Store

WIRE = (
    "ANKARA, Jan 24 (Reuters) - A magnitude 6.8 earthquake struck Elazig province in eastern Turkey on "
    "Friday, toppling buildings in the town of Sivrice and killing at least 22 people, the disaster agency "
    "AFAD said. Rescuers searched the rubble of collapsed apartment blocks in freezing temperatures as "
    "aftershocks shook the region around Lake Hazar. Interior Minister Suleyman Soylu said 30 people were "
    "still missing and that emergency teams had been sent from neighbouring provinces. Television footage "
    "showed rescuers carrying a woman on a stretcher from a collapsed building in the provincial capital. "
    "The quake was felt in Syria, Lebanon and Iran, and the Turkish Red Crescent sent tents and blankets."
)
INDEPENDENT = (
    "At least 22 people have died after a powerful earthquake hit eastern Turkey, officials say. The "
    "6.8-magnitude tremor struck near the town of Sivrice in Elazig province on Friday evening. Many "
    "buildings collapsed and rescue workers are searching for survivors in sub-zero temperatures. "
    "President Recep Tayyip Erdogan said all measures were being taken, and hundreds of aftershocks "
    "have rattled the area since, according to the country's emergency authority."
)


def _article(article_id: str, text: str, published: str, outlet: str = "example.com") -> Article:
    return Article(id=article_id, origin=Origin(f"{article_id}.html"), text=text, published=published,
                   outlet=outlet)


def _copies(store: Store, articles: list[Article]) -> dict[str, str]:
    store.add_articles(articles)
    return find_copies(store, articles)


def test_dedup_links_syndicated_copy_to_earlier_original(store: Store) -> None:
    original = _article("wire", WIRE, "2020-01-24T18:00:00+00:00", "reuters.com")
    syndicated = _article("syndicated", "Advertisement\n" + WIRE + "\nRead more: world news",
                          "2020-01-24T19:30:00+00:00", "yahoo.com")
    assert _copies(store, [syndicated, original]) == {"syndicated": "wire"}
    assert syndicated.duplicate_of == "wire" and original.duplicate_of is None
    assert store.article("syndicated").duplicate_of == "wire"


def test_dedup_links_light_rewrite(store: Store) -> None:
    rewrite = WIRE.replace("at least 22 people", "22 people or more").replace("Friday", "Friday evening")
    rewrite = rewrite.replace("Television footage showed", "Footage on television showed")
    found = _copies(store, [_article("wire", WIRE, "2020-01-24"), _article("rewrite", rewrite, "2020-01-25")])
    assert found == {"rewrite": "wire"}


def test_dedup_keeps_independent_report_of_same_event(store: Store) -> None:
    found = _copies(store, [_article("wire", WIRE, "2020-01-24"), _article("bbc", INDEPENDENT, "2020-01-24")])
    assert found == {}


def test_dedup_exact_copy_ignores_spacing_and_punctuation(store: Store) -> None:
    spaced = WIRE.replace(". ", " .  ").replace(",", " ,")
    found = _copies(store, [_article("wire", WIRE, "2020-01-24"), _article("spaced", spaced, "2020-01-24")])
    assert found == {"spaced": "wire"}


def test_dedup_copy_of_copy_points_to_first_canonical(store: Store) -> None:
    _copies(store, [_article("wire", WIRE, "2020-01-24")])
    _copies(store, [_article("copy1", WIRE + " Copyright 2020.", "2020-01-25")])
    found = _copies(store, [_article("copy2", "Published by partner. " + WIRE, "2020-01-26")])
    assert found == {"copy2": "wire"}


def test_dedup_same_article_twice_is_stable(store: Store) -> None:
    articles = [_article("wire", WIRE, "2020-01-24"), _article("copy", WIRE, "2020-01-24")]
    assert _copies(store, articles) == {"copy": "wire"}
    assert find_copies(store, articles) == {"copy": "wire"}
