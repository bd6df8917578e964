"""What the API sends back: the database's objects dumped through the models of outputs.py.

A view returns `task_json(task)`; the dict it gets has exactly the fields of
outputs.Task, so the answer is what the OpenAPI document says it is.
"""

from capstone.api import outputs


def dump(model, value):
    """`value` (an object, or a dict) read through `model`, as JSON-ready data."""
    return model.model_validate(value).model_dump(mode="json")


def user_json(user, private=False):
    """A user; their email only to themselves."""
    return dump(outputs.Me if private else outputs.User, user)


def project_json(project):
    """A project."""
    return dump(outputs.Project, project)


def task_json(task):
    """A task, with whether it is overdue."""
    return dump(outputs.Task, task)


def comment_json(comment):
    """A comment."""
    return dump(outputs.Comment, comment)


def notification_json(notification):
    """A notification."""
    return dump(outputs.Notification, notification)


def attachment_json(attachment):
    """An attachment's details; the file itself is at /attachments/<id>/content."""
    return dump(outputs.Attachment, attachment)


def page_json(name, page, serialize):
    """A list: {name: [...], "pagination": {...}}, each item through `serialize`."""
    return {
        name: [serialize(item) for item in page.items],
        "pagination": dump(outputs.Pagination, page),
    }
