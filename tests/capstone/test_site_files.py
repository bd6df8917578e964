"""Files besides the pages: the icon (no 404 in a browser's console), the API reference."""


def test_every_page_names_its_icon_and_the_icon_is_served(client):
    page = client.get("/auth/login").text
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    with client.get("/static/favicon.svg") as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
        assert icon.text.startswith("<svg")


def test_favicon_ico_leads_to_the_icon_for_pages_that_name_none(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response.location) == (301, "/static/favicon.svg")


def test_the_api_reference_page_and_its_two_swagger_files_are_served(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and "<h1>API reference</h1>" in page.text
    assert 'data-openapi-url="/api/v1/openapi.json"' in page.text
    for name, mimetype in [
        ("swagger-ui.css", "text/css"),
        ("swagger-ui-bundle.js", "text/javascript"),
    ]:
        with client.get(f"/api/v1/docs/{name}") as served:
            assert (served.status_code, served.mimetype) == (200, mimetype)
    assert client.get("/api/v1/docs/LICENSE").status_code == 404  # only what the page needs


def test_every_page_links_the_api_reference(client):
    assert '<a href="/api/v1/docs">API reference</a>' in client.get("/auth/login").text
