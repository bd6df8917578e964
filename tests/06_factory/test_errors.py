"""One handler for every HTTP error: the site's layout for pages, headers kept, no traceback."""

import pytest


@pytest.mark.hint("errors.py is given: create_app attaches it to the app")
def test_a_404_page_in_the_layout(client):
    response = client.get("/nope")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "<h1>404 Not Found</h1>" in response.text
    assert 'href="/static/style.css"' in response.text


@pytest.mark.hint("errors.py is given: create_app attaches it; /submit is POST only on main.bp")
def test_a_405_keeps_its_allow_header(client):
    response = client.get("/submit")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    assert "<h1>405 Method Not Allowed</h1>" in response.text


@pytest.mark.hint("errors.py is given: create_app attaches it to the app")
def test_an_unhandled_exception_is_a_500_page_without_internals(app, monkeypatch):
    @app.route("/boom")
    def boom():
        raise RuntimeError("secret internals")

    app.testing = False
    monkeypatch.setattr(app.logger, "disabled", True)  # the logger is shared: undo it
    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert "<h1>500 Internal Server Error</h1>" in response.text
    assert "secret internals" not in response.text
