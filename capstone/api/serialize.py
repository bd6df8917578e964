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
        data["email_verified"] = user.email_verified_at is not None
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
        "archived_at": iso(task.archived_at),
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


def notification_json(notification):
    """A notification."""
    return {
        "id": notification.id,
        "kind": notification.kind,
        "message": notification.message,
        "task_id": notification.task_id,
        "created_at": iso(notification.created_at),
        "read": notification.read_at is not None,
    }


def attachment_json(attachment):
    """An attachment's details; the file itself is at /attachments/<id>/content."""
    return {
        "id": attachment.id,
        "task_id": attachment.task_id,
        "uploader_id": attachment.uploader_id,
        "name": attachment.name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "created_at": iso(attachment.created_at),
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
