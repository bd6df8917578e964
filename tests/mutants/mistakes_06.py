"""Stage 06's mistakes: the factory, blueprints, the extension (INSTRUCTORS.md, walk-throughs)."""

from mutants.mistake import Mistake

FACTORY = "hello_factory/__init__.py"
CONFIG = "hello_factory/config.py"
DB = "hello_factory/db.py"

MISTAKES = [
    Mistake(
        "an-endpoint-without-its-blueprint",
        "hello_factory/main.py",
        'url_for("main.submitted")',
        'url_for("submitted")',
        "tests/06_factory/test_main.py",
        r"blueprint's name|main\.submitted",
    ),
    Mistake(
        "the-extension-keeps-its-state-on-self",
        DB,
        (
            "app.extensions[EXTENSION_KEY] = DatabaseState(",
            "        return current_app.extensions[EXTENSION_KEY]",
        ),
        (
            "app.extensions[EXTENSION_KEY] = self.saved = DatabaseState(",
            "        return self.saved",
        ),
        "tests/06_factory/test_factory.py",
        r"never in module globals|never .* on self|per-app state",
    ),
    Mistake(
        "one-connection-on-self",
        DB,
        (
            '        if "db_connection" not in g:',
            "        return g.db_connection",
        ),
        (
            '        if getattr(self, "saved", None) is None:',
            "        self.saved = g.db_connection\n        return self.saved",
        ),
        "tests/06_factory/test_db.py",
        r"never keep it on self",
    ),
    Mistake(
        "production-with-the-dev-secret",
        CONFIG,
        "if not key or key == DEV_SECRET_KEY:",
        "if not key:",
        "tests/06_factory/test_config.py",
        r"problems_for_production",
    ),
    Mistake(
        "a-short-production-key",
        CONFIG,
        "elif len(key) < MIN_SECRET_KEY_LENGTH:",
        "elif False:",
        "tests/06_factory/test_config.py",
        r"problems_for_production|40-character",
    ),
    Mistake(
        "production-in-debug",
        CONFIG,
        '    if config.get("DEBUG"):',
        "    if False:",
        "tests/06_factory/test_config.py",
        r"problems_for_production",
    ),
    Mistake(
        "the-api-without-its-prefix",
        FACTORY,
        'app.register_blueprint(api.bp, url_prefix="/api")',
        "app.register_blueprint(api.bp)",
        "tests/06_factory/test_api.py",
        r"URL prefix /api",
    ),
    Mistake(
        "a-visitor-gets-an-empty-me",
        "hello_factory/api.py",
        '        abort(401, "Log in first.")',
        "        return {}",
        "tests/06_factory/test_api.py",
        r"a 401",
    ),
    Mistake(
        "the-connection-left-in-g",
        DB,
        'connection = g.pop("db_connection", None)',
        'connection = g.get("db_connection")',
        "tests/06_factory/test_db.py",
        r"pop, not get",
    ),
    Mistake(
        "no-teardown-for-the-connection",
        DB,
        "        app.teardown_appcontext(self.close)\n",
        "",
        "tests/06_factory/test_db.py",
        r"application context ends",
    ),
    Mistake(
        "test-config-overridden-by-the-environment",
        FACTORY,
        "    app.config.from_prefixed_env()  # FLASK_SECRET_KEY, FLASK_DATABASE...\n"
        "    if test_config:\n        app.config.from_mapping(test_config)\n",
        "    if test_config:\n        app.config.from_mapping(test_config)\n"
        "    app.config.from_prefixed_env()  # FLASK_SECRET_KEY, FLASK_DATABASE...\n",
        "tests/06_factory/test_config.py",
        r"test_config|from_prefixed_env",
    ),
]
