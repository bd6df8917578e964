"""Exercise 4 of tests/exercises/capstone/README.md: an admin signs a user out everywhere."""

import pytest

hint = pytest.mark.hint


def sign_out(caller, user_id):
    """POST the new action; its answer."""
    return caller.post(f"/admin/users/{user_id}/sign-out")


@pytest.fixture
def bob_id(api):
    """Bob's user id, as the API's /me says it."""
    return api("bob").get("/me").get_json()["id"]


@hint("POST /admin/users/<id>/sign-out (api/admin.py) calls a service that ends every session")
def test_4_an_admin_signs_a_user_out_of_every_session(api, client, log_in, bob_id):
    bob = api("bob")
    browser = log_in(client.application.test_client(), "bob")
    answer = sign_out(api("admin"), bob_id)
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["id"] == bob_id and answer.get_json()["active"] is True
    assert bob.get("/me").status_code == 401, "bob's API token still works"
    assert browser.get("/dashboard").status_code == 302, "bob's browser is still logged in"
    assert api("bob").get("/me").status_code == 200, "bob may log in again"


@hint("services/admin.py records each action (record()): sign_out, by the admin, of the user")
def test_4_the_sign_out_is_in_the_audit_log(api, bob_id):
    admin = api("admin")
    assert sign_out(admin, bob_id).status_code == 200
    [entry, *_] = admin.get("/admin/audit").get_json()["entries"]
    assert entry["action"] == "sign_out"
    assert (entry["actor"]["username"], entry["target"]["username"]) == ("admin", "bob")


@hint("the service checks first (access.require_admin): a member gets 403, no such user 404")
def test_4_only_admins_may_and_nothing_is_logged_otherwise(api, bob_id):
    alice, admin = api("alice"), api("admin")
    assert sign_out(admin, bob_id).status_code == 200  # the action exists
    logged = admin.get("/admin/audit").get_json()["entries"]
    bob = api("bob")
    assert sign_out(alice, bob_id).status_code == 403
    assert bob.get("/me").status_code == 200
    assert sign_out(admin, 999999).status_code == 404
    assert admin.get("/admin/audit").get_json()["entries"] == logged


@hint("an entry of PATHS in api/openapi.py; the audit actions are models/audit_entry.py's")
def test_4_the_openapi_document_lists_the_action(openapi):
    operation = openapi["paths"].get("/admin/users/{user_id}/sign-out", {}).get("post")
    assert operation is not None, "no POST /admin/users/{user_id}/sign-out"
    assert "200" in operation["responses"] and "403" in operation["responses"]
    actions = openapi["components"]["schemas"]["AuditEntry"]["properties"]["action"]
    assert "sign_out" in actions["enum"], actions
