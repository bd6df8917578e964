"""The floor: the API's task list and task detail as a bare WSGI callable on the DBAPI.

It does the same work as the capstone for GET /api/v1/projects/<id>/tasks and GET
/api/v1/tasks/<id>: PyJWT checks the token, the user is read and compared with the
token's session id, the membership rule (members, or any admin) decides 404, the same
filters, sorting and paging run as SQL, and the JSON is the same bytes. Nothing else:
no routing table, no ORM, no request object, no validation beyond what these requests
need. It is a measuring stick for `make bench`, not an app; tests/test_bench_floor.py
holds its answers equal to the capstone's.

Serve it with gunicorn (DATABASE_URL and SECRET_KEY in the environment, sqlite:/// or
postgresql+psycopg://): python -m gunicorn bench.floor:application
"""

import hashlib
import json
import os
import re
import sqlite3
from datetime import UTC
from datetime import datetime
from urllib.parse import parse_qsl

import jwt

from bench import floor_sql

SECURITY_HEADERS = [
    ("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
     "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
     "frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
]  # fmt: skip
MISSING = "Send a token: Authorization: Bearer <token>."
EXPIRED = "The token has expired: ask POST /api/v1/tokens for a new one."
INVALID = "The token is not valid: it is malformed, or was not signed by this server."
REVOKED = "The token was revoked by a logout, a new password or a deactivation."
ROUTES = [
    (re.compile(r"/api/v1/projects/([1-9][0-9]{0,9})/tasks"), "list"),
    (re.compile(r"/api/v1/tasks/([1-9][0-9]{0,9})"), "detail"),
]


class Refused(Exception):
    """An error answer: status, JSON code, message, extra headers."""

    def __init__(self, status, code, message, headers=()):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, list(headers)


def connect(url):
    """A DBAPI connection and its placeholder for a SQLAlchemy-style URL."""
    if url.startswith("sqlite:///"):
        connection = sqlite3.connect(url.removeprefix("sqlite:///"), check_same_thread=False)
        connection.isolation_level = None  # autocommit: each SELECT sees the latest commit
        return connection, "?"
    import psycopg  # only when the bench runs on PostgreSQL

    connection = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
    connection.autocommit = True
    connection.execute("SET TIME ZONE 'UTC'")
    return connection, "%s"


def make_app(database_url, secret_key):
    """The WSGI callable, with one connection (a sync worker serves one request at a time)."""
    connection, mark = connect(database_url)
    statements = floor_sql.Statements(mark)

    def application(environ, start_response):
        headers = [("Content-Type", "application/json"), *SECURITY_HEADERS]
        try:
            tag, build = answer(environ, connection, statements, secret_key)
            headers += [("ETag", f'"{tag}"'), ("Cache-Control", "private, no-cache")]
            if environ.get("HTTP_IF_NONE_MATCH") == f'"{tag}"':
                start_response("304 NOT MODIFIED", headers)
                return []
            status = "200 OK"
            body = json.dumps(build(), sort_keys=True, separators=(",", ":")).encode() + b"\n"
        except Refused as refused:
            status = refused.status
            payload = {"error": refused.code, "message": refused.message}
            body = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
            headers += refused.headers
            if "HTTP_AUTHORIZATION" in environ:
                headers.append(("Cache-Control", "no-store"))
        headers.append(("Content-Length", str(len(body))))
        start_response(status, headers)
        return [body]

    return application


def answer(environ, connection, statements, secret_key):
    """(ETag, a function making the payload) for one request, or Refused.

    The ETag is made like the capstone's, of the caller, the day, what was asked and
    the project's version, read before (or with) the rows.
    """
    path = environ["PATH_INFO"]
    found = [(kind, match) for pattern, kind in ROUTES if (match := pattern.fullmatch(path))]
    if not found:
        raise Refused("404 NOT FOUND", "not_found", "The requested URL was not found.")
    [(kind, match)] = found
    user = user_from(environ.get("HTTP_AUTHORIZATION", ""), connection, statements, secret_key)
    today = datetime.now(UTC).date().isoformat()
    if kind == "detail":
        row = statements.task(connection, user, int(match[1]))
        if row is None:
            raise Refused("404 NOT FOUND", "not_found", "There is no such task.")
        tag = etag(user, today, kind, match[1], row[-1])
        return tag, lambda: floor_sql.task_json(row[:-1], today)
    version = statements.visible(connection, user, int(match[1]))
    if version is None:
        raise Refused("404 NOT FOUND", "not_found", "There is no such project.")
    query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
    tag = etag(user, today, kind, match[1], version[0], sorted(query.items()))
    return tag, lambda: statements.page(connection, int(match[1]), query, today)


def etag(*validators):
    """A short hash of what identifies an answer."""
    return hashlib.blake2b(repr(validators).encode(), digest_size=12).hexdigest()


def user_from(authorization, connection, statements, secret_key):
    """(id, is_admin) of the token's active user; Refused (401) as the capstone says it."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Refused("401 UNAUTHORIZED", "unauthorized", MISSING, [("WWW-Authenticate", "Bearer")])
    try:
        claims = jwt.decode(
            token.strip(),
            secret_key,
            algorithms=["HS256"],
            options={"require": ["exp", "iat", "sub"]},
        )
    except jwt.ExpiredSignatureError:
        raise refuse(EXPIRED) from None
    except jwt.InvalidTokenError:
        raise refuse(INVALID) from None
    subject = claims["sub"]
    valid_id = subject.isascii() and subject.isdigit() and 0 < int(subject) <= 2**31 - 1
    row = statements.user(connection, int(subject)) if valid_id else None
    if row is None:
        raise refuse(INVALID)
    active, session_token, role = row
    if not active or claims.get("sid") != session_token:
        raise refuse(REVOKED)
    return int(subject), role == "admin"


def refuse(message):
    """The 401 for a refused token, with RFC 6750's challenge."""
    challenge = f'Bearer error="invalid_token", error_description="{message}"'
    return Refused("401 UNAUTHORIZED", "unauthorized", message, [("WWW-Authenticate", challenge)])


def __getattr__(name):
    """`application` for gunicorn, built on first use from DATABASE_URL and SECRET_KEY."""
    if name != "application":
        raise AttributeError(name)
    app = make_app(os.environ["DATABASE_URL"], os.environ["SECRET_KEY"])
    globals()["application"] = app
    return app
