"""Stage 03, your version: the hello app on Werkzeug's Request, Response, Map and Rule.

Flask is a thin layer over Werkzeug, the WSGI toolkit. Rewriting stage 01's app
with Werkzeug shows which of its hand-written parts a library replaces:

* ``Request`` parses environ: ``request.args``, ``form``, ``cookies``, ``get_json()``,
  decoding and size limits included;
* ``Response`` is a WSGI app that sends itself: status, headers, cookies, HEAD;
* ``Map`` and ``Rule`` route, with converters (``<int(min=1):task_id>``), 404/405
  and trailing-slash redirects, and build every URL (``MapAdapter.build``);
* ``HTTPException`` subclasses (``NotFound``, ``BadRequest``...) are raised by any
  code and are themselves responses.

The application is a class in the style of Werkzeug's tutorial: ``__call__``
delegates to ``wsgi_app``, so middleware wraps ``wsgi_app`` (here, the static
files) and the object stays the app. Flask's ``Flask`` class is built the same way.

Given: the imports, ``HelloRequest``, ``page()``, the static files middleware, ``serve()``
and ``is_loopback()``. Yours: the rules of ``URL_MAP``, then ``HelloApp`` and the
helpers, from the top. Check with ``make check STAGE=03``.

Run it::

    python workspace/03_werkzeug/app.py          # http://127.0.0.1:8000/
    DEBUG=1 python workspace/03_werkzeug/app.py  # Werkzeug's debugger, loopback only

In production: ``gunicorn --chdir workspace/03_werkzeug app:application``.
"""

import ipaddress
import json
import os
import sys
from html import escape
from pathlib import Path

from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.exceptions import NotFound
from werkzeug.middleware.shared_data import SharedDataMiddleware
from werkzeug.routing import Map
from werkzeug.routing import Rule
from werkzeug.serving import run_simple
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

DEFAULT_NAME = "World"
MAX_BODY_BYTES = 1024 * 1024
STATIC_FOLDER = Path(__file__).parent / "static"
TASKS = ("Read PEP 3333", "Wrap an app in middleware", "Meet Werkzeug's Map and Rule")

# GET = ["GET"]: a Rule without methods matches every method, so POST /hello/x would be
# a 200, not a 405. Werkzeug adds HEAD wherever GET is allowed.
GET = ["GET"]
URL_MAP = Map(
    [
        Rule("/", endpoint="index", methods=GET),
        # TODO: a Rule per page, each with an endpoint name and its methods:
        #   /hello/<name> (hello), /greet (greet), /submit (submit, POST only),
        #   /tasks/ (task_list: the trailing slash makes /tasks redirect),
        #   /tasks/<int(min=1, max=999):task_id> (task), /api/hello/<name> (api_hello),
        #   /api/greetings (api_greetings, POST only).
        # SharedDataMiddleware serves these; the rule exists only to build their URLs.
        Rule("/static/<path:filename>", endpoint="static", build_only=True),
    ]
)


class HelloRequest(Request):
    """The request class: Werkzeug's, with a size limit (larger bodies get 413)."""

    max_content_length = MAX_BODY_BYTES
    max_form_memory_size = MAX_BODY_BYTES


class HelloApp:
    """The hello app: routes with URL_MAP, dispatches to `on_<endpoint>` methods."""

    def __init__(self, url_map=URL_MAP):
        self.url_map = url_map

    def __call__(self, environ, start_response):
        """The WSGI entry point; it delegates, so middleware can wrap `wsgi_app`."""
        # TODO: call self.wsgi_app with the same arguments: middleware wraps wsgi_app, and the
        # object stays the app.
        raise NotImplementedError("TODO: __call__")

    def wsgi_app(self, environ, start_response):
        """Wrap environ in a Request, dispatch it, and let the Response send itself."""
        # TODO: a HelloRequest of environ; request.urls = the map bound to environ
        # (bind_to_environ keeps SCRIPT_NAME); dispatch; call the response as a WSGI app.
        raise NotImplementedError("TODO: wsgi_app")

    def dispatch_request(self, request):
        """Match the URL to an endpoint and call its view; an HTTPException is the answer."""
        # TODO: request.urls.match() gives (endpoint, values): call self.on_<endpoint>(request,
        # **values). An HTTPException is itself a response: return it, as JSON under /api/
        # (json_error), and with MethodNotAllowed's valid_methods sorted first.
        raise NotImplementedError("TODO: dispatch_request")

    def on_index(self, request):
        """The welcome page, with every link built from the map."""
        # TODO: an <h1>, a welcome back line naming the last_greeted cookie (escaped), links
        # built with request.urls.build(...) to hello, greet, task_list and api_hello, and
        # the form posting a "message" to the submit URL.
        raise NotImplementedError("TODO: on_index")

    def on_hello(self, request, name):
        """Greet the name from the path, and remember it in a cookie."""
        # TODO: greeting() does the work.
        raise NotImplementedError("TODO: on_hello")

    def on_greet(self, request):
        """Greet the name from the query string, or the default."""
        # TODO: request.args, stripped; blank means DEFAULT_NAME.
        raise NotImplementedError("TODO: on_greet")

    def on_submit(self, request):
        """Echo the posted `message` field."""
        # TODO: request.form; an empty message is BadRequest(...); the echo is escaped.
        raise NotImplementedError("TODO: on_submit")

    def on_task_list(self, request):
        """List the tasks, each linked with a URL built from the map."""
        # TODO: an <ol> of TASKS, each linked to its task URL, numbered from 1.
        raise NotImplementedError("TODO: on_task_list")

    def on_task(self, request, task_id):
        """Show one task; the converter has already made `task_id` an int from 1 to 999."""
        # TODO: NotFound for a number past the end of TASKS; else the task's page.
        raise NotImplementedError("TODO: on_task")

    def on_api_hello(self, request, name):
        """The greeting as JSON."""
        # TODO: json_response({"greeting": ...}).
        raise NotImplementedError("TODO: on_api_hello")

    def on_api_greetings(self, request):
        """Greet the `name` of a posted JSON object; get_json() answers 415 and 400 itself."""
        # TODO: request.get_json(); a non-empty string "name" or BadRequest; 201.
        # JSON nested a thousand levels deep escapes get_json() as a RecursionError:
        # that is the client's mistake too, so a 400.
        raise NotImplementedError("TODO: on_api_greetings")


def page(request, title, body):
    """A complete HTML page as a Response; the caller escapes what goes into `body`."""
    css = request.urls.build("static", {"filename": "style.css"})
    return Response(
        "<!doctype html>\n"
        '<html lang="en">\n'
        f'<head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<link rel="stylesheet" href="{css}"></head>\n'
        f"<body>\n{body}\n</body>\n"
        "</html>\n",
        mimetype="text/html",
    )


def greeting(request, name):
    """The page /hello/<name> and /greet answer with; it sets the last_greeted cookie."""
    # TODO: page() with <h1>Hello, NAME!</h1> (escaped) and a link back to the index, then
    # set_cookie("last_greeted", name, ...) for 30 days, httponly, samesite Lax.
    raise NotImplementedError("TODO: greeting")


def json_response(data, status=200):
    """A JSON Response."""
    # TODO: json.dumps, mimetype application/json, the status.
    raise NotImplementedError("TODO: json_response")


def json_error(error):
    """An HTTPException as JSON, for API clients, keeping its status and headers (Allow...)."""
    # TODO: {"error": error.name, "message": error.description} with error.code, plus
    # the exception's own headers (error.get_headers()) except its Content-Type.
    raise NotImplementedError("TODO: json_error")


application = HelloApp()
# Static files: a middleware around wsgi_app, so requests for /static/ never reach the Map.
application.wsgi_app = SharedDataMiddleware(application.wsgi_app, {"/static": str(STATIC_FOLDER)})


def serve():
    """Serve with Werkzeug's run_simple; DEBUG=1 and RELOAD=1 turn on its debugger and reloader."""
    host = os.environ.get("HOST", "127.0.0.1")
    port_text = os.environ.get("PORT", "8000")
    if not (port_text.isascii() and port_text.isdigit() and int(port_text) < 65536):
        sys.exit(f"PORT must be a number from 0 to 65535, not {port_text!r}.")
    debug = os.environ.get("DEBUG") == "1"
    reload = os.environ.get("RELOAD") == "1"
    if debug and not is_loopback(host):
        sys.exit(
            f"Refusing DEBUG=1 on HOST={host}: Werkzeug's debugger runs any Python code typed "
            "into the browser. Use it on HOST=127.0.0.1 only."
        )
    # stderr, like Werkzeug's own startup lines, so they keep their order.
    print(
        f"03_werkzeug: debugger {'on' if debug else 'off'}, reloader {'on' if reload else 'off'}",
        file=sys.stderr,
        flush=True,
    )
    run_simple(host, int(port_text), application, use_debugger=debug, use_reloader=reload)


def is_loopback(host):
    """True for 'localhost' and loopback addresses such as 127.0.0.1 and ::1."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


if __name__ == "__main__":
    serve()
