"""Demo: the application and request contexts, which one pushes which, and when each goes.

Run: python 05_contexts/demo_contexts.py

Flask pushes both contexts for every request, and pops them when it is done. Here
they are pushed by hand, the way tests and scripts do, and the public functions
has_app_context() and has_request_context() report what is active at each point.
"""

from flask import current_app
from flask import g
from flask import has_app_context
from flask import has_request_context
from flask import request

from app import app


def state(label):
    """Print which contexts are active right now."""
    print(f"{label:<46} app: {has_app_context()!s:<5}  request: {has_request_context()}")


state("at import time")
with app.app_context():
    state("in app.app_context()")
    print(f"    current_app.name is {current_app.name!r}; request is not available")
state("after the with block")

with app.test_request_context("/hello/Ada"):
    state("in app.test_request_context('/hello/Ada')")
    print(f"    request.path is {request.path!r}: pushing a request context")
    print("    pushed an app context first, so current_app works as well")
state("after the with block (both popped)")

with app.app_context():
    g.opened_by = "the outer app context"
    with app.test_request_context("/greet"):
        state("request context inside an app context")
        print(f"    g.opened_by is {g.opened_by!r}: the active app context was reused")
    state("request context popped, app context stays")
