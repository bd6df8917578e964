"""WSGI middleware written by hand: each module is one layer, usable alone and in any order.

A middleware is a WSGI application that wraps another one. To the server it is the
application; to the application it is the server. Each layer here takes the app to
wrap as its first argument, so a chain reads inside out::

    app = BasicAuth(hello.application, protected=("/secret",))
    app = ErrorPages(app)
    app = Timing(app, on_finish=warn_if_slow)
    app = RequestLog(app)

In production you would reach for Werkzeug's middleware (``ProxyFix``,
``DispatcherMiddleware``, ``LintMiddleware``) or Flask's hooks instead; stage 02's
README maps each layer here to its library counterpart.
"""

from wsgi_middleware.basic_auth import BasicAuth
from wsgi_middleware.body import ClosingBody
from wsgi_middleware.error_pages import ErrorPages
from wsgi_middleware.request_log import RequestLog
from wsgi_middleware.timing import Timing

__all__ = ["BasicAuth", "ClosingBody", "ErrorPages", "RequestLog", "Timing"]
