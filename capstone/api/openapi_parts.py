"""The building blocks of the OpenAPI document (openapi.py): responses, parameters, outputs.

The answers' schemas are written here by hand, once; requests' schemas come from the
pydantic models in schemas.py.
"""

from capstone import plans
from capstone.api import idempotency
from capstone.api import schemas
from capstone.config import Config

ERROR_STATUSES = {
    "400": "Malformed JSON, or a query parameter that makes no sense or that is not listed.",
    "401": "No token, or an invalid, expired or revoked one.",
    "402": "A limit of the organization's plan is reached; `limit` names it.",
    "403": "Visible, but not yours to change.",
    "404": "Not found, or not visible to you.",
    "405": "Method not allowed.",
    "409": "Already exists.",
    "413": "Request body too large.",
    "415": "The body is not JSON.",
    "422": "A field is not valid; see `fields`.",
    "429": "Too many failed logins; wait and retry.",
}


def nullable(kind, **extra):
    """A JSON Schema for `kind` or null."""
    return {"type": [kind, "null"], **extra}


DATETIME = {"type": "string", "format": "date-time"}
OUTPUTS = {
    "User": {
        "type": "object",
        "required": ["id", "username", "role", "created_at"],
        "properties": {
            "id": {"type": "integer"},
            "username": {"type": "string"},
            "email": {"type": "string"},
            "email_verified": {"type": "boolean"},
            "role": {"enum": ["admin", "member"]},
            "created_at": DATETIME,
        },
    },
    "Project": {
        "type": "object",
        "required": ["id", "name", "description", "owner_id", "created_at", "updated_at"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "description": {"type": "string"},
            "owner_id": {"type": "integer"},
            "created_at": DATETIME,
            "updated_at": DATETIME,
        },
    },
    "Task": {
        "type": "object",
        "required": ["id", "project_id", "title", "status", "priority", "overdue", "created_at"],
        "properties": {
            "id": {"type": "integer"},
            "project_id": {"type": "integer"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "status": {"enum": ["todo", "in_progress", "review", "done"]},
            "priority": {"enum": ["low", "medium", "high", "urgent"]},
            "due_date": nullable("string", format="date"),
            "assignee_id": nullable("integer"),
            "creator_id": {"type": "integer"},
            "overdue": {"type": "boolean"},
            "created_at": DATETIME,
            "updated_at": DATETIME,
            "completed_at": nullable("string", format="date-time"),
            "archived_at": nullable("string", format="date-time"),
        },
    },
    "Notification": {
        "type": "object",
        "required": ["id", "kind", "message", "task_id", "created_at", "read"],
        "properties": {
            "id": {"type": "integer"},
            "kind": {"enum": ["assigned", "commented"]},
            "message": {"type": "string"},
            "task_id": nullable("integer"),
            "created_at": DATETIME,
            "read": {"type": "boolean"},
        },
    },
    "Attachment": {
        "type": "object",
        "required": ["id", "task_id", "uploader_id", "name", "content_type", "size", "created_at"],
        "properties": {
            "id": {"type": "integer"},
            "task_id": {"type": "integer"},
            "uploader_id": {"type": "integer"},
            "name": {"type": "string"},
            "content_type": {"type": "string"},
            "size": {"type": "integer"},
            "created_at": DATETIME,
        },
    },
    "Message": {
        "type": "object",
        "required": ["message"],
        "properties": {"message": {"type": "string"}},
    },
    "Comment": {
        "type": "object",
        "required": ["id", "task_id", "author_id", "body", "created_at"],
        "properties": {
            "id": {"type": "integer"},
            "task_id": {"type": "integer"},
            "author_id": {"type": "integer"},
            "body": {"type": "string"},
            "created_at": DATETIME,
        },
    },
    "Token": {
        "type": "object",
        "required": ["access_token", "token_type", "expires_in"],
        "properties": {
            "access_token": {"type": "string"},
            "token_type": {"const": "Bearer"},
            "expires_in": {"type": "integer"},
        },
    },
    "Pagination": {
        "type": "object",
        "required": ["page", "per_page", "pages", "total"],
        "properties": {
            name: {"type": "integer"} for name in ("page", "per_page", "pages", "total")
        },
    },
    "Error": {
        "type": "object",
        "required": ["error", "message"],
        "properties": {
            "error": {"type": "string"},
            "message": {"type": "string"},
            "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            "limit": {"enum": list(plans.LIMITS)},
        },
    },
    "Health": {
        "type": "object",
        "required": ["status"],
        "properties": {"status": {"type": "string"}},
    },
}


def ref(name):
    """A reference to a component schema."""
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema, description="OK"):
    """A JSON response with `schema`."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def listing(plural, item):
    """The schema of a list answer: {plural: [...], "pagination": {...}}."""
    return {
        "type": "object",
        "required": [plural, "pagination"],
        "properties": {
            plural: {"type": "array", "items": ref(item)},
            "pagination": ref("Pagination"),
        },
    }


def path_id(name):
    """An id in the path: from 1 to MAX_ID (2³¹−1), as the <id:...> converter accepts."""
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": schemas.MAX_ID},
    }


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
    query("page", {"type": "integer", "minimum": 1, "maximum": 10**9}, "Page number, from 1."),
    query(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": 100},
        "Items per page, 20 by default.",
    ),
]
TASK_FILTERS = [
    query(
        "status",
        {"enum": ["todo", "in_progress", "review", "done"]},
        "Only tasks with this status.",
    ),
    query(
        "priority", {"enum": ["low", "medium", "high", "urgent"]}, "Only tasks with this priority."
    ),
    query(
        "assignee_id",
        {"type": "integer", "minimum": 1, "maximum": schemas.MAX_ID},
        "Only tasks assigned to this user.",
    ),
    query("overdue", {"enum": ["true", "false"]}, "Only overdue tasks (true), or all (false)."),
    query("q", {"type": "string", "maxLength": 200}, "Only tasks whose title contains this text."),
    query(
        "sort",
        {"enum": ["created_at", "updated_at", "due_date", "priority", "status", "title"]},
        "Sort key.",
    ),
    query("order", {"enum": ["asc", "desc"]}, "Sort order, desc by default."),
    query("archived", {"enum": ["true", "false"]}, "The archived tasks (true), or the others."),
]
UPLOAD = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary"}},
            }
        }
    },
}
DOWNLOAD = {
    "description": "The file, as an attachment (Content-Disposition) of its detected type.",
    # The types an upload may have, each a type a client generator can name.
    "content": {
        content_type: {"schema": {"type": "string", "format": "binary"}}
        for content_type in Config.ATTACHMENT_TYPES
    },
}


def operation(summary, ok, *, auth=True, parameters=(), body=None, status="200"):
    """One operation: its summary, parameters, body, success answer, and every error answer."""
    responses = {status: ok if ok is not None else {"description": "Done; no content."}}
    responses.update({code: {"$ref": f"#/components/responses/{code}"} for code in ERROR_STATUSES})
    spec = {"summary": summary, "parameters": list(parameters), "responses": responses}
    if isinstance(body, dict):
        spec["requestBody"] = body  # written out, like UPLOAD
    elif body is not None:
        spec["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": ref(body.__name__)}},
        }
    spec["security"] = [{"bearer": []}] if auth else []
    return spec
