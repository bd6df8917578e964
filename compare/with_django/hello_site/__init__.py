"""The Django project of compare/: settings, URLs, the hello views and their templates."""
