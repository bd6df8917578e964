"""Contract: text from the user is HTML-escaped wherever it is shown."""

from urllib.parse import quote

import pytest
from harness.hello_contract import HOSTILE


def assert_escaped(response):
    """The hostile text must come back as text, never as a tag."""
    for tag in ("<script", "<img"):
        assert tag not in response.text, f"user text came back as a live {tag}> tag"


@pytest.mark.hint("escape user text before it goes into HTML: html.escape(), or a .html template")
def test_a_name_in_the_path_is_escaped(client):
    # No slash in this one, so it reaches the hello view rather than the 404 page.
    response = client.get("/hello/" + quote("<img src=x onerror=alert(1)>", safe=""))
    assert response.status_code == 200
    assert "&lt;img" in response.text
    assert_escaped(response)


@pytest.mark.hint("escape user text before it goes into HTML: html.escape(), or a .html template")
def test_a_name_in_the_query_string_is_escaped(client):
    response = client.get("/greet?name=" + quote(HOSTILE))
    assert response.status_code == 200
    assert "&lt;script&gt;" in response.text
    assert_escaped(response)


@pytest.mark.hint(
    "escape the submitted message before it goes into HTML (html.escape, or a template)"
)
def test_a_submitted_message_is_escaped(client):
    response = client.post_form("/submit", b"message=" + quote(HOSTILE).encode())
    assert response.status_code == 200
    assert "&lt;script&gt;" in response.text
    assert_escaped(response)


@pytest.mark.hint("do not echo the requested path into the 404 page without escaping it")
def test_an_unknown_path_is_not_reflected_as_markup(client):
    response = client.get("/" + quote(HOSTILE, safe="/"))
    assert response.status_code == 404
    assert_escaped(response)
