"""Stage 03: the hello app on Werkzeug's Request, Response, Map and Rule.

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

Run it::

    python 03_werkzeug/app.py          # http://127.0.0.1:8000/
    DEBUG=1 python 03_werkzeug/app.py  # Werkzeug's debugger, loopback only

In production: ``gunicorn --chdir 03_werkzeug app:application``.
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
        Rule("/hello/<name>", endpoint="hello", methods=GET),
        Rule("/greet", endpoint="greet", methods=GET),
        Rule("/submit", endpoint="submit", methods=["POST"]),
        # A trailing slash makes /tasks redirect to /tasks/ (strict_slashes).
        Rule("/tasks/", endpoint="task_list", methods=GET),
        # Bounds: /tasks/0 and /tasks/99999999999999999999 match nothing, so 404.
        Rule("/tasks/<int(min=1, max=999):task_id>", endpoint="task", methods=GET),
        Rule("/api/hello/<name>", endpoint="api_hello", methods=GET),
        Rule("/api/greetings", endpoint="api_greetings", methods=["POST"]),
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
        return self.wsgi_app(environ, start_response)

    def wsgi_app(self, environ, start_response):
        """Wrap environ in a Request, dispatch it, and let the Response send itself."""
        request = HelloRequest(environ)
        request.urls = self.url_map.bind_to_environ(environ)
        response = self.dispatch_request(request)
        return response(environ, start_response)

    def dispatch_request(self, request):
        """Match the URL to an endpoint and call its view; an HTTPException is the answer."""
        try:
            endpoint, values = request.urls.match()
            return getattr(self, f"on_{endpoint}")(request, **values)
        except HTTPException as error:  # NotFound, MethodNotAllowed, redirects, BadRequest...
            if isinstance(error, MethodNotAllowed):
                # The Map gathers methods in a set; sort them so Allow is the same every run.
                error.valid_methods = sorted(error.valid_methods)
            return json_error(error) if request.path.startswith("/api/") else error

    def on_index(self, request):
        """The welcome page, with every link built from the map."""
        urls = request.urls
        last = request.cookies.get("last_greeted")
        welcome = f"<p>Welcome back! Last time you greeted {escape(last)}.</p>\n" if last else ""
        links = [
            (urls.build("hello", {"name": "Alice"}), "/hello/Alice"),
            (urls.build("greet", {"name": "Bob"}), "/greet?name=Bob"),
            (urls.build("greet"), f"/greet (no name: greets {DEFAULT_NAME})"),
            (urls.build("task_list"), "/tasks/"),
            (urls.build("api_hello", {"name": "Alice"}), "/api/hello/Alice (JSON)"),
        ]
        items = "".join(
            f'<li><a href="{escape(href)}">{escape(text)}</a></li>\n' for href, text in links
        )
        return page(
            request,
            "Hello, Werkzeug",
            f"<h1>Hello, Werkzeug!</h1>\n{welcome}<ul>\n{items}</ul>\n"
            f'<form method="post" action="{urls.build("submit")}">\n'
            '<label>Message <input name="message" required></label>\n'
            "<button>Send</button>\n</form>",
        )

    def on_hello(self, request, name):
        """Greet the name from the path, and remember it in a cookie."""
        return greeting(request, name)

    def on_greet(self, request):
        """Greet the name from the query string, or the default."""
        return greeting(request, request.args.get("name", "").strip() or DEFAULT_NAME)

    def on_submit(self, request):
        """Echo the posted `message` field."""
        message = request.form.get("message", "")
        if not message.strip():
            raise BadRequest("The form needs a non-empty 'message' field.")
        return page(request, "Submitted", f"<h1>You submitted: {escape(message)}</h1>")

    def on_task_list(self, request):
        """List the tasks, each linked with a URL built from the map."""
        items = "".join(
            f'<li><a href="{request.urls.build("task", {"task_id": n})}">{escape(t)}</a></li>\n'
            for n, t in enumerate(TASKS, start=1)
        )
        return page(request, "Tasks", f"<h1>Tasks</h1>\n<ol>\n{items}</ol>")

    def on_task(self, request, task_id):
        """Show one task; the converter has already made `task_id` an int from 1 to 999."""
        if task_id > len(TASKS):
            raise NotFound(f"There is no task {task_id}.")
        return page(
            request,
            f"Task {task_id}",
            f"<h1>Task {task_id}</h1>\n<p>{escape(TASKS[task_id - 1])}</p>",
        )

    def on_api_hello(self, request, name):
        """The greeting as JSON."""
        return json_response({"greeting": f"Hello, {name}!"})

    def on_api_greetings(self, request):
        """Greet the `name` of a posted JSON object; get_json() answers 415 and 400 itself.

        Except for JSON nested too deeply: json.loads raises RecursionError there, not the
        ValueError that get_json() turns into a 400, so it is caught here.
        """
        try:
            data = request.get_json()
        except RecursionError:
            raise BadRequest("The JSON is nested too deeply.") from None
        name = data.get("name") if isinstance(data, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise BadRequest('Send a JSON object with a non-empty string "name".')
        return json_response({"greeting": f"Hello, {name}!"}, status=201)


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
    text = f"Hello, {name}!"
    back = request.urls.build("index")
    response = page(request, text, f'<h1>{escape(text)}</h1>\n<p><a href="{back}">Back</a></p>')
    response.set_cookie("last_greeted", name, max_age=30 * 24 * 3600, httponly=True, samesite="Lax")
    return response


def json_response(data, status=200):
    """A JSON Response."""
    return Response(json.dumps(data), status=status, mimetype="application/json")


def json_error(error):
    """An HTTPException as JSON, for API clients, keeping its status and headers (Allow...)."""
    response = json_response({"error": error.name, "message": error.description}, error.code)
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


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
