"""Screenshots of the capstone's main pages, for its README: `make screenshots` writes them.

On an ordinary run the pictures go to a temporary folder: the test checks that every
page still renders for its screenshot and that the README shows each picture. With
SCREENSHOTS_FOLDER=capstone/docs (what `make screenshots` sets) they replace the ones
in the repository. The data is `flask seed-demo`'s, so the pictures show a real team.
"""

import os
import struct
from pathlib import Path

import pytest
from e2e.environment import TIMEOUT_MS
from e2e.environment import flask
from e2e.people import follow
from harness.stages import ROOT
from playwright.sync_api import expect

VIEWPORT = {"width": 1280, "height": 800}
RELAUNCH, COPY = "Website relaunch", "Write the new home page copy"
# File name -> (demo user, the page, the links to follow from it, the h1 to wait for).
SHOTS = {
    "dashboard.png": ("alice", "/dashboard", [], "Dashboard"),
    "board.png": ("alice", "/projects/", [RELAUNCH], RELAUNCH),
    "task.png": ("alice", "/projects/", [RELAUNCH, COPY], COPY),
    "admin-statistics.png": ("admin", "/admin/", [], "Administration"),
}


@pytest.fixture(scope="module")
def demo(server, server_settings):
    """The demo team in the server's database (seed-demo adds it once)."""
    flask(server_settings, "seed-demo")


def png_size(path):
    """(width, height) from a PNG file's header; fails if the file is not a PNG."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("name", SHOTS)
def test_a_screenshot_of_each_main_page(browser, server, demo, name, tmp_path):
    folder = Path(os.environ.get("SCREENSHOTS_FOLDER") or tmp_path)
    username, start, links, heading = SHOTS[name]
    context = browser.new_context(base_url=server.url, viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto("/auth/login")
        page.get_by_label("Username or email").fill(username)
        page.get_by_label("Password").fill("demo-password")
        follow(page, page.get_by_role("button", name="Log in"), r"/dashboard$")
        page.goto(start)
        for link in links:
            page.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        page.screenshot(path=folder / name, full_page=True)
    finally:
        context.close()
    width, height = png_size(folder / name)
    assert width == VIEWPORT["width"] and height >= VIEWPORT["height"] // 2


def test_the_readme_shows_every_screenshot():
    readme = (ROOT / "capstone" / "README.md").read_text(encoding="utf-8")
    for name in SHOTS:
        assert f"](docs/{name})" in readme, f"capstone/README.md does not show docs/{name}"
        png_size(ROOT / "capstone" / "docs" / name)
