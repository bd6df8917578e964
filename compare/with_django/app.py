"""The hello app in Django: `application` is Django's WSGI callable, like every stage's.

Django is a framework of conventions: a project is a settings module
(hello_site/settings.py), a URL configuration (urls.py) mapping paths to views
(views.py), and templates. `get_wsgi_application()` reads the settings, loads every
installed app and builds the middleware chain once, then returns a `WSGIHandler`:
a PEP 3333 callable, so the contract suite calls it in-process as it calls stage 01.

Run it::

    python compare/with_django/app.py          # HOST, PORT: 127.0.0.1:8000

Django's own way is `django-admin runserver --pythonpath compare/with_django
--settings hello_site.settings`, with a reloader. In production:
``gunicorn --chdir compare/with_django app:application``.
"""

import os
import sys

from django.core.servers.basehttp import WSGIRequestHandler
from django.core.servers.basehttp import WSGIServer
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hello_site.settings")
application = get_wsgi_application()


def serve():
    """Serve `application` with Django's development server on HOST:PORT, until Ctrl-C."""
    host = os.environ.get("HOST", "127.0.0.1")
    port_text = os.environ.get("PORT", "8000")
    if not (port_text.isascii() and port_text.isdigit() and int(port_text) < 65536):
        sys.exit(f"PORT must be a number from 0 to 65535, not {port_text!r}.")
    try:
        server = WSGIServer((host, int(port_text)), WSGIRequestHandler)
    except OSError as error:
        sys.exit(f"Cannot listen on {host}:{port_text}: {error.strerror}.")
    server.set_app(application)
    # PORT=0 asks the system for a free port; print the one we really got.
    print(f"Serving compare/with_django on http://{host}:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Stopped.")


if __name__ == "__main__":
    serve()
