"""Demo: g lives as long as one application context, so one request, and no longer.

Run: python 05_contexts/demo_g.py

g is a namespace for data that one request (or one job) needs in several places:
the current user, a database connection. It is not a cache between requests: each
request gets a fresh application context, and so a fresh, empty g. What a context
opens and keeps in g is closed as it ends: app.py's close_resources does that for
g.resource, shown last.
"""

import os

from flask import g

from app import app

with app.test_request_context("/first"):
    g.user = "Ada"
    print(f"request 1 sets g.user; in g: {sorted(g)}")

with app.test_request_context("/second"):
    print(f"request 2 sees g.user? {'user' in g}; g.get('user') is {g.get('user')!r}")

client = app.test_client()
first = client.get("/whoami").headers["X-Request-Id"]
second = client.get("/whoami").headers["X-Request-Id"]
print(f"two real requests, two g.request_id values: different? {first != second}")

with app.app_context():
    g.counter = 1
    with app.test_request_context("/inside"):
        g.counter += 1  # the request reused this app context, and so its g
    print(f"a request inside an existing app context shares its g: g.counter is {g.counter}")

with app.app_context():
    # Opened once, shared by whatever runs in this context (a file here; a database
    # connection in stage 06), and left to the teardown to close.
    g.resource = resource = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (the teardown closes it)
    print(f"g.resource is open: {not resource.closed}")
print(f"the app context ended, close_resources closed it: {resource.closed}")
