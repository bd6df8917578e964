"""SQLite's plans of the statements a request sends that read tasks (EXPLAIN QUERY PLAN).

Shared by the capstone's plan tests and its exercise 3, which checks a copy of it: the
engine is passed in, so this module imports no capstone of either.
"""

from sqlalchemy import event


def task_plans(engine, send):
    """Call `send()`; return, for each SELECT it sent that reads tasks, its plan's steps."""
    sent = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        send()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    with engine.connect() as connection:
        return [
            [row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
            for sql, params in sent
            if " task" in sql and sql.lstrip().upper().startswith("SELECT")
        ]
