"""Alembic: the migrations build exactly the models' schema, and undo it (SQLite or PostgreSQL)."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from capstone import migrate
from capstone.database import db
from capstone.models import Base


def test_upgrading_an_empty_database_gives_exactly_the_models_schema(fresh_app):
    app = fresh_app
    with app.app_context():
        migrate.upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []


def test_downgrading_to_base_removes_every_table(fresh_app):
    app = fresh_app
    with app.app_context():
        migrate.upgrade()
        migrate.downgrade("base")
        assert set(inspect(db.engine).get_table_names()) == {"alembic_version"}
        migrate.upgrade()  # and back up again
        assert "task" in inspect(db.engine).get_table_names()


def test_init_db_is_the_upgrade(fresh_app):
    app = fresh_app
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert {"user", "project", "project_member", "task", "comment"} <= set(
            inspect(db.engine).get_table_names()
        )
