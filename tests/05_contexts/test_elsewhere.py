"""Contexts in a CLI command, in threads, and in jobs that run outside any request."""

import threading

import pytest
from flask import appcontext_tearing_down
from flask import copy_current_request_context
from flask import current_app
from flask import g
from flask import request


def in_a_thread(function):
    """Run `function` on a new thread; return its result, or the exception it raised."""
    outcome = []

    def target():
        try:
            outcome.append(function())
        except Exception as error:
            outcome.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return outcome[0]


@pytest.mark.hint(
    "context_info must be the command `flask context-info`, printing current_app.name and "
    "has_request_context()"
)
def test_a_cli_command_runs_in_an_app_context_without_a_request(app):
    result = app.test_cli_runner().invoke(args=["context-info"])
    said = result.output.strip().rpartition("\n")[2] or repr(result.exception)
    assert result.exit_code == 0, said  # the last line: "Error: No such command ..."
    assert f"current_app.name: {app.name}" in result.output
    assert "has_request_context(): False" in result.output


@pytest.mark.hint(
    "context_info must set g.note, then print it: a command runs in an application context, "
    "so it may use g"
)
def test_the_cli_command_keeps_its_note_in_g(app):
    seen = []

    def after_teardown(sender, **extra):
        seen.append(g.get("note"))  # sent as the command's app context ends

    with appcontext_tearing_down.connected_to(after_teardown, app):
        result = app.test_cli_runner().invoke(args=["context-info"])
    assert result.exit_code == 0, result.output.strip().rpartition("\n")[2]
    assert seen and seen[-1], "g.note was not set while the command ran"
    assert f"g.note: {seen[-1]}" in result.output


@pytest.mark.hint("a new thread has no context: contextvars start empty in it")
def test_a_new_thread_starts_with_no_context(app):
    with app.test_request_context("/hello/Ada"):
        error = in_a_thread(lambda: request.path)
    assert isinstance(error, RuntimeError)
    assert "Working outside of request context" in str(error)


@pytest.mark.hint(
    "copy_current_request_context wraps a function so it runs in the request's context"
)
def test_copy_current_request_context_carries_the_request_into_the_thread(app):
    with app.test_request_context("/hello/Ada"):
        assert in_a_thread(copy_current_request_context(lambda: request.path)) == "/hello/Ada"


@pytest.mark.hint("a job outside any request pushes its own `with app.app_context():`")
def test_a_worker_or_job_pushes_its_own_app_context(app):
    def job():
        with app.app_context():
            return current_app.config["DEFAULT_NAME"]

    assert in_a_thread(job) == "World"
