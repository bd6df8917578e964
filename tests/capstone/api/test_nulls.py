"""Null in a request body: the OpenAPI document says exactly which fields take it.

For every JSON body in the document, every property is sent as null in an otherwise
valid body; the server refusing it (a 422 naming the field) must match the schema not
allowing null, and the other way round. A PATCH field that may be left out but not
cleared was documented as nullable, and clients generated from it sent null.
"""

import pytest
from capstone_support.openapi import json_operations

# A valid body for each request schema; a field set to null is the only thing wrong.
VALID = {
    "TokenIn": {"username": "alice", "password": "correct-horse-battery"},
    "RegisterIn": {"username": "newbie", "email": "newbie@example.org", "password": "x" * 12},
    "ResetIn": {"username": "alice"},
    "ResetConfirmIn": {"token": "not-a-real-token", "password": "x" * 12},
    "ProjectIn": {"name": "Gemini", "description": "Two seats"},
    "ProjectPatch": {"name": "Gemini", "description": "Two seats"},
    "MemberIn": {"user_id": 0},  # filled in with carol's id
    "TaskIn": {"title": "Dock", "description": "", "status": "todo", "priority": "low"},
    "TaskPatch": {"title": "Dock", "description": "", "status": "todo", "priority": "low"},
    "CommentIn": {"body": "Looks good"},
    "AdminUserPatch": {"role": "member", "active": True},
    "OrganizationIn": {"name": "Initech"},
    "OrganizationRoleIn": {"role": "admin"},
    "InvitationIn": {"email": "erin@example.org", "role": "member"},
    "AcceptIn": {"token": "not-a-real-token"},
}


def takes_null(schema):
    """Whether a property's JSON Schema admits null."""
    return schema.get("type") == "null" or {"type": "null"} in schema.get("anyOf", [])


@pytest.fixture
def document(client):
    """The OpenAPI document the app serves."""
    return client.get("/api/v1/openapi.json").get_json()


def test_every_json_body_has_a_valid_example_here(document):
    assert {name for _, _, name in json_operations(document)} == set(VALID)


def test_the_server_refuses_null_exactly_where_the_document_does(client, document, auth, team):
    ids = {
        "project_id": team["project"],
        "task_id": team["task"],
        "user_id": team["bob"],
        "organization_id": team["organization"],
    }
    headers = {"admin": auth("root"), "": auth("alice")}
    mismatches = []
    for method, path, name in json_operations(document):
        url = "/api/v1" + path.format(**ids)
        schema = document["components"]["schemas"][name]
        for field, property_schema in schema["properties"].items():
            body = {**VALID[name], field: None}
            if name == "MemberIn" and field != "user_id":
                body["user_id"] = team["carol"]
            who = headers["admin" if path.startswith("/admin") else ""]
            answer = client.open(url, method=method, json=body, headers=who)
            refused = answer.status_code == 422 and field in answer.get_json().get("fields", {})
            if refused == takes_null(property_schema):
                mismatches.append((method, path, field, answer.status_code))
    assert mismatches == []
