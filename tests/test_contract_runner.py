"""The contract suite as a learner runs it: `--app their_app.py`, or `--url` for any server.

`pytest tests/contract --url http://127.0.0.1:PORT` checks a server they started
themselves, written in any language; the WSGI-only checks say they are skipped.
"""

import subprocess
import sys
import threading
from contextlib import contextmanager
from types import SimpleNamespace
from wsgiref.simple_server import WSGIRequestHandler
from wsgiref.simple_server import make_server

import pytest
from harness.http_client import HTTPClient
from harness.http_client import header_for
from harness.servers import running_server
from harness.stages import ROOT
from harness.stages import load_module

NAIVE_APP = """
def application(environ, start_response):
    name = environ["PATH_INFO"].rsplit("/", 1)[-1]
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [f"<h1>Hello, {name}!</h1>".encode()]
"""


def greedy_application(environ, start_response):
    """Reads the body to the end of the stream: over a socket, past Content-Length, forever."""
    environ["wsgi.input"].read()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"read it all"]


class QuietHandler(WSGIRequestHandler):
    """wsgiref's handler without a log line per request on the test's stderr."""

    def log_message(self, *args):
        """Say nothing."""


@contextmanager
def served(app):
    """Serve `app` with wsgiref on a free loopback port, in a thread; yield its URL."""
    server = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def run_contract(*args):
    """Run the contract suite in a fresh pytest process; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "tests/contract", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_naive_app_fails_with_one_hint_per_check(tmp_path):
    app = tmp_path / "my_app.py"
    app.write_text(NAIVE_APP, encoding="utf-8")
    result = run_contract("--app", f"{app}:application")
    assert result.returncode == 1
    assert "checks fail; start with the first" in result.stdout
    assert (
        "test_index_is_a_welcome_page_linking_every_route\n    hint: GET / must answer 200"
        in result.stdout
    )
    assert "hint: escape user text before it goes into HTML" in result.stdout


def test_hints_reach_the_summary_from_the_report_alone():
    # Under pytest-xdist the test runs in a worker; only its report reaches the main
    # process. The summary must work from the report's user_properties alone.
    summary = load_module(ROOT / "tests" / "conftest.py").HintSummary()
    report = SimpleNamespace(
        nodeid="tests/contract/test_pages.py::test_x[app]",
        user_properties=[("hint", ["test_x", "do the thing"])],
    )
    summary.pytest_runtest_logreport(report)
    summary.pytest_runtest_logreport(SimpleNamespace(nodeid="other", user_properties=[]))
    assert summary.failing == {
        ("test_x", "do the thing"): ["tests/contract/test_pages.py::test_x[app]"]
    }


def test_a_missing_file_is_one_clear_error():
    result = run_contract("--app", "nowhere/app.py")
    assert result.returncode == 4  # pytest's "usage error"
    assert "--app nowhere/app.py: FileNotFoundError: there is no file" in result.stderr


def test_the_contract_passes_over_http_against_a_stage_run_as_a_learner_runs_it():
    with running_server([sys.executable, "01_raw_wsgi/app.py"]) as server:
        result = run_contract("--url", server.url)
    assert result.returncode == 0, result.stdout
    assert " passed, 4 skipped" in result.stdout
    assert "needs the WSGI callable in-process (wsgiref.validate); skipped with --url" in (
        result.stdout
    )


def test_a_naive_server_fails_over_http_with_the_same_hints(tmp_path):
    app = tmp_path / "naive_app.py"
    app.write_text(NAIVE_APP, encoding="utf-8")
    with served(load_module(app).application) as url:
        result = run_contract("--url", url)
    assert result.returncode == 1
    assert "hint: GET / must answer 200" in result.stdout
    assert "hint: escape user text before it goes into HTML" in result.stdout


def test_a_server_reading_past_content_length_never_answers_and_the_check_says_why():
    form = [("Content-Type", "application/x-www-form-urlencoded")]
    with served(greedy_application) as url:
        client = HTTPClient(url, timeout=0.5)
        with pytest.raises(AssertionError, match="read past Content-Length"):
            client.request("POST", "/submit", b"message=hi", form, {"CONTENT_LENGTH": "7"})


def test_environ_keys_are_sent_as_the_headers_a_server_reads_them_from():
    assert header_for("CONTENT_LENGTH") == "Content-Length"
    assert header_for("HTTP_X_FORWARDED_FOR") == "X-Forwarded-For"
    with pytest.raises(ValueError, match="WSGI-only"):
        header_for("wsgi.input")
