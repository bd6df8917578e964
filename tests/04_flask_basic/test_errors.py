"""Error pages: our 404 and 500 in the site's layout, Flask's 400, 405 and 413 underneath."""

import logging

import pytest


@pytest.mark.hint(
    "not_found must be the app's error handler of every 404, answering 404.html with the "
    "status 404; 404.html extends base.html, with <h1>404 Not Found</h1>"
)
def test_an_unknown_page_gets_our_404_in_the_layout(client):
    response = client.get("/nope")
    assert response.status_code == 404
    assert "<h1>404 Not Found</h1>" in response.text
    assert 'href="/static/style.css"' in response.text


@pytest.mark.hint(
    "server_error must be the app's error handler of every 500, answering 500.html with the "
    "status 500"
)
def test_an_exception_gets_our_500_and_the_traceback_goes_to_the_log(
    app, client, monkeypatch, caplog
):
    def broken():
        raise RuntimeError("boom: a bug in a view")

    monkeypatch.setitem(app.view_functions, "greet", broken)
    with caplog.at_level(logging.ERROR, logger=app.logger.name):
        response = client.get("/greet")
    assert response.status_code == 500
    assert "<h1>500 Internal Server Error</h1>" in response.text
    assert "boom" not in response.text and "Traceback" not in response.text
    assert "boom: a bug in a view" in caplog.text


@pytest.mark.hint("submit(): a message that is blank after .strip() is abort(400, ...)")
def test_a_blank_message_is_a_400(client):
    assert client.post("/submit", data={"message": "  "}).status_code == 400


@pytest.mark.hint("submit() must read request.form: that is when Flask checks MAX_CONTENT_LENGTH")
def test_a_body_above_max_content_length_is_a_413(client, app):
    body = "x" * app.config["MAX_CONTENT_LENGTH"]
    assert client.post("/submit", data={"message": body}).status_code == 413


@pytest.mark.hint(
    "/submit's route allows POST only: Flask answers the other methods 405, with Allow"
)
def test_a_wrong_method_is_a_405_with_allow(client):
    response = client.get("/submit")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
