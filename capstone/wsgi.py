"""The WSGI entry point for servers: gunicorn "capstone.wsgi:application"."""

from capstone import create_app

application = create_app()
