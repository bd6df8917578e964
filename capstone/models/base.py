"""The declarative base: constraint names Alembic can rely on, and a UTC datetime type."""

from datetime import UTC
from datetime import datetime

from sqlalchemy import DateTime
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Named constraints: migrations can drop or alter them by name on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The largest id: ids are INTEGER columns, 32-bit on PostgreSQL (SQLite's hold 64 bits).
# A larger number from a client can name nothing, and is refused before any query
# (a 404 in a URL, a 400 or 422 elsewhere); sent to PostgreSQL it would be an error.
MAX_ID = 2**31 - 1


def utcnow():
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A datetime stored as naive UTC and read back as timezone-aware UTC, on every database.

    SQLite has no time zones: without this, a value written aware comes back naive,
    and comparing the two raises TypeError.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        """Store in UTC, without tzinfo."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs timezone-aware datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        """Read back as aware UTC."""
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """The base of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
