"""The admin API: the access matrix, changes that are all or nothing, and what they record."""

import pytest
from sqlalchemy import select

from capstone.database import db
from capstone.models import AuditEntry
from capstone.models import User

READS = ["/api/v1/admin/users", "/api/v1/admin/projects", "/api/v1/admin/statistics"]
READS += ["/api/v1/admin/audit", "/api/v1/admin/users?q=ali"]


@pytest.mark.parametrize("path", READS)
def test_the_access_matrix_of_every_read(client, team, auth, path):
    assert client.get(path, headers=auth("root")).status_code == 200
    member = client.get(path, headers=auth("alice"))
    assert member.status_code == 403
    assert member.get_json() == {
        "error": "forbidden",
        "message": "Only administrators can do that.",
    }
    assert client.get(path).status_code == 401


def test_members_cannot_change_accounts(app, client, team, auth):
    url = f"/api/v1/admin/users/{team['alice']}"
    assert client.patch(url, json={"role": "admin"}, headers=auth("alice")).status_code == 403
    assert client.patch(url, json={"role": "admin"}).status_code == 401
    with app.app_context():
        assert db.session.get(User, team["alice"]).role == "member"


def test_an_admin_sees_emails_and_activity(client, team, auth):
    users = client.get("/api/v1/admin/users?q=bob", headers=auth("root")).get_json()["users"]
    assert [(u["username"], u["email"], u["active"]) for u in users] == [
        ("bob", "bob@example.org", True)
    ]


def test_deactivating_over_the_api_revokes_tokens_at_once(client, team, auth):
    bob = auth("bob")
    answer = client.patch(
        f"/api/v1/admin/users/{team['bob']}", json={"active": False}, headers=auth("root")
    )
    assert answer.status_code == 200
    assert answer.get_json()["active"] is False
    assert client.get("/api/v1/me", headers=bob).status_code == 401


def test_a_change_is_all_or_nothing(app, build, client, team, auth):
    """Demote, then deactivate yourself: the second part is refused, so the first is undone."""
    build.user("root2", role="admin")  # so that root may step down
    response = client.patch(
        f"/api/v1/admin/users/{team['root']}",
        json={"role": "member", "active": False},
        headers=auth("root"),
    )
    assert response.status_code == 422
    response = client.patch(
        f"/api/v1/admin/users/{team['bob']}",
        json={"role": "admin", "active": "no"},  # a string is not a boolean
        headers=auth("root"),
    )
    assert response.status_code == 422
    assert "active" in response.get_json()["fields"]
    with app.app_context():
        roles = db.session.execute(select(User.username, User.role).order_by(User.id)).all()
        assert ("root", "admin") in roles and ("bob", "member") in roles
        assert db.session.scalars(select(AuditEntry)).all() == []


def test_the_last_admin_rule_over_the_api(client, team, auth):
    response = client.patch(
        f"/api/v1/admin/users/{team['root']}", json={"role": "member"}, headers=auth("root")
    )
    assert response.status_code == 409
    assert response.get_json()["message"].startswith("There must always be an active admin")


def test_promotion_and_self_deactivation(app, client, team, auth):
    url = f"/api/v1/admin/users/{team['bob']}"
    assert client.patch(url, json={"role": "admin"}, headers=auth("root")).get_json()["role"] == (
        "admin"
    )
    own = client.patch(
        f"/api/v1/admin/users/{team['root']}", json={"active": False}, headers=auth("root")
    )
    assert own.status_code == 422
    assert own.get_json()["fields"] == {"active": "You cannot deactivate your own account."}
    # bob is an admin now: he may demote root, who is no longer the last admin.
    demoted = client.patch(
        f"/api/v1/admin/users/{team['root']}", json={"role": "member"}, headers=auth("bob")
    )
    assert demoted.status_code == 200
    entries = client.get("/api/v1/admin/audit", headers=auth("bob")).get_json()["entries"]
    assert [(e["actor"]["username"], e["action"], e["target"]["username"]) for e in entries] == [
        ("bob", "demote", "root"),
        ("root", "promote", "bob"),
    ]


def test_unknown_users_and_null_fields(client, team, auth):
    root = auth("root")
    assert client.patch("/api/v1/admin/users/999", json={}, headers=root).status_code == 404
    response = client.patch(f"/api/v1/admin/users/{team['bob']}", json={"role": None}, headers=root)
    assert response.status_code == 422
    long_query = client.get("/api/v1/admin/users?q=" + "x" * 101, headers=root)
    assert long_query.status_code == 400


def test_statistics_and_projects_over_the_api(client, team, auth):
    root = auth("root")
    stats = client.get("/api/v1/admin/statistics", headers=root).get_json()
    assert stats["users"] == 4
    assert stats["tasks_by_status"]["todo"] == 1
    assert len(stats["completed_per_week"]) == 12
    projects = client.get("/api/v1/admin/projects", headers=root).get_json()["projects"]
    assert [(p["name"], p["owner"], p["members"], p["tasks"]) for p in projects] == [
        ("Apollo", "alice", 2, 1)
    ]
