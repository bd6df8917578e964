"""The main blueprint: the hello routes, now under the endpoint names main.*."""

import pytest


@pytest.mark.hint(
    "main.bp = Blueprint('main', __name__) with @bp.route on each view: the templates use main.*"
)
def test_links_use_the_blueprint_endpoints(client):
    text = client.get("/").text
    assert 'href="/hello/Alice"' in text
    assert 'action="/submit"' in text


@pytest.mark.hint(
    "submit() redirects to url_for('main.submitted'): endpoints carry the blueprint's name"
)
def test_redirect_after_post_lands_on_main_submitted(client):
    response = client.post("/submit", data={"message": "Hi"})
    assert response.headers["Location"] == "/submitted"
    assert "<h1>You submitted: Hi</h1>" in client.get("/submitted").text


@pytest.mark.hint(
    "auth.py's before_app_request loads g.user for every page; base.html (given) shows it"
)
def test_the_navigation_follows_the_login(client, auth):
    assert "Log in" in client.get("/").text
    auth.login()
    page = client.get("/").text
    assert "Log out" in page and "ada" in page
