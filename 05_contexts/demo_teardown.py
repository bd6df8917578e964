"""Demo: teardown functions run even when the view raised, and receive the exception.

Run: python 05_contexts/demo_teardown.py

teardown_request runs when the request context is popped, teardown_appcontext when
the application context is. Both run whatever happened, which makes them the place
to release what a request holds (a database connection, a lock, a temporary file).
Their argument is the exception that ended the request, or None.
"""

import logging

from app import app

# Flask logs the traceback of the failing view; quiet here, so only this demo's lines show.
app.logger.setLevel(logging.CRITICAL)


@app.route("/fail")
def fail():
    """A view with a bug in it."""
    raise ValueError("the view failed")


@app.teardown_request
def show_request_teardown(error):
    """Print what teardown_request receives."""
    print(f"  teardown_request    received {error!r}")


@app.teardown_appcontext
def show_app_teardown(error):
    """Print what teardown_appcontext receives."""
    print(f"  teardown_appcontext received {error!r}")


client = app.test_client()
print("GET /hello/Ada")
print(f"  status {client.get('/hello/Ada').status_code}")
print("GET /fail")
print(f"  status {client.get('/fail').status_code} (the 500 page was sent; teardown ran first)")
