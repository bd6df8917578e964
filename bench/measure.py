"""The measurements of `make bench`: the layer ladder, the capstone served, growth, queries."""

import importlib.util
import os
import sys
from pathlib import Path

from bench import capstone_data
from bench import capstone_requests
from bench import frameworks
from bench import peers
from bench import served
from bench.inprocess import microseconds_per_request

ROOT = Path(__file__).resolve().parent.parent
STAGES = {"01": "01_raw_wsgi", "03": "03_werkzeug", "04": "04_flask_basic", "06": "06_factory"}
HELLO = "/hello/World"
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))  # per load test


def load_stage(folder):
    """A stage's `application`, imported from its app.py with its folder on sys.path."""
    sys.path.insert(0, str(ROOT / folder))
    try:
        spec = importlib.util.spec_from_file_location(f"bench_{folder}", ROOT / folder / "app.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # Flask finds templates from the module's file
        spec.loader.exec_module(module)
        return module.application
    finally:
        sys.path.remove(str(ROOT / folder))


def ladder():
    """Stage by stage: µs per request in-process, and requests/s, p50, p99 under gunicorn."""
    rungs = {}
    for number, folder in STAGES.items():
        in_process = microseconds_per_request(load_stage(folder), HELLO)
        with served.gunicorn("app:application", cwd=ROOT / folder) as url:
            under_load = served.load(url + HELLO, SECONDS)
        rungs[number] = {"folder": folder, "in_process_us": in_process, **vars(under_load)}
    return {**rungs, **frameworks.hello_rungs(ROOT, HELLO, SECONDS)}


def capstone_served(database, project_id):
    """Table 2: the capstone, its peers and the floor side by side; and the dashboard, served."""
    with capstone_requests.logged_in_client(database) as (app, client):
        token = client.environ_base["HTTP_AUTHORIZATION"]
        secret_key = app.config["SECRET_KEY"]
        name = app.config["SESSION_COOKIE_NAME"]
        cookie = f"Cookie: {name}={client.get_cookie(name).value}"
    paths = capstone_requests.endpoints(project_id, assignee_id=2)
    env = peers.environment(ROOT, database, secret_key)
    results = peers.side_by_side(ROOT, env, token, paths, SECONDS)
    own = {}
    uncached = {**env, "FLASK_CACHE_TYPE": "NullCache"}
    with served.gunicorn("capstone.wsgi:application", cwd=ROOT, env=uncached) as url:
        own["dashboard, not cached"] = vars(
            served.load(url + paths["dashboard"], SECONDS, [cookie])
        )
    with served.gunicorn("capstone.wsgi:application", cwd=ROOT, env=env) as url:
        own["dashboard, cached"] = vars(served.load(url + paths["dashboard"], SECONDS, [cookie]))
        headers = [f"Authorization: {token}"]
        own["task list, full"] = vars(served.load(url + paths["task list"], SECONDS, headers))
        headers.append(f"If-None-Match: {served.etag(url + paths['task list'], token)}")
        own["task list, 304"] = vars(served.load(url + paths["task list"], SECONDS, headers))
    return results, own


def growth_and_statements(folder):
    """p50 at 1,000 and 100,000 tasks, and SQL statements per request as data and pages grow."""
    p50s, counts = {}, {}
    for size in (1_000, 100_000):
        database = Path(folder) / f"capstone-{size}.sqlite"
        project_id = capstone_data.build(database, size)
        paths = capstone_requests.endpoints(project_id, assignee_id=2)
        with capstone_requests.logged_in_client(database) as (app, client):
            for name, path in paths.items():
                p50s.setdefault(name, {})[size] = capstone_requests.p50_ms(client, path)
                counts.setdefault(name, {})[f"{size} tasks"] = capstone_requests.statements(
                    app, client, path
                )
            for per_page in (5, 100):
                for name in ("task list", "filtered list"):
                    path = paths[name].replace("per_page=20", f"per_page={per_page}")
                    counts[name][f"{size} tasks, {per_page} a page"] = capstone_requests.statements(
                        app, client, path
                    )
    growth = {
        name: {"p50_1k_ms": v[1_000], "p50_100k_ms": v[100_000], "ratio": v[100_000] / v[1_000]}
        for name, v in p50s.items()
        if name != "task detail"
    }
    return growth, counts
