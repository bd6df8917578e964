"""Worked solutions of stage 02's exercises: the reference chain, with the new layers in it.

The reference's folder goes on sys.path for `hello`, and wsgi_middleware/__init__.py
here makes the reference's layers and the new ones one package.
"""

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[4] / "02_middleware"))

import hello  # found through the path set above
from wsgi_middleware.basic_auth import BasicAuth
from wsgi_middleware.error_pages import ErrorPages
from wsgi_middleware.footer import Footer
from wsgi_middleware.forwarded import ForwardedFor
from wsgi_middleware.request_id import RequestId
from wsgi_middleware.request_log import RequestLog


def build(app, log_stream=None):
    """The reference chain (without Timing, to keep it short) and the new layers.

    The footer is innermost, on the app's own pages; the request id sits inside the
    log, so that a log line could name it; ForwardedFor is outermost, so every layer
    sees the client's address.
    """
    app = Footer(app)
    app = BasicAuth(app, protected=("/secret",))
    app = ErrorPages(app)
    app = RequestId(app)
    app = RequestLog(app, stream=log_stream)
    return ForwardedFor(app)


application = build(hello.application)
