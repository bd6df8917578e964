"""Turn an unhandled exception into a 500 page for the client and a traceback for the log.

Two moments matter, and PEP 3333 gives each its rule:

* **Before the body starts** (the app raised, or its body raised before yielding a
  first chunk): the status line has not left yet, so it can still become a 500. The
  middleware calls ``start_response("500 ...", headers, exc_info)``, which tells the
  server "replace whatever status you were given", and sends a friendly page.
* **After the first chunk**: the client already has a 200 and part of the body.
  Nothing can turn that into a 500, and ending the body quietly would pass off a
  broken page as a complete one. Calling ``start_response`` with ``exc_info`` now
  makes the server re-raise the exception (PEP 3333 says it must), so it travels up
  to the server, which drops the connection: the client can tell it failed.

The traceback goes to ``environ["wsgi.errors"]``, the server's error log, never to
the client: a traceback shows file paths, code and sometimes data.

Flask does the same in ``Flask.wsgi_app`` and ``handle_exception`` (with
``@app.errorhandler(500)`` for the page); Werkzeug's debugger shows the traceback in
the browser, which is why it must never run in production.
"""

import sys
import traceback

from wsgi_middleware.body import ClosingBody

STATUS = "500 Internal Server Error"
PAGE = (
    "<!doctype html>\n<title>500 Internal Server Error</title>\n"
    "<h1>500 Internal Server Error</h1>\n"
    "<p>Sorry, something went wrong on our side. It has been logged; "
    "please try again later.</p>\n"
).encode("ascii")


class ErrorPages:
    """Middleware: answer a 500 page for exceptions raised before the body starts."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        """Call the app; an exception now, or later from its body, goes to `error_page`."""
        # TODO: an exception from calling the app: return [the error page] (pass it
        # sys.exc_info()). Otherwise return the body as a GuardedBody whose on_error
        # makes the error page, so exceptions while iterating get the same treatment.
        raise NotImplementedError("TODO: ErrorPages.__call__")

    @staticmethod
    def error_page(environ, start_response, exc_info):
        """Replace the status by a 500 and log the traceback; re-raise if it is too late."""
        # TODO: start_response(STATUS, HTML headers with the Content-Length of PAGE,
        # exc_info): the server replaces the status, or re-raises if the headers have
        # already gone. Then print the traceback to environ["wsgi.errors"] (never to the
        # client) and return PAGE.
        raise NotImplementedError("TODO: ErrorPages.error_page")


class GuardedBody(ClosingBody):
    """A body that turns an exception raised while iterating into the error page, once."""

    def __init__(self, iterable, on_error):
        super().__init__(iterable)
        self._on_error = on_error

    def __next__(self):
        # TODO: after an error page was sent (self.aborted), stop. Otherwise return the
        # next chunk from ClosingBody; an Exception (not StopIteration) becomes
        # self._on_error(sys.exc_info()), returned as the last chunk.
        raise NotImplementedError("TODO: GuardedBody.__next__")
