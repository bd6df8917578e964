"""The capstone served for real on a loopback port, and clients that hit it from many threads.

Werkzeug's threaded server gives each request its own thread, application context and
database session, as gunicorn's threads do: what races in production races here.
"""

import http.cookiejar
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from werkzeug.serving import make_server

TIMEOUT = 30  # seconds for one request: a hang fails the test instead of stalling it


@contextmanager
def serving(app):
    """Serve `app` on a free loopback port in threads; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # A short poll interval: shutdown() returns within 50 ms instead of 500.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def api(base, method, path, data=None, token=None, headers=None):
    """One JSON request; (status, decoded body or None). Errors are answers, not exceptions."""
    request = urllib.request.Request(base + path, method=method, headers=dict(headers or {}))
    if data is not None:
        request.data = json.dumps(data).encode()
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, (json.loads(raw) if raw else None)
    except ValueError:  # not JSON: an error page from the server itself, say
        return status, raw.decode(errors="replace")


def browser(base, username, password):
    """An opener with its own cookies, logged in through the login form (CSRF is off)."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    form = urllib.parse.urlencode({"username": username, "password": password}).encode()
    opener.open(f"{base}/auth/login", form, timeout=TIMEOUT).close()
    return opener


def post_form(opener, url, fields):
    """POST a form with `opener`; the final status (redirects are followed), errors included."""
    try:
        with opener.open(url, urllib.parse.urlencode(fields).encode(), timeout=TIMEOUT) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def at_once(function, arguments):
    """Call `function` on each argument, all in threads at the same time; the results."""
    start = threading.Barrier(len(arguments))

    def call(argument):
        start.wait(timeout=TIMEOUT)
        return function(argument)

    with ThreadPoolExecutor(max_workers=len(arguments)) as pool:
        return list(pool.map(call, arguments))
