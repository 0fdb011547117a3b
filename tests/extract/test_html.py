"""HTML extraction: article text without the page furniture, and the page's metadata."""

from __future__ import annotations

import pytest

from storyline.extract import html as html_stage
from storyline.extract.html import extract_html
from storyline.models import Origin, RawDocument

PARAGRAPHS = [
    "Riverside's city council voted seven to two on Tuesday night to approve a new pedestrian and cycle "
    "bridge across the Wend, ending a dispute that has divided the town for more than four years.",
    "The bridge, which will link the old market quarter with the housing estates on the east bank, is "
    "expected to cost 14 million pounds, most of it covered by a regional transport grant awarded last spring.",
    'Councillor Asha Menon, who chairs the planning committee, said the vote was a turning point. "People '
    'on the east side have waited a generation for a safe way to walk into town," she told the chamber.',
    "Opponents argued that the money would be better spent repairing the existing road bridge, which "
    "engineers rated as poor in an inspection carried out in January. They also raised concerns about parking.",
    "Construction is due to begin in the autumn and to last about eighteen months. The council said the "
    "riverside footpath would stay open for most of that time, with short closures announced in advance.",
    "A public exhibition of the final design will open at the library next week, and residents will be "
    "able to comment on the lighting and planting plans until the end of the month.",
]

BOILERPLATE = {
    "cookie banner": "We use cookies to improve your experience",
    "navigation": "Politics",
    "advertisement": "Advertisement",
    "newsletter box": "Sign up for the Morning Briefing",
    "teaser link": "Bridge tolls to rise next year, council warns",
    "most read": "Mayor opens new skate park on the east bank",
    "comments": "Finally some good news for cyclists",
    "footer": "All rights reserved",
}

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Council approves new bridge across the Wend | Riverside Gazette</title>
  <meta property="og:title" content="Council approves new bridge across the Wend | Riverside Gazette">
  <meta property="og:site_name" content="Riverside Gazette">
  <meta property="article:published_time" content="2020-08-30T18:48:00+05:30">
  <meta name="author" content="Priya Raman">
  <link rel="canonical" href="https://gazette.example/news/council-approves-bridge">
</head>
<body>
  <div id="cookie-consent" class="cookie-banner">
    <p>We use cookies to improve your experience on our site. <button>Accept all</button></p>
  </div>
  <nav class="main-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
  </ul></nav>
  <main>
    <article>
      <h1>Council approves new bridge across the Wend</h1>
      <p class="byline">By <a href="/authors/priya-raman">Priya Raman</a></p>
      <p>{PARAGRAPHS[0]}</p>
      <p>{PARAGRAPHS[1]}</p>
      <div class="ad-slot"><p>Advertisement</p></div>
      <p>{PARAGRAPHS[2]}</p>
      <p>Related: <a href="/news/bridge-tolls">Bridge tolls to rise next year, council warns</a></p>
      <p>{PARAGRAPHS[3]}</p>
      <div class="newsletter-box">
        <p>Sign up for the Morning Briefing newsletter and get the news in your inbox.</p>
        <form><input type="email"><button>Subscribe</button></form>
      </div>
      <p>{PARAGRAPHS[4]}</p>
      <p>{PARAGRAPHS[5]}</p>
    </article>
    <aside class="most-read">
      <h2>Most read</h2>
      <ol>
        <li><a href="/news/skate-park">Mayor opens new skate park on the east bank</a></li>
        <li><a href="/news/flood-warning">Flood warning lifted for the lower valley</a></li>
        <li><a href="/sport/derby">Riverside United win the derby in injury time</a></li>
      </ol>
    </aside>
    <section id="comments" class="comments">
      <h3>3 comments</h3>
      <div class="comment"><p>Finally some good news for cyclists in this town!</p></div>
      <div class="comment"><p>What a waste of money, fix the roads first.</p></div>
    </section>
  </main>
  <footer><p>&copy; 2020 Riverside Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""

JSON_LD_PAGE = f"""<html><head>
<title>Storm closes harbour</title>
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [
  {{"@type": "WebSite", "name": "Coast Courier Online"}},
  {{"@type": "NewsArticle", "headline": "Storm closes harbour for second day",
    "datePublished": "2021-03-04T09:15:00Z", "dateModified": "2021-03-05T10:00:00Z",
    "author": [{{"@type": "Person", "name": "Tom Ekwueme"}}, {{"@type": "Person", "name": "Lena Fischer"}}],
    "publisher": {{"@type": "Organization", "name": "Coast Courier"}},
    "mainEntityOfPage": {{"@id": "https://coastcourier.example/news/storm-closes-harbour"}}}}
]}}
</script>
</head><body><article>
<h1>Storm closes harbour for second day</h1>
<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[3]}</p>
</article></body></html>
"""


def _page_with_head(head: str) -> str:
    """Return a plain article page with the given <head> content."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def test_extract_html_keeps_every_article_paragraph() -> None:
    text = extract_html(NEWS_PAGE).text
    for paragraph in PARAGRAPHS:
        assert paragraph in text


@pytest.mark.parametrize("block", sorted(BOILERPLATE))
def test_extract_html_drops_page_furniture(block: str) -> None:
    assert BOILERPLATE[block] not in extract_html(NEWS_PAGE).text


def test_extract_html_keeps_reporting_that_mentions_signing_up() -> None:
    sentence = "Residents who sign up for the consultation before Friday will be invited to a site visit."
    page = _page_with_head("<title>Bridge vote</title>").replace("</article>", f"<p>{sentence}</p></article>")
    assert sentence in extract_html(page).text


def test_extract_html_starts_with_the_story_not_the_headline() -> None:
    assert extract_html(NEWS_PAGE).text.startswith(PARAGRAPHS[0][:40])


def test_extract_html_reads_title_without_site_name() -> None:
    assert extract_html(NEWS_PAGE).title == "Council approves new bridge across the Wend"


def test_extract_html_keeps_zone_of_article_published_time() -> None:
    found = extract_html(NEWS_PAGE)
    assert found.published == "2020-08-30T18:48:00+05:30"
    assert found.published_from == "metadata"


def test_extract_html_reads_site_name_author_url_and_language() -> None:
    found = extract_html(NEWS_PAGE)
    assert found.outlet == "Riverside Gazette"
    assert found.author == "Priya Raman"
    assert found.url == "https://gazette.example/news/council-approves-bridge"
    assert found.language == "en"


def test_extract_html_reads_json_ld_article() -> None:
    found = extract_html(JSON_LD_PAGE)
    assert found.published == "2021-03-04T09:15:00+00:00"
    assert found.published_from == "metadata"
    assert found.title == "Storm closes harbour for second day"
    assert found.author == "Tom Ekwueme; Lena Fischer"
    assert found.outlet == "Coast Courier"
    assert found.url == "https://coastcourier.example/news/storm-closes-harbour"


def test_extract_html_gives_only_the_day_when_zone_is_unknown() -> None:
    page = _page_with_head('<meta property="article:published_time" content="2021-03-04T09:15:00">')
    assert extract_html(page).published == "2021-03-04"


def test_extract_html_keeps_time_and_zone_of_a_plain_date_meta() -> None:
    page = _page_with_head('<meta name="date" content="2022-11-07T21:05:00-05:00">')
    assert extract_html(page).published == "2022-11-07T21:05:00-05:00"


def test_extract_html_prefers_published_time_to_a_plain_date_meta() -> None:
    page = _page_with_head('<meta name="date" content="2022-11-09T08:00:00-05:00">'
                           '<meta property="article:published_time" content="2022-11-07T21:05:00-05:00">')
    assert extract_html(page).published == "2022-11-07T21:05:00-05:00"


@pytest.mark.parametrize("marker", ['itemprop="datePublished"', 'class="published"', 'class="entry-date published"'])
def test_extract_html_reads_publication_time_element(marker: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    page = (
        f'<html><body><article><time {marker} datetime="2019-05-02T07:30:00-04:00">'
        f"May 2, 7.30 a.m.</time>{body}</article></body></html>"
    )
    assert extract_html(page).published == "2019-05-02T07:30:00-04:00"


def _page_with_body(head: str, top: str, bottom: str = "") -> str:
    """Return an article page with ``top`` above its paragraphs and ``bottom`` after the article."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    return f"<html><head>{head}</head><body><article>{top}{body}</article>{bottom}</body></html>"


DAY_ONLY = '<meta property="article:published_time" content="2023-07-18">'


def test_extract_html_takes_time_and_zone_from_an_unclassed_time_element_on_the_same_day() -> None:
    top = '<p class="meta">By Ines Carvalho · <time datetime="2023-07-18T19:30:00+01:00">18 July 2023</time></p>'
    found = extract_html(_page_with_body(DAY_ONLY, top))
    assert (found.published, found.published_from) == ("2023-07-18T19:30:00+01:00", "metadata")


def test_extract_html_takes_the_time_of_a_visible_dateline_on_the_same_day() -> None:
    top = '<div class="entry-meta">Tuesday, 18 July 2023 – 23:40 · by Sean Briain</div>'
    found = extract_html(_page_with_body(DAY_ONLY, top))
    assert (found.published, found.published_from) == ("2023-07-18T23:40:00", "text")


@pytest.mark.parametrize(
    ("top", "bottom"),
    [
        ('<time datetime="2023-07-17T08:00:00+01:00">17 July</time>', ""),  # another day: another event
        ("<p>19 July 2023 10:00</p>", ""),
        ("", '<div id="comments"><p>18 July 2023 at 21:15</p><p>Great read.</p></div>'),  # a reader's comment
    ],
)
def test_extract_html_keeps_the_day_when_no_time_on_that_day_is_stated(top: str, bottom: str) -> None:
    assert extract_html(_page_with_body(DAY_ONLY, top, bottom)).published == "2023-07-18"


def test_extract_html_leaves_date_empty_without_markup() -> None:
    found = extract_html(_page_with_head("<title>Bridge vote</title>"))
    assert found.published is None
    assert found.published_from is None


def test_extract_html_rejects_implausible_stated_date() -> None:
    page = _page_with_head('<meta property="article:published_time" content="1970-01-01T00:00:00Z">')
    assert extract_html(page).published is None


def test_extract_html_prefers_container_values_but_not_its_date() -> None:
    stated = RawDocument(
        origin=Origin("feeds/gazette.xml", "item 3"),
        source_format="feed",
        body=NEWS_PAGE,
        body_kind="html",
        url="https://gazette.example/p/123",
        title="Bridge approved",
        published="Tue, 01 Sep 2020 08:00:00 GMT",
        outlet="The Gazette",
        author="P. Raman",
    )
    found = extract_html(NEWS_PAGE, url="https://gazette.example/redirect", stated=stated)
    assert (found.title, found.url, found.outlet, found.author) == (
        "Bridge approved",
        "https://gazette.example/p/123",
        "The Gazette",
        "P. Raman",
    )
    assert found.published == "2020-08-30T18:48:00+05:30"


def test_extract_html_records_removed_blocks() -> None:
    removed = extract_html(NEWS_PAGE).removed
    assert any("We use cookies" in block for block in removed)
    assert any("Bridge tolls to rise" in block for block in removed)
    assert any("All rights reserved" in block for block in removed)
    assert len(removed) <= html_stage.MAX_REMOVED
    assert all(len(block) <= html_stage.MAX_REMOVED_CHARS for block in removed)


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n\t",
        "<html></html>",
        "<html><body><div><span></span></div></body></html>",
        "\x00\x01\x02\ufffd not markup at all \x7f",
        "<html><body><div><p>Unclosed <b>tags <i>everywhere",
        "<div>" * 3000 + "deep" + "</div>" * 3000,
        '<html><head><script type="application/ld+json">{"broken": </script>'
        '<meta property="article:published_time" content="yesterday"></head><body></body></html>',
    ],
    ids=["empty", "whitespace", "empty-html", "no-text", "garbage", "unclosed", "deep", "bad-metadata"],
)
def test_extract_html_never_raises_on_bad_input(page: str) -> None:
    found = extract_html(page)
    assert found.text == "" or isinstance(found.text, str)
    assert found.published is None


def test_extract_html_reads_a_bare_fragment_like_feed_content() -> None:
    fragment = f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
    assert extract_html(fragment).text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"


def test_extract_html_survives_absurdly_nested_json_ld() -> None:
    script = '{"a":' * 5000 + "1" + "}" * 5000
    head = f'<script type="application/ld+json">{script}</script><meta property="og:site_name" content="Gazette">'
    found = extract_html(_page_with_head(head))
    assert PARAGRAPHS[0] in found.text
    assert found.outlet == "Gazette"


def test_extract_html_gives_empty_text_for_page_without_article() -> None:
    assert extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>").text == ""


def test_extract_html_cuts_oversized_pages_instead_of_failing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_stage, "MAX_HTML_CHARS", len(NEWS_PAGE) // 2)
    found = extract_html(NEWS_PAGE)
    assert PARAGRAPHS[0] in found.text
    assert PARAGRAPHS[5] not in found.text
