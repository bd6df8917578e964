"""Worked solutions of stage 06's exercises, as changes to the reference package.

This package's modules come first; any module not written here (auth, csrf, main,
errors...) is found in the reference 06_factory/hello_factory/, added to `__path__`.
The reference's own `__init__.py` is loaded as `hello_factory.reference`, so its
create_app() builds the app, importing this package's config and db; the create_app
below adds what the exercises ask for.
"""

import functools
import importlib.util
import sys
from pathlib import Path

from flask import session

REFERENCE = Path(__file__).resolve().parents[5] / "06_factory" / "hello_factory"
# Modules not written here (auth, csrf, main...) are found in the reference package.
__path__.append(str(REFERENCE))


def reference_module(name):
    """The reference package's module `name` ('config', 'db'...), loaded once under its own name."""
    module_name = f"hello_factory.reference_{name}"
    if module_name not in sys.modules:
        file = REFERENCE / ("__init__.py" if name == "package" else f"{name}.py")
        spec = importlib.util.spec_from_file_location(module_name, file)
        sys.modules[module_name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[module_name]


def create_app(test_config=None):
    """The reference's factory, plus the admin blueprint (exercise 1) and remember-me (5)."""
    app = reference_module("package").create_app(test_config)

    from hello_factory import admin

    app.register_blueprint(admin.bp)
    app.view_functions["auth.login"] = remembering(app.view_functions["auth.login"])
    return app


def remembering(login):
    """Exercise 5: a successful login makes the session permanent, so its cookie gets Expires."""

    @functools.wraps(login)
    def view(**kwargs):
        response = login(**kwargs)
        if session.get("user_id") is not None:
            session.permanent = True  # for PERMANENT_SESSION_LIFETIME (config.py)
        return response

    return view
