"""The OpenAPI 3.1 document of the API, served at GET /api/v1/openapi.json.

Request bodies are generated from the pydantic models in schemas.py, so the document
cannot drift from what the API accepts. Responses are described here once, and every
operation lists the errors it can answer. tests/capstone/api/test_openapi.py validates
the document against the OpenAPI 3.1 schema and fuzzes the API against it.
"""

from capstone.api import bp
from capstone.api import schemas
from capstone.api.openapi_admin import ADMIN_OUTPUTS
from capstone.api.openapi_admin import ADMIN_PATHS
from capstone.api.openapi_billing import BILLING_OUTPUTS
from capstone.api.openapi_billing import BILLING_PATHS
from capstone.api.openapi_parts import DOWNLOAD
from capstone.api.openapi_parts import ERROR_STATUSES
from capstone.api.openapi_parts import IDEMPOTENCY_KEY
from capstone.api.openapi_parts import OUTPUTS
from capstone.api.openapi_parts import PAGING
from capstone.api.openapi_parts import TASK_FILTERS
from capstone.api.openapi_parts import UPLOAD
from capstone.api.openapi_parts import json_body
from capstone.api.openapi_parts import listing
from capstone.api.openapi_parts import operation
from capstone.api.openapi_parts import path_id
from capstone.api.openapi_parts import query
from capstone.api.openapi_parts import ref

INPUTS = [
    schemas.RegisterIn,
    schemas.TokenIn,
    schemas.ProjectIn,
    schemas.ProjectPatch,
    schemas.MemberIn,
    schemas.TaskIn,
    schemas.TaskPatch,
    schemas.CommentIn,
    schemas.ResetIn,
    schemas.ResetConfirmIn,
    schemas.AdminUserPatch,
]


PROJECT, TASK, COMMENT = [path_id("project_id")], [path_id("task_id")], [path_id("comment_id")]
ATTACHMENT, NOTIFICATION = [path_id("attachment_id")], [path_id("notification_id")]
UNREAD = query("unread", {"enum": ["true", "false"]}, "Only the unread ones (true), or all.")
NOTIFICATIONS = listing("notifications", "Notification")
NOTIFICATIONS["required"].append("unread")
NOTIFICATIONS["properties"]["unread"] = {"type": "integer", "description": "How many are unread."}
PATHS = {
    "/users": {
        "post": operation(
            "Register",
            json_body(ref("Message"), "Accepted; the same answer for an address with an account."),
            auth=False,
            body=schemas.RegisterIn,
            status="202",
        )
    },
    "/tokens": {
        "post": operation("Get a token", json_body(ref("Token")), auth=False, body=schemas.TokenIn),
        "delete": operation("Revoke all my tokens", None, status="204"),
    },
    "/me": {"get": operation("Who am I", json_body(ref("User")))},
    "/password-reset": {
        "post": operation(
            "Email me a password-reset link",
            json_body(ref("Message"), "Accepted; the same answer for unknown accounts."),
            auth=False,
            body=schemas.ResetIn,
            status="202",
        )
    },
    "/password-reset/confirm": {
        "post": operation(
            "Set a new password with the emailed token",
            None,
            auth=False,
            body=schemas.ResetConfirmIn,
            status="204",
        )
    },
    "/notifications": {
        "get": operation(
            "My notifications, newest first",
            json_body(NOTIFICATIONS),
            parameters=[UNREAD, *PAGING],
        )
    },
    "/notifications/{notification_id}/read": {
        "post": operation(
            "Mark a notification read", json_body(ref("Notification")), parameters=NOTIFICATION
        )
    },
    "/notifications/read": {
        "post": operation("Mark all my notifications read", None, status="204")
    },
    "/projects": {
        "get": operation(
            "My projects", json_body(listing("projects", "Project")), parameters=PAGING
        ),
        "post": operation(
            "Create a project",
            json_body(ref("Project")),
            parameters=[IDEMPOTENCY_KEY],
            body=schemas.ProjectIn,
            status="201",
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
            parameters=[*PROJECT, IDEMPOTENCY_KEY],
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
            parameters=[*PROJECT, IDEMPOTENCY_KEY],
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
            parameters=[*TASK, IDEMPOTENCY_KEY],
            body=schemas.CommentIn,
            status="201",
        ),
    },
    "/tasks/{task_id}/restore": {
        "post": operation("Restore an archived task", json_body(ref("Task")), parameters=TASK)
    },
    "/tasks/{task_id}/attachments": {
        "get": operation(
            "Attachments", json_body(listing("attachments", "Attachment")), parameters=TASK + PAGING
        ),
        "post": operation(
            "Attach a file",
            json_body(ref("Attachment")),
            parameters=[*TASK, IDEMPOTENCY_KEY],
            body=UPLOAD,
            status="201",
        ),
    },
    "/attachments/{attachment_id}": {
        "get": operation("An attachment", json_body(ref("Attachment")), parameters=ATTACHMENT),
        "delete": operation("Delete an attachment", None, parameters=ATTACHMENT, status="204"),
    },
    "/attachments/{attachment_id}/content": {
        "get": operation("Download an attachment", DOWNLOAD, parameters=ATTACHMENT),
    },
    "/comments/{comment_id}": {
        "delete": operation("Delete a comment", None, parameters=COMMENT, status="204")
    },
    **ADMIN_PATHS,
    **BILLING_PATHS,
}


def document():
    """The whole OpenAPI document, as a dict."""
    components = OUTPUTS | ADMIN_OUTPUTS | BILLING_OUTPUTS
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
