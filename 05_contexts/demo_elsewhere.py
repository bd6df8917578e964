"""Demo: contexts outside a request: a CLI command, background threads, a scheduled job.

Run: python 05_contexts/demo_elsewhere.py

Contexts live in contextvars, and a new thread starts with none of them: code that
uses current_app, g or request in a thread must bring its context along, either a
copy of the request's (copy_current_request_context) or an app context of its own.
"""

import threading

from flask import copy_current_request_context
from flask import current_app
from flask import request

from app import app


def run_in_thread(function):
    """Run `function` in a new thread; return its result or the error it raised."""
    outcome = []
    thread = threading.Thread(target=lambda: outcome.append(call(function)))
    thread.start()
    thread.join()
    return outcome[0]


def call(function):
    """Call `function` and return its result, or the first line of its RuntimeError."""
    try:
        return function()
    except RuntimeError as error:
        return f"RuntimeError: {str(error).splitlines()[0]}"


print("1. A flask command runs in an application context (flask --app ... context-info):")
print(
    "   "
    + app.test_cli_runner().invoke(args=["context-info"]).output.strip().replace("\n", "\n   ")
)

with app.test_request_context("/hello/Ada"):
    print("2. A thread started during a request:")
    print(f"   plain:                         {run_in_thread(lambda: request.path)}")
    copied = copy_current_request_context(lambda: request.path)
    print(f"   copy_current_request_context:  {run_in_thread(copied)!r}")


def worker():
    """A background worker that pushes its own application context, as a job queue does."""
    with app.app_context():
        return f"current_app.name is {current_app.name!r}"


print("3. A worker thread with its own app.app_context():")
print(f"   {run_in_thread(worker)}")
print("4. A nightly job, run by a scheduler outside any request: the same pattern.")
with app.app_context():
    print(f"   config DEFAULT_NAME is {current_app.config['DEFAULT_NAME']!r}")
