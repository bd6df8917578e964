"""`python 03_werkzeug/app.py` on run_simple: it serves, and the debugger stays on loopback."""

import os
import subprocess
import sys

import pytest
from harness.servers import fetch
from harness.servers import running_server
from harness.stages import ROOT
from harness.stages import folder_for

APP = str(folder_for("03") / "app.py")  # the reference, or the folder of --stage-dir
COMMAND = ["python", APP]


# A stylesheet the debugger serves itself; without the debugger, "/" is the index page.
DEBUGGER_RESOURCE = "/?__debugger__=yes&cmd=resource&f=style.css"


def debugger_answers(url):
    """True if the debugger, not the app, answered DEBUGGER_RESOURCE."""
    status, headers, _ = fetch(url, "GET", DEBUGGER_RESOURCE)
    return status == 200 and headers["Content-Type"].startswith("text/css")


@pytest.mark.hint(
    "serve() is given: python app.py serves GET /hello/Alice, so a failure here is the app's "
    "(the checks above it say where)"
)
def test_run_simple_serves_the_app_with_the_debugger_off():
    with running_server(COMMAND) as server:
        assert fetch(server.url, "GET", "/hello/Alice")[0] == 200
        assert not debugger_answers(server.url)
        assert "03_werkzeug: debugger off, reloader off" in server.output()


@pytest.mark.hint("serve() is given: DEBUG=1 turns the debugger on")
def test_debug_on_loopback_turns_the_debugger_on():
    with running_server(COMMAND, env={"DEBUG": "1"}) as server:
        assert debugger_answers(server.url)


@pytest.mark.hint("serve() is given: it refuses DEBUG=1 off loopback")
@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.1", "example.com"])
def test_the_debugger_is_refused_on_any_other_host(host):
    result = subprocess.run(
        [sys.executable, APP],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "1", "HOST": host, "PORT": "0"},
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 1
    assert f"Refusing DEBUG=1 on HOST={host}" in result.stderr


@pytest.mark.hint("is_loopback() is given")
@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.0.0.1", False),
        ("myhost", False),
    ],
)
def test_is_loopback(stage, host, loopback):
    assert stage.is_loopback(host) is loopback
