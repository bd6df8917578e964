"""`python 01_raw_wsgi/app.py` over real HTTP on loopback, and its messages when it cannot start."""

import os
import socket
import subprocess
import sys

import pytest
from harness.servers import fetch
from harness.servers import running_server
from harness.stages import ROOT


@pytest.fixture
def command(folder):
    """The command that serves the folder under test, as a learner types it."""
    return ["python", str(folder / "app.py")]


@pytest.mark.hint("serve() is given in the starter: make application() answer /hello/<name> first")
def test_the_server_prints_its_address_and_serves_utf8(command):
    with running_server(command) as server:
        assert server.lines[0].startswith("Serving 01_raw_wsgi on http://127.0.0.1:")
        status, headers, body = fetch(server.url, "GET", "/hello/Zo%C3%AB")
    assert status == 200
    assert int(headers["Content-Length"]) == len(body)
    assert "<h1>Hello, Zoë!</h1>" in body.decode()


@pytest.mark.hint("POST /submit goes through read_form(); echo the message, escaped")
def test_the_server_reads_a_posted_form_and_logs_each_request(command):
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    with running_server(command) as server:
        status, _, body = fetch(server.url, "POST", "/submit", b"message=Hi+there", form)
        assert status == 200  # before waiting for a log line that a failure never prints
        server.wait_for(r'"POST /submit HTTP/1.1" 200')
    assert b"<h1>You submitted: Hi there</h1>" in body


@pytest.mark.hint("for HEAD, send GET's headers (Content-Length included) and an empty body")
def test_head_over_http_sends_headers_only(command):
    with running_server(command) as server:
        status, headers, body = fetch(server.url, "HEAD", "/")
    assert status == 200
    assert int(headers["Content-Length"]) > 0
    assert body == b""


@pytest.mark.hint("serve() reads HOST from the environment (given in the starter)")
def test_host_is_honoured(command):
    with running_server(command, env={"HOST": "localhost"}) as server:
        assert server.url.startswith("http://localhost:")
        assert fetch(server.url, "GET", "/")[0] == 200


def run_app(folder, env):
    """Run the stage with extra environment variables and return the finished process."""
    return subprocess.run(
        [sys.executable, str(folder / "app.py")],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=20,
    )


@pytest.mark.hint("serve() turns the OSError of a busy port into a message (given in the starter)")
def test_a_port_in_use_gets_a_clear_message_not_a_traceback(folder):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_app(folder, {"PORT": str(port)})
    assert result.returncode == 1
    assert f"Cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "PORT=8001 python 01_raw_wsgi/app.py" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.hint("serve() checks PORT before using it (given in the starter)")
@pytest.mark.parametrize("port", ["http", "-1", "70000"])
def test_a_bad_port_gets_a_clear_message(folder, port):
    result = run_app(folder, {"PORT": port})
    assert result.returncode == 1
    assert f"PORT must be a number from 0 to 65535, not {port!r}." in result.stderr
