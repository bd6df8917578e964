"""The OpenAPI document's parameters and non-JSON bodies (openapi.py), from the code's constants.

Each enum and limit here is the constant the code checks the value against (SORTS,
STATUSES, MAX_PER_PAGE...), so the document cannot promise what the code refuses.
"""

from capstone import plans
from capstone.api import idempotency
from capstone.api.admin import SEARCH_LENGTH
from capstone.api.inputs import DEFAULT_PER_PAGE
from capstone.api.inputs import MAX_PAGE
from capstone.api.inputs import TRUE_FALSE
from capstone.config import Config
from capstone.models import PRIORITIES
from capstone.models import STATUSES
from capstone.models.base import MAX_ID
from capstone.services.tasks import MAX_PER_PAGE
from capstone.services.tasks import ORDERS
from capstone.services.tasks import SORTS

ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}  # as the <id:...> converter accepts
FLAG = {"enum": list(TRUE_FALSE)}
BINARY = {"type": "string", "format": "binary"}


def path_id(name):
    """An id in the path."""
    return {"name": name, "in": "path", "required": True, "schema": ID}


def query(name, schema, description):
    """An optional query parameter."""
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


PAGING = [
    query("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, "Page number, from 1."),
    query(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
        f"Items per page, {DEFAULT_PER_PAGE} by default.",
    ),
]
TASK_FILTERS = [
    query("status", {"enum": list(STATUSES)}, "Only tasks with this status."),
    query("priority", {"enum": list(PRIORITIES)}, "Only tasks with this priority."),
    query("assignee_id", ID, "Only tasks assigned to this user."),
    query("overdue", FLAG, "Only overdue tasks (true), or all (false)."),
    query("q", {"type": "string"}, "Only tasks whose title contains this text."),
    query("sort", {"enum": list(SORTS)}, "Sort key, created_at by default."),
    query("order", {"enum": list(ORDERS)}, "Sort order, desc by default."),
    query("archived", FLAG, "The archived tasks (true), or the others."),
]
UNREAD = query("unread", FLAG, "Only the unread ones (true), or all.")
SEARCH = query(
    "q", {"type": "string", "maxLength": SEARCH_LENGTH}, "Names and emails containing this."
)
IDEMPOTENCY_KEY = {
    "name": idempotency.HEADER,
    "in": "header",
    "required": False,
    "schema": {"type": "string", "pattern": f"^{idempotency.KEY.pattern}$"},
    "description": (
        "Send the same key again to get the first answer instead of creating twice"
        " (kept 24 hours; 409 while the first is running, 422 for another request)."
    ),
}
PLAN = {
    "name": "plan_name",
    "in": "path",
    "required": True,
    "schema": {"enum": [name for name, plan in plans.PLANS.items() if plan.price_setting]},
    "description": "The plan to pay for.",
}
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "schema": {"type": "string"},
    "description": "The ETag of an earlier answer: 304 and no body while it is still current.",
}
UPLOAD = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {"type": "object", "required": ["file"], "properties": {"file": BINARY}}
        }
    },
}
DOWNLOAD = {
    "description": "The file, as an attachment (Content-Disposition) of its detected type.",
    # The types an upload may have, each a type a client generator can name.
    "content": {content_type: {"schema": BINARY} for content_type in Config.ATTACHMENT_TYPES},
}
