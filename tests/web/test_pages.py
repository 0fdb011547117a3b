"""The HTML pages: what each shows, filters and pagination, copies folded, 404 pages."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html
from starlette.routing import Route

from storyline.store import Store
from storyline.web import app, pages
from tests.web.conftest import QUAKE, STRIKE


def page(client, path: str, status: int = 200) -> html.HtmlElement:
    response = client.get(path)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return html.fromstring(response.text)


def texts(doc: html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in doc.xpath(xpath)]


def test_stories_page_lists_stories_with_counts_most_recent_first(client):
    doc = page(client, "/")
    assert [a.get("href") for a in doc.xpath("//li[@class='story-card']/h2/a")] == [f"/stories/{QUAKE}",
                                                                                   f"/stories/{STRIKE}"]
    strike = texts(doc, "//li[@class='story-card'][2]//p[@class='meta']")[0]
    assert "2020-09-10 → 2020-09-14" in strike
    assert "4 articles" in strike and "2 outlets" in strike and "1 conflict" in strike


def test_stories_page_filters_with_a_get_form(client):
    doc = page(client, "/?outlet=Ring&since=2020-09-01")
    assert texts(doc, "//li[@class='story-card']/h2") == ["Halmahera quake"]
    assert doc.xpath("//form[@class='filters']//input[@name='outlet']/@value") == ["Ring"]


def test_stories_page_paginates_and_keeps_the_filters(client, monkeypatch):
    monkeypatch.setattr(pages, "PAGE_SIZE", 1)
    first = page(client, "/?outlet=e")
    assert first.xpath("//a[@rel='next']/@href") == ["/?outlet=e&page=2"]
    second = page(client, "/?outlet=e&page=2")
    assert texts(second, "//li[@class='story-card']/h2")[0].startswith("Rail strike")
    assert second.xpath("//a[@rel='prev']/@href") == ["/?outlet=e&page=1"] and not second.xpath("//a[@rel='next']")


def test_stories_page_bad_date_is_a_400_page_with_the_message(client):
    doc = page(client, "/?since=yesterday", 400)
    assert texts(doc, "//p[@class='error']") == ["since must be a date as YYYY-MM-DD, not 'yesterday'"]


def test_story_page_draws_the_timeline_and_links_marks_to_the_event_list(client):
    doc = page(client, f"/stories/{STRIKE}")
    svg = doc.xpath("//figure[@class='timeline-figure']/svg")[0]
    links = [a.get("href") for a in svg.xpath(".//a")]
    assert sorted(links) == ["#event-1", "#event-2", "#event-3"]  # PRESENT_REF has no place on the axis
    for href in links:
        assert doc.xpath(f"//li[@id='{href[1:]}']")
    assert texts(doc, "//li[@id='event-4']//em") == ["(not placed on the axis)"]
    assert svg.xpath(".//a[@class='event planned']/rect[@class='bar']")  # 14 → 15 September is a bar
    assert "happened" in texts(doc, "//p[@class='legend-text']")[0]


def test_story_page_shows_conflicting_claims_side_by_side_with_article_links(client):
    doc = page(client, f"/stories/{STRIKE}")
    claims = doc.xpath("//section[@id='conflicts']//div[@class='claims']/div[@class='claim']")
    assert [texts(c, "./p[@class='value']")[0] for c in claims[:2]] == ["12,000", "15,000"]
    assert claims[0].xpath(".//a/@href") == ["/articles/a-strike"]


def test_story_page_folds_copies_under_their_canonical_report(client):
    doc = page(client, f"/stories/{STRIKE}")
    items = doc.xpath("//section[@id='articles']/ul/li")
    assert [li.xpath("./a/@href")[0] for li in items] == ["/articles/a-strike", "/articles/a-hostile",
                                                          "/articles/a-later"]
    canonical = doc.xpath("//section[@id='articles']/ul/li[a/@href='/articles/a-strike']")[0]
    assert canonical.xpath(".//details//a/@href") == ["/articles/a-copy"]


def test_story_page_lists_entities_with_roles(client, keller_id):
    doc = page(client, f"/stories/{STRIKE}")
    entity = doc.xpath(f"//section[@id='entities']//a[@href='/entities/{keller_id}']/..")[0]
    assert "union leader" in entity.text_content()


def test_article_page_highlights_entities_and_time_expressions(client, keller_id):
    doc = page(client, "/articles/a-strike")
    assert doc.xpath("//div[@class='body']/span[@class='timex']/@title") == ["2020-09-14 (day)"]
    assert doc.xpath("//div[@class='body']/a[@class='entity']/@href") == [f"/entities/{keller_id}"]
    assert doc.xpath("//div[@class='body']")[0].text_content() == client.get("/api/articles/a-strike").json()["text"]
    assert texts(doc, "//details[@class='removed']/summary") == ["Removed boilerplate (2 blocks)"]


def test_article_page_links_the_original_with_safe_rel(client):
    doc = page(client, "/articles/a-strike")
    [link] = doc.xpath("//a[text()='Original']")
    assert link.get("href") == "https://herald.example/strike"
    assert link.get("rel") == "noopener noreferrer nofollow"


def test_copy_article_links_its_original(client):
    doc = page(client, "/articles/a-copy")
    assert doc.xpath("//a[starts-with(text(), 'Copy of')]/@href") == ["/articles/a-strike"]


def test_entity_page_shows_aliases_roles_timeline_and_articles(client, keller_id):
    doc = page(client, f"/entities/{keller_id}")
    assert "Keller" in texts(doc, "//main/p")[0]
    assert "union leader" in doc.text_content()
    assert doc.xpath("//svg//a[@href='#event-1']")
    assert sorted(doc.xpath("//section/ul[@class='articles']//a/@href")) == ["/articles/a-hostile",
                                                                            "/articles/a-strike"]


def test_search_page_groups_hits_by_story_and_marks_matches(client):
    doc = page(client, "/search?q=strike")
    assert texts(doc, "//section[@class='hit-group']/h2")[0].startswith("Rail strike")
    assert next(m.text.lower() for m in doc.xpath("//p[@class='snippet']/mark")) == "strike"


def test_search_page_without_a_query_shows_only_the_form(client):
    doc = page(client, "/search")
    assert doc.xpath("//main//input[@name='q']") and not doc.xpath("//section[@class='hit-group']")


def test_unknown_pages_are_404_html(client):
    for path in ["/stories/nope", "/articles/nope", "/entities/nope", "/nowhere"]:
        doc = page(client, path, 404)
        assert texts(doc, "//h1") == ["Not found"]


def test_pages_are_usable_without_script_and_fit_a_phone(client):
    response = client.get(f"/stories/{STRIKE}")
    assert "<script" not in response.text
    assert re.search(r'<meta name="viewport" content="width=device-width, initial-scale=1">', response.text)
    assert client.get("/static/style.css").status_code == 200


def test_a_merged_away_story_redirects_to_the_story_it_joined(archive, client):
    with Store.open(archive) as store, store.transaction():
        store.insert_story("s-old", 3, "a-later")
        store.merge_story_rows("s-old", STRIKE, "a-later", 0.9, 200)
    response = client.get("/stories/s-old", follow_redirects=False)
    assert response.status_code == 301 and response.headers["location"] == f"/stories/{STRIKE}"
    assert client.get("/api/stories/s-old").json()["id"] == STRIKE


def test_stories_path_shows_the_same_list_as_the_home_page(client):
    doc = page(client, "/stories")
    assert [a.get("href") for a in doc.xpath("//li[@class='story-card']/h2/a")] == [f"/stories/{QUAKE}",
                                                                                   f"/stories/{STRIKE}"]


def test_home_page_links_every_list_page(client):
    doc = page(client, "/")
    links = doc.xpath("//header[@class='site']/nav/a/@href")
    assert {"/", "/articles", "/entities", "/conflicts"} <= set(links)
    for link in links:
        page(client, link)


def test_articles_page_lists_articles_newest_first_and_marks_copies(client):
    doc = page(client, "/articles")
    items = doc.xpath("//ul[contains(@class, 'article-list')]/li")
    assert [li.xpath("./a/@href")[0] for li in items] == [
        "/articles/a-quake", "/articles/a-later", "/articles/a-hostile", "/articles/a-copy", "/articles/a-strike"]
    assert texts(doc, "//main/p[@class='muted']") == ["5 articles, newest first."]
    copy = doc.xpath("//ul[contains(@class, 'article-list')]/li[a/@href='/articles/a-copy']")[0]
    assert "/articles/a-strike" in copy.xpath(".//a/@href")
    assert "Ring News · 2020-09-23" in texts(doc, "//ul[contains(@class, 'article-list')]/li[1]/span")[0]


def test_articles_page_paginates(client, monkeypatch):
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    first = page(client, "/articles")
    assert first.xpath("//a[@rel='next']/@href") == ["/articles?page=2"] and not first.xpath("//a[@rel='prev']")
    last = page(client, "/articles?page=3")
    assert last.xpath("//ul[contains(@class, 'article-list')]/li/a/@href") == ["/articles/a-strike"]
    assert last.xpath("//a[@rel='prev']/@href") == ["/articles?page=2"] and not last.xpath("//a[@rel='next']")


def test_articles_page_bad_page_number_is_a_400_page(client):
    doc = page(client, "/articles?page=0", 400)
    assert texts(doc, "//p[@class='error']") == ["page must be a whole number at least 1, not '0'"]


def test_entities_page_lists_entities_with_article_counts_and_roles(client, keller_id):
    doc = page(client, "/entities")
    [item] = doc.xpath("//ul[contains(@class, 'entity-list')]/li")
    assert item.xpath("./a/@href") == [f"/entities/{keller_id}"]
    assert "PERSON · 2 articles" in item.text_content() and "union leader" in item.text_content()


def test_entities_page_filters_by_name(client):
    assert page(client, "/entities?name=Keller").xpath("//ul[contains(@class, 'entity-list')]/li")
    doc = page(client, "/entities?name=Nobody")
    assert not doc.xpath("//ul[contains(@class, 'entity-list')]/li")
    assert texts(doc, "//main/p")[-1] == "No entities named like “Nobody”."


def test_conflicts_page_shows_each_conflict_with_its_story_and_claims(client):
    doc = page(client, "/conflicts")
    [conflict] = doc.xpath("//article[@class='conflict']")
    assert texts(conflict, "./h2")[0] == "number Sources disagree on how many workers walk out"
    assert conflict.xpath("./p[@class='meta']/a/@href") == [f"/stories/{STRIKE}#conflicts"]
    claims = conflict.xpath(".//div[@class='claim']")
    assert [texts(c, "./p[@class='value']")[0] for c in claims[:2]] == ["12,000", "15,000"]
    assert texts(claims[0], ".//a") == ["Herald: Rail union calls 48-hour strike"]


def test_every_page_is_documented_in_the_readme():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    paths = {r.path for r in app._routes()
             if isinstance(r, Route) and r.path != "/favicon.ico" and not r.path.startswith("/api/")}
    assert {"/articles", "/entities", "/conflicts"} <= paths
    missing = [p for p in sorted(paths) if f"`{p}" not in readme]
    assert not missing, f"README's web section does not name {missing}"
