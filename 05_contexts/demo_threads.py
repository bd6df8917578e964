"""Demo: two simultaneous requests on a real threaded server each see their own request and g.

Run: python 05_contexts/demo_threads.py

The server is Werkzeug's, threaded, on a free loopback port, and the requests are
real HTTP. A barrier inside the view holds each request until the other has arrived,
so both are inside the view at the same moment, on two threads, reading the same
module-level names `request` and `g`. Each sees its own, because the contexts live in
contextvars: one value per thread.
"""

import json
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from flask import g
from flask import request
from werkzeug.serving import make_server

from app import app

both_inside = threading.Barrier(2, timeout=10)


@app.route("/together/<name>")
def together(name):
    """Store the name in g, wait until the other request is inside too, then read both back."""
    g.name = name
    both_inside.wait()  # raises BrokenBarrierError if the requests were not served at once
    return {"path": request.path, "g.name": g.name, "thread": threading.get_ident()}


server = make_server("127.0.0.1", 0, app, threaded=True)
# A short poll interval: shutdown() returns within 50 ms instead of 500.
serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
serving.start()
base = f"http://127.0.0.1:{server.server_port}"


def fetch(name):
    """GET /together/<name> over HTTP and return the decoded JSON."""
    url = f"{base}/together/{name}"  # always http://127.0.0.1:<port>
    with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310
        return json.load(response)


try:
    with ThreadPoolExecutor(max_workers=2) as pool:
        ann, bob = pool.map(fetch, ["Ann", "Bob"])
finally:
    server.shutdown()

for answer in (ann, bob):
    print(f"request.path {answer['path']:<15} g.name {answer['g.name']}")
print(f"served at the same time, on different threads: {ann['thread'] != bob['thread']}")
