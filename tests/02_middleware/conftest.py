"""Stage 02's folder goes on sys.path, so these tests import `hello` and `wsgi_middleware`.

The folder is 02_middleware/, or a learner's workspace given with --stage-dir. It is put
on the path in pytest_configure, after tests/conftest.py has read --stage-dir, and not
when this file is imported: pytest imports it before the options are known.
"""

import io

import pytest
from harness.stages import add_stage_to_path
from harness.stages import load_stage


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    """Put the folder under test on sys.path before the test modules import from it."""
    add_stage_to_path("02")


def layers():
    """Each middleware alone, as the PEP 3333 tests wrap it around a test app.

    BasicAuth protects a path the tests do not request, so it passes requests on.
    """
    from wsgi_middleware import BasicAuth
    from wsgi_middleware import ErrorPages
    from wsgi_middleware import RequestLog
    from wsgi_middleware import Timing

    return {
        "RequestLog": lambda app: RequestLog(app, stream=io.StringIO()),
        "Timing": lambda app: Timing(app, on_finish=lambda *args: None),
        "ErrorPages": ErrorPages,
        "BasicAuth": lambda app: BasicAuth(app, protected=("/private",), credentials=("u", "p")),
        "the whole chain": lambda app: load_stage("02").build(app, log_stream=io.StringIO()),
    }


@pytest.fixture(params=["RequestLog", "Timing", "ErrorPages", "BasicAuth", "the whole chain"])
def wrap(request):
    """A function that wraps a WSGI app in one middleware (or the chain), for each in turn."""
    return layers()[request.param]


@pytest.fixture(scope="session")
def stage():
    """The module app.py of the folder under test."""
    return load_stage("02")
