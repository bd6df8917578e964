"""The admin pages: who may see them, what deactivation does, the last-admin rule, the audit log."""

import pytest
from capstone_support.races import committed_just_before
from capstone_support.races import side_by_side
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from werkzeug.exceptions import Conflict

from capstone.database import db
from capstone.models import AuditEntry
from capstone.models import User
from capstone.services import admin

PAGES = ["/admin/", "/admin/users", "/admin/users?q=bo", "/admin/projects", "/admin/audit"]


@pytest.mark.parametrize("path", PAGES)
def test_admins_see_every_admin_page(client, login, team, path):
    login(client, "root")
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", PAGES)
def test_members_are_refused_every_admin_page(client, login, team, path):
    login(client, "alice")  # alice owns a project: owning is not administering
    response = client.get(path)
    assert response.status_code == 403
    assert "You are not allowed to do that." in response.text


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, team, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.location.startswith("/auth/login")


@pytest.mark.parametrize("change", ["active", "role"])
def test_members_cannot_change_accounts(app, client, login, team, change):
    login(client, "alice")
    data = {"active": "no", "role": "admin"}
    assert client.post(f"/admin/users/{team['bob']}/{change}", data=data).status_code == 403
    assert client.post(f"/admin/users/{team['alice']}/{change}", data=data).status_code == 403
    with app.app_context():
        bob, alice = db.session.get(User, team["bob"]), db.session.get(User, team["alice"])
        assert (bob.active, bob.role, alice.role) == (True, "member", "member")


def test_only_admins_see_the_admin_link(app, client, login, team):
    login(client, "alice")
    assert 'href="/admin/"' not in client.get("/dashboard").text
    root = app.test_client()
    login(root, "root")
    assert 'href="/admin/"' in root.get("/dashboard").text


def test_deactivation_ends_sessions_and_tokens_at_once(app, client, login, team):
    bob = app.test_client()
    login(bob, "bob")
    token = bob.post(
        "/api/v1/tokens", json={"username": "bob", "password": "correct-horse-battery"}
    ).get_json()["access_token"]
    login(client, "root")
    response = client.post(f"/admin/users/{team['bob']}/active", data={"active": "no"})
    assert response.status_code == 303
    assert bob.get("/dashboard").status_code == 302  # the session is gone
    assert bob.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert login(bob, "bob").status_code == 400  # and no new one
    client.post(f"/admin/users/{team['bob']}/active", data={"active": "yes"})
    assert login(bob, "bob").status_code == 303
    # Reactivation does not bring back what deactivation ended.
    assert bob.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_the_last_admin_cannot_be_demoted_or_deactivated(client, login, team):
    login(client, "root")
    response = client.post(f"/admin/users/{team['root']}/role", data={"role": "member"})
    assert response.status_code == 409
    assert "There must always be an active admin" in response.text
    assert "Name or email contains" in response.text  # the list again, with the message
    response = client.post(f"/admin/users/{team['root']}/active", data={"active": "no"})
    assert response.status_code == 422
    assert "You cannot deactivate your own account." in response.text
    assert client.get("/admin/").status_code == 200  # still an admin


def test_an_inactive_admin_does_not_count_as_the_other_admin(build, client, login, team):
    other = build.user("root2", role="admin")
    login(client, "root")
    assert client.post(f"/admin/users/{other}/active", data={"active": "no"}).status_code == 303
    response = client.post(f"/admin/users/{team['root']}/role", data={"role": "member"})
    assert response.status_code == 409


def test_with_two_admins_one_may_step_down(build, client, login, team):
    build.user("root2", role="admin")
    login(client, "root")
    response = client.post(f"/admin/users/{team['root']}/role", data={"role": "member"})
    assert response.status_code == 303
    assert client.get("/admin/").status_code == 403  # effective on the next request


def test_two_admins_demoting_each_other_at_once_leave_one_admin(app, build, team):
    """The other demotion commits between this one's check and its update: a real race."""
    other = build.user("root2", role="admin")
    with app.app_context():
        engine = db.engine
        if engine.dialect.name != "sqlite":
            pytest.skip("elsewhere, the admins' row locks make the other demotion wait instead")
        other_demotes_root = update(User).where(User.id == team["root"]).values(role="member")
        with committed_just_before(engine, "UPDATE user", other_demotes_root) as raced:
            actor = db.session.get(User, team["root"])  # loaded while still an admin
            with pytest.raises(Conflict):
                admin.set_role(actor, db.session.get(User, other), "member")
        assert raced
        admins = db.session.scalars(select(User.username).where(User.role == "admin")).all()
        assert admins == ["root2"]


def test_two_concurrent_demotions_on_postgresql_leave_one_admin(app, build, team):
    """Two demotions in two threads at once: only the admins' row locks stop both.

    Each holds its transaction open after its UPDATE until the other has reached its
    own (or 2 s pass), so without the locks both would pass their checks.
    """
    other = build.user("root2", role="admin")
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time; the test above races it")

    def demote(actor_id, target_id):
        with app.app_context():
            try:
                actor, target = db.session.get(User, actor_id), db.session.get(User, target_id)
                admin.set_role(actor, target, "member")
                db.session.commit()
                return "demoted"
            except Conflict:
                return "refused"

    outcomes = side_by_side(
        engine,
        'UPDATE "user"',
        lambda: demote(team["root"], other),
        lambda: demote(other, team["root"]),
    )
    assert sorted(outcomes) == ["demoted", "refused"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(User.role == "admin")) == 1


def test_every_change_is_in_the_audit_log(app, build, client, login, team):
    login(client, "root")
    for change, data in [
        ("role", {"role": "admin"}),
        ("role", {"role": "member"}),
        ("active", {"active": "no"}),
        ("active", {"active": "yes"}),
        ("active", {"active": "yes"}),  # already active: nothing happens, nothing logged
    ]:
        assert client.post(f"/admin/users/{team['bob']}/{change}", data=data).status_code == 303
    client.post(f"/admin/users/{team['root']}/role", data={"role": "member"})  # refused
    with app.app_context():
        entries = db.session.scalars(admin.audit_log()).all()
        assert [(e.actor.username, e.action, e.target.username) for e in entries] == [
            ("root", "reactivate", "bob"),
            ("root", "deactivate", "bob"),
            ("root", "demote", "bob"),
            ("root", "promote", "bob"),
        ]
        assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "demote"))
    page = client.get("/admin/audit").text
    assert page.index("Reactivate") < page.index("Promote")  # newest first


def test_a_bad_role_is_refused_and_logs_nothing(app, client, login, team):
    login(client, "root")
    response = client.post(f"/admin/users/{team['bob']}/role", data={"role": "owner"})
    assert response.status_code == 422
    assert "Choose one of: admin, member." in response.text
    assert client.post("/admin/users/999/role", data={"role": "admin"}).status_code == 404
    with app.app_context():
        assert db.session.scalars(select(AuditEntry)).all() == []


def test_user_search_finds_names_and_emails_and_escapes_them(build, client, login, team):
    build.user("<b>mallory</b>")
    login(client, "root")
    page = client.get("/admin/users?q=mallory").text
    assert "&lt;b&gt;mallory&lt;/b&gt;" in page
    assert "alice" not in page.split("<tbody>")[1]
    assert "bob@example.org" in client.get("/admin/users?q=BOB@").text
    assert "No user matches." in client.get("/admin/users?q=%25").text  # % is a character


def test_the_projects_overview_counts_members_and_tasks(client, login, team, build):
    build.tasks(team["project"], team["alice"], 2, status="done")
    login(client, "root")
    row = client.get("/admin/projects").text.split("<tbody>")[1].split("</tr>")[0]
    cells = [cell.split("</td>")[0] for cell in row.split("<td>")[1:]]
    assert cells[1:5] == ["alice", "2", "3", "1"]  # owner, members, tasks, open tasks


def test_a_page_past_the_end_is_a_404(client, login, team):
    login(client, "root")
    assert client.get("/admin/users?page=2").status_code == 404
    assert client.get("/admin/users?page=zero").status_code == 404
