"""The per-story Atom feed: valid Atom 1.0, one entry per timeline event and per conflict."""

from __future__ import annotations

from lxml import etree

from storyline.web.feed import rfc3339
from tests.web.conftest import STRIKE

NS = {"a": "http://www.w3.org/2005/Atom"}


def test_feed_has_the_atom_required_elements_and_an_entry_per_event_and_conflict(client):
    response = client.get(f"/stories/{STRIKE}/feed.atom")
    feed = etree.fromstring(response.content)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("a:id", namespaces=NS) == f"urn:storyline:story:{STRIKE}"
    assert feed.findtext("a:updated", namespaces=NS) == "2020-09-14T00:00:00Z"
    assert feed.findtext("a:author/a:name", namespaces=NS) == "storyline"
    assert feed.find("a:link[@rel='self']", NS).get("href") == f"http://testserver/stories/{STRIKE}/feed.atom"
    entries = feed.findall("a:entry", NS)
    assert len(entries) == 5  # four events, one conflict
    for entry in entries:
        assert entry.findtext("a:id", namespaces=NS) and entry.findtext("a:title", namespaces=NS)
        assert entry.findtext("a:updated", namespaces=NS).endswith("Z")
        assert entry.find("a:content", NS).get("type") == "text"
    ids = [e.findtext("a:id", namespaces=NS) for e in entries]
    assert len(set(ids)) == len(ids)
    assert entries[-1].findtext("a:title", namespaces=NS) == (
        "Sources disagree (number): Sources disagree on how many workers walk out")
    assert "12,000" in entries[-1].findtext("a:content", namespaces=NS)


def test_feed_of_an_unknown_story_is_404(client):
    assert client.get("/stories/nope/feed.atom").status_code == 404


def test_rfc3339_turns_timex_values_and_zoned_times_into_utc_instants():
    assert rfc3339("2020-08-30T18:48:00+05:30") == "2020-08-30T13:18:00Z"
    assert rfc3339("2020-09-14") == "2020-09-14T00:00:00Z"
    assert rfc3339("2020-09") == "2020-09-01T00:00:00Z"
    assert rfc3339("PRESENT_REF") is None and rfc3339(None) is None
