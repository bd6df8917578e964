"""The Map: converters, 404/405, trailing slashes, and URLs built rather than written."""

import os
import re
import subprocess
import sys

import pytest
from harness.stages import ROOT
from harness.stages import folder_for
from harness.stages import load_stage
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.exceptions import NotFound

# Requests both stages must route alike: the hello routes and the ways to miss them.
SHARED = [
    ("GET", "/"),
    ("HEAD", "/"),
    ("GET", "/hello/Alice"),
    ("GET", "/hello/Zoë"),
    ("GET", "/hello/"),
    ("GET", "/hello/a/b"),
    ("GET", "/greet"),
    ("GET", "/greet/"),
    ("POST", "/submit"),
    ("GET", "/submit"),
    ("PUT", "/hello/Alice"),
    ("GET", "/nope"),
]


def route_in_stage_01(method, path):
    """Stage 01's answer: (view name, arguments), or the status code of its HTTPError."""
    stage01 = load_stage("01")
    try:
        view, kwargs = stage01.match(method, path)
    except stage01.HTTPError as error:
        return error.code
    return view.__name__, kwargs


def route_in_stage_03(stage, method, path):
    """Stage 03's answer: (endpoint, arguments), or the code of the exception Map raised."""
    try:
        return stage.URL_MAP.bind("localhost").match(path, method=method)
    except (NotFound, MethodNotAllowed) as error:
        return error.code


@pytest.mark.hint("URL_MAP: a Rule per route, each with methods=GET (or POST for /submit)")
@pytest.mark.parametrize(("method", "path"), SHARED)
def test_the_map_routes_like_the_hand_written_table_of_stage_01(stage, method, path):
    assert route_in_stage_03(stage, method, path) == route_in_stage_01(method, path)


@pytest.mark.hint("<int(min=1, max=999):task_id>, and NotFound for a task that does not exist")
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/tasks/1", 200),
        ("/tasks/3", 200),
        ("/tasks/4", 404),  # the converter accepts it; the view finds no such task
        ("/tasks/0", 404),  # below min=1
        ("/tasks/1000", 404),  # above max=999
        ("/tasks/99999999999999999999", 404),  # far above: a 404, not an overflow
        ("/tasks/-1", 404),
        ("/tasks/abc", 404),
    ],
)
def test_the_bounded_int_converter(client, path, status):
    assert client.get(path).status_code == status


@pytest.mark.hint("the converter's min and max refuse the id before on_task runs")
@pytest.mark.parametrize("task_id", ["0", "1000", "99999999999999999999"])
def test_out_of_bounds_ids_never_reach_the_view(stage, task_id):
    with pytest.raises(NotFound):
        stage.URL_MAP.bind("localhost").match(f"/tasks/{task_id}")


@pytest.mark.hint("Rule('/tasks/', ...): Werkzeug redirects /tasks to /tasks/ by itself")
def test_a_missing_trailing_slash_redirects_permanently(client):
    response = client.get("/tasks")
    assert response.status_code == 308
    assert response.headers["Location"] == "http://localhost/tasks/"


@pytest.mark.hint("sort MethodNotAllowed.valid_methods in dispatch_request")
@pytest.mark.parametrize("hash_seed", ["1", "2", "3", "4"])
def test_method_not_allowed_lists_the_methods_in_allow_in_a_stable_order(hash_seed):
    # The Map's method set iterates in an order that depends on PYTHONHASHSEED.
    app = folder_for("03") / "app.py"  # a new process: it is told which folder to load
    code = (
        "from werkzeug.test import Client; from harness.stages import load_module; "
        f"print(Client(load_module({str(app)!r}).application).put('/hello/Alice').headers['Allow'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT / "tests")},
        capture_output=True,
        text=True,
        check=False,
    )
    # What the process died of, on one line: a TODO of the app's shows as itself.
    assert result.returncode == 0, (result.stderr.strip().splitlines() or ["no output"])[-1]
    assert result.stdout.strip() == "GET, HEAD"


@pytest.mark.hint(
    "every Rule's endpoint has an on_<endpoint> method (except the build_only static)"
)
def test_every_endpoint_can_be_built(stage):
    urls = stage.URL_MAP.bind("localhost")
    assert urls.build("task", {"task_id": 2}) == "/tasks/2"
    assert urls.build("greet", {"name": "Zoë"}) == "/greet?name=Zo%C3%AB"
    assert urls.build("static", {"filename": "style.css"}) == "/static/style.css"


@pytest.mark.hint("build every href with request.urls.build(...), never write '/greet' by hand")
def test_no_link_in_the_stage_is_hard_coded(stage):
    source = (stage.STATIC_FOLDER.parent / "app.py").read_text(encoding="utf-8")
    assert not re.search(r'(href|action)="/', source), "build links with request.urls.build"


@pytest.mark.hint("bind_to_environ(environ) keeps SCRIPT_NAME, so built URLs carry the prefix")
def test_links_follow_the_app_when_it_is_mounted_under_a_prefix(client):
    # Built URLs include SCRIPT_NAME; hard-coded "/hello/Alice" would break here.
    response = client.get("/", environ_overrides={"SCRIPT_NAME": "/mounted"})
    hrefs = re.findall(r'(?:href|action)="([^"]+)"', response.get_data(as_text=True))
    assert hrefs
    assert all(href.startswith("/mounted/") for href in hrefs), hrefs
