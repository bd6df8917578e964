"""Links in emails point where the server runs: `make run`'s HOST and PORT, or flask run's."""

import re
import subprocess
from http.cookies import SimpleCookie
from urllib.parse import urlencode
from urllib.parse import urlsplit

from harness.servers import fetch
from harness.servers import running_server
from harness.servers import venv_environ
from harness.stages import ROOT

from capstone.config import served_url

RESET_LINK = re.compile(r"http://[^\s/]+/auth/reset/\S+")


def test_the_public_url_follows_flask_runs_host_and_port():
    assert served_url({}) == "http://127.0.0.1:5000"
    assert served_url({"FLASK_RUN_HOST": "0.0.0.0", "FLASK_RUN_PORT": "8000"}) == (
        "http://127.0.0.1:8000"
    )
    assert served_url({"FLASK_RUN_HOST": "::1", "FLASK_RUN_PORT": "8001"}) == "http://[::1]:8001"


def test_a_link_from_the_log_opens_on_the_served_port(tmp_path):
    settings = {"DATABASE_URL": f"sqlite:///{tmp_path / 'capstone.sqlite'}"}
    for command in ("init-db", "seed-demo"):
        subprocess.run(
            ["flask", "--app", "capstone", command],
            cwd=ROOT,
            env={**venv_environ(), **settings},
            check=True,
            capture_output=True,
        )
    with running_server(["flask", "--app", "capstone", "run"], env=settings) as server:
        _, headers, page = fetch(server.url, "GET", "/auth/reset")
        token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        cookie = SimpleCookie(headers["Set-Cookie"])["session"]
        body = urlencode({"csrf_token": token.decode(), "username": "alice"})
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        form["Cookie"] = f"session={cookie.value}"
        assert fetch(server.url, "POST", "/auth/reset", body, form)[0] == 303
        link = urlsplit(server.wait_for(RESET_LINK.pattern).group(0))
        assert f"http://{link.netloc}" == server.url
        status, _, page = fetch(server.url, "GET", link.path)
    assert status == 200 and b"Choose a new password" in page
