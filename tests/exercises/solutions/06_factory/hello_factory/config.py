"""Exercises 4 and 5: the reference's configuration, with a stronger production check.

The reference's classes are used as they are, with one setting added to their base
class: a login is remembered for 14 days instead of Flask's default 31.
"""

from datetime import timedelta
from pathlib import Path

import hello_factory
from hello_factory import reference_module

reference = reference_module("config")
DEV_SECRET_KEY, MIN_SECRET_KEY_LENGTH = reference.DEV_SECRET_KEY, reference.MIN_SECRET_KEY_LENGTH
CONFIGS = reference.CONFIGS
# Exercise 5. This module's own copy of the reference, so the reference stays untouched.
reference.Config.PERMANENT_SESSION_LIFETIME = timedelta(days=14)


def problems_for_production(config):
    """The reference's problems, plus a database file inside the package (exercise 4)."""
    problems = reference.problems_for_production(config)
    database = Path(config.get("DATABASE") or "").resolve()
    for folder in map(Path, hello_factory.__path__):
        if database.is_relative_to(folder.resolve()):
            problems.append(
                f"DATABASE is inside the package folder {folder}: put it in the instance "
                "folder or set FLASK_DATABASE"
            )
            break
    return problems
