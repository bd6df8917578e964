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
        # No buffering: each chunk goes out as soon as the inner body produces it.
        try:
            if self._iterator is None:
                self._iterator = iter(self._iterable)
            return next(self._iterator)
        except StopIteration:
            raise
        except BaseException:
            self.aborted = True
            raise

    def close(self):
        """Close the inner iterable, then run `on_close`; a second call does nothing."""
        if self._closed:
            return
        self._closed = True
        try:
            if hasattr(self._iterable, "close"):
                self._iterable.close()
        finally:
            # Runs even if the inner close() raised, so a log line or timing is never lost.
            if self._on_close is not None:
                self._on_close()


# What the server sends when an exception escapes the app before a status was set.
UNHANDLED = "500 Internal Server Error"


def watch_response(app, environ, start_response, on_done):
    """Call `app`, then call `on_done(status, aborted)` exactly once when its response is over.

    `status` is the last status line the server accepted: the one on the wire.
    `aborted` is True when the body failed part-way, so the client got a cut-off
    response. If the app raises before returning a body, `on_done` runs at once with
    UNHANDLED, the 500 the server will answer with, and the exception goes on up.
    """
    sent = {"status": UNHANDLED}

    def watching_start_response(status, headers, exc_info=None):
        write = start_response(status, headers, exc_info)
        # Only now: with exc_info, a server that has sent its headers raises instead.
        sent["status"] = status
        return write

    try:
        body = app(environ, watching_start_response)
    except BaseException:
        on_done(sent["status"], aborted=False)
        raise
    watched = ClosingBody(body, on_close=lambda: on_done(sent["status"], watched.aborted))
    return watched
