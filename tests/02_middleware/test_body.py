"""ClosingBody and watch_response: the shared machinery behind every layer that wraps a body."""

import pytest
from harness.pep3333 import Boom
from harness.pep3333 import Chunks
from harness.pep3333 import app_raising
from harness.pep3333 import app_returning
from harness.pep3333 import make_environ

from wsgi_middleware.body import UNHANDLED
from wsgi_middleware.body import ClosingBody
from wsgi_middleware.body import watch_response


@pytest.mark.hint("this one documents why ClosingBody is a class: read body.py's docstring")
def test_a_generator_wrapper_loses_close_when_never_iterated():
    # The bug ClosingBody exists to avoid, shown rather than described.
    def wrapped(body):
        try:
            yield from body
        finally:
            body.close()

    body = Chunks()
    wrapped(body).close()
    assert body.close_calls == 0


@pytest.mark.hint("ClosingBody.close() calls the inner close() even if __next__ never ran")
def test_closing_body_closes_even_when_never_iterated():
    body = Chunks()
    ClosingBody(body).close()
    assert body.close_calls == 1


@pytest.mark.hint("remember that close() ran (self._closed) and return at once the second time")
def test_closing_twice_closes_the_inner_body_once():
    body = Chunks()
    calls = []
    wrapper = ClosingBody(body, on_close=lambda: calls.append(1))
    wrapper.close()
    wrapper.close()
    assert (body.close_calls, calls) == (1, [1])


@pytest.mark.hint("call on_close in a finally: around the inner close()")
def test_on_close_runs_even_if_the_inner_close_raises():
    class BadClose(Chunks):
        def close(self):
            raise Boom("close failed")

    calls = []
    with pytest.raises(Boom):
        ClosingBody(BadClose(), on_close=lambda: calls.append(1)).close()
    assert calls == [1]


@pytest.mark.hint("only call close() on the inner iterable if it has one: hasattr(..., 'close')")
def test_an_iterable_without_close_is_fine():
    wrapper = ClosingBody([b"a", b"b"])
    assert list(wrapper) == [b"a", b"b"]
    wrapper.close()


@pytest.mark.hint(
    "in __next__, any exception but StopIteration marks the body aborted, then goes on up"
)
def test_aborted_is_set_when_producing_a_chunk_raises():
    wrapper = ClosingBody(Chunks(fail_at=1))
    next(wrapper)
    assert not wrapper.aborted
    with pytest.raises(Boom):
        next(wrapper)
    assert wrapper.aborted


def watch(app, start_response=lambda *args: None):
    """Run `app` under watch_response; return its body (None if it raised) and on_done's calls."""
    done = []

    def on_done(status, aborted):
        done.append((status, aborted))

    try:
        return watch_response(app, make_environ(), start_response, on_done), done
    except Boom:
        return None, done


@pytest.mark.hint(
    "on_done runs from the ClosingBody's close(), with the status start_response last accepted"
)
def test_watch_response_reports_the_final_status_at_close_not_before():
    body, done = watch(app_returning(Chunks(), status="201 Created"))
    assert done == []
    list(body)
    body.close()
    assert done == [("201 Created", False)]


@pytest.mark.hint("if calling the app raises: on_done(UNHANDLED, aborted=False), then re-raise")
def test_watch_response_reports_unhandled_when_the_app_raises():
    body, done = watch(app_raising())
    assert body is None
    assert done == [(UNHANDLED, False)]


@pytest.mark.hint("remember the status only after the real start_response returned (it may raise)")
def test_watch_response_keeps_the_status_the_server_refused_out_of_the_report():
    def late_failure(status, headers, exc_info=None):
        if exc_info:
            raise exc_info[1]  # A server that has already sent "200 OK".

    def app(environ, start_response):
        start_response("200 OK", [])
        try:
            raise Boom("too late")
        except Boom as error:
            start_response("500 Internal Server Error", [], (Boom, error, None))

    body, done = watch(app, start_response=late_failure)
    assert body is None
    assert done == [("200 OK", False)]
