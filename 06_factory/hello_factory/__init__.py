"""The hello app as a package, built by an application factory.

`create_app()` builds and returns a new, fully configured Flask app each time it is
called. Nothing here creates an app at import time, which is what lets a test make
an app with its own configuration and database, several apps live in one process,
and extensions and blueprints be imported anywhere without circular imports.

Run it (from the repository root)::

    flask --app 06_factory/app.py init-db      # once: create the database
    flask --app 06_factory/app.py run          # or: python 06_factory/app.py
"""

import os

from flask import Flask


def create_app(test_config=None):
    """Create and configure an app; `test_config` (a dict) overrides everything else."""
    app = Flask(__name__, instance_relative_config=True)

    # Imported here, not at the top: the factory pulls the pieces in when it runs,
    # so no module needs an app object at import time (no circular imports).
    from hello_factory import api
    from hello_factory import auth
    from hello_factory import csrf
    from hello_factory import errors
    from hello_factory import main
    from hello_factory.config import CONFIGS
    from hello_factory.config import problems_for_production
    from hello_factory.db import db

    env_name = (test_config or {}).get("ENV_NAME") or os.environ.get("HELLO_ENV", "development")
    if env_name not in CONFIGS:
        raise RuntimeError(f"HELLO_ENV must be one of {sorted(CONFIGS)}, not {env_name!r}")
    app.config.from_object(CONFIGS[env_name])
    app.config["ENV_NAME"] = env_name
    app.config.from_prefixed_env()  # FLASK_SECRET_KEY, FLASK_DATABASE...
    if test_config:
        app.config.from_mapping(test_config)
    if not app.config["DATABASE"]:
        app.config["DATABASE"] = os.path.join(app.instance_path, "hello.sqlite")
    if app.config["DATABASE"] != ":memory:":
        os.makedirs(os.path.dirname(os.path.abspath(app.config["DATABASE"])), exist_ok=True)
    if env_name == "production" and (problems := problems_for_production(app.config)):
        raise RuntimeError("Refusing to start in production: " + "; ".join(problems))

    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    db.init_app(app)
    csrf.init_app(app)
    errors.init_app(app)
    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp)  # url_prefix="/auth", set on the blueprint
    app.register_blueprint(api.bp, url_prefix="/api")
    return app
