"""ErrorPages: a 500 page before the body starts, a re-raise through exc_info after."""

import itertools

import pytest
from harness.pep3333 import Boom
from harness.pep3333 import Chunks
from harness.pep3333 import StrictServer
from harness.pep3333 import app_raising
from harness.pep3333 import app_returning
from harness.pep3333 import make_environ

from wsgi_middleware import ErrorPages
from wsgi_middleware.error_pages import PAGE


@pytest.mark.hint("catch Exception around the call to the app and answer with error_page")
@pytest.mark.parametrize(
    "app",
    [app_raising(), app_raising(before_start_response=False), app_returning(Chunks(fail_at=0))],
    ids=["before-start-response", "after-start-response", "in-the-body-before-any-chunk"],
)
def test_an_exception_before_the_body_starts_becomes_a_500_page(app):
    environ = make_environ()
    server = StrictServer(ErrorPages(app))
    body = server.run(environ)
    assert server.status == "500 Internal Server Error"
    assert b"<h1>500 Internal Server Error</h1>" in body
    assert server.header("Content-Type") == "text/html; charset=utf-8"
    assert server.header("Content-Length") == str(len(body)) == str(len(PAGE))
    errors = environ["wsgi.errors"].getvalue()
    assert "Traceback" in errors
    assert "Boom" in errors


@pytest.mark.hint(
    "traceback.print_exception(..., file=environ['wsgi.errors']); the client gets PAGE only"
)
def test_the_traceback_never_reaches_the_client():
    body = StrictServer(ErrorPages(app_raising())).run()
    for leak in (b"Traceback", b"Boom", b"the app failed", b".py"):
        assert leak not in body


@pytest.mark.hint(
    "always pass exc_info to start_response in error_page: the server re-raises when it is too late"
)
def test_an_exception_after_the_first_chunk_is_re_raised_through_start_response():
    server = StrictServer(ErrorPages(app_returning(Chunks(fail_at=1))))
    with pytest.raises(Boom):
        server.run()
    assert server.status == "200 OK", "the status already sent must not be rewritten"
    assert server.exc_info_calls == 1, "the middleware must hand the error to the server"
    assert server.body == [b"one "], "nothing may be appended to a broken body"


@pytest.mark.hint(
    "print the traceback after start_response returned: if it re-raises, the server logs it"
)
def test_the_late_failure_is_not_logged_twice():
    environ = make_environ()
    with pytest.raises(Boom):
        StrictServer(ErrorPages(app_returning(Chunks(fail_at=1)))).run(environ)
    assert environ["wsgi.errors"].getvalue() == "", "the server reports it; the page was not sent"


@pytest.mark.hint("GuardedBody: once aborted, the next __next__ raises StopIteration")
def test_only_one_error_page_is_sent():
    body = Chunks(fail_at=0)
    result = ErrorPages(app_returning(body))(make_environ(), lambda *args: None)
    assert list(result) == [PAGE]
    result.close()
    assert body.close_calls == 1


@pytest.mark.hint(
    "GuardedBody stops after the first error page, whatever the inner iterator does next"
)
def test_an_iterator_that_keeps_failing_still_gets_one_page():
    class KeepsFailing:
        def __iter__(self):
            return self

        def __next__(self):
            raise Boom("again")

    result = ErrorPages(app_returning(KeepsFailing()))(make_environ(), lambda *args: None)
    assert list(itertools.islice(result, 3)) == [PAGE]


@pytest.mark.hint("catch Exception, not BaseException: Ctrl-C must stop the server")
def test_keyboard_interrupt_is_not_turned_into_a_page():
    def interrupted(environ, start_response):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        StrictServer(ErrorPages(interrupted)).run()
