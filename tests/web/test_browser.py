"""A real browser (Debian's chromium through Playwright) over the web UI serving an archive built from examples/.

Screenshots go to test-output/web/. No browser is ever downloaded: the test
drives /usr/bin/chromium and skips, saying so, only when it is absent.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from storyline.api import Storyline
from storyline.models import Story
from storyline.web import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "web"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
HOSTILE_TITLE = "Council vote <script>alert('title')</script><img src=x onerror=alert('img')>"
HOSTILE_LINE = {
    "url": "javascript:alert('url')", "outlet": "Evil <b onmouseover=alert('outlet')>Gazette</b>",
    "title": HOSTILE_TITLE, "published": "2020-09-15",
    "text": ("The city council voted on Tuesday, September 15, to close the old bridge. "
             "<script>alert('text')</script> <img src=x onerror=alert('text-img')> "
             "<a href=\"javascript:alert('link')\">details</a> &lt;b&gt; &amp; more.\n\n"
             "The mayor said repairs would start in October."),
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_LINE) + "\n", encoding="utf-8")
    db = folder / "examples.db"
    with Storyline(db) as sl:
        report = sl.ingest([str(ROOT / "examples"), str(hostile)])
    assert report.ok, [str(p) for p in report.failed]
    return db


@pytest.fixture(scope="module")
def server(archive: Path) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(archive, allowed_hosts=["127.0.0.1"]), host="127.0.0.1", port=port,
                            log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the server did not start within 15 s"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium) to run this")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    opened.dialogs, opened.errors = [], []
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    opened.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
    opened.on("pageerror", lambda exc: opened.errors.append(str(exc)))
    yield opened
    context.close()


def _shot(page, name: str, selector: str | None = None) -> None:
    """Save the viewport (or one element) as test-output/web/NAME: a story page is too tall for one image."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = page.locator(selector) if selector else page
    target.screenshot(path=str(SHOTS / name))


def _busiest_story(archive: Path) -> Story:
    with Storyline(archive) as sl:
        stories = sl.stories(limit=200)
    assert stories, "ingesting examples/ made no stories"
    return max(stories, key=lambda s: (len(s.conflicts), len(s.timeline), len(s.articles)))


def test_browser_stories_page_lists_stories(page, server):
    page.goto(server + "/")
    assert page.locator("li.story-card").count() >= 1
    assert page.locator("link[rel=stylesheet]").count() == 1
    _shot(page, "stories.png")
    assert page.errors == [] and page.dialogs == []


def test_browser_story_page_renders_the_timeline_and_conflicts(page, server, archive):
    page.goto(server + "/")
    story = _busiest_story(archive)
    page.click(f"a[href='/stories/{story.id}']")
    page.wait_for_selector("h1")
    svg = page.locator("figure.timeline-figure svg.timeline")
    assert svg.count() == 1 and svg.bounding_box()["width"] > 300
    marks = svg.locator("a.event")
    assert marks.count() >= 1
    assert page.locator("ol.events li").count() >= marks.count()
    assert page.locator("section#conflicts").is_visible()
    assert page.locator("section#conflicts article.conflict").count() == len(story.conflicts)
    pairs = [c for c in story.conflicts if len(c.claims) >= 2]
    assert pairs, "the examples' Minsk detentions (33 or 34) should give a conflict with two claims"
    claims = page.locator(f"#conflict-{story.conflicts.index(pairs[0]) + 1} .claim")
    first, second = claims.nth(0).bounding_box(), claims.nth(1).bounding_box()
    assert first["y"] == second["y"] and second["x"] >= first["x"] + first["width"]  # side by side
    _shot(page, "story.png")
    _shot(page, "story-timeline.png", "figure.timeline-figure")
    _shot(page, "story-conflicts.png", "section#conflicts")
    marks.first.click()  # a mark jumps to its entry in the list
    assert "#event-" in page.url and page.locator(":target").count() == 1
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("window.scrollTo(0, 0)")
    _shot(page, "story-phone.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # no sideways scrolling on a phone
    assert page.errors == [] and page.dialogs == []


def test_browser_hostile_article_fires_no_dialog(page, server, archive):
    with Storyline(archive) as sl:
        [hostile] = [a for a in sl.articles() if a.title == HOSTILE_TITLE]
    page.goto(f"{server}/articles/{hostile.id}")
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.locator("main script, main img, [onerror], [onmouseover]").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.goto(f"{server}/search?q=council")
    page.goto(f"{server}/?outlet=Evil")
    if hostile.story:
        page.goto(f"{server}/stories/{hostile.story}")
    page.goto(f"{server}/articles/{hostile.id}")
    _shot(page, "hostile-article.png")
    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"
    assert page.errors == []
