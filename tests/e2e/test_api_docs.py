"""The API reference at /api/v1/docs: Swagger UI, served by the capstone itself, renders."""

from e2e.people import accessible
from playwright.sync_api import expect


def test_the_api_reference_renders_every_endpoint_from_this_site_only(page, server):
    requests, refused = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and refused.append(message.text))
    page.goto("/")
    page.get_by_role("navigation", name="More").get_by_role("link", name="API reference").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API reference")
    # Swagger UI has read the OpenAPI document: operations of each part, a schema.
    expect(page.locator(".opblock-summary-path", has_text="/tokens").first).to_be_visible()
    expect(
        page.locator(".opblock-summary-path", has_text="/projects/{project_id}/tasks").first
    ).to_be_visible()
    expect(page.locator(".models")).to_contain_text("Task")
    accessible(page)
    assert all(url.startswith(server.url) for url in requests), requests
    assert refused == []  # no CSP violation, no missing file
