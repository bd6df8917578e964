"""The browser side of live updates: which pages follow a project, and the vendored client."""

import hashlib
import re
from pathlib import Path

import pytest

import capstone

STATIC = Path(capstone.__file__).parent / "static"
# Socket.IO client 4.8.4 (static/vendor/README.md): a changed file is a deliberate update.
CLIENT_SHA256 = "d5d79a35039e860b32bdef4795528b05c2f788d4b2d9dacc913120e2878f7b3f"


@pytest.mark.parametrize(
    "page", ["/projects/{project}", "/projects/{project}/tasks", "/tasks/{task}"]
)
def test_project_pages_follow_their_project(client, login, team, page):
    login(client, "bob")
    html = client.get(page.format(**team)).text
    assert f'data-live-project="{team["project"]}"' in html
    assert 'data-live-user="bob"' in html
    assert '<script src="/static/vendor/socket.io.min.js"></script>' in html
    assert '<script src="/static/live.js"></script>' in html
    # live.js swaps each region for the element with the same id in the fresh page.
    regions = re.findall(r'<[a-z0-9]+ [^>]*?id="([^"]+)"[^>]*data-live-region', html)
    assert regions, "a live page marks what may change"
    assert len(regions) == len(set(regions)) == html.count("data-live-region")


@pytest.mark.parametrize("page", ["/dashboard", "/projects/", "/profile", "/admin/"])
def test_other_pages_open_no_socket(client, login, team, page):
    login(client, "root")
    assert "socket.io" not in client.get(page).text


def test_the_vendored_client_is_the_documented_version(client):
    path = STATIC / "vendor" / "socket.io.min.js"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == CLIENT_SHA256
    assert "Socket.IO v4.8.4" in path.read_text()[:200]
    assert (STATIC / "vendor" / "socket.io.LICENSE").is_file()
    response = client.get("/static/vendor/socket.io.min.js")
    assert response.status_code == 200
    response.close()


def test_live_notices_are_written_as_text_never_as_html():
    script = (STATIC / "live.js").read_text()
    assert "textContent" in script
    assert "innerHTML" not in script
