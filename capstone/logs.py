"""Logs as JSON lines on stdout in production, for a log collector to parse.

One JSON object per line: time (UTC, ISO 8601), level, logger, process id, message,
and, during a request, its method, path and client address; a traceback goes in
`exception`, so a multi-line traceback is still one record. Development keeps Flask's
readable lines. LOG_FORMAT=json or text chooses; production defaults to json.
"""

import json
import logging
import sys
from datetime import UTC
from datetime import datetime

from flask import has_request_context
from flask import request
from flask.logging import default_handler


class JsonFormatter(logging.Formatter):
    """Format a log record as one line of JSON."""

    def format(self, record):
        """The record as a JSON object on one line."""
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "pid": record.process,  # which worker, when several serve the app
            "message": record.getMessage(),
        }
        if has_request_context():
            entry.update(method=request.method, path=request.path, client=request.remote_addr)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class JsonHandler(logging.StreamHandler):
    """A handler writing JSON lines to stdout (a class, so it is added once per logger)."""

    def __init__(self):
        # Handler's, not StreamHandler's: that one would store a stream, and the
        # property below has none to store.
        logging.Handler.__init__(self)
        self.setFormatter(JsonFormatter())

    @property
    def stream(self):
        """sys.stdout when a record is written, not when the app was made.

        As logging's own last-resort handler does with stderr: whoever replaces
        sys.stdout later (pytest capturing a test's output) gets the lines too.
        """
        return sys.stdout


def init_app(app):
    """With LOG_FORMAT=json, replace Flask's handler on app.logger by a JSON one."""
    if app.config["LOG_FORMAT"] != "json":
        return
    app.logger.removeHandler(default_handler)
    if not any(isinstance(handler, JsonHandler) for handler in app.logger.handlers):
        app.logger.addHandler(JsonHandler())
