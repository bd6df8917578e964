"""The capstone: a collaborative task manager, built by an application factory.

    flask --app capstone init-db        # migrate the database to the latest schema
    flask --app capstone seed-demo      # demo users, projects, tasks (development only)
    flask --app capstone run            # http://127.0.0.1:5000/

Configuration comes from the environment (capstone/config.py); README.md lists it all.
"""

import os

from flask import Flask


def create_app(test_config=None):
    """Create and configure the app; `test_config` overrides everything else."""
    app = Flask(__name__, instance_relative_config=True)

    from capstone import cli
    from capstone.config import CONFIGS
    from capstone.config import from_environment
    from capstone.config import problems_for_production
    from capstone.database import db
    from capstone.database import sqlite_url_in

    env_name = (test_config or {}).get("ENV_NAME") or os.environ.get("CAPSTONE_ENV", "development")
    if env_name not in CONFIGS:
        raise RuntimeError(f"CAPSTONE_ENV must be one of {sorted(CONFIGS)}, not {env_name!r}")
    app.config.from_object(CONFIGS[env_name])
    app.config["ENV_NAME"] = env_name
    app.config.from_mapping(from_environment())
    app.config.from_prefixed_env()
    if test_config:
        app.config.from_mapping(test_config)
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = sqlite_url_in(app.instance_path)
    if env_name == "production" and (problems := problems_for_production(app.config)):
        raise RuntimeError("Refusing to start in production: " + "; ".join(problems))

    db.init_app(app)
    cli.init_app(app)
    return app
