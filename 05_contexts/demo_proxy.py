"""Demo: how `request` can be global and per-request at once: a proxy over a ContextVar.

Run: python 05_contexts/demo_proxy.py

A ContextVar holds one value per thread (and per asyncio task). A proxy is an object
that forwards every attribute access to "whatever the ContextVar holds right now".
Below, a ten-line proxy of our own works just like Flask's `request`, which is a
werkzeug.local.LocalProxy over a ContextVar of Flask's.

History: before Flask 2.2, contexts lived on stacks (werkzeug.local.LocalStack) keyed
by thread or greenlet id; many tutorials still describe that. Flask 2.2 and later keep
them in contextvars, as below.
"""

import threading
from contextvars import ContextVar

import flask
from werkzeug.local import LocalProxy

from app import app

current_user_var = ContextVar("current_user")


class Proxy:
    """Forward attribute access to the object a ContextVar holds in the current context."""

    def __init__(self, var):
        self._var = var

    def _get_current_object(self):
        try:
            return self._var.get()
        except LookupError:
            raise RuntimeError(f"Working outside of {self._var.name} context.") from None

    def __getattr__(self, name):
        return getattr(self._get_current_object(), name)


current_user = Proxy(current_user_var)


class User:
    """Something to put in the ContextVar."""

    def __init__(self, name):
        self.name = name


def handle(name, results):
    """What a server thread does per request: set the context, then run code using the proxy."""
    current_user_var.set(User(name))
    results[name] = current_user.name  # the same global name, a different object per thread


results = {}
threads = [threading.Thread(target=handle, args=(n, results)) for n in ("Ann", "Bob")]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"each thread saw its own user through one global proxy: {results}")
try:
    current_user.name  # noqa: B018 (looking the attribute up is what raises)
except RuntimeError as error:
    print(f"and the main thread, which set nothing: RuntimeError: {error}")

print()
print(f"flask.request is a {type(flask.request).__module__}.{type(flask.request).__name__}")
print(f"isinstance(flask.request, LocalProxy): {isinstance(flask.request, LocalProxy)}")
with app.test_request_context("/hello/Ada"):
    real = flask.request._get_current_object()  # LocalProxy's documented escape hatch
    print(
        f"behind it, in a request: a {type(real).__module__}.{type(real).__name__} for {real.path}"
    )
# A private name, shown for teaching only (tests/05_contexts guards it): the ContextVar itself.
print(f"the ContextVar behind it is named {flask.globals._cv_request.name!r}")
