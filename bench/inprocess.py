"""Calling a WSGI app directly, without a server: microseconds per request, median of rounds.

This is the framework's own cost: no socket, no HTTP parsing, no server. It is what a
layer adds, and the lower bound of what a request can cost through it.
"""

import io
import statistics
import time


def environ_for(path, headers=None):
    """A minimal PEP 3333 environ for GET `path` on 127.0.0.1."""
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    return environ


def call(app, path):
    """One request: call the app, read the whole body, close it; return the status line."""
    status = []
    body = app(environ_for(path), lambda s, h, exc_info=None: status.append(s))
    try:
        for _ in body:
            pass
    finally:
        if hasattr(body, "close"):
            body.close()
    return status[0]


def microseconds_per_request(app, path, calls=2000, rounds=7):
    """The median over `rounds` of the mean time of `calls` requests, in microseconds."""
    status = call(app, path)
    if not status.startswith("200"):
        raise RuntimeError(f"{path} answered {status}")
    means = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            call(app, path)
        means.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(means)
