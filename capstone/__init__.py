"""The capstone: a collaborative task manager, built by an application factory.

    flask --app capstone init-db        # migrate the database to the latest schema
    flask --app capstone seed-demo      # demo users, projects, tasks (development only)
    flask --app capstone run            # http://127.0.0.1:5000/

Configuration comes from the environment (capstone/config.py); README.md lists it all.
"""

import logging
import os

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from capstone.models.base import MAX_ID


class IdConverter(IntegerConverter):
    """<id:name> in a route: 1 to MAX_ID, so a larger number is a 404, not a database error."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=MAX_ID)


def create_app(test_config=None):
    """Create and configure the app; `test_config` overrides everything else."""
    app = Flask(__name__, instance_relative_config=True)

    from capstone import admin
    from capstone import api
    from capstone import auth
    from capstone import billing
    from capstone import cache
    from capstone import cli
    from capstone import errors
    from capstone import health
    from capstone import jobs
    from capstone import logs
    from capstone import main
    from capstone import organizations
    from capstone import projects
    from capstone import realtime
    from capstone import security
    from capstone import tasks
    from capstone import uploads
    from capstone import web
    from capstone.api import docs as api_docs
    from capstone.config import CONFIGS
    from capstone.config import from_environment
    from capstone.config import problems_for_production
    from capstone.config import served_url
    from capstone.database import db
    from capstone.database import sqlite_url_in
    from capstone.extensions import csrf
    from capstone.extensions import login_manager

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
    if not app.config["PUBLIC_URL"] and env_name != "production":
        app.config["PUBLIC_URL"] = served_url()
    if env_name == "production" and (problems := problems_for_production(app.config)):
        raise RuntimeError("Refusing to start in production: " + "; ".join(problems))

    app.url_map.converters["id"] = IdConverter
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    if not app.logger.level:
        app.logger.setLevel(logging.INFO)  # emails in development are written at INFO
    logs.init_app(app)

    db.init_app(app)
    cache.init_app(app)
    jobs.init_app(app)
    realtime.init_app(app)
    login_manager.init_app(app)
    uploads.init_app(app)  # before csrf: it sets the body limit that the CSRF check reads with
    csrf.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    web.init_app(app)
    cli.init_app(app)
    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(projects.bp)
    app.register_blueprint(organizations.bp)
    app.register_blueprint(tasks.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(api_docs.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(billing.bp)
    csrf.exempt(api.bp)  # the API authenticates with bearer tokens, not cookies
    if proxies := app.config["TRUSTED_PROXIES"]:
        # Outermost, so every layer inside (Socket.IO's origin check included) sees the
        # client's address, scheme and host as the proxy received them.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    return app
