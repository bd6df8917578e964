"""The duties PEP 3333 gives every middleware, checked for each layer alone and for the chain."""

import io
import sys
from wsgiref.validate import validator

import pytest
from harness.pep3333 import Boom
from harness.pep3333 import Chunks
from harness.pep3333 import StrictServer
from harness.pep3333 import app_returning
from harness.pep3333 import make_environ


@pytest.mark.hint("wrap the body in ClosingBody (or a subclass): close() passes on exactly once")
def test_close_is_called_once_when_the_body_completes(wrap):
    body = Chunks()
    assert StrictServer(wrap(app_returning(body))).run() == b"one two three"
    assert body.close_calls == 1


@pytest.mark.hint("the server calls close() after a failure too: your wrapper must pass it on")
def test_close_is_called_once_when_the_body_raises(wrap):
    body = Chunks(fail_at=1)
    with pytest.raises(Boom):
        StrictServer(wrap(app_returning(body))).run()
    assert body.close_calls == 1


@pytest.mark.hint("a consumer may stop iterating and call close(): pass it on")
@pytest.mark.parametrize("stop_after", [0, 1])
def test_close_is_called_once_when_the_consumer_stops_early(wrap, stop_after):
    body = Chunks()
    StrictServer(wrap(app_returning(body))).run(stop_after=stop_after)
    assert body.close_calls == 1


@pytest.mark.hint("a generator's finally: does not run if never started; a class's close() does")
def test_close_is_called_once_when_the_body_is_never_iterated(wrap):
    body = Chunks()
    result = wrap(app_returning(body))(make_environ(), lambda *args: None)
    result.close()
    assert body.close_calls == 1


@pytest.mark.hint("return chunks as they come; never list() the body")
def test_chunks_pass_through_one_at_a_time(wrap):
    body = Chunks()
    result = wrap(app_returning(body))(make_environ(), lambda *args: None)
    iterator = iter(result)
    assert next(iterator) == b"one "
    assert body.produced == 1, "the middleware read ahead instead of passing the chunk on"
    assert next(iterator) == b"two "
    assert body.produced == 2
    result.close()


@pytest.mark.hint(
    "a start_response wrapper passes exc_info on and returns what the real one returned"
)
def test_start_response_passes_exc_info_on_and_returns_write(wrap):
    def legacy_app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        try:
            raise Boom("changed my mind before sending anything")
        except Boom:
            write = start_response(
                "404 Not Found", [("Content-Type", "text/plain")], sys.exc_info()
            )
        write(b"written, ")
        return [b"then returned"]

    server = StrictServer(wrap(legacy_app))
    assert server.run() == b"written, then returned"
    assert server.status == "404 Not Found"
    assert server.exc_info_calls == 1


@pytest.mark.hint("no layer reads wsgi.input: the app must find the body there")
def test_the_request_body_reaches_the_app_untouched(wrap):
    seen = []

    def reading_app(environ, start_response):
        seen.append(environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"])))
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    StrictServer(wrap(reading_app)).run(make_environ(method="POST", body=b"message=hi"))
    assert seen == [b"message=hi"]


@pytest.mark.hint("a layer is a server to the app and an app to the server: PEP 3333 both ways")
@pytest.mark.parametrize(("method", "body"), [("GET", b""), ("POST", b"a=1"), ("HEAD", b"")])
def test_the_layer_passes_wsgiref_validate_on_both_sides(wrap, method, body):
    inner = validator(app_returning(Chunks()))
    outer = validator(wrap(inner))
    environ = make_environ(method=method, body=body)
    environ["wsgi.errors"] = io.StringIO()
    assert StrictServer(outer).run(environ) == b"one two three"
