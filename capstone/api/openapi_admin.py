"""The admin part of the OpenAPI document: its paths and the schemas of its answers."""

from capstone.api import schemas
from capstone.api.openapi_parts import DATETIME
from capstone.api.openapi_parts import PAGING
from capstone.api.openapi_parts import json_body
from capstone.api.openapi_parts import listing
from capstone.api.openapi_parts import operation
from capstone.api.openapi_parts import path_id
from capstone.api.openapi_parts import query
from capstone.api.openapi_parts import ref

COUNT = {"type": "integer", "minimum": 0}
NAMED_USER = {
    "type": "object",
    "required": ["id", "username"],
    "properties": {"id": {"type": "integer"}, "username": {"type": "string"}},
}
ADMIN_OUTPUTS = {
    "Account": {
        "allOf": [ref("User")],
        "required": ["email", "email_verified", "active"],
        "properties": {"active": {"type": "boolean"}},
    },
    "ProjectOverview": {
        "allOf": [ref("Project")],
        "required": ["owner", "members", "tasks", "open_tasks"],
        "properties": {
            "owner": {"type": "string"},
            "members": COUNT,
            "tasks": COUNT,
            "open_tasks": COUNT,
        },
    },
    "Statistics": {
        "type": "object",
        "required": [
            "users",
            "active_users",
            "admins",
            "projects",
            "tasks_by_status",
            "overdue",
            "archived",
            "completed_per_week",
        ],
        "properties": {
            **dict.fromkeys(("users", "active_users", "admins", "projects"), COUNT),
            "tasks_by_status": {
                "type": "object",
                "required": list(schemas.Status.__args__),
                "properties": dict.fromkeys(schemas.Status.__args__, COUNT),
            },
            "overdue": COUNT,
            "archived": COUNT,
            "completed_per_week": {
                "type": "array",
                "minItems": 12,
                "maxItems": 12,
                "items": {
                    "type": "object",
                    "required": ["week", "completed"],
                    "properties": {
                        "week": {"type": "string", "format": "date"},
                        "completed": COUNT,
                    },
                },
            },
        },
    },
    "AuditEntry": {
        "type": "object",
        "required": ["id", "action", "actor", "target", "created_at"],
        "properties": {
            "id": {"type": "integer"},
            "action": {"enum": ["deactivate", "reactivate", "promote", "demote"]},
            "actor": NAMED_USER,
            "target": NAMED_USER,
            "created_at": DATETIME,
        },
    },
}
SEARCH = query("q", {"type": "string", "maxLength": 100}, "Names and emails containing this.")
ADMIN_PATHS = {
    "/admin/users": {
        "get": operation(
            "Users (admins only)",
            json_body(listing("users", "Account")),
            parameters=[SEARCH, *PAGING],
        )
    },
    "/admin/users/{user_id}": {
        "patch": operation(
            "Change a user's role or activity (admins only)",
            json_body(ref("Account")),
            parameters=[path_id("user_id")],
            body=schemas.AdminUserPatch,
        )
    },
    "/admin/projects": {
        "get": operation(
            "Every project (admins only)",
            json_body(listing("projects", "ProjectOverview")),
            parameters=PAGING,
        )
    },
    "/admin/statistics": {
        "get": operation("Site statistics (admins only)", json_body(ref("Statistics")))
    },
    "/admin/audit": {
        "get": operation(
            "The audit log, newest first (admins only)",
            json_body(listing("entries", "AuditEntry")),
            parameters=PAGING,
        )
    },
}
