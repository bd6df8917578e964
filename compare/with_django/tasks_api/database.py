"""The capstone's DATABASE_URL (an SQLAlchemy URL) as Django's DATABASES entry."""

from urllib.parse import unquote
from urllib.parse import urlsplit


def database_settings(url):
    """Django's settings for 'sqlite:///path' or 'postgresql+psycopg://user:pw@host:port/name'."""
    if url.startswith("sqlite:///"):
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": url.removeprefix("sqlite:///")}
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgresql+psycopg"):
        raise ValueError(f"DATABASE_URL: compare/ reads SQLite or PostgreSQL, not {parts.scheme}")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": parts.path.lstrip("/"),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
    }
