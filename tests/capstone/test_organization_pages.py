"""The organization pages: organization roles × every page and button, outsiders get 404.

acme (conftest.py): alice owns it, olga is an admin, carol a member, dave is outside;
None is a visitor who is not logged in. A refused post changes nothing.
"""

import pytest

from capstone.database import db
from capstone.models import Invitation
from capstone.models import Organization
from capstone.models import Project
from tests.capstone.test_invitations import invite
from tests.capstone.test_invitations import roles

WHO = ["alice", "olga", "carol", "dave", None]
ROUTES = [
    ("GET", "/organizations/{o}", None, [200, 200, 200, 404, 302]),
    ("POST", "/organizations/{o}", {"email": "new@example.org", "role": "member"},
     [303, 303, 403, 404, 302]),
    ("POST", "/organizations/{o}/rename", {"name": "Acme Ltd"}, [303, 303, 403, 404, 302]),
    ("POST", "/organizations/{o}/members/{bob}/role", {"role": "admin"}, [303, 303, 403, 404, 302]),
    ("POST", "/organizations/{o}/members/{bob}/role", {"role": "owner"}, [303, 403, 403, 404, 302]),
    ("POST", "/organizations/{o}/members/{bob}/remove", {}, [303, 303, 403, 404, 302]),
    ("POST", "/organizations/{o}/members/{alice}/remove", {}, [409, 403, 403, 404, 302]),
    ("POST", "/organizations/{o}/invitations/{i}/revoke", {}, [303, 303, 403, 404, 302]),
]  # fmt: skip


def state(app, ids):
    """What the posts could change: the roles, the name, the open invitations."""
    with app.app_context():
        organization = db.session.get(Organization, ids["acme"])
        invited = {(i.email, i.revoked_at is None) for i in db.session.query(Invitation)}
        return roles(app, ids), organization.name, invited


@pytest.mark.parametrize(("method", "path", "data", "codes"), ROUTES)
@pytest.mark.parametrize("who", range(len(WHO)), ids=[str(w) for w in WHO])
def test_who_may_open_and_press_what(app, client, login, acme, method, path, data, codes, who):
    invite(app, acme, email="erin@example.org")
    with app.app_context():
        acme["i"] = db.session.query(Invitation.id).scalar()
    if WHO[who]:
        login(client, WHO[who])
    before = state(app, acme)
    url = path.format(o=acme["acme"], **acme)
    response = client.open(url, method=method, data=data)
    assert response.status_code == codes[who], (WHO[who], method, url)
    if response.status_code != 303:
        assert state(app, acme) == before


def test_a_site_admin_outside_sees_the_page_but_presses_nothing(app, client, login, acme):
    login(client, "root")
    assert client.get(f"/organizations/{acme['acme']}").status_code == 200
    url = f"/organizations/{acme['acme']}/members/{acme['bob']}/role"
    assert client.post(url, data={"role": "admin"}).status_code == 403


def test_the_last_owner_is_told_why_they_cannot_leave(client, login, acme):
    login(client, "alice")
    response = client.post(f"/organizations/{acme['acme']}/members/{acme['alice']}/remove")
    assert response.status_code == 409
    assert "An organization needs an owner" in response.text


def test_creating_an_organization_lists_it_with_my_role(client, login, acme):
    login(client, "dave")
    response = client.post("/organizations/new", data={"name": "Dave & Co"})
    assert response.status_code == 303
    listing = client.get("/organizations/").text
    assert "Dave &amp; Co" in listing and "(owner)" in listing and "(personal, owner)" in listing
    assert client.post("/organizations/new", data={"name": ""}).status_code == 400


def test_an_invitation_shows_on_the_page_until_withdrawn(app, client, login, acme):
    login(client, "olga")
    page = f"/organizations/{acme['acme']}"
    client.post(page, data={"email": "erin@example.org", "role": "admin"})
    assert "erin@example.org" in client.get(page).text
    again = client.post(page, data={"email": "erin@example.org", "role": "admin"})
    assert again.status_code == 400 and "already invited" in again.text
    with app.app_context():
        invitation_id = db.session.query(Invitation.id).scalar()
    client.post(f"{page}/invitations/{invitation_id}/revoke")
    client.get(page)  # shows the flash message, which names the address
    listed = client.get(page).text
    assert "erin@example.org" not in listed and "No open invitations." in listed


@pytest.mark.parametrize(("who", "code"), [("olga", 303), ("carol", 403), ("dave", 404)])
def test_a_project_is_created_in_an_organization_its_owners_and_admins_choose(
    app, client, login, acme, who, code
):
    login(client, who)
    form = client.get("/projects/new").text
    assert (f'value="{acme["acme"]}"' in form) == (who == "olga")  # offered where allowed
    data = {"name": "Gemini", "organization": acme["acme"]}
    assert client.post("/projects/new", data=data).status_code == code
    with app.app_context():
        in_acme = db.session.query(Project.name).filter_by(organization_id=acme["acme"]).all()
        assert ("Gemini",) in in_acme if code == 303 else ("Gemini",) not in in_acme
