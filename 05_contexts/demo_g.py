"""Demo: g lives as long as one application context, so one request, and no longer.

Run: python 05_contexts/demo_g.py

g is a namespace for data that one request (or one job) needs in several places:
the current user, a database connection. It is not a cache between requests: each
request gets a fresh application context, and so a fresh, empty g.
"""

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
