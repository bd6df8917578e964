"""compare/'s Django and FastAPI versions in the benchmark: their hello pages (table 1).

Each is served by its usual production server with the ladder's number of workers:
gunicorn's sync workers for Django (a WSGI app, like every stage), gunicorn with
uvicorn's workers for FastAPI (an ASGI app). FastAPI has no in-process figure: an ASGI
app is not called like a WSGI one, so only the served figures compare.
"""

import importlib.util
import sys

from bench import served
from bench.inprocess import microseconds_per_request

# name -> (folder, gunicorn target, worker class)
VERSIONS = {
    "django": ("compare/with_django", "app:application", "sync"),
    "fastapi": ("compare/with_fastapi", "app:app", "uvicorn_worker.UvicornWorker"),
}


def load_django(root):
    """Django's WSGI callable; its folder stays on sys.path, where Django imports urls.py from."""
    folder = root / VERSIONS["django"][0]
    sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location("bench_with_django", folder / "app.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.application


def hello_rungs(root, path, seconds):
    """The ladder's rungs for compare/: µs in-process (Django only) and the served figures."""
    rungs = {}
    for name, (folder, target, worker) in VERSIONS.items():
        in_process = microseconds_per_request(load_django(root), path) if name == "django" else None
        with served.gunicorn(target, cwd=root / folder, worker_class=worker) as url:
            under_load = served.load(url + path, seconds)
        rungs[name] = {"folder": folder, "in_process_us": in_process, **vars(under_load)}
    return rungs
