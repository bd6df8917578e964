"""Settings of the Django version: the smallest project that serves the hello app.

Django reads this module once, at start-up, from DJANGO_SETTINGS_MODULE (app.py sets
it). Everything a `django-admin startproject` adds and the hello app does not use is
left out: no admin, no auth, no sessions, no database for the pages.
"""

import os
from pathlib import Path

from tasks_api.database import database_settings

# The capstone's own default database (flask --app capstone init-db, make run).
CAPSTONE_SQLITE = f"sqlite:///{Path(__file__).parents[3] / 'instance' / 'capstone.sqlite'}"

# Django signs nothing here (no sessions, no messages), but refuses to start without a
# key. Development value only: set DJANGO_SECRET_KEY anywhere else.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-a-secret")
DEBUG = False  # the contract's pages, not Django's yellow debug pages, for every error
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

ROOT_URLCONF = "hello_site.urls"
INSTALLED_APPS = ["rest_framework", "tasks_api"]
MIDDLEWARE = [
    "hello_site.middleware.ContractMiddleware",  # first: it sees the request before all others
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",  # sets Content-Length
    # No CsrfViewMiddleware: its check runs before the view, so a POST to a GET-only page
    # would get 403 instead of the contract's 405, and the one form (/submit) carries no
    # token in any stage. A Django site with real forms keeps it, and {% csrf_token %}.
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(os.path.dirname(__file__), "templates")],
    }
]
# /greet greets this name when none is given (the contract's DEFAULT_NAME).
DEFAULT_NAME = "World"
# Bodies above this many bytes are refused; Django raises RequestDataTooBig for them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
USE_TZ = True

# --- The API slice (tasks_api/): the capstone's database and its token secret ---------
# The same environment variables as the capstone, and its development defaults.
CAPSTONE_SECRET_KEY = os.environ.get("SECRET_KEY", "capstone-development-key-not-secret")
DATABASES = {"default": database_settings(os.environ.get("DATABASE_URL") or CAPSTONE_SQLITE)}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["tasks_api.authentication.CapstoneTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "tasks_api.pagination.CapstonePagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "tasks_api.errors.capstone_errors",
    "UNAUTHENTICATED_USER": None,  # no django.contrib.auth: every request has a token
}
