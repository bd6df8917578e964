"""Stage 04's mistakes: the first Flask app (INSTRUCTORS.md's table, and the walk-throughs)."""

from mutants.mistake import Mistake

MISTAKES = [
    Mistake(
        "name-marked-safe",
        "templates/greeting.html",
        "<h1>Hello, {{ name }}!</h1>",
        "<h1>Hello, {{ name|safe }}!</h1>",
        "tests/04_flask_basic/test_templates.py",
        r"\|safe",
    ),
    Mistake(
        "rendering-after-a-post",
        "app.py",
        '    return redirect(url_for("submitted"), code=303)',
        '    return render_template("submitted.html", message=message)',
        "tests/04_flask_basic/test_flashing.py",
        r"redirect",
    ),
    Mistake(
        "a-302-after-the-post",
        "app.py",
        'return redirect(url_for("submitted"), code=303)',
        'return redirect(url_for("submitted"))',
        "tests/04_flask_basic/test_flashing.py",
        r"303",
    ),
    Mistake(
        "a-404-page-answering-200",
        "app.py",
        'return render_template("404.html"), 404',
        'return render_template("404.html")',
        "tests/04_flask_basic/test_errors.py",
        r"with the status 404",
    ),
    Mistake(
        "a-blank-message-accepted",
        "app.py",
        "    if not message.strip():\n        abort(400,",
        "    if not message:\n        abort(400,",
        "tests/04_flask_basic/test_errors.py",
        r"\.strip\(\)",
    ),
    Mistake(
        "the-default-name-read-once",
        "app.py",
        'or app.config["DEFAULT_NAME"]',
        "or Config.DEFAULT_NAME",
        "tests/04_flask_basic/test_templates.py",
        r"read at each request",
    ),
    Mistake(
        "a-link-written-by-hand",
        "templates/greeting.html",
        """<a href="{{ url_for('index') }}">""",
        '<a href="/">',
        "tests/04_flask_basic/test_templates.py",
        r"url_for",
    ),
    Mistake(
        "submit-open-to-get",
        "app.py",
        '@app.route("/submit", methods=["POST"])',
        '@app.route("/submit", methods=["GET", "POST"])',
        "tests/04_flask_basic/test_errors.py",
        r"POST only",
    ),
    Mistake(
        "environment-read-before-the-defaults",
        "app.py",
        "app.config.from_object(Config)\napp.config.from_prefixed_env()",
        "app.config.from_prefixed_env()\napp.config.from_object(Config)",
        "tests/04_flask_basic/test_config.py",
        r"after from_object",
    ),
    Mistake(
        "a-message-kept-in-a-global",
        "app.py",
        (
            '    flash(message, "submitted")\n',
            '    messages = get_flashed_messages(category_filter=["submitted"])\n',
        ),
        (
            "    Config.LAST_MESSAGE = message\n",
            '    messages = [getattr(Config, "LAST_MESSAGE", None)]\n',
        ),
        "tests/04_flask_basic/test_flashing.py",
        r"module-level variable",
    ),
]
