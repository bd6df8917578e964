"""Stage 05's mistakes: contexts and hooks (the issue's probes, INSTRUCTORS.md, walk-throughs)."""

from mutants.mistake import Mistake

G = "tests/05_contexts/test_g.py"
TEARDOWN = "tests/05_contexts/test_teardown.py"
TRACE = "tests/05_contexts/test_trace.py"

MISTAKES = [
    Mistake(
        "failures-reported-at-app-context-teardown",
        "app.py",
        "@app.teardown_request\ndef report_failed_request",
        "@app.teardown_appcontext\ndef report_failed_request",
        TRACE,
        r"report_failed_request .*request context ends",
    ),
    Mistake(
        "resources-closed-at-request-teardown",
        "app.py",
        "@app.teardown_appcontext\ndef close_resources",
        "@app.teardown_request\ndef close_resources",
        G,
        r"application context ends",
    ),
    Mistake(
        "the-id-sent-before-the-request",
        "app.py",
        "@app.after_request\ndef send_request_id",
        "@app.before_request\ndef send_request_id",
        TRACE,
        r"send_request_id.*(after the view|wrong moment)",
    ),
    Mistake(
        "every-request-logged-as-failed",
        "app.py",
        "    if error is not None:\n        app.logger.warning(",
        "    if True:\n        app.logger.warning(",
        TEARDOWN,
        r"only a failed request",
    ),
    Mistake(
        "a-failure-logged-at-info",
        "app.py",
        'app.logger.warning("request %s failed: %r"',
        'app.logger.info("request %s failed: %r"',
        TEARDOWN,
        r"level WARNING",
    ),
    Mistake(
        "the-resource-left-in-g",
        "app.py",
        'resource = g.pop("resource", None)',
        'resource = g.get("resource")',
        G,
        r"take it out of g",
    ),
    Mistake(
        "a-constant-instead-of-g-note",
        "app.py",
        '    g.note = "g works here too: it belongs to the application context"\n'
        '    print(f"g.note: {g.note}")',
        '    print("g.note: g works here too: it belongs to the application context")',
        "tests/05_contexts/test_elsewhere.py",
        r"set g\.note",
    ),
    Mistake(
        "one-request-id-for-every-request",
        "app.py",
        "g.request_id = uuid.uuid4().hex[:12]",
        'g.request_id = "0123456789ab"',
        G,
        r"new per request|new one for every request",
    ),
    Mistake(
        "after-request-returning-none",
        "app.py",
        '    response.headers["X-Request-Id"] = g.request_id\n    return response\n',
        '    response.headers["X-Request-Id"] = g.request_id\n',
        G,
        r"\(after_request\), ends without returning the response",
    ),
    Mistake(
        "a-context-pushed-at-import",
        "app.py",
        "application = app  # The name",
        "app.app_context().push()\napplication = app  # The name",
        "tests/05_contexts/test_contexts.py",
        r"no context at import time",
    ),
]
