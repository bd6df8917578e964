"""The capstone's database (DATABASE_URL, as the capstone reads it), one session per request."""

import os
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

# The capstone's own default database (flask --app capstone init-db, make run).
CAPSTONE_SQLITE = f"sqlite:///{Path(__file__).parents[3] / 'instance' / 'capstone.sqlite'}"

engine = create_engine(os.environ.get("DATABASE_URL") or CAPSTONE_SQLITE)


def get_session():
    """A dependency: a session for this request, closed after the response is sent."""
    with Session(engine) as session:
        yield session
