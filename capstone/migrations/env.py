"""Alembic's environment for the capstone: runs migrations on a connection from the app.

capstone/migrate.py builds the Alembic configuration in code and hands this script
either a connection (config.attributes["connection"]) or a URL.
"""

from alembic import context
from sqlalchemy import create_engine

from capstone.models import Base

target_metadata = Base.metadata


def run(connection):
    """Run the migrations on `connection`, in one transaction."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    with create_engine(context.config.get_main_option("sqlalchemy.url")).connect() as opened:
        run(opened)
