"""Small helpers the web blueprints share."""

from flask import render_template
from flask_login import current_user

from capstone.models import PRIORITIES
from capstone.models import STATUSES
from capstone.models import label
from capstone.services import notifications
from capstone.services.paging import MAX_PAGE
from capstone.services.tasks import SORTS


def show_errors(form, problem):
    """Put a service error's field messages (Invalid, Taken) on the form's fields (or the form)."""
    for name, message in problem.fields.items():
        field = getattr(form, name, None)
        if field is not None:
            field.errors = [*field.errors, message]
        else:
            form.form_errors.append(message)


def render_form(template, form, **context):
    """Render a page with a form: 400 when the submitted form has errors (form-level ones too)."""
    return render_template(template, form=form, **context), 400 if form.errors else 200


def whole_number(value, maximum):
    """A whole number from 1 to `maximum`, written in ASCII digits (a page, an id); else None."""
    valid = value.isascii() and value.isdigit() and 0 < len(value) < 12
    return int(value) if valid and 0 < int(value) <= maximum else None


def page_number(value):
    """The page asked for in the query string: 1 if none is, None if it is not a page."""
    return 1 if value is None else whole_number(value, MAX_PAGE)


def file_size(size):
    """A size in bytes as people read it: "17 bytes", "1.5 KB", "2.0 MB" (1 KB = 1024 bytes)."""
    if size < 1024:
        return f"{size} byte{'' if size == 1 else 's'}"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def unread_notifications():
    """The logged-in user's unread count, for the navigation (one query, only when shown)."""
    return notifications.unread_count(current_user) if current_user.is_authenticated else 0


def init_app(app):
    """Give templates the statuses, priorities, task sorts, unread count; `label`, `file_size`."""
    app.jinja_env.globals.update(STATUSES=STATUSES, PRIORITIES=PRIORITIES, TASK_SORTS=list(SORTS))
    app.jinja_env.globals["unread_notifications"] = unread_notifications
    app.jinja_env.filters["label"] = label
    app.jinja_env.filters["file_size"] = file_size
