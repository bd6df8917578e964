"""Contract: the GET pages of the hello app, their status, headers and text."""

import pytest
from harness.hello_contract import DEFAULT_NAME

# Compared without spaces: "text/html;charset=utf-8" and "text/html; charset=utf-8" are equal.
HTML = "text/html;charset=utf-8"


def content_type(response):
    """The Content-Type header, lower-cased and without spaces, for a tolerant comparison."""
    return (response.header("Content-Type") or "").lower().replace(" ", "")


@pytest.mark.hint(
    "GET / must answer 200 text/html with an <h1> and links to /hello/, /greet, /submit"
)
def test_index_is_a_welcome_page_linking_every_route(client):
    response = client.get("/")
    assert response.status_code == 200
    assert content_type(response) == HTML
    assert "<h1" in response.text
    for link in ('href="/hello/', 'href="/greet', 'action="/submit"'):
        assert link in response.text, f"the welcome page has no {link}"


@pytest.mark.hint("route /hello/<name> to a view that puts the name from the path into the <h1>")
def test_hello_greets_the_name_in_the_path(client):
    response = client.get("/hello/Alice")
    assert response.status_code == 200
    assert content_type(response) == HTML
    assert "<h1>Hello, Alice!</h1>" in response.text


@pytest.mark.hint("/greet reads `name` from the query: parse_qs(QUERY_STRING), or request.args")
def test_greet_reads_the_name_from_the_query_string(client):
    response = client.get("/greet?name=Bob")
    assert response.status_code == 200
    assert "<h1>Hello, Bob!</h1>" in response.text


@pytest.mark.hint(f"when /greet has no name, or a blank one, greet {DEFAULT_NAME!r}")
@pytest.mark.parametrize("target", ["/greet", "/greet?name=", "/greet?other=1"])
def test_greet_without_a_name_greets_the_default(client, target):
    response = client.get(target)
    assert response.status_code == 200
    assert f"<h1>Hello, {DEFAULT_NAME}!</h1>" in response.text


@pytest.mark.hint("a path that matches no route must answer 404 with an HTML page, not a crash")
@pytest.mark.parametrize("target", ["/nope", "/hello", "/hello/a/b", "/greet/extra"])
def test_unknown_paths_get_an_html_404(client, target):
    response = client.get(target)
    assert response.status_code == 404
    assert content_type(response) == HTML
    assert response.body, "the 404 page is empty"


@pytest.mark.hint(
    "answer HEAD like GET (same status and headers, Content-Length included) but send no body"
)
@pytest.mark.parametrize("target", ["/", "/hello/Alice", "/greet?name=Bob", "/nope"])
def test_head_has_the_headers_of_get_and_no_body(client, target):
    get = client.get(target)
    head = client.head(target)
    assert head.status_code == get.status_code
    assert head.body == b""
    for name in ("Content-Type", "Content-Length"):
        assert head.header(name) == get.header(name), f"HEAD and GET differ in {name}"


@pytest.mark.hint("set Content-Length to len(body) of the encoded bytes, not to len() of the text")
@pytest.mark.parametrize("target", ["/", "/hello/Zo%C3%AB", "/greet?name=%E2%9C%93", "/nope"])
def test_content_length_counts_the_bytes_sent(client, target):
    response = client.get(target)
    assert response.header("Content-Length") == str(len(response.body))
