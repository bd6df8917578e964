"""Options shared by the whole suite.

`--app` lives here rather than in tests/contract/conftest.py because pytest only
reads options from the conftest files it loads first, and this one is always
among them.
"""


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
