"""Tenancy: two organizations with the same data, and nothing of one shows in the other.

Acme and Globex are built alike (an owner, a member, a project "Apollo" with a task
and a comment). Each of their people opens every list on the site and in the API: no
link, no id of the other organization appears. Then every detail page and endpoint
(every GET route taking an organization, project, task or comment id, read from the
URL map, so a new route is covered without editing this file) answers 404 for the
other organization's ids. SQLite or PostgreSQL.
"""

import re

import pytest

from capstone.database import db
from capstone.models import Comment

NAMES = {"acme": ("ann", "art"), "globex": ("gus", "gil")}  # owner, member
LISTS = ["/projects/", "/organizations/", "/dashboard", "/notifications", "/profile"]
API_LISTS = ["/api/v1/projects", "/api/v1/organizations", "/api/v1/notifications", "/api/v1/me"]
ID_IN_PATH = re.compile(r"/(organizations|projects|tasks|attachments)/(\d+)")
KINDS = {"organization_id": "organization", "project_id": "project", "task_id": "task"}


@pytest.fixture
def tenants(build):
    """{tenant: {"organization", "project", "task", "comment", owner, member: ids}}."""
    found = {}
    for tenant, (owner, member) in NAMES.items():
        ids = {name: build.user(name) for name in (owner, member)}
        ids["organization"] = build.organization(ids[owner], name="Same", members=[ids[member]])
        ids["project"] = build.project(
            ids[owner], members=[ids[member]], organization_id=ids["organization"]
        )
        ids["task"] = build.task(ids["project"], ids[owner], assignee_id=ids[member])
        with build.app.app_context():
            comment = Comment(task_id=ids["task"], author_id=ids[member], body="Same")
            db.session.add(comment)
            db.session.commit()
            ids["comment"] = comment.id
        found[tenant] = ids
    return found


def ids_named(text):
    """{(kind, id)} of the organizations, projects and tasks a page or a body links to."""
    kinds = {"organizations": "organization", "projects": "project", "tasks": "task"}
    return {
        (kinds[kind], int(number)) for kind, number in ID_IN_PATH.findall(text) if kind in kinds
    }


def own(ids):
    """{(kind, id)} of a tenant's own objects."""
    return {(kind, ids[kind]) for kind in ("organization", "project", "task")}


@pytest.mark.parametrize("tenant", NAMES)
def test_no_web_list_shows_anything_of_the_other_organization(client, login, tenants, tenant):
    other = tenants["globex" if tenant == "acme" else "acme"]
    for person in NAMES[tenant]:
        login(client, person)
        seen = set()
        for url in [*LISTS, f"/projects/{tenants[tenant]['project']}/tasks"]:
            response = client.get(url)
            assert response.status_code == 200, url
            assert not ids_named(response.text) & own(other), (person, url)
            seen |= ids_named(response.text)
        assert own(tenants[tenant]) <= seen  # the lists do show their own organization's
        client.post("/auth/logout")


@pytest.mark.parametrize("tenant", NAMES)
def test_no_api_list_shows_anything_of_the_other_organization(client, auth, tenants, tenant):
    other = tenants["globex" if tenant == "acme" else "acme"]
    for person in NAMES[tenant]:
        headers = auth(person)
        for url in [*API_LISTS, f"/api/v1/projects/{tenants[tenant]['project']}/tasks"]:
            response = client.get(url, headers=headers)
            assert response.status_code == 200, url
            body = response.get_json()
            seen = {("project", p["id"]) for p in body.get("projects", [])}
            seen |= {("organization", p["organization_id"]) for p in body.get("projects", [])}
            seen |= {("organization", o["id"]) for o in body.get("organizations", [])}
            seen |= {("task", t["id"]) for t in body.get("tasks", [])}
            assert not seen & own(other), (person, url)
            assert not ids_named(response.text) & own(other), (person, url)


def detail_urls(app, ids):
    """Every GET route taking one organization, project or task id, filled with `ids`."""
    urls = []
    for rule in app.url_map.iter_rules():
        names = set(rule.arguments)
        if "GET" in rule.methods and names and names <= set(KINDS):
            urls.append(fill(rule, ids))
    assert len(urls) >= 10  # the test reads the routes, not an empty list
    return urls


def fill(rule, ids):
    """The rule's path with each `<id:name>` replaced by the tenant's id of that kind."""
    return re.sub(r"<id:(\w+)>", lambda m: str(ids[KINDS[m.group(1)]]), rule.rule)


@pytest.mark.parametrize("tenant", NAMES)
def test_every_detail_of_the_other_organization_is_a_404(app, client, login, auth, tenants, tenant):
    other = tenants["globex" if tenant == "acme" else "acme"]
    urls = detail_urls(app, other)
    for person in NAMES[tenant]:
        login(client, person)
        headers = auth(person)
        for url in urls:
            response = client.get(url, headers=headers if url.startswith("/api/") else {})
            assert response.status_code == 404, (person, url, response.status_code)
        assert client.get(f"/organizations/{tenants[tenant]['organization']}").status_code == 200
        client.post("/auth/logout")
