"""Wrap a response body so that something runs when it is finished, and close() is never lost.

PEP 3333 makes the server call ``close()`` on the body iterable, if it has one, once
the response is over: finished, failed, or abandoned when the client went away.
Generators, files and database cursors rely on that call to release what they hold.
A middleware that wraps the body must pass that call on, exactly once.

Why a class and not a generator? A generator's ``finally`` block does not run if
``close()`` is called before the first ``next()``, so a wrapper written as::

    def wrapped(body):
        try:
            yield from body
        finally:
            body.close()          # skipped when the server never started iterating

silently drops the inner ``close()``. ``ClosingBody`` cannot: ``close()`` is a method.
Werkzeug's ``ClosingIterator`` is the library version of this class.
"""


class ClosingBody:
    """Pass an iterable's chunks through one at a time, then close it and call `on_close` once."""

    def __init__(self, iterable, on_close=None):
        self._iterable = iterable
        self._iterator = None
        self._on_close = on_close
        self._closed = False
        self.aborted = False  # True once producing a chunk raised: the body was cut short.

    def __iter__(self):
        return self

    def __next__(self):
        # TODO: return the next chunk of the inner iterable (calling iter() on it the
        # first time), one chunk at a time, never buffering. StopIteration passes on as
        # is; any other exception sets `aborted` to True, then passes on.
        raise NotImplementedError("TODO: ClosingBody.__next__")

    def close(self):
        """Close the inner iterable, then run `on_close`; a second call does nothing."""
        # TODO: only the first call does anything. Call the inner iterable's close() if
        # it has one, and then on_close() if given, even when the inner close() raised.
        raise NotImplementedError("TODO: ClosingBody.close")


# What the server sends when an exception escapes the app before a status was set.
UNHANDLED = "500 Internal Server Error"


def watch_response(app, environ, start_response, on_done):
    """Call `app`, then call `on_done(status, aborted)` exactly once when its response is over.

    `status` is the last status line the server accepted: the one on the wire.
    `aborted` is True when the body failed part-way, so the client got a cut-off
    response. If the app raises before returning a body, `on_done` runs at once with
    UNHANDLED, the 500 the server will answer with, and the exception goes on up.
    """
    # TODO: call `app` with a start_response of your own that calls the real one and
    # only then remembers the status (with exc_info, the real one may raise instead).
    # Return the body wrapped in a ClosingBody whose on_close calls on_done. If `app`
    # raises, call on_done(UNHANDLED or the status already accepted, aborted=False),
    # then let the exception go on.
    raise NotImplementedError("TODO: watch_response")
