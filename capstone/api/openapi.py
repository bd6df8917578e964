"""The OpenAPI 3.1 document of the API, served at GET /api/v1/openapi.json, built from the code.

No schema is written here. Request bodies are the pydantic models of schemas.py and
answers those of outputs.py (their serialization schemas: the shape serialize.py
dumps); parameters take their enums and limits from the constants the code checks
(openapi_parameters.py). What is written here is the table of operations, each with
what it uses: a token, a body, ids in the path, a rule such as "members only". The
errors an operation can answer follow from what it uses (USES), so GET /me does not
promise a 409 and a new operation cannot forget its 404. query_parameters.py refuses
the query parameters an operation does not list; tests/capstone/api/test_openapi.py
validates the document and fuzzes the API against it.
"""

from pydantic.json_schema import models_json_schema

from capstone.api import bp
from capstone.api import outputs as out
from capstone.api import outputs_admin as admin_out
from capstone.api import schemas
from capstone.api.openapi_operations import ERRORS
from capstone.api.openapi_operations import MODELS
from capstone.api.openapi_operations import op
from capstone.api.openapi_organizations import ORGANIZATION_PATHS
from capstone.api.openapi_parameters import DOWNLOAD
from capstone.api.openapi_parameters import IDEMPOTENCY_KEY
from capstone.api.openapi_parameters import IF_NONE_MATCH
from capstone.api.openapi_parameters import PAGING
from capstone.api.openapi_parameters import SEARCH
from capstone.api.openapi_parameters import TASK_FILTERS
from capstone.api.openapi_parameters import UNREAD
from capstone.api.openapi_parameters import UPLOAD
from capstone.api.openapi_parameters import path_id

# The parameters the operations share; NEW marks a create, which answers 201.
PROJECT, TASK = [path_id("project_id")], [path_id("task_id")]
ATTACHMENT, COMMENT = [path_id("attachment_id")], [path_id("comment_id")]
NEW = [IDEMPOTENCY_KEY]
CONDITIONAL = [IF_NONE_MATCH]  # answers with an ETag, and 304 to If-None-Match
MEMBERS, OWNER, ADMIN = ["members"], ["owner"], ["admin"]
PATHS = {
    "/users": {
        "post": op(
            "Register",
            out.Message,
            status="202",
            token=False,
            body=schemas.RegisterIn,
            uses=["conflict"],
        )
    },
    "/tokens": {
        "post": op("Get a token", out.Token, token=False, body=schemas.TokenIn, uses=["login"]),
        "delete": op("Revoke all my tokens"),
    },
    "/me": {"get": op("Who am I", out.Me)},
    "/password-reset": {
        "post": op(
            "Email me a password-reset link",
            out.Message,
            status="202",
            token=False,
            body=schemas.ResetIn,
        )
    },
    "/password-reset/confirm": {
        "post": op(
            "Set a new password with the emailed token", token=False, body=schemas.ResetConfirmIn
        )
    },
    "/notifications": {
        "get": op("My notifications, newest first", out.NotificationList, params=[UNREAD, *PAGING])
    },
    "/notifications/{notification_id}/read": {
        "post": op(
            "Mark a notification read", out.Notification, params=[path_id("notification_id")]
        )
    },
    "/notifications/read": {"post": op("Mark all my notifications read")},
    "/projects": {
        "get": op("My projects", out.ProjectList, params=PAGING),
        "post": op(
            "Create a project",
            out.Project,
            params=NEW,
            body=schemas.ProjectIn,
            uses=["plan", "managers", "ids"],  # ids: the organization_id in the body
        ),
    },
    "/projects/{project_id}": {
        "get": op("A project", out.Project, params=PROJECT + CONDITIONAL),
        "patch": op(
            "Change a project", out.Project, params=PROJECT, body=schemas.ProjectPatch, uses=OWNER
        ),
        "delete": op("Delete a project", params=PROJECT, uses=OWNER),
    },
    "/projects/{project_id}/members": {
        "get": op("Members", out.MemberList, params=PROJECT + PAGING),
        "post": op(
            "Add a member",
            out.User,
            params=PROJECT + NEW,
            body=schemas.MemberIn,
            uses=[*OWNER, "conflict"],
        ),
    },
    "/projects/{project_id}/members/{user_id}": {
        "delete": op(
            "Remove a member", params=[*PROJECT, path_id("user_id")], uses=[*OWNER, "state"]
        )
    },
    "/projects/{project_id}/tasks": {
        "get": op("Tasks", out.TaskList, params=PROJECT + TASK_FILTERS + PAGING + CONDITIONAL),
        "post": op(
            "Create a task", out.Task, params=PROJECT + NEW, body=schemas.TaskIn, uses=MEMBERS
        ),
    },
    "/tasks/{task_id}": {
        "get": op("A task", out.Task, params=TASK + CONDITIONAL),
        "patch": op("Change a task", out.Task, params=TASK, body=schemas.TaskPatch, uses=MEMBERS),
        "delete": op("Delete a task", params=TASK, uses=MEMBERS + OWNER),
    },
    "/tasks/{task_id}/complete": {
        "post": op("Complete a task", out.Task, params=TASK, uses=MEMBERS)
    },
    "/tasks/{task_id}/comments": {
        "get": op("Comments", out.CommentList, params=TASK + PAGING),
        "post": op("Comment", out.Comment, params=TASK + NEW, body=schemas.CommentIn, uses=MEMBERS),
    },
    "/tasks/{task_id}/restore": {
        "post": op("Restore an archived task", out.Task, params=TASK, uses=[*MEMBERS, "state"])
    },
    "/tasks/{task_id}/attachments": {
        "get": op("Attachments", out.AttachmentList, params=TASK + PAGING),
        "post": op(
            "Attach a file",
            out.Attachment,
            params=TASK + NEW,
            body=UPLOAD,
            uses=[*MEMBERS, "plan"],
        ),
    },
    "/attachments/{attachment_id}": {
        "get": op("An attachment", out.Attachment, params=ATTACHMENT),
        "delete": op("Delete an attachment", params=ATTACHMENT, uses=OWNER),
    },
    "/attachments/{attachment_id}/content": {
        "get": op("Download an attachment", DOWNLOAD, params=ATTACHMENT, uses=MEMBERS)
    },
    "/comments/{comment_id}": {"delete": op("Delete a comment", params=COMMENT, uses=OWNER)},
    "/admin/users": {
        "get": op(
            "Users (admins only)", admin_out.AccountList, params=[SEARCH, *PAGING], uses=ADMIN
        )
    },
    "/admin/users/{user_id}": {
        "patch": op(
            "Change a user's role or activity (admins only)",
            admin_out.Account,
            params=[path_id("user_id")],
            body=schemas.AdminUserPatch,
            uses=[*ADMIN, "conflict"],
        )
    },
    "/admin/projects": {
        "get": op(
            "Every project (admins only)", admin_out.ProjectOverviewList, params=PAGING, uses=ADMIN
        )
    },
    "/admin/statistics": {
        "get": op("Site statistics (admins only)", admin_out.Statistics, uses=ADMIN)
    },
    "/admin/audit": {
        "get": op(
            "The audit log, newest first (admins only)",
            admin_out.AuditLog,
            params=PAGING,
            uses=ADMIN,
        )
    },
    **ORGANIZATION_PATHS,
}


def document():
    """The whole OpenAPI document, as a dict."""
    template = "#/components/schemas/{model}"
    _, schemas_ = models_json_schema(list(MODELS.items()), ref_template=template)
    error = {"content": {"application/json": {"schema": {"$ref": template.format(model="Error")}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Task manager API", "version": "1.0.0"},
        "servers": [{"url": "/api/v1"}],
        "paths": PATHS,
        "components": {
            "schemas": schemas_["$defs"],
            "responses": {code: {"description": text, **error} for code, text in ERRORS.items()},
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
            },
        },
    }


@bp.route("/openapi.json")
def openapi_document():
    """The OpenAPI 3.1 document."""
    return document()
