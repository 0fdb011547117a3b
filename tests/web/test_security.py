"""Hostile article content renders as inert text everywhere; headers, ingest token and loopback binding."""

from __future__ import annotations

import json

import pytest
from lxml import etree, html
from typer.testing import CliRunner

from storyline import cli
from storyline.api import Storyline
from storyline.errors import UsageError
from storyline.web import create_app, jsonapi
from tests.web.conftest import HOSTILE, STRIKE, TestClient

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &amp;lt;b&amp;gt; &amp;amp;"
HOSTILE_PAGES = ["/", f"/stories/{STRIKE}", "/articles/a-hostile", "/search?q=alert", "/?entity=Keller",
                 "/articles", "/conflicts", "/entities?name=%3Cscript%3Ealert(1)%3C/script%3E"]


def assert_inert(markup: str) -> None:
    """No element, attribute or link came from article text: only its escaped form is there."""
    assert "<script" not in markup and "<img" not in markup and "<b>" not in markup
    assert 'href="javascript' not in markup and "href='javascript" not in markup
    doc = html.fromstring(markup)
    assert not doc.xpath("//script | //img | //iframe | //*[@onerror] | //*[@onmouseover]")
    assert not [h for h in doc.xpath("//@href") if not h.startswith(("/", "#", "https://", "http://"))]


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_text_is_escaped_on_every_page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_inert(response.text)
    assert ESCAPED in response.text or "&lt;script&gt;" in response.text


def test_hostile_entity_page_is_inert(client, keller_id):
    response = client.get(f"/entities/{keller_id}")
    assert_inert(response.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_hostile_article_shows_its_text_exactly_as_written(client):
    doc = html.fromstring(client.get("/articles/a-hostile").text)
    body = doc.xpath("//div[@class='body']")[0]
    assert body.text_content() == client.get("/api/articles/a-hostile").json()["text"]
    assert doc.xpath("//h1")[0].text_content() == f"Evil {HOSTILE}"


def test_hostile_resolved_value_stays_inside_the_title_attribute(client):
    doc = html.fromstring(client.get("/articles/a-hostile").text)
    assert doc.xpath("//span[@class='timex']/@title") == ['2020-09-11"><script>alert(1)</script> (day)']


def test_javascript_url_never_becomes_a_link(client):
    doc = html.fromstring(client.get("/articles/a-hostile").text)
    assert not doc.xpath("//a[text()='Original']")
    assert doc.xpath("//code[text()='javascript:alert(1)']")


def test_hostile_text_in_the_timeline_svg_is_escaped(client):
    text = client.get(f"/stories/{STRIKE}").text
    svg = text[text.index("<svg") : text.index("</svg>")]
    assert "&lt;script&gt;" in svg and "<script" not in svg


def test_hostile_text_in_the_atom_feed_is_character_data(client):
    response = client.get(f"/stories/{STRIKE}/feed.atom")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    assert b"<script" not in response.content and b"<img" not in response.content
    feed = etree.fromstring(response.content)
    titles = feed.xpath("//a:entry/a:title/text()", namespaces={"a": "http://www.w3.org/2005/Atom"})
    assert f"2020-09: Keller quoted: {HOSTILE}" in titles


def test_hostile_text_in_the_json_api_is_plain_data(client):
    response = client.get("/api/articles/a-hostile")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert json.loads(response.text)["title"] == f"Evil {HOSTILE}"


@pytest.mark.parametrize("path", ["/", "/api/stories", "/articles/nope", "/api/articles/nope", "/static/style.css",
                                  f"/stories/{STRIKE}/feed.atom"])
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_an_unexpected_failure_is_a_500_in_the_error_shape_without_details(archive, monkeypatch):
    def broken(self, article_id):
        raise RuntimeError("secret internals at /home/someone")

    monkeypatch.setattr(Storyline, "article", broken)
    with TestClient(create_app(archive), raise_server_exceptions=False) as client:
        api, page = client.get("/api/articles/a-strike"), client.get("/articles/a-strike")
    assert api.status_code == 500 and api.json()["error"]["status"] == 500
    assert page.status_code == 500 and "secret internals" not in api.text + page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")


# --- ingest: off by default, then only with the token, and size-limited --------------------------------------

DUMP = (b"Ferry service resumes\n\n"
        b"The island ferry service resumed on Tuesday after a week of storms, the operator said.\n")


def test_ingest_is_refused_when_the_server_is_read_only(client):
    response = client.post("/api/ingest?name=ferry.txt", content=DUMP, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]["message"]


def test_allow_ingest_without_a_token_is_refused(archive):
    with pytest.raises(UsageError, match="--allow-ingest needs a token"):
        create_app(archive, allow_ingest=True)


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic s3cret", "s3cret"])
def test_ingest_without_the_right_token_is_401(archive, header):
    with TestClient(create_app(archive, allow_ingest=True, token="s3cret")) as client:
        headers = {"Authorization": header} if header else {}
        response = client.post("/api/ingest?name=ferry.txt", content=DUMP, headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["status"] == 401


def test_ingest_with_the_token_stores_the_input(archive):
    with TestClient(create_app(archive, allow_ingest=True, token="s3cret")) as client:
        response = client.post("/api/ingest?name=ferry.txt", content=DUMP, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 200, response.text
    assert response.json()["new"] == 1 and response.json()["ok"] is True
    with Storyline(archive) as sl:
        assert sl.article(response.json()["new_ids"][0]).title == "Ferry service resumes"


def test_ingest_over_the_size_limit_is_413(archive, monkeypatch):
    monkeypatch.setattr(jsonapi, "MAX_UPLOAD_BYTES", 64)
    with TestClient(create_app(archive, allow_ingest=True, token="s3cret")) as client:
        response = client.post("/api/ingest", content=DUMP, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 413 and "over the limit of 64 bytes" in response.json()["error"]["message"]


def test_a_local_server_refuses_foreign_host_headers(archive):
    # DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the archive.
    app = create_app(archive, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://evil.example") as client:
        assert client.get("/api/stories").status_code == 400
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/stories").status_code == 200


# --- storyline serve: loopback unless asked -----------------------------------------------------------------

@pytest.fixture
def served(monkeypatch):
    calls: list[dict] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append(kw))
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    return calls


def test_serve_binds_to_loopback_by_default(archive, served):
    result = CliRunner().invoke(cli.app, ["serve", "--db", str(archive)])
    assert result.exit_code == 0, result.output
    assert served == [{"host": "127.0.0.1", "port": 8000, "log_level": "warning"}]
    assert "warning" not in result.output


def test_serve_on_a_public_address_only_when_asked_and_with_a_warning(archive, served):
    result = CliRunner().invoke(cli.app, ["serve", "--db", str(archive), "--host", "0.0.0.0", "--port", "9000"])
    assert result.exit_code == 0, result.output
    assert served[0]["host"] == "0.0.0.0" and served[0]["port"] == 9000
    assert "warning: listening on 0.0.0.0" in result.output


def test_serve_refuses_allow_ingest_without_a_token(archive, served):
    result = CliRunner().invoke(cli.app, ["serve", "--db", str(archive), "--allow-ingest"])
    assert result.exit_code == 2 and "--allow-ingest needs a token" in result.output and not served


def test_serve_reads_the_token_from_the_environment(archive, served, monkeypatch):
    monkeypatch.setenv("STORYLINE_TOKEN", "from-env")
    result = CliRunner().invoke(cli.app, ["serve", "--db", str(archive), "--allow-ingest"])
    assert result.exit_code == 0, result.output and served


# --- the upload form: same switch, same token, same limit --------------------------------------------------

def test_upload_form_is_refused_when_the_server_is_read_only(client):
    assert client.get("/ingest").status_code == 403
    response = client.post("/ingest", data={"token": "x"}, files={"file": ("ferry.txt", DUMP)})
    assert response.status_code == 403 and "read-only" in response.text


def test_upload_form_needs_the_token(archive):
    with TestClient(create_app(archive, allow_ingest=True, token="s3cret")) as client:
        assert client.get("/ingest").status_code == 200
        response = client.post("/ingest", data={"token": "guess"}, files={"file": ("ferry.txt", DUMP)})
    assert response.status_code == 401 and "wrong or missing token" in response.text


def test_upload_form_ingests_the_file_and_links_the_new_article(archive):
    with TestClient(create_app(archive, allow_ingest=True, token="s3cret")) as client:
        response = client.post("/ingest", data={"token": "s3cret"}, files={"file": ("ferry.txt", DUMP)})
    assert response.status_code == 200, response.text
    doc = html.fromstring(response.text)
    assert "articles new: 1" in " ".join(doc.xpath("//section[@class='report']//text()"))
    [link] = doc.xpath("//section[@class='report']//a/@href")
    with Storyline(archive) as sl:
        assert sl.article(link.rsplit("/", 1)[1]).title == "Ferry service resumes"


def test_upload_form_over_the_size_limit_is_413(archive, monkeypatch):
    monkeypatch.setattr(jsonapi, "MAX_UPLOAD_BYTES", 64)
    with TestClient(create_app(archive, allow_ingest=True, token="s3cret")) as client:
        response = client.post("/ingest", data={"token": "s3cret"}, files={"file": ("ferry.txt", DUMP)})
    assert response.status_code == 413
