"""Options shared by the whole suite.

`--app` lives here rather than in tests/contract/conftest.py because pytest only
reads options from the conftest files it loads first, and this one is always
among them.
"""

import traceback

import pytest
from harness.stages import load_target


def pytest_addoption(parser):
    """Add `--app path/to/file.py:callable`, to run the contract suite against any WSGI app."""
    parser.addoption(
        "--app",
        action="append",
        default=[],
        metavar="FILE.py:CALLABLE",
        help="run tests/contract against this WSGI callable instead of every stage "
        "(for example --app workspace/01_raw_wsgi/app.py:application)",
    )


def pytest_configure(config):
    """Load every --app target once, so a broken file is one clear message, not one per test."""
    for target in config.getoption("app"):
        try:
            load_target(target)
        except Exception as error:
            where = traceback.extract_tb(error.__traceback__)[-1]
            line = getattr(error, "lineno", None) or where.lineno
            file_name = getattr(error, "filename", None) or where.filename
            message = f"--app {target}: {type(error).__name__}: {error}"
            if "harness" not in file_name:  # Point into the learner's file, not the loader.
                message += f"\n  (at {file_name}:{line})"
            raise pytest.UsageError(message) from None
