"""Stage 01's mistakes: PEP 3333 by hand (INSTRUCTORS.md's table, and the walk-throughs)."""

from mutants.mistake import Mistake

CONTRACT_PAGES = "tests/contract/test_pages.py"
ROBUSTNESS = "tests/contract/test_robustness.py"
REQUEST = "tests/01_raw_wsgi/test_request.py"

MISTAKES = [
    Mistake(
        "read-without-a-size",
        "app.py",
        'environ["wsgi.input"].read(length)',
        'environ["wsgi.input"].read()',
        ROBUSTNESS,
        r"never read\(\) without a size",
    ),
    Mistake(
        "content-length-of-the-text",
        "app.py",
        '("Content-Length", str(len(body)))',
        '("Content-Length", str(len(text)))',
        CONTRACT_PAGES,
        r"encoded bytes, not .*len\(\) of the text",
    ),
    Mistake(
        "isdigit-accepts-superscripts",
        "app.py",
        "if not (raw.isascii() and raw.isdigit()):",
        "if not raw.isdigit():",
        REQUEST,
        r"ASCII digits only.*'²'",
    ),
    Mistake(
        "a-body-for-head",
        "app.py",
        'return [] if method == "HEAD" else [body]',
        "return [body]",
        CONTRACT_PAGES,
        r"HEAD .*no body",
    ),
    Mistake(
        "head-not-routed",
        "app.py",
        'methods = (*methods, "HEAD")',
        "methods = tuple(methods)",
        "tests/01_raw_wsgi/test_routing.py",
        r"GET also accepts HEAD",
    ),
    Mistake(
        "404-where-405-is-due",
        "app.py",
        "        allowed.update(candidate.methods)\n",
        "",
        "tests/contract/test_forms.py",
        r"405, not 404",
    ),
    Mistake(
        "greeting-not-escaped",
        "app.py",
        "return page(text, f'<h1>{html.escape(text)}</h1>",
        "return page(text, f'<h1>{text}</h1>",
        "tests/contract/test_escaping.py",
        r"escape user text",
    ),
    Mistake(
        "path-not-decoded-from-latin-1",
        "app.py",
        'return value.encode("latin-1").decode("utf-8")',
        "return value",
        REQUEST,
        r"latin-1",
    ),
    Mistake(
        "a-body-at-the-limit-refused",
        "app.py",
        "int(raw) > MAX_BODY_BYTES",
        "int(raw) >= MAX_BODY_BYTES",
        ROBUSTNESS,
        r"at the limit is allowed",
    ),
    Mistake(
        "pattern-not-escaped",
        "app.py",
        r're.sub(r"<(\w+)>", r"(?P<\1>[^/]+)", re.escape(pattern))',
        r're.sub(r"<(\w+)>", r"(?P<\1>[^/]+)", pattern)',
        "tests/01_raw_wsgi/test_routing.py",
        r"re\.escape",
    ),
    Mistake(
        "form-decoded-leniently",
        "app.py",
        'return parse_qs(body.decode("utf-8"), errors="strict"',
        'return parse_qs(body.decode("utf-8", "replace"), errors="strict"',
        ROBUSTNESS,
        r"errors='strict'.*not UTF-8",
    ),
]
