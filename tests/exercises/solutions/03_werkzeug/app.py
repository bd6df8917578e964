"""Worked solutions of stage 03's exercises, written as changes to the reference stage.

The reference 03_werkzeug/app.py is imported (as a module of its own), then a subclass
of its app adds the new views and its own 404 page, with a map of the reference's rules
plus the new ones. Exercise 3 is to put `methods=GET` back: the reference never took it
out.
"""

from html import escape
from pathlib import Path

from harness.stages import load_module
from werkzeug.exceptions import NotFound
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.middleware.shared_data import SharedDataMiddleware
from werkzeug.routing import Map
from werkzeug.routing import Rule
from werkzeug.wrappers import Response

REFERENCE = Path(__file__).resolve().parents[4] / "03_werkzeug" / "app.py"
reference = load_module(REFERENCE, name="reference_03_werkzeug_for_exercises")
page, greeting, GET = reference.page, reference.greeting, reference.GET

URL_MAP = Map(
    [
        *(rule.empty() for rule in reference.URL_MAP.iter_rules()),  # unbound copies
        Rule("/hello/<name>/<int(min=1, max=10):times>", endpoint="hello_times", methods=GET),
        Rule("/forget", endpoint="forget", methods=GET),
    ]
)


class ExercisesApp(reference.HelloApp):
    """The reference app, plus the exercises' views and 404 page."""

    def on_hello_times(self, request, name, times):
        """Exercise 1: the converter has checked 1 <= times <= 10 before this runs."""
        line = f"<p>Hello, {escape(name)}!</p>\n"
        return page(request, f"Hello, {name}!", f"<h1>{times} greetings</h1>\n{line * times}")

    def on_forget(self, request):
        """Exercise 5: expire the cookie (same name, same path as when it was set)."""
        response = page(request, "Forgotten", "<h1>Forgotten</h1>")
        response.delete_cookie("last_greeted")
        return response

    def dispatch_request(self, request):
        """Exercise 4: a NotFound outside the API becomes our own page, keeping its headers."""
        response = super().dispatch_request(request)
        if isinstance(response, NotFound):
            own = page(
                request, "Not found", f"<h1>Not found</h1>\n<p>{escape(response.description)}</p>"
            )
            own.status_code = 404
            return own
        return response


application = ExercisesApp(URL_MAP)
application.wsgi_app = SharedDataMiddleware(
    application.wsgi_app, {"/static": str(reference.STATIC_FOLDER)}
)
# Exercise 2: the app under /hello-app; anything else is a plain 404.
mounted = DispatcherMiddleware(Response("Not here", status=404), {"/hello-app": application})
