"""`python 02_middleware/app.py` over real HTTP: log lines, 401, a 500 page with no traceback."""

import base64
import re

import pytest
from harness.servers import fetch
from harness.servers import running_server
from harness.stages import folder_for

COMMAND = ["python", str(folder_for("02") / "app.py")]


@pytest.mark.hint("python app.py: build() with all four layers, RequestLog outermost")
def test_a_real_server_logs_challenges_and_hides_tracebacks():
    login = {"Authorization": "Basic " + base64.b64encode(b"learner:wsgi-is-fun").decode()}
    with running_server(COMMAND) as server:
        server.wait_for("/secret needs the login learner:wsgi-is-fun")
        status, headers, _ = fetch(server.url, "GET", "/secret")
        assert status == 401
        assert headers["WWW-Authenticate"].startswith('Basic realm="02_middleware"')
        assert fetch(server.url, "GET", "/secret", headers=login)[0] == 200
        status, _, body = fetch(server.url, "GET", "/error")
        assert status == 500
        assert b"Traceback" not in body
        server.wait_for(r"GET /error 500 Internal Server Error \(\d+\.\dms\)$")
        output = server.output()
    assert re.search(r"^\[[\d: -]+\] GET /secret 401 Unauthorized \(\d+\.\dms\)$", output, re.M)
    assert re.search(r"^\[[\d: -]+\] GET /secret 200 OK \(\d+\.\dms\)$", output, re.M)
    assert "RuntimeError: boom: /error raises on purpose" in output
    assert '"GET /error HTTP/1.1" 500' not in output, "wsgiref's own access log should be off"


@pytest.mark.hint("/stream must arrive as three chunks and no Content-Length through every layer")
def test_a_real_server_streams_chunk_by_chunk():
    with running_server(COMMAND) as server:
        status, headers, body = fetch(server.url, "GET", "/stream")
    assert status == 200
    assert "Content-Length" not in headers
    assert body == b"chunk 1 of 3\nchunk 2 of 3\nchunk 3 of 3\n"


@pytest.mark.hint("serve() is given: build() must work for the server to start")
def test_a_custom_password_is_not_printed():
    env = {"BASIC_AUTH_USER": "ops", "BASIC_AUTH_PASSWORD": "not-for-the-log"}
    with running_server(COMMAND, env=env) as server:
        server.wait_for("needs the login")
        output = server.output()
    assert "/secret needs the login of user ops" in output
    assert "not-for-the-log" not in output
