"""Stage 03's mistakes: Werkzeug's Request, Response and Map (INSTRUCTORS.md, walk-throughs)."""

from mutants.mistake import Mistake

REQUESTS = "tests/03_werkzeug/test_requests.py"
ROUTING = "tests/03_werkzeug/test_routing.py"

MISTAKES = [
    Mistake(
        "json-error-with-two-content-types",
        "app.py",
        '        if name.lower() != "content-type":\n            response.headers[name] = value',
        "        response.headers.add(name, value)",
        REQUESTS,
        r"Content-Type",
    ),
    Mistake(
        "a-cookie-without-max-age",
        "app.py",
        'response.set_cookie("last_greeted", name, max_age=30 * 24 * 3600, httponly=True,',
        'response.set_cookie("last_greeted", name, httponly=True,',
        REQUESTS,
        r"max_age",
    ),
    Mistake(
        "a-cookie-readable-by-scripts",
        "app.py",
        "max_age=30 * 24 * 3600, httponly=True,",
        "max_age=30 * 24 * 3600,",
        REQUESTS,
        r"httponly",
    ),
    Mistake(
        "bind-instead-of-bind-to-environ",
        "app.py",
        "request.urls = self.url_map.bind_to_environ(environ)",
        'request.urls = self.url_map.bind("localhost")',
        ROUTING,
        r"bind_to_environ",
    ),
    Mistake(
        "a-rule-without-methods",
        "app.py",
        'Rule("/hello/<name>", endpoint="hello", methods=GET),',
        'Rule("/hello/<name>", endpoint="hello"),',
        ROUTING,
        r"methods=GET",
    ),
    Mistake(
        "a-view-returning-a-string",
        "app.py",
        'return json_response({"greeting": f"Hello, {name}!"})\n',
        'return f"Hello, {name}!"\n',
        REQUESTS,
        r"return a Response|not callable",
    ),
    Mistake(
        "http-exceptions-not-caught",
        "app.py",
        "        try:\n            endpoint, values = request.urls.match()\n"
        '            return getattr(self, f"on_{endpoint}")(request, **values)\n'
        "        except HTTPException as error:",
        "        endpoint, values = request.urls.match()\n"
        '        return getattr(self, f"on_{endpoint}")(request, **values)\n'
        "        if False:",
        ROUTING,
        r"escaped dispatch_request",
    ),
    Mistake(
        "json-errors-everywhere",
        "app.py",
        'return json_error(error) if request.path.startswith("/api/") else error',
        "return json_error(error)",
        REQUESTS,
        r"outside /api/",
    ),
    Mistake(
        "allow-not-sorted",
        "app.py",
        "                error.valid_methods = sorted(error.valid_methods)\n",
        "                pass\n",
        ROUTING,
        r"sort",
    ),
    Mistake(
        "task-id-without-bounds",
        "app.py",
        '"/tasks/<int(min=1, max=999):task_id>"',
        '"/tasks/<int:task_id>"',
        ROUTING,
        r"min and max",
    ),
    Mistake(
        "cookie-shown-unescaped",
        "app.py",
        "Last time you greeted {escape(last)}.",
        "Last time you greeted {last}.",
        REQUESTS,
        r"escape",
    ),
    Mistake(
        "get-json-trusted-with-any-nesting",
        "app.py",
        """        try:
            data = request.get_json()
        except RecursionError:
            raise BadRequest("The JSON is nested too deeply.") from None
""",
        """        data = request.get_json()
""",
        REQUESTS,
        r"RecursionError",
    ),
]
