"""Configuration: defaults from the Config object, overrides from FLASK_* variables."""

import json
import os
import subprocess
import sys

import pytest
from harness.stages import ROOT
from harness.stages import folder_for


def config_seen_with(env):
    """Import the stage in a fresh interpreter with `env` and return some of its config."""
    app_file = str(folder_for("04") / "app.py")  # the reference, or the folder of --stage-dir
    code = (
        f"import json; from harness.stages import load_module; c = load_module({app_file!r})"
        ".app.config; "
        "print(json.dumps({k: c[k] for k in ('SECRET_KEY', 'DEFAULT_NAME', 'MAX_CONTENT_LENGTH')}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT / "tests"), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.hint("Config is given: app.config.from_object(Config) must stay")
def test_defaults_come_from_the_config_object(app, stage):
    assert app.config["SECRET_KEY"] == stage.Config.SECRET_KEY
    assert app.config["MAX_CONTENT_LENGTH"] == 1024 * 1024
    assert app.config["DEFAULT_NAME"] == "World"


@pytest.mark.hint("app.config.from_prefixed_env() after from_object: FLASK_* variables win")
def test_flask_prefixed_environment_variables_override_them():
    seen = config_seen_with(
        {
            "FLASK_SECRET_KEY": "from-the-environment",
            "FLASK_DEFAULT_NAME": "Ada",
            "FLASK_MAX_CONTENT_LENGTH": "2048",
        }
    )
    # Values are parsed as JSON when they can be: "2048" becomes the number 2048.
    assert seen == {
        "SECRET_KEY": "from-the-environment",
        "DEFAULT_NAME": "Ada",
        "MAX_CONTENT_LENGTH": 2048,
    }
