"""The OpenAPI 3.1 document of the API, served at GET /api/v1/openapi.json.

Request bodies are generated from the pydantic models in schemas.py, so the document
cannot drift from what the API accepts. Responses are described here once, and every
operation lists the errors it can answer. tests/capstone/api/test_openapi.py validates
the document against the OpenAPI 3.1 schema and fuzzes the API against it.
"""

from capstone.api import bp
from capstone.api import schemas

ERROR_STATUSES = {
    "400": "Malformed JSON, or a query parameter that makes no sense.",
    "401": "No token, or an invalid, expired or revoked one.",
    "403": "Visible, but not yours to change.",
    "404": "Not found, or not visible to you.",
    "405": "Method not allowed.",
    "409": "Already exists.",
    "413": "Request body too large.",
    "415": "The body is not JSON.",
    "422": "A field is not valid; see `fields`.",
    "429": "Too many failed logins; wait and retry.",
}
INPUTS = [
    schemas.RegisterIn,
    schemas.TokenIn,
    schemas.ProjectIn,
    schemas.ProjectPatch,
    schemas.MemberIn,
    schemas.TaskIn,
    schemas.TaskPatch,
    schemas.CommentIn,
]


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
        },
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
    """A positive 64-bit id in the path."""
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": schemas.MAX_ID},
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
]


def operation(summary, ok, *, auth=True, parameters=(), body=None, status="200"):
    """One operation: its summary, parameters, body, success answer, and every error answer."""
    responses = {status: ok if ok is not None else {"description": "Done; no content."}}
    responses.update({code: {"$ref": f"#/components/responses/{code}"} for code in ERROR_STATUSES})
    spec = {"summary": summary, "parameters": list(parameters), "responses": responses}
    if body is not None:
        spec["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": ref(body.__name__)}},
        }
    spec["security"] = [{"bearer": []}] if auth else []
    return spec


PROJECT, TASK, COMMENT = [path_id("project_id")], [path_id("task_id")], [path_id("comment_id")]
PATHS = {
    "/users": {
        "post": operation(
            "Register", json_body(ref("User")), auth=False, body=schemas.RegisterIn, status="201"
        )
    },
    "/tokens": {
        "post": operation("Get a token", json_body(ref("Token")), auth=False, body=schemas.TokenIn),
        "delete": operation("Revoke all my tokens", None, status="204"),
    },
    "/me": {"get": operation("Who am I", json_body(ref("User")))},
    "/projects": {
        "get": operation(
            "My projects", json_body(listing("projects", "Project")), parameters=PAGING
        ),
        "post": operation(
            "Create a project", json_body(ref("Project")), body=schemas.ProjectIn, status="201"
        ),
    },
    "/projects/{project_id}": {
        "get": operation("A project", json_body(ref("Project")), parameters=PROJECT),
        "patch": operation(
            "Change a project",
            json_body(ref("Project")),
            parameters=PROJECT,
            body=schemas.ProjectPatch,
        ),
        "delete": operation("Delete a project", None, parameters=PROJECT, status="204"),
    },
    "/projects/{project_id}/members": {
        "get": operation(
            "Members", json_body(listing("members", "User")), parameters=PROJECT + PAGING
        ),
        "post": operation(
            "Add a member",
            json_body(ref("User")),
            parameters=PROJECT,
            body=schemas.MemberIn,
            status="201",
        ),
    },
    "/projects/{project_id}/members/{user_id}": {
        "delete": operation(
            "Remove a member", None, parameters=[*PROJECT, path_id("user_id")], status="204"
        ),
    },
    "/projects/{project_id}/tasks": {
        "get": operation(
            "Tasks", json_body(listing("tasks", "Task")), parameters=PROJECT + TASK_FILTERS + PAGING
        ),
        "post": operation(
            "Create a task",
            json_body(ref("Task")),
            parameters=PROJECT,
            body=schemas.TaskIn,
            status="201",
        ),
    },
    "/tasks/{task_id}": {
        "get": operation("A task", json_body(ref("Task")), parameters=TASK),
        "patch": operation(
            "Change a task", json_body(ref("Task")), parameters=TASK, body=schemas.TaskPatch
        ),
        "delete": operation("Delete a task", None, parameters=TASK, status="204"),
    },
    "/tasks/{task_id}/complete": {
        "post": operation("Complete a task", json_body(ref("Task")), parameters=TASK)
    },
    "/tasks/{task_id}/comments": {
        "get": operation(
            "Comments", json_body(listing("comments", "Comment")), parameters=TASK + PAGING
        ),
        "post": operation(
            "Comment",
            json_body(ref("Comment")),
            parameters=TASK,
            body=schemas.CommentIn,
            status="201",
        ),
    },
    "/comments/{comment_id}": {
        "delete": operation("Delete a comment", None, parameters=COMMENT, status="204")
    },
}


def document():
    """The whole OpenAPI document, as a dict."""
    components = dict(OUTPUTS)
    for model in INPUTS:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(schema.pop("$defs", {}))
        components[model.__name__] = schema
    return {
        "openapi": "3.1.0",
        "info": {"title": "Task manager API", "version": "1.0.0"},
        "servers": [{"url": "/api/v1"}],
        "paths": PATHS,
        "components": {
            "schemas": components,
            "responses": {
                code: json_body(ref("Error"), text) for code, text in ERROR_STATUSES.items()
            },
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
            },
        },
    }


@bp.route("/openapi.json")
def openapi_document():
    """The OpenAPI 3.1 document."""
    return document()
