"""Organizations, members and invitations over the API: the organization pages' rules, in JSON.

Uses the `acme` organization of conftest.py: alice owns it, olga is an admin, bob and
carol are members, dave is outside, root is a site admin.
"""

import re

from sqlalchemy import select

from capstone.database import db
from capstone.models import OutboundEmail

ACME = "/api/v1/organizations/{acme}"


def newest_token(app, email):
    """The token at the end of the invitation link in the newest email to `email`."""
    with app.app_context():
        sent = db.session.scalars(
            select(OutboundEmail).where(OutboundEmail.to == email).order_by(OutboundEmail.id.desc())
        ).first()
    return re.search(r"/organizations/invitations/(\S+)", sent.body).group(1)


def test_my_organizations_come_with_my_role_the_personal_one_first(client, auth, acme):
    answer = client.get("/api/v1/organizations", headers=auth("olga")).get_json()
    found = [(o["name"], o["personal"], o["role"]) for o in answer["organizations"]]
    assert found == [("olga", True, "owner"), ("Acme", False, "admin")]
    assert answer["pagination"]["total"] == 2


def test_an_organization_is_404_outside_it_and_shown_to_its_members(client, auth, acme):
    path = ACME.format(**acme)
    assert client.get(path, headers=auth("dave")).status_code == 404
    assert client.get(f"{path}/members", headers=auth("dave")).status_code == 404
    assert client.get(f"{path}/invitations", headers=auth("dave")).status_code == 404
    assert client.get(path, headers=auth("carol")).get_json()["role"] == "member"
    assert client.get(path, headers=auth("root")).get_json()["role"] is None  # a site admin


def test_create_and_rename_an_organization(client, auth, acme):
    created = client.post("/api/v1/organizations", json={"name": " Initech "}, headers=auth("dave"))
    assert created.status_code == 201
    assert created.get_json()["name"] == "Initech"
    assert created.get_json()["role"] == "owner"
    path = f"/api/v1/organizations/{created.get_json()['id']}"
    renamed = client.patch(path, json={"name": "Initrode"}, headers=auth("dave"))
    assert renamed.get_json()["name"] == "Initrode"
    assert (
        client.patch(ACME.format(**acme), json={"name": "Mine"}, headers=auth("carol")).status_code
        == 403
    )


def test_a_personal_organization_keeps_its_users_name(client, auth, acme, build):
    path = f"/api/v1/organizations/{build.personal(acme['alice'])}"
    answer = client.patch(path, json={"name": "Other"}, headers=auth("alice"))
    assert answer.status_code == 422
    assert "named after its user" in answer.get_json()["fields"]["name"]


def test_members_and_roles(client, auth, acme):
    path = ACME.format(**acme) + "/members"
    members = client.get(path, headers=auth("carol")).get_json()["members"]
    assert [(m["username"], m["role"]) for m in members] == [
        ("alice", "owner"),
        ("bob", "member"),
        ("carol", "member"),
        ("olga", "admin"),
    ]
    promoted = client.patch(f"{path}/{acme['carol']}", json={"role": "admin"}, headers=auth("olga"))
    assert promoted.get_json() == {"user_id": acme["carol"], "username": "carol", "role": "admin"}
    # Only an owner makes an owner; the last owner stays one.
    owner = {"role": "owner"}
    assert (
        client.patch(f"{path}/{acme['bob']}", json=owner, headers=auth("olga")).status_code == 403
    )
    demote = client.patch(f"{path}/{acme['alice']}", json={"role": "member"}, headers=auth("alice"))
    assert demote.status_code == 409
    assert client.delete(f"{path}/{acme['alice']}", headers=auth("alice")).status_code == 409
    wrong = client.patch(f"{path}/{acme['bob']}", json={"role": "boss"}, headers=auth("alice"))
    assert wrong.status_code == 422 and "role" in wrong.get_json()["fields"]


def test_removing_a_member_takes_them_out_of_its_projects(client, auth, acme):
    path = ACME.format(**acme) + f"/members/{acme['bob']}"
    assert client.delete(path, headers=auth("carol")).status_code == 403
    assert client.delete(path, headers=auth("olga")).status_code == 204
    assert client.get(f"/api/v1/projects/{acme['apollo']}", headers=auth("bob")).status_code == 404
    task = client.get(f"/api/v1/tasks/{acme['task']}", headers=auth("alice")).get_json()
    assert task["assignee_id"] is None  # the task stays, unassigned
    # Leaving: a member removes themselves.
    leave = ACME.format(**acme) + f"/members/{acme['carol']}"
    assert client.delete(leave, headers=auth("carol")).status_code == 204
    assert client.get(ACME.format(**acme), headers=auth("carol")).status_code == 404


def test_invite_list_resend_revoke(app, client, auth, acme):
    path = ACME.format(**acme) + "/invitations"
    sent = client.post(path, json={"email": "Erin@Example.org"}, headers=auth("olga"))
    assert sent.status_code == 201
    invitation = sent.get_json()
    assert (invitation["email"], invitation["role"]) == ("erin@example.org", "member")
    listed = client.get(path, headers=auth("olga")).get_json()["invitations"]
    assert [i["id"] for i in listed] == [invitation["id"]]
    assert client.get(path, headers=auth("carol")).status_code == 403  # as on the web page
    again = client.post(path, json={"email": "erin@example.org"}, headers=auth("olga"))
    assert again.status_code == 409
    member = client.post(path, json={"email": "bob@example.org"}, headers=auth("olga"))
    assert member.status_code == 409 and "already a member" in member.get_json()["fields"]["email"]
    assert (
        client.post(path, json={"email": "x@example.org"}, headers=auth("carol")).status_code == 403
    )
    owner = client.post(
        path, json={"email": "o@example.org", "role": "owner"}, headers=auth("olga")
    )
    assert owner.status_code == 403  # only owners invite owners
    resend = f"{path}/{invitation['id']}/resend"
    assert client.post(resend, headers=auth("olga")).status_code == 429  # just sent
    assert client.delete(f"{path}/{invitation['id']}", headers=auth("carol")).status_code == 403
    assert client.delete(f"{path}/{invitation['id']}", headers=auth("olga")).status_code == 204
    assert client.get(path, headers=auth("olga")).get_json()["invitations"] == []
    assert client.post(resend, headers=auth("olga")).status_code == 404  # withdrawn


def test_accept_with_the_token_once_and_only_as_the_invited_address(app, client, auth, acme, build):
    build.user("erin")
    path = ACME.format(**acme) + "/invitations"
    client.post(path, json={"email": "erin@example.org", "role": "admin"}, headers=auth("alice"))
    token = {"token": newest_token(app, "erin@example.org")}
    other = client.post("/api/v1/invitations/accept", json=token, headers=auth("dave"))
    assert other.status_code == 422
    assert "log in with that address" in other.get_json()["fields"]["token"]
    joined = client.post("/api/v1/invitations/accept", json=token, headers=auth("erin"))
    assert joined.status_code == 200
    assert (joined.get_json()["id"], joined.get_json()["role"]) == (acme["acme"], "admin")
    twice = client.post("/api/v1/invitations/accept", json=token, headers=auth("erin"))
    assert "already been accepted" in twice.get_json()["fields"]["token"]
    forged = client.post(
        "/api/v1/invitations/accept", json={"token": "x.y.z"}, headers=auth("erin")
    )
    assert forged.status_code == 422


def test_a_project_in_an_organization_only_its_managers_create(client, auth, acme):
    body = {"name": "Zeus", "organization_id": acme["acme"]}
    made = client.post("/api/v1/projects", json=body, headers=auth("olga"))
    assert made.status_code == 201 and made.get_json()["organization_id"] == acme["acme"]
    assert client.post("/api/v1/projects", json=body, headers=auth("carol")).status_code == 403
    assert client.post("/api/v1/projects", json=body, headers=auth("dave")).status_code == 404
    own = client.post("/api/v1/projects", json={"name": "Mine"}, headers=auth("carol")).get_json()
    assert own["organization_id"] != acme["acme"]  # carol's personal organization


def test_a_member_cannot_tell_which_invitations_exist(client, auth, acme):
    path = ACME.format(**acme) + "/invitations"
    sent = client.post(path, json={"email": "erin@example.org"}, headers=auth("alice")).get_json()
    for invitation_id in (sent["id"], sent["id"] + 1000):
        resend = client.post(f"{path}/{invitation_id}/resend", headers=auth("carol"))
        withdraw = client.delete(f"{path}/{invitation_id}", headers=auth("carol"))
        assert (resend.status_code, withdraw.status_code) == (403, 403)


def test_someone_who_is_not_a_member_is_a_404(client, auth, acme):
    path = ACME.format(**acme) + f"/members/{acme['dave']}"
    assert client.patch(path, json={"role": "admin"}, headers=auth("alice")).status_code == 404
    assert client.delete(path, headers=auth("alice")).status_code == 404


def test_a_personal_organization_has_no_other_owner(client, auth, acme, build):
    path = f"/api/v1/organizations/{build.personal(acme['alice'])}"
    build.join(build.personal(acme["alice"]), acme["bob"])
    owner = client.patch(
        f"{path}/members/{acme['bob']}", json={"role": "owner"}, headers=auth("alice")
    )
    assert owner.status_code == 422 and "one owner" in owner.get_json()["fields"]["role"]
    invite = {"email": "erin@example.org", "role": "owner"}
    assert client.post(f"{path}/invitations", json=invite, headers=auth("alice")).status_code == 422
