"""Chunked request bodies sent straight to gunicorn (no nginx in front): 4xx, never 500.

nginx reads a chunked body whole and passes it on with a Content-Length, so the app
behind it never sees one. Straight to gunicorn it does: gunicorn decodes the chunks
while the app reads, and a malformed one raised gunicorn's InvalidChunkSize into the
view (a 500), while a body over the limit was cut at the limit and then failed as bad
JSON (400, not 413). Raw sockets send what no client library would.
"""

import itertools
import json
import shutil

import pytest
from capstone_support.raw_http import chunked
from capstone_support.raw_http import exchange
from capstone_support.raw_http import head
from capstone_support.servers import start_gunicorn
from capstone_support.servers import wait_until_ready
from harness.servers import free_port
from harness.servers import venv_environ
from sqlalchemy import make_url

from capstone.config import Config

LIMIT = Config.MAX_CONTENT_LENGTH
BLOCK = 64 * 1024
ENDLESS = 64 * 1024 * 1024
CREDENTIALS = b'{"username": "nobody", "password": "not-a-password"}'


@pytest.fixture(scope="module")
def port(tmp_path_factory, migrated_database):
    """Gunicorn with deploy/gunicorn.conf.py (one worker) serving the capstone on SQLite."""
    if not migrated_database.startswith("sqlite"):
        pytest.skip("runs on SQLite: the database does not matter here")
    folder = tmp_path_factory.mktemp("gunicorn")
    shutil.copy(make_url(migrated_database).database, folder / "capstone.sqlite")
    port = free_port()
    env = {
        **venv_environ(),
        # Production, as deployed: a testing app lets exceptions through to gunicorn.
        "CAPSTONE_ENV": "production",
        "SECRET_KEY": "chunked-test-secret-key-0123456789abcdef",
        "PUBLIC_URL": "http://127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder / 'capstone.sqlite'}",
        "UPLOAD_FOLDER": str(folder / "uploads"),
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "4",
    }
    log = folder / "gunicorn.log"
    with log.open("w") as output:
        gunicorn = start_gunicorn(env, folder, output)
        try:
            wait_until_ready(f"http://127.0.0.1:{port}/health", [gunicorn])
            yield port
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
            print(log.read_text())  # shown by pytest when a test failed


def post(port, path, body, content_type="application/json"):
    """POST `body` (already in the chunked coding; bytes or pieces) to `path`, no Content-Length."""
    start = head("POST", path, f"Content-Type: {content_type}", "Transfer-Encoding: chunked")
    return exchange(port, itertools.chain([start], [body] if isinstance(body, bytes) else body))


def json_error(answer):
    """The API's error body ({"error": code, "message": text}), checked for its shape."""
    assert answer.headers["content-type"] == "application/json"
    payload = json.loads(answer.body)
    assert set(payload) == {"error", "message"} and payload["message"]
    return payload["error"]


MALFORMED = {
    "a size that is not hexadecimal": b"zz\r\n{}\r\n0\r\n\r\n",
    "a chunk longer than its size": b"2\r\n{}}\r\n0\r\n\r\n",
    "a bad chunk extension": b"2;=\r\n{}\r\n0\r\n\r\n",
}


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_chunk_is_a_400_in_the_api_shape(port, body):
    answer = post(port, "/api/v1/tokens", body)
    assert answer.status == 400
    assert json_error(answer) == "bad_request"


def test_a_malformed_chunk_to_a_web_page_is_the_400_page(port):
    answer = post(port, "/auth/login", MALFORMED["a size that is not hexadecimal"], "text/plain")
    assert answer.status == 400
    assert answer.headers["content-type"].startswith("text/html")
    assert b"could not be understood" in answer.body


def test_a_chunked_body_over_the_limit_is_a_413(port):
    answer = post(port, "/api/v1/tokens", chunked(CREDENTIALS + b" " * LIMIT))
    assert answer.status == 413
    assert json_error(answer) == "payload_too_large"


def test_an_upload_endpoint_keeps_its_larger_limit_for_a_chunked_body(port):
    # 5 MiB: over the 2 MiB for other bodies, under the attachments' 10 MiB. Read whole,
    # then the missing token is what counts (401), not the size.
    answer = post(port, "/api/v1/tasks/1/attachments", chunked(b"x" * 5 * 2**20), "text/plain")
    assert answer.status == 401
    assert json_error(answer) == "unauthorized"


def test_a_chunked_body_that_does_not_stop_is_refused_at_the_limit(port):
    # 64 MiB in chunks: the server stops reading soon after the limit (2 MiB), so what
    # went out is that plus what the sockets' buffers took, far from all of it.
    endless = (b"%x\r\n%s\r\n" % (BLOCK, b" " * BLOCK) for _ in range(ENDLESS // BLOCK))
    answer = post(port, "/api/v1/tokens", endless)
    assert answer.status == 413
    assert answer.sent < ENDLESS // 2


def test_a_chunked_body_of_exactly_the_limit_is_read_whole(port):
    # 401: the body was read to its end and parsed, and the credentials were wrong.
    body = CREDENTIALS + b" " * (LIMIT - len(CREDENTIALS))
    answer = post(port, "/api/v1/tokens", chunked(body))
    assert answer.status == 401
    assert json_error(answer) == "unauthorized"
