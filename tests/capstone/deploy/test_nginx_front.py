"""nginx in front of gunicorn, for real: what it keeps from gunicorn, and what it answers itself.

gunicorn's threaded workers have no timeout for a request's headers or body, so clients
sending a byte now and then hold its threads; nginx reads requests whole first. The
errors nginx answers itself under /api/ are the API's JSON (deploy/nginx.conf). The
stack is conftest.py's; raw sockets send what no client library would.
"""

import json
import socket
import time
from contextlib import contextmanager

import pytest
import requests
from capstone_support.raw_http import chunked
from capstone_support.raw_http import exchange
from capstone_support.raw_http import head
from capstone_support.servers import running_nginx
from capstone_support.servers import wait_until_ready

pytestmark = pytest.mark.xdist_group("smoke-stack")

ROUNDS = 6
# Straight to gunicorn, until /health is held up once: the kernel spreads the slow
# clients unevenly between the workers, so a round may land on one with a thread free.
ROUNDS_STRAIGHT = 12
QUICK = 1.0  # seconds: /health answers in milliseconds when nothing holds it up
SLOW_STARTS = [
    # Still in its headers: the blank line that ends them is yet to come.
    head("GET", "/health").removesuffix(b"\r\n") + b"X-Slow: ",
    # Still in its body: 2 bytes of the 100 announced.
    head("POST", "/api/v1/tokens", "Content-Type: application/json", "Content-Length: 100") + b'{"',
]


@contextmanager
def slow_clients(port, count):
    """`count` connections that started a request (half in the headers, half in the body).

    Yields a function that sends one more byte on each; all are closed afterwards.
    """
    connections = []
    try:
        for number in range(count):
            connection = socket.create_connection(("127.0.0.1", port), timeout=5)
            connections.append(connection)
            # Halves, not turns: gunicorn's two workers tend to take turns accepting.
            connection.sendall(SLOW_STARTS[2 * number // count])

        def dribble():
            for connection in connections:
                connection.sendall(b"a")

        yield dribble
    finally:
        for connection in connections:
            connection.close()


def health_times(base, dribble, rounds=ROUNDS):
    """How long GET /health takes, `rounds` times, the slow clients dribbling in between.

    A generator (`None in` stops at the first None); None for an answer that did not
    come within QUICK seconds.
    """
    for _ in range(rounds):
        dribble()
        started = time.monotonic()
        try:
            requests.get(f"{base}/health", timeout=QUICK).raise_for_status()
            yield time.monotonic() - started
        except requests.Timeout:
            yield None


def test_slow_clients_through_nginx_do_not_starve_the_others(stack):
    gunicorn = f"http://127.0.0.1:{stack.app_port}"
    # The same clients straight to gunicorn hold its threads: the load is enough.
    # Four times as many slow clients as gunicorn has threads, so that at least one of
    # its two workers has far more than its 20 threads.
    count = 4 * stack.threads
    with slow_clients(stack.app_port, count) as dribble:
        assert None in health_times(gunicorn, dribble, ROUNDS_STRAIGHT)
    wait_until_ready(f"{gunicorn}/health", [], timeout=15)  # its threads are free again
    with slow_clients(stack.nginx_port, count) as dribble:
        times = list(health_times(stack.base, dribble))
    assert None not in times and max(times) < QUICK, times


def chunked_post(path, body):
    """A POST to `path` whose body (bytes) goes in the chunked coding."""
    start = head("POST", path, "Content-Type: application/json", "Transfer-Encoding: chunked")
    return start + body


def fifty_megabytes():
    """The request of a 50 MB upload, in 1 MiB pieces (nginx refuses it on its length)."""
    size = 50 * 1024 * 1024
    yield head("POST", "/api/v1/tasks/1/attachments", f"Content-Length: {size}")
    for _ in range(size // 2**20):
        yield b"\0" * 2**20


BAD_CHUNK = b"zz\r\n{}\r\n0\r\n\r\n"
API_ERRORS = {  # what to send (made when the test runs: some are large), status, code
    "a 50 MB upload": (fifty_megabytes, 413, "payload_too_large"),
    "a 12 MiB chunked body": (
        lambda: chunked_post("/api/v1/tokens", chunked(b" " * 12 * 2**20)),
        413,
        "payload_too_large",
    ),
    "a bad chunk": (lambda: chunked_post("/api/v1/tokens", BAD_CHUNK), 400, "bad_request"),
    "two Host headers": (lambda: head("GET", "/api/v1/me", "Host: elsewhere"), 400, "bad_request"),
    "headers too large": (
        lambda: head("GET", "/api/v1/me", "X-Big: " + "a" * 40_000),
        400,
        "bad_request",
    ),
}


@pytest.mark.parametrize(("request_of", "status", "code"), API_ERRORS.values(), ids=API_ERRORS)
def test_nginx_errors_under_the_api_are_json(stack, request_of, status, code):
    answer = exchange(stack.nginx_port, request_of())
    assert answer.status == status
    assert answer.headers["content-type"] == "application/json"
    assert json.loads(answer.body)["error"] == code


def test_nginx_errors_elsewhere_are_its_own_pages(stack):
    answer = exchange(stack.nginx_port, chunked_post("/auth/login", BAD_CHUNK))
    assert answer.status == 400
    assert answer.headers["content-type"] == "text/html"


def test_gunicorn_away_or_too_slow_is_json_under_the_api(services_present, tmp_path):
    # An upstream that takes connections and never answers, then none at all. The
    # proxy timeout is shortened from the file's 60 s to 1 s for this nginx only.
    silent = socket.create_server(("127.0.0.1", 0))
    changes = {"proxy_read_timeout 60s;": "proxy_read_timeout 1s;"}
    with silent, running_nginx(silent.getsockname()[1], tmp_path, **changes) as (nginx, port):
        wait_until_ready(f"http://127.0.0.1:{port}/static/style.css", [nginx])
        answer = exchange(port, head("GET", "/api/v1/me"))
        assert (answer.status, json.loads(answer.body)["error"]) == (504, "gateway_timeout")
        silent.close()
        answer = exchange(port, head("GET", "/api/v1/me"))
        assert (answer.status, json.loads(answer.body)["error"]) == (502, "bad_gateway")
        assert exchange(port, head("GET", "/")).headers["content-type"] == "text/html"
