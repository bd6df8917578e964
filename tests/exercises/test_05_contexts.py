"""The exercises of 05_contexts/README.md, one check each, run against your workspace."""

import os
import re
import subprocess
import sys

import pytest
from flask import has_app_context
from harness.stages import ROOT

hint = pytest.mark.hint


@pytest.fixture
def client(stage):
    """Flask's test client on your app."""
    return stage.app.test_client()


@hint("a <footer> in base.html shows the request id: g is in every template's context")
def test_exercise_1_the_request_id_in_the_footer(client):
    response = client.get("/hello/Ada")
    footer = re.search(r"<footer\b.*?</footer>", response.text, flags=re.DOTALL)
    assert footer, "no <footer> in the page"
    assert response.headers["X-Request-Id"] in footer.group(0)


@hint(
    "STARTUP_NAME is the app's name read through current_app at import time, inside an "
    "application context that your module pushes and pops itself"
)
def test_exercise_2_a_name_read_in_an_app_context_at_import(stage):
    assert stage.app.name == stage.STARTUP_NAME
    assert not has_app_context(), "the with block must end: nothing stays pushed"


@hint(
    "note the time in g before each request; after it, send how long it took, in "
    "milliseconds, in a Server-Timing header (app;dur=...)"
)
def test_exercise_3_a_server_timing_header(client):
    timing = client.get("/hello/Ada").headers.get("Server-Timing", "")
    assert re.fullmatch(r"app;dur=\d+(\.\d+)?", timing), timing
    assert client.get("/nope").headers.get("Server-Timing"), "hooks run on a 404 too"


@hint(
    "the request context is gone once the view returns, before the body is read: Flask "
    "has a helper that keeps it for a generator"
)
def test_exercise_4_a_stream_that_reads_the_request(client):
    # The test client reads the body after the view returned and the contexts were popped,
    # as a server does: a generator without stream_with_context raises there.
    response = client.get("/stream?name=Bob")
    assert response.status_code == 200
    assert response.is_streamed
    assert "Bob" in response.get_data(as_text=True)


@hint(
    "in_two_tasks() runs two asyncio tasks at once, each setting its own user in the context "
    "variable, yielding to the other (asyncio.sleep(0)), then reading current_user back"
)
def test_exercise_5_two_asyncio_tasks_two_users(folder):
    # The caller sets a user of its own first: tasks run in copies of its context, so
    # whatever they set, the caller still sees its own user afterwards.
    code = (
        "import asyncio, demo_proxy\n"
        "async def caller():\n"
        "    demo_proxy.current_user_var.set(demo_proxy.User('Caller'))\n"
        "    names = await demo_proxy.in_two_tasks()\n"
        "    return names, demo_proxy.current_user.name\n"
        "names, after = asyncio.run(caller())\n"
        "print('RESULT', len(set(names)), after)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=folder,  # your folder first on sys.path, so `from app import app` finds yours
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)])},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r"^RESULT (\d) (.*)$", result.stdout, flags=re.MULTILINE)
    assert found, result.stdout[-2000:]
    assert found.group(1) == "2", "each task must see the user it set itself"
    assert found.group(2) == "Caller", "the tasks' users must not replace the caller's"
