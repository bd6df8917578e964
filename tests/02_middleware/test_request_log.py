"""RequestLog: one line per request, final status, duration, and nothing secret."""

import io
import re

import pytest
from harness.pep3333 import Boom
from harness.pep3333 import Chunks
from harness.pep3333 import StrictServer
from harness.pep3333 import app_raising
from harness.pep3333 import app_returning
from harness.pep3333 import make_environ

from wsgi_middleware import ErrorPages
from wsgi_middleware import RequestLog

LINE = re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] (?P<request>.+) \((?P<ms>\d+\.\d)ms\)")


def logged(app, environ=None, **server_options):
    """Run one request through RequestLog(app); return the log text."""
    stream = io.StringIO()
    StrictServer(RequestLog(app, stream=stream)).run(environ, **server_options)
    return stream.getvalue()


@pytest.mark.hint("'[YYYY-MM-DD HH:MM:SS] METHOD /path STATUS (N.Nms)' via self.write")
def test_one_line_per_request_in_the_documented_format():
    text = logged(app_returning(Chunks()), make_environ("/hello/Alice"))
    assert text.count("\n") == 1
    found = LINE.fullmatch(text.strip())
    assert found, text
    assert found["request"] == "GET /hello/Alice 200 OK"


@pytest.mark.hint("stop the clock in on_done (at close()), not when the app returns")
def test_the_duration_covers_the_body_not_just_the_call():
    ticks = iter([10.0, 10.5])  # started, then at close()
    stream = io.StringIO()
    log = RequestLog(app_returning(Chunks()), stream=stream, clock=lambda: next(ticks))
    StrictServer(log).run()
    assert "(500.0ms)" in stream.getvalue()


@pytest.mark.hint("write the line from watch_response's on_done, never before close()")
def test_the_line_is_written_at_close_once_the_status_is_final():
    stream = io.StringIO()
    result = RequestLog(app_returning(Chunks()), stream=stream)(make_environ(), lambda *a: None)
    assert stream.getvalue() == ""
    result.close()
    assert "200 OK" in stream.getvalue()


@pytest.mark.hint("when the app raises, watch_response reports UNHANDLED: log that status")
def test_an_exception_from_the_app_is_logged_as_the_500_the_server_sends():
    stream = io.StringIO()
    with pytest.raises(Boom):
        StrictServer(RequestLog(app_raising(), stream=stream)).run()
    assert "GET / 500 Internal Server Error" in stream.getvalue()


@pytest.mark.hint("log the status start_response last accepted: ErrorPages' 500, not the app's 200")
def test_with_error_pages_inside_the_log_shows_their_500():
    text = logged(ErrorPages(app_raising(before_start_response=False)))
    assert "GET / 500 Internal Server Error" in text


@pytest.mark.hint("add ', body aborted' when on_done says aborted")
def test_a_body_that_fails_after_it_started_is_logged_as_aborted():
    stream = io.StringIO()
    with pytest.raises(Boom):
        StrictServer(RequestLog(ErrorPages(app_returning(Chunks(fail_at=1))), stream=stream)).run()
    assert "GET / 200 OK, body aborted (" in stream.getvalue()


@pytest.mark.hint("log the method and the path only: no query string, headers or body")
def test_credentials_cookies_query_and_body_never_reach_the_log():
    environ = make_environ(
        "/submit",
        method="POST",
        body=b"password=body-secret",
        headers=[("Authorization", "Basic YXV0aC1zZWNyZXQ="), ("Cookie", "session=cookie-secret")],
    )
    environ["QUERY_STRING"] = "token=query-secret"
    text = logged(app_returning(Chunks()), environ)
    for secret in ("body-secret", "YXV0aC1zZWNyZXQ", "cookie-secret", "query-secret"):
        assert secret not in text


@pytest.mark.hint("request_line: quote() the path (safe='/'), so a newline becomes %0A")
def test_a_crafted_path_cannot_forge_a_second_log_line():
    text = logged(
        app_returning(Chunks()), make_environ("/x\n[2024-01-01 00:00:00] GET /admin 200 OK")
    )
    assert text.count("\n") == 1
    assert "/x%0A%5B2024-01-01" in text


@pytest.mark.hint("PATH_INFO back to bytes with latin-1, then quote(): Zoë is logged as Zo%C3%AB")
def test_utf8_paths_are_logged_as_sent_on_the_wire():
    assert "GET /hello/Zo%C3%AB 200 OK" in logged(
        app_returning(Chunks()), make_environ("/hello/Zo\xc3\xab")
    )


@pytest.mark.hint("no stream given: write to environ['wsgi.errors']")
def test_without_a_stream_the_log_goes_to_wsgi_errors():
    environ = make_environ("/quiet")
    StrictServer(RequestLog(app_returning(Chunks()))).run(environ)
    assert "GET /quiet 200 OK" in environ["wsgi.errors"].getvalue()
