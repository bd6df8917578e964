"""Table 2 of `make bench`: the capstone beside Django, FastAPI and the floor, same data.

Each is served the same way (gunicorn, the ladder's worker count; sync workers for the
WSGI apps, uvicorn's for FastAPI) on the same SQLite file, and loaded by wrk with the
same token. The WSGI apps are also timed in-process, each in a process of its own
(python -m bench.inprocess) so each reads its settings from the environment as it does
under gunicorn. Every figure is then divided by the floor's of the same run.
"""

import json
import os
import subprocess
import sys

from bench import frameworks
from bench import served

# name -> (folder, gunicorn target, worker class); the floor last, the others compare to it
SERVERS = {
    "capstone": (".", "capstone.wsgi:application", "sync"),
    **frameworks.VERSIONS,
    "floor": (".", "bench.floor:application", "sync"),
}
REQUESTS = ("task list", "filtered list", "task detail")


def environment(root, database, secret_key):
    """The environment every server of table 2 gets: one database, one secret, no Redis."""
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": secret_key,
        "REDIS_URL": "",
        "MAIL_SERVER": "",
        "CAPSTONE_ENV": "development",
        "PYTHONPATH": str(root),  # bench and capstone importable from compare/'s folders
    }


def side_by_side(root, env, token, paths, seconds):
    """{server: {request: figures}}: req/s, p50, p99, µs in-process, each with its floor ratio."""
    results = {}
    for name, (folder, target, worker) in SERVERS.items():
        results[name] = {}
        with served.gunicorn(target, cwd=root / folder, env=env, worker_class=worker) as url:
            for request in REQUESTS:
                load = served.load(url + paths[request], seconds, [f"Authorization: {token}"])
                results[name][request] = vars(load)
        costs = {}  # an ASGI app is not called like a WSGI one: served figures only
        if worker == "sync":
            costs = in_process(root / folder, target, env, token, [paths[r] for r in REQUESTS])
        for request in REQUESTS:
            results[name][request]["in_process_us"] = costs.get(paths[request])
    for figures in results.values():
        for request, figure in figures.items():
            floor = results["floor"][request]
            figure["rps_vs_floor"] = figure["requests_per_second"] / floor["requests_per_second"]
            cost = figure["in_process_us"]
            figure["cost_vs_floor"] = cost / floor["in_process_us"] if cost else None
    return results


def in_process(cwd, target, env, token, paths):
    """{path: µs per request} of the WSGI app `target` called directly, from `cwd`."""
    command = [sys.executable, "-m", "bench.inprocess", target, token, *paths]
    output = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return json.loads(output.stdout.splitlines()[-1])
