"""Files every page needs besides its own: the icon (no 404 in a browser's console)."""


def test_every_page_names_its_icon_and_the_icon_is_served(client):
    page = client.get("/auth/login").text
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    with client.get("/static/favicon.svg") as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
        assert icon.text.startswith("<svg")


def test_favicon_ico_leads_to_the_icon_for_pages_that_name_none(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response.location) == (301, "/static/favicon.svg")
