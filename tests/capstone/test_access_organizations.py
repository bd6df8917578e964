"""Organization roles × project roles × outsiders, alike on the web, the API and the services.

Seven people around acme's project Apollo:

| who   | in acme  | in Apollo | | who   | in acme  | in Apollo |
|-------|----------|-----------|-|-------|----------|-----------|
| alice | owner    | owner     | | carol | member   | no        |
| adam  | admin    | member    | | dave  | no       | no        |
| olga  | admin    | no        | | root  | no (site admin) | no |
| bob   | member   | member    | |       |          |           |

An organization role gives no way into a project: olga, an admin of acme, manages its
members and creates its projects, but Apollo is a 404 to her until she is added, as
to carol and dave. A project role acts only within the organization's rules: bob and
adam work on Apollo's tasks; only alice manages it. A refused request changes nothing.
"""

import pytest
from sqlalchemy import select

from capstone.database import db
from capstone.models import Invitation
from capstone.models import Organization
from capstone.models import OrganizationMember
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.models import project_member
from capstone.services import access
from capstone.services import invitations
from capstone.services import organization_members
from capstone.services import projects
from capstone.services import tasks

WHO = ["alice", "adam", "olga", "bob", "carol", "dave", "root"]
OK, REFUSED, HIDDEN = "ok", "refused", "hidden"  # what a service does: 2xx, 403, 404

# What each request answers, in the order of WHO.
WEB = [
    ("GET", "/projects/{p}", None, [200, 200, 404, 200, 404, 404, 200]),
    ("POST", "/projects/{p}/edit", {"name": "Renamed"}, [303, 403, 404, 403, 404, 404, 403]),
    ("POST", "/projects/{p}/tasks/new", {"title": "New", "status": "todo", "priority": "low",
     "assignee_id": "0"}, [303, 303, 404, 303, 404, 404, 403]),
    ("GET", "/organizations/{o}", None, [200, 200, 200, 200, 200, 404, 200]),
    ("POST", "/organizations/{o}", {"email": "new@example.org", "role": "member"},
     [303, 303, 303, 403, 403, 404, 403]),
]  # fmt: skip
API = [
    ("GET", "/projects/{p}", None, [200, 200, 404, 200, 404, 404, 200]),
    ("PATCH", "/projects/{p}", {"name": "Renamed"}, [200, 403, 404, 403, 404, 404, 403]),
    ("POST", "/projects/{p}/tasks", {"title": "New"}, [201, 201, 404, 201, 404, 404, 403]),
    ("GET", "/organizations/{o}/members", None, [200, 200, 200, 200, 200, 404, 200]),
    ("GET", "/organizations/{o}/invitations", None, [200, 200, 200, 403, 403, 404, 403]),
    ("POST", "/organizations/{o}/invitations", {"email": "new@example.org"},
     [201, 201, 201, 403, 403, 404, 403]),
    ("POST", "/projects", {"name": "Zeus", "organization_id": "{o}"},
     [201, 201, 201, 403, 403, 404, 403]),
    ("PATCH", "/organizations/{o}/members/{carol}", {"role": "admin"},
     [200, 200, 200, 403, 403, 404, 403]),
]  # fmt: skip
# Each service called as each person: what it does.
SERVICES = {
    "see the project": [OK, OK, HIDDEN, OK, HIDDEN, HIDDEN, OK],
    "create a task": [OK, OK, HIDDEN, OK, HIDDEN, HIDDEN, REFUSED],
    "change the project": [OK, REFUSED, HIDDEN, REFUSED, HIDDEN, HIDDEN, REFUSED],
    "create a project in acme": [OK, OK, OK, REFUSED, REFUSED, HIDDEN, REFUSED],
    "invite": [OK, OK, OK, REFUSED, REFUSED, HIDDEN, REFUSED],
    "make carol an admin": [OK, OK, OK, REFUSED, REFUSED, HIDDEN, REFUSED],
}


@pytest.fixture
def people(build):
    """The seven, acme and Apollo (with one task); ids by name, "o" and "p"."""
    ids = {name: build.user(name, role="admin" if name == "root" else "member") for name in WHO}
    members, admins = [ids["bob"], ids["carol"]], [ids["adam"], ids["olga"]]
    ids["o"] = build.organization(ids["alice"], members=members, admins=admins)
    ids["p"] = build.project(
        ids["alice"], members=[ids["adam"], ids["bob"]], organization_id=ids["o"]
    )
    ids["t"] = build.task(ids["p"], ids["alice"])
    return ids


def everything(app):
    """All that a refused request must leave as it was."""
    with app.app_context():
        tables = [Project.__table__, Task.__table__, OrganizationMember.__table__,
                  project_member, Invitation.__table__]  # fmt: skip
        return [sorted(map(tuple, db.session.execute(select(t)).all())) for t in tables]


def fill(text, ids):
    """A path or a body with {p}, {o} and {name} put in."""
    if isinstance(text, dict):
        return {key: int(fill(v, ids)) if v == "{o}" else v for key, v in text.items()}
    return text.format(**ids)


@pytest.mark.parametrize(("method", "path", "data", "codes"), WEB, ids=lambda v: str(v)[:30])
@pytest.mark.parametrize("who", range(len(WHO)), ids=WHO)
def test_the_web(app, client, login, people, method, path, data, codes, who):
    login(client, WHO[who])
    before = everything(app)
    response = client.open(fill(path, people), method=method, data=data)
    assert response.status_code == codes[who], (WHO[who], method, path)
    if response.status_code >= 400:
        assert everything(app) == before


@pytest.mark.parametrize(("method", "path", "data", "codes"), API, ids=lambda v: str(v)[:30])
@pytest.mark.parametrize("who", range(len(WHO)), ids=WHO)
def test_the_api(app, client, auth, people, method, path, data, codes, who):
    before = everything(app)
    url = "/api/v1" + fill(path, people)
    body = fill(data, people) if data else None
    response = client.open(url, method=method, json=body, headers=auth(WHO[who]))
    assert response.status_code == codes[who], (WHO[who], method, path, response.get_json())
    if response.status_code >= 400:
        assert everything(app) == before


def call(name, user, ids):
    """Do `name` of SERVICES as `user`, looking things up as the views do."""
    organization = access.organization_for(user, ids["o"])
    if name == "create a project in acme":
        return projects.create_project(user, "Zeus", organization=organization)
    if name == "invite":
        return invitations.invite(user, organization, "new@example.org")
    if name == "make carol an admin":
        return organization_members.change_role(user, organization, ids["carol"], "admin")
    project = access.project_for(user, ids["p"])
    if name == "create a task":
        return tasks.create_task(user, project, {"title": "New"})
    if name == "change the project":
        return projects.update_project(user, project, "Renamed", "")
    return project


@pytest.mark.parametrize("name", SERVICES)
@pytest.mark.parametrize("who", range(len(WHO)), ids=WHO)
def test_the_services(app, people, name, who):
    before = everything(app)
    with app.app_context():
        user = db.session.get(User, people[WHO[who]])
        try:
            call(name, user, people)
            outcome = OK
        except Exception as refusal:  # which one is the point
            db.session.rollback()
            outcome = {403: REFUSED, 404: HIDDEN}.get(getattr(refusal, "code", None), repr(refusal))
    assert outcome == SERVICES[name][who], WHO[who]
    if outcome != OK:
        assert everything(app) == before


def test_an_organization_admin_added_to_the_project_gets_in(app, client, auth, people):
    url = f"/api/v1/projects/{people['p']}"
    assert client.get(url, headers=auth("olga")).status_code == 404
    with app.app_context():
        organization = db.session.get(Organization, people["o"])
        assert access.role_in(db.session.get(User, people["olga"]), organization) == "admin"
    members = f"{url}/members"
    added = client.post(members, json={"user_id": people["olga"]}, headers=auth("alice"))
    assert added.status_code == 201
    assert client.get(url, headers=auth("olga")).status_code == 200
