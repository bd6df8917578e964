"""The main blueprint: the hello routes, now under the endpoint names main.*."""


def test_links_use_the_blueprint_endpoints(client):
    text = client.get("/").text
    assert 'href="/hello/Alice"' in text
    assert 'action="/submit"' in text


def test_redirect_after_post_lands_on_main_submitted(client):
    response = client.post("/submit", data={"message": "Hi"})
    assert response.headers["Location"] == "/submitted"
    assert "<h1>You submitted: Hi</h1>" in client.get("/submitted").text


def test_the_navigation_follows_the_login(client, auth):
    assert "Log in" in client.get("/").text
    auth.login()
    page = client.get("/").text
    assert "Log out" in page and "ada" in page
