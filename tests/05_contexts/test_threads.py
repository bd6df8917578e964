"""Isolation under concurrency, shown on a real threaded server over HTTP, not the test client."""

import json
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import g
from flask import request
from werkzeug.serving import make_server


@pytest.mark.hint("each thread has its own contexts: keep per-request data in g, never in a global")
def test_two_simultaneous_requests_each_see_their_own_request_and_g(app):
    both_inside = threading.Barrier(2, timeout=10)

    @app.route("/together/<name>")
    def together(name):
        g.name = name
        both_inside.wait()  # both requests are inside the view at once, or this raises
        return {"arg": request.view_args["name"], "g": g.name, "thread": threading.get_ident()}

    server = make_server("127.0.0.1", 0, app, threaded=True)
    # A short poll interval: shutdown() returns within 50 ms instead of 500.
    serving = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    serving.start()

    def fetch(name):
        url = f"http://127.0.0.1:{server.server_port}/together/{name}"
        with urllib.request.urlopen(url, timeout=20) as response:
            return json.load(response)

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            ann, bob = pool.map(fetch, ["Ann", "Bob"])
    finally:
        server.shutdown()
        server.server_close()
    assert (ann["arg"], ann["g"]) == ("Ann", "Ann")
    assert (bob["arg"], bob["g"]) == ("Bob", "Bob")
    assert ann["thread"] != bob["thread"]
