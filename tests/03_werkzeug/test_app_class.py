"""The application class: __call__ delegates to wsgi_app, so middleware wraps wsgi_app."""

import pytest
from werkzeug.test import Client


@pytest.mark.hint(
    "__call__ only hands environ and start_response on to wsgi_app: middleware wraps wsgi_app"
)
def test_call_delegates_to_wsgi_app_so_a_layer_there_sees_every_request(stage):
    app = stage.HelloApp()
    seen = []
    inner = app.wsgi_app

    def layer(environ, start_response):
        seen.append(environ["PATH_INFO"])
        return inner(environ, start_response)

    app.wsgi_app = layer
    Client(app).get("/hello/Alice")  # what it answers is the routing checks' business
    assert seen == ["/hello/Alice"]


@pytest.mark.hint(
    "application.wsgi_app = SharedDataMiddleware(application.wsgi_app, {...}) (given)"
)
def test_the_static_middleware_wraps_wsgi_app_and_the_app_object_stays_the_app(stage):
    assert isinstance(stage.application, stage.HelloApp)
    assert type(stage.application.wsgi_app).__name__ == "SharedDataMiddleware"


@pytest.mark.hint("the static rule is build_only: SharedDataMiddleware serves /static/ (given)")
def test_the_stylesheet_is_served_by_the_middleware(client):
    # A file body is streamed: close() the response, as a server would, to release it.
    with client.get("/static/style.css") as response:
        assert response.status_code == 200
        assert response.mimetype == "text/css"
        assert b"SharedDataMiddleware" in response.data
    again = client.get("/static/style.css", headers={"If-None-Match": response.headers["ETag"]})
    again.close()
    assert again.status_code == 304


@pytest.mark.hint(
    "SharedDataMiddleware refuses ../ by itself: do not serve files with your own code"
)
def test_static_files_cannot_escape_their_folder(client):
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static//etc/passwd"):
        response = client.get(path)
        response.close()
        assert response.status_code == 404, path


@pytest.mark.hint(
    "page() builds the stylesheet's URL with request.urls.build('static', {'filename': ...})"
)
def test_pages_link_the_stylesheet(client):
    assert 'href="/static/style.css"' in client.get("/").get_data(as_text=True)
