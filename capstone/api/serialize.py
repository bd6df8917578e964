"""What the API sends back: plain dicts, timestamps in ISO 8601 with their time zone."""


def iso(value):
    """A date or an aware datetime as ISO 8601, or None."""
    return value.isoformat() if value is not None else None


def user_json(user, private=False):
    """A user; their email only to themselves."""
    data = {
        "id": user.id,
        "username": user.username,
        "role": user.role,
        "created_at": iso(user.created_at),
    }
    if private:
        data["email"] = user.email
    return data


def project_json(project):
    """A project."""
    return {
        "id": project.id,
        "name": project.name,
        "description": project.description,
        "owner_id": project.owner_id,
        "created_at": iso(project.created_at),
        "updated_at": iso(project.updated_at),
    }


def task_json(task):
    """A task, with whether it is overdue."""
    return {
        "id": task.id,
        "project_id": task.project_id,
        "title": task.title,
        "description": task.description,
        "status": task.status,
        "priority": task.priority,
        "due_date": iso(task.due_date),
        "assignee_id": task.assignee_id,
        "creator_id": task.creator_id,
        "overdue": task.is_overdue,
        "created_at": iso(task.created_at),
        "updated_at": iso(task.updated_at),
        "completed_at": iso(task.completed_at),
    }


def comment_json(comment):
    """A comment."""
    return {
        "id": comment.id,
        "task_id": comment.task_id,
        "author_id": comment.author_id,
        "body": comment.body,
        "created_at": iso(comment.created_at),
    }


def page_json(name, page, serialize):
    """A list: {name: [...], "pagination": {...}}."""
    return {
        name: [serialize(item) for item in page.items],
        "pagination": {
            "page": page.page,
            "per_page": page.per_page,
            "pages": page.pages,
            "total": page.total,
        },
    }
