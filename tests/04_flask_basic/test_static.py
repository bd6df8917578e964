"""Static files: Flask's own `static` route, with caching and a closed folder."""

import pytest


@pytest.mark.hint("static/style.css is given: Flask's own static route serves it")
def test_the_stylesheet_is_served_with_a_validator(client):
    with client.get("/static/style.css") as response:
        assert response.status_code == 200
        assert response.mimetype == "text/css"
        etag = response.headers["ETag"]
    with client.get("/static/style.css", headers={"If-None-Match": etag}) as again:
        assert again.status_code == 304


@pytest.mark.hint(
    "Flask's static route refuses paths out of static/: add no route of your own for it"
)
def test_the_static_folder_cannot_be_left(client):
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/../templates/base.html"):
        with client.get(path) as response:
            assert response.status_code == 404, path
