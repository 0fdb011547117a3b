"""Write examples/warc/crawl.warc.gz, the small crawl bundled with the examples.

Run from the repository root:  .venv/bin/python scripts/make_example_warc.py

The crawl holds five records: a request, its HTML response (World Desk Today, story A),
a PNG logo (a non-HTML response, which ingestion counts as skipped), and two more HTML
responses (Westmark Radio, story B; World Desk Today, story D). WARC-Date and
WARC-Record-ID are fixed, and gzip members carry no timestamp, so the output is the
same bytes on every run and the file can be committed.
"""

from __future__ import annotations

import base64
import uuid
from io import BytesIO
from pathlib import Path

from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUTPUT = Path(__file__).resolve().parent.parent / "examples" / "warc" / "crawl.warc.gz"
# Record ids are UUID5s of the target URI under this namespace, so they never change.
RECORD_NAMESPACE = uuid.UUID("6f0c2a9e-3b1d-4c55-9a57-2f1e8d4b7c10")
USER_AGENT = "storyline-example-crawler/1.0 (+https://storyline.example/crawler)"

# A 1x1 transparent PNG: the "logo" response that is not HTML.
LOGO_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

MINSK_MARCH_URL = "https://www.worlddesk-today.example/world/europe/2020/09/07/minsk-sunday-march-moscow-trip"
MINSK_MARCH_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tens of thousands march in Minsk again as Lukashenko prepares for Moscow trip | World Desk Today</title>
<meta property="og:site_name" content="World Desk Today">
<meta property="og:title" content="Tens of thousands march in Minsk again as Lukashenko prepares for Moscow trip">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2020-09-07T08:05:00+00:00">
<meta name="author" content="Nadia Ferrante">
</head>
<body>
<div class="cc-window">We value your privacy. We and our partners use cookies to store and access
information on your device. <a class="cc-btn">Accept cookies</a> <a class="cc-link">Learn more</a></div>
<header class="wdt-header">
  <a href="/" class="wdt-logo"><img src="/static/logo.png" alt="World Desk Today"></a>
  <nav><a href="/world">World</a> <a href="/world/europe">Europe</a> <a href="/world/americas">Americas</a>
  <a href="/world/asia">Asia</a> <a href="/business">Business</a> <a href="/video">Video</a>
  <a href="/newsletters">Newsletters</a></nav>
</header>
<div class="adunit adunit-top"><span>Advertisement</span></div>
<main>
<article>
<h1>Tens of thousands march in Minsk again as Lukashenko prepares for Moscow trip</h1>
<p class="dek">Police detain hundreds as the weekly protests enter their fifth week</p>
<p class="byline">By Nadia Ferrante</p>
<section class="article-body">
<p>MINSK — Tens of thousands of people marched through the centre of Minsk on Sunday, defying riot police,
water cannon and a ban on rallies, in the latest of the weekly protests against the President of Belarus,
Alexander Lukashenko.</p>
<p>Columns of demonstrators carrying the red-and-white flag of the opposition walked along Independence
Avenue towards the presidential residence, chanting "Go away!" and "Long live Belarus!". Riot police blocked
the approaches with armoured vehicles and barbed wire. The Interior Ministry said on Monday that more than
600 people had been detained across the country on Sunday, most of them in the capital.</p>
<div class="adunit adunit-inline"><span>Advertisement</span></div>
<p>The march came as Lukashenko prepares for talks with Russian President Vladimir Putin, which the Kremlin
says will take place in Moscow in the coming weeks. Russian Prime Minister Mikhail Mishustin visited Minsk
last week, and Lukashenko has said he hopes to agree on new loans and cheaper gas with Putin in person.</p>
<p>Universities reopened earlier this month, and students have since staged sit-ins and walkouts on several
campuses. Dozens of students and some lecturers have been detained, according to the Viasna human rights
centre.</p>
<p>The opposition leader Svetlana Tikhanovskaya, who has been in Lithuania since shortly after the August 9
election, thanked the marchers in a video message and called on factory workers to keep up their strikes.
Lukashenko, who claimed victory with 80 percent of the vote, has dismissed the protesters as a minority
manipulated from abroad.</p>
<p>Sunday's march was one of the largest since the protests began, according to independent estimates,
although organisers and the authorities again gave sharply different figures for the crowd.</p>
</section>
</article>
<aside class="newsletter-cta"><h3>The World Desk Briefing</h3>
<p>Sign up to get the five stories you need to know, every weekday morning.</p>
<form><input type="email" placeholder="Email address"><button>Sign up</button></form></aside>
<aside class="most-popular"><h3>Most popular</h3><ol>
<li><a href="/world/americas/2020/09/06/wildfire-evacuations">Thousands evacuated as wildfires spread</a></li>
<li><a href="/business/2020/09/06/oil-prices-slide">Oil prices slide on weak demand outlook</a></li>
<li><a href="/world/asia/2020/09/06/typhoon-warning">Typhoon warning issued for southern islands</a></li>
</ol></aside>
<section class="comments"><h3>Join the conversation</h3>
<p>Commenting is open to subscribers only. <a href="/subscribe">Subscribe</a> or <a href="/login">log in</a>.</p>
</section>
</main>
<footer class="wdt-footer"><p><a href="/about">About World Desk Today</a> | <a href="/terms">Terms</a> |
<a href="/privacy">Privacy</a> | <a href="/corrections">Corrections</a></p>
<p>© 2020 World Desk Today. All rights reserved.</p></footer>
</body>
</html>
"""

BRIDGE_URL = "https://westmark-radio.example/news/2020/02/23/alder-bridge-cracks-reported"
BRIDGE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Alder bridge collapse: cracks were reported two years ago - Westmark Radio</title>
<meta property="og:site_name" content="Westmark Radio">
<meta property="og:title" content="Alder bridge collapse: cracks were reported two years ago">
<meta property="article:published_time" content="2020-02-23T12:30:00+01:00">
</head>
<body>
<div id="cookie-notice">This website uses cookies. <button>Accept</button> <a href="/cookies">Settings</a></div>
<div class="top">
  <a href="/" class="station">Westmark Radio</a>
  <a href="/live" class="listen-live">Listen live</a>
  <ul class="menu"><li><a href="/news">News</a></li><li><a href="/traffic">Traffic</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/programmes">Programmes</a></li>
  <li><a href="/podcasts">Podcasts</a></li></ul>
</div>
<div class="ad">Advertisement</div>
<div class="content">
<h1>Alder bridge collapse: cracks were reported two years ago</h1>
<div class="meta">Westmark Radio news · Updated Sunday 23 February 2020</div>
<div class="text">
<p>HALLSBERG — Inspectors reported cracks in the concrete of the Alder bridge in Hallsberg two years before
it collapsed on Saturday evening, according to municipal documents seen by Westmark Radio.</p>
<p>Three people were injured when the middle span of the bridge on county road 529 gave way beneath a car
carrying four people. The car fell onto the riverbank below. The driver, a 44-year-old woman, remained in
hospital on Sunday in a stable condition; the two other injured passengers were discharged in the morning.</p>
<p>An inspection report from 2018 describes "extensive cracking" in two of the bridge's support beams and
recommends repairs "within two to three years". The municipality's technical committee put the work on its
list for 2021, the documents show.</p>
<div class="ad">Advertisement</div>
<p>"We followed the advice we had at the time," said Tomas Berg, who chairs the technical committee. "Nobody
told us that the bridge was at risk of falling down." He said the municipality would cooperate fully with
the investigation.</p>
<p>Three investigators from the national accident investigation board arrived in Hallsberg on Sunday
morning and began examining the wreckage. The board said it expected to publish preliminary findings next
month. Divers also searched the river to make sure nobody else had been on the bridge.</p>
<p>County road 529 remains closed. Traffic is diverted over the old railway crossing, where queues formed on
Sunday as residents drove out to look at the site.</p>
</div>
<div class="share">Share on Facebook · Share on Twitter · Send by email</div>
<div class="teasers"><h3>Also on Westmark Radio</h3>
<p><a href="/news/2020/02/22/flu-season-peak">Flu season reaches its peak, hospitals ask visitors to stay
away</a></p>
<p><a href="/programmes/morning-show">Morning show: your questions on the new recycling rules</a></p>
</div>
</div>
<footer><p>Westmark Radio · Frequencies · Contact the newsroom · Privacy</p>
<p>© Westmark Radio 2020</p></footer>
</body>
</html>
"""

PERU_URL = "https://www.worlddesk-today.example/world/americas/2020/08/22/peru-arequipa-earthquake"
PERU_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Magnitude 6.1 earthquake kills two in southern Peru | World Desk Today</title>
<meta property="og:site_name" content="World Desk Today">
<meta property="og:title" content="Magnitude 6.1 earthquake kills two in southern Peru">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2020-08-22T15:20:00+00:00">
<meta name="author" content="Lucas Ferreira">
</head>
<body>
<div class="cc-window">We value your privacy. We and our partners use cookies to store and access
information on your device. <a class="cc-btn">Accept cookies</a> <a class="cc-link">Learn more</a></div>
<header class="wdt-header">
  <a href="/" class="wdt-logo"><img src="/static/logo.png" alt="World Desk Today"></a>
  <nav><a href="/world">World</a> <a href="/world/europe">Europe</a> <a href="/world/americas">Americas</a>
  <a href="/world/asia">Asia</a> <a href="/business">Business</a> <a href="/video">Video</a>
  <a href="/newsletters">Newsletters</a></nav>
</header>
<div class="adunit adunit-top"><span>Advertisement</span></div>
<main>
<article>
<h1>Magnitude 6.1 earthquake kills two in southern Peru</h1>
<p class="dek">Adobe houses collapsed in villages of the Colca valley</p>
<p class="byline">By Lucas Ferreira</p>
<section class="article-body">
<p>LIMA — A magnitude 6.1 earthquake struck the Arequipa region of southern Peru early on Saturday, killing
two people, injuring dozens and damaging hundreds of adobe homes in the Colca valley, officials said.</p>
<p>The quake hit at 4.46 a.m. local time at a depth of 15 kilometres, with its epicentre in the Caylloma
province, according to the Geophysical Institute of Peru. It was felt strongly in the city of Arequipa, about
100 kilometres to the south, where residents ran into the streets in the dark.</p>
<p>An elderly woman died when the walls of her house fell in, and a farm worker was killed by falling rocks
on a mountain road, the national civil defence institute said. Landslides cut the main road into the valley
for several hours, and rescue teams had to wait for bulldozers to clear the way.</p>
<div class="adunit adunit-inline"><span>Advertisement</span></div>
<p>"The ground moved like the sea. We grabbed the children and ran outside," a resident of one of the
villages told local radio. Several colonial-era churches in the valley, a popular destination for tourists
who come to watch condors, suffered cracks in their towers.</p>
<p>The government said it was sending tents, blankets and food to the area, where night-time temperatures
drop below freezing at this time of year. Dozens of aftershocks were recorded during the day.</p>
<p>Peru lies on the Pacific "Ring of Fire", where the Nazca plate slides beneath the South American plate,
and is regularly hit by strong earthquakes.</p>
</section>
</article>
<aside class="newsletter-cta"><h3>The World Desk Briefing</h3>
<p>Sign up to get the five stories you need to know, every weekday morning.</p>
<form><input type="email" placeholder="Email address"><button>Sign up</button></form></aside>
<aside class="most-popular"><h3>Most popular</h3><ol>
<li><a href="/world/europe/2020/08/21/navalny-hospital">Kremlin critic flown to Berlin for treatment</a></li>
<li><a href="/business/2020/08/21/tech-stocks-record">Tech stocks close at another record high</a></li>
<li><a href="/world/asia/2020/08/21/monsoon-floods">Monsoon floods displace thousands</a></li>
</ol></aside>
</main>
<footer class="wdt-footer"><p><a href="/about">About World Desk Today</a> | <a href="/terms">Terms</a> |
<a href="/privacy">Privacy</a> | <a href="/corrections">Corrections</a></p>
<p>© 2020 World Desk Today. All rights reserved.</p></footer>
</body>
</html>
"""

LOGO_URL = "https://www.worlddesk-today.example/static/logo.png"


def write_crawl(path: Path) -> None:
    """Write the five example records to ``path`` (gzip-compressed WARC 1.0)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(_request(writer, MINSK_MARCH_URL, "2020-09-15T10:00:01Z"))
        writer.write_record(_response(writer, MINSK_MARCH_URL, "2020-09-15T10:00:02Z", _html(MINSK_MARCH_HTML)))
        writer.write_record(_response(writer, LOGO_URL, "2020-09-15T10:00:03Z", ("image/png", LOGO_PNG)))
        writer.write_record(_response(writer, BRIDGE_URL, "2020-09-15T10:00:04Z", _html(BRIDGE_HTML)))
        writer.write_record(_response(writer, PERU_URL, "2020-09-15T10:00:05Z", _html(PERU_HTML)))


def _html(page: str) -> tuple[str, bytes]:
    return "text/html; charset=utf-8", page.encode("utf-8")


def _fixed_headers(uri: str, record_type: str, date: str) -> dict[str, str]:
    # Fixed id and date instead of warcio's random uuid4 and the clock: reproducible bytes.
    record_id = uuid.uuid5(RECORD_NAMESPACE, f"{record_type} {uri}")
    return {"WARC-Record-ID": f"<urn:uuid:{record_id}>", "WARC-Date": date}


def _request(writer: WARCWriter, uri: str, date: str) -> ArcWarcRecord:
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3]
    http = StatusAndHeaders(f"GET {path} HTTP/1.1", [
        ("Host", host), ("User-Agent", USER_AGENT), ("Accept", "text/html,application/xhtml+xml"),
        ("Accept-Language", "en"),
    ], is_http_request=True)
    return writer.create_warc_record(uri, "request", payload=BytesIO(b""), length=0, http_headers=http,
                                     warc_headers_dict=_fixed_headers(uri, "request", date))


def _response(writer: WARCWriter, uri: str, date: str, body: tuple[str, bytes]) -> ArcWarcRecord:
    content_type, payload = body
    http = StatusAndHeaders("200 OK", [
        ("Content-Type", content_type), ("Content-Length", str(len(payload))),
        ("Date", "Tue, 15 Sep 2020 10:00:00 GMT"), ("Server", "nginx"), ("Cache-Control", "max-age=300"),
    ], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=BytesIO(payload), length=len(payload),
                                     http_headers=http, warc_headers_dict=_fixed_headers(uri, "response", date))


if __name__ == "__main__":
    write_crawl(OUTPUT)
    print(f"wrote {OUTPUT}")
