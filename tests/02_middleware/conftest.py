"""Stage 02's folder goes on sys.path, so these tests import `hello` and `wsgi_middleware`."""

import io

import pytest
from harness.stages import add_stage_to_path
from harness.stages import load_stage

add_stage_to_path("02")

from wsgi_middleware import BasicAuth  # noqa: E402 (needs the path set above)
from wsgi_middleware import ErrorPages  # noqa: E402
from wsgi_middleware import RequestLog  # noqa: E402
from wsgi_middleware import Timing  # noqa: E402

# Each middleware alone, as the PEP 3333 tests wrap it around a test app. BasicAuth
# protects a path the tests do not request, so it passes requests on to the app.
LAYERS = {
    "RequestLog": lambda app: RequestLog(app, stream=io.StringIO()),
    "Timing": lambda app: Timing(app, on_finish=lambda *args: None),
    "ErrorPages": ErrorPages,
    "BasicAuth": lambda app: BasicAuth(app, protected=("/private",), credentials=("u", "p")),
    "the whole chain": lambda app: load_stage("02").build(app, log_stream=io.StringIO()),
}


@pytest.fixture(params=LAYERS.values(), ids=LAYERS.keys())
def wrap(request):
    """A function that wraps a WSGI app in one middleware (or the chain), for each in turn."""
    return request.param


@pytest.fixture(scope="session")
def stage():
    """The module 02_middleware/app.py."""
    return load_stage("02")
