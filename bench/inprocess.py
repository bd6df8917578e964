"""Calling a WSGI app directly, without a server: microseconds per request, median of rounds.

This is the framework's own cost: no socket, no HTTP parsing, no server. It is what a
layer adds, and the lower bound of what a request can cost through it.
"""

import importlib
import io
import json
import os
import statistics
import sys
import time


def environ_for(path, headers=None):
    """A minimal PEP 3333 environ for GET `path` (with its query string) on 127.0.0.1."""
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
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


def call(app, path, headers=None):
    """One request: call the app, read the whole body, close it; return the status line."""
    status = []
    body = app(environ_for(path, headers), lambda s, h, exc_info=None: status.append(s))
    try:
        for _ in body:
            pass
    finally:
        if hasattr(body, "close"):
            body.close()
    return status[0]


def microseconds_per_request(app, path, calls=2000, rounds=7, headers=None):
    """The median over `rounds` of the mean time of `calls` requests, in microseconds."""
    status = call(app, path, headers)
    if not status.startswith("200"):
        raise RuntimeError(f"{path} answered {status}")
    means = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            call(app, path, headers)
        means.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(means)


def main(target, token, paths):
    """Print {path: µs} for `target` ("module:callable", importable from the current folder).

    Run as `python -m bench.inprocess` in a process of its own, so each app reads its
    settings from the environment as under gunicorn, and no two share a module.
    """
    sys.path.insert(0, os.getcwd())
    module, _, name = target.partition(":")
    app = getattr(importlib.import_module(module), name)
    headers = {"Authorization": token}
    figures = {path: microseconds_per_request(app, path, 100, 5, headers) for path in paths}
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
