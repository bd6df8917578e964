"""Stage 06: the hello app, built by an application factory in the `hello_factory` package.

This file calls the factory (and refuses an in-memory database), so that WSGI servers
and the tests find the app as `application`, as in every stage; the app itself lives in
hello_factory/. Run it::

    python 06_factory/app.py                  # HOST, PORT: 127.0.0.1:8000
    flask --app 06_factory/app.py run         # --host, --port: 127.0.0.1:5000

HELLO_ENV chooses the configuration (development, testing, production); production
needs FLASK_SECRET_KEY. FLASK_DATABASE names the SQLite file (instance/hello.sqlite).
In production: ``gunicorn --chdir 06_factory app:application``.
"""

import ipaddress
import os
import sys

from hello_factory import create_app

application = create_app()

# ":memory:" is a new, empty database for each connection, and db.py opens one per
# request: the second request would find no tables. Fine in a test of one request; a
# server refuses it here, with the way out.
if application.config["DATABASE"] == ":memory:":
    sys.exit(
        'DATABASE=":memory:" would give every request an empty database of its own: '
        "use a file, for example FLASK_DATABASE=instance/try.sqlite"
    )


def is_loopback(host):
    """True for 'localhost' and loopback addresses such as 127.0.0.1 and ::1."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve():
    """Serve with app.run on HOST:PORT; FLASK_DEBUG=1 turns on the debugger, on loopback only."""
    host = os.environ.get("HOST", "127.0.0.1")
    port_text = os.environ.get("PORT", "8000")
    if not (port_text.isascii() and port_text.isdigit() and int(port_text) < 65536):
        sys.exit(f"PORT must be a number from 0 to 65535, not {port_text!r}.")
    if os.environ.get("FLASK_DEBUG") == "1" and not is_loopback(host):
        sys.exit(
            f"Refusing FLASK_DEBUG=1 on HOST={host}: the debugger runs any Python code "
            "typed into the browser. Use it on HOST=127.0.0.1 only."
        )
    application.run(host=host, port=int(port_text))


if __name__ == "__main__":
    serve()
