"""The floor's SQL: the statements the capstone's ORM sends, written out, and a task's JSON.

Each request sends what the capstone's does: the user by id, then either the task
joined to the membership rule, or the project's visibility and one page of tasks with
the list's total in the same SELECT (from task_count when that counts the filters).
Only placeholders and names from the allowlists below are put into the SQL text.
"""

# ruff: noqa: S608 (the f-strings join placeholders and allowlisted names, never input)

import math
from datetime import UTC
from datetime import date
from datetime import datetime

COLUMNS = (
    "id, project_id, title, description, status, priority, due_date, assignee_id,"
    " creator_id, created_at, updated_at, completed_at, archived_at"
)
NAMES = [name.strip() for name in COLUMNS.split(",")]
STATUSES = ("todo", "in_progress", "review", "done")
PRIORITIES = ("low", "medium", "high", "urgent")


def rank(column, names):
    """A CASE that sorts `column` in the order of `names`."""
    return (
        f"CASE {column} " + " ".join(f"WHEN '{n}' THEN {i}" for i, n in enumerate(names)) + " END"
    )


SORTS = {
    "created_at": "created_at",
    "updated_at": "updated_at",
    "due_date": "due_date",
    "priority": rank("priority", PRIORITIES),
    "status": rank("status", STATUSES),
    "title": "title",
}


def stamp(value):
    """A stored UTC timestamp (a string from SQLite, naive from PostgreSQL) as ISO 8601."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC).isoformat()


def task_json(row, today):
    """A task row as the capstone's task_json writes it."""
    task = dict(zip(NAMES, row, strict=True))
    due = task["due_date"]
    due = due.isoformat() if isinstance(due, date) else due
    task["due_date"] = due
    task["overdue"] = due is not None and due < today and task["status"] != "done"
    for name in ("created_at", "updated_at", "completed_at", "archived_at"):
        task[name] = stamp(task[name])
    return task


class Statements:
    """The SQL of the floor, with the DBAPI's placeholder (`?` or `%s`)."""

    def __init__(self, mark):
        self.mark = mark
        members = f"SELECT project_id FROM project_member WHERE user_id = {mark}"
        self.user_sql = f'SELECT active, session_token, role FROM "user" WHERE id = {mark}'
        visible = f"({mark} OR task.project_id IN ({members}))"  # an admin, or a member
        self.task_sql = (
            f"SELECT {', '.join('task.' + name for name in NAMES)}, project.version FROM task"
            f" JOIN project ON project.id = task.project_id WHERE task.id = {mark} AND {visible}"
        )
        self.visible_sql = (
            f"SELECT version FROM project WHERE id = {mark} AND ({mark} OR id IN ({members}))"
        )

    def user(self, connection, user_id):
        """(active, session_token, role) of the user, or None."""
        return connection.execute(self.user_sql, (user_id,)).fetchone()

    def task(self, connection, user, task_id):
        """The task's row, then its project's version, if `user` ((id, is_admin)) may see it."""
        user_id, admin = user
        return connection.execute(self.task_sql, (task_id, admin, user_id)).fetchone()

    def visible(self, connection, user, project_id):
        """(The project's version,) if `user` may see it, else None."""
        user_id, admin = user
        return connection.execute(self.visible_sql, (project_id, admin, user_id)).fetchone()

    def page(self, connection, project_id, query, today):
        """One page of the list as the capstone's page_json writes it."""
        m = self.mark
        archived = query.get("archived") == "true"
        where = [f"project_id = {m}", f"archived_at IS {'NOT ' if archived else ''}NULL"]
        values = [project_id]
        for name in ("status", "priority", "assignee_id"):
            if query.get(name):
                where.append(f"{name} = {m}")
                values.append(int(query[name]) if name == "assignee_id" else query[name])
        if query.get("overdue") == "true":
            where.append(f"due_date IS NOT NULL AND due_date < {m} AND status != 'done'")
            values.append(today)
        if query.get("q"):
            percent = "%%" if m == "%s" else "%"  # psycopg's placeholders escape a literal %
            where.append(f"lower(title) LIKE '{percent}' || lower({m}) || '{percent}' ESCAPE '/'")
            escaped = query["q"].replace("/", "//").replace("%", "/%").replace("_", "/_")
            values.append(escaped)
        conditions = " AND ".join(where)
        counted = ("priority", "assignee_id", "overdue", "archived", "q")  # what task_count lacks
        if not any(query.get(name) not in (None, "", "false") for name in counted):
            total = f"SELECT coalesce(sum(tasks), 0) FROM task_count WHERE project_id = {m}"
            total_values = [project_id]
            if query.get("status"):
                total += f" AND status = {m}"
                total_values.append(query["status"])
        else:
            total, total_values = f"SELECT count(*) FROM task WHERE {conditions}", values
        order = "ASC" if query.get("order") == "asc" else "DESC"
        page, per_page = int(query.get("page", 1)), int(query.get("per_page", 20))
        sql = (
            f"SELECT {COLUMNS}, ({total}) FROM task WHERE {conditions}"
            f" ORDER BY {SORTS[query.get('sort', 'created_at')]} {order} NULLS LAST, id DESC"
            f" LIMIT {m} OFFSET {m}"
        )
        found = connection.execute(
            sql, (*total_values, *values, per_page, (page - 1) * per_page)
        ).fetchall()
        count = found[0][-1] if found else connection.execute(total, total_values).fetchone()[0]
        return {
            "pagination": {
                "page": page,
                "pages": max(1, math.ceil(count / per_page)),
                "per_page": per_page,
                "total": count,
            },
            "tasks": [task_json(row[:-1], today) for row in found],
        }
