"""The plans' limits, checked in the services: web, API, and many requests at once.

The Free plan is shrunk here (PLANS) so that a limit is reached in a few steps; the
limits' values are read from the same table everywhere, never written in the tests.
"""

import dataclasses
import io
from datetime import timedelta
from pathlib import Path

import pytest
from capstone_support.live import api
from capstone_support.live import at_once
from capstone_support.live import serving
from sqlalchemy import func
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from capstone import plans
from capstone.database import db
from capstone.models import Attachment
from capstone.models import Invitation
from capstone.models import Project
from capstone.models import User
from capstone.services import access
from capstone.services import organizations
from capstone.services.errors import PlanLimit

SMALL = dataclasses.replace(plans.FREE, projects=2, members=2, storage_bytes=100)
PLANS = {**plans.PLANS, "free": SMALL}
CLIENTS = 16


@pytest.fixture
def billing_config(billing_config):
    """Billing on, with the small Free plan."""
    billing_config["PLANS"] = PLANS
    return billing_config


def projects_of(app):
    """How many projects there are."""
    with app.app_context():
        return db.session.scalar(select(func.count(Project.id)))


def test_the_api_answers_402_naming_the_limit(app, client, build, auth):
    build.user("olive")
    headers = auth("olive")
    for number in range(SMALL.projects):
        answer = client.post("/api/v1/projects", json={"name": f"P{number}"}, headers=headers)
        assert answer.status_code == 201
    answer = client.post("/api/v1/projects", json={"name": "one too many"}, headers=headers)
    assert answer.status_code == 402
    assert answer.get_json() == {
        "error": "plan_limit",
        "limit": "projects",
        "message": "The Free plan allows 2 projects per organization. "
        "Upgrade the organization's plan to add more.",
    }
    assert projects_of(app) == SMALL.projects


def test_the_web_page_explains_and_links_to_the_upgrade(app, client, build, login):
    olive = build.user("olive")
    for number in range(SMALL.projects):
        build.project(olive, name=f"P{number}")
    login(client, "olive")
    answer = client.post("/projects/new", data={"name": "one too many", "description": ""})
    page = answer.get_data(as_text=True)
    assert answer.status_code == 402
    assert "The Free plan allows 2 projects per organization." in page
    with app.app_context():
        organization = organizations.personal_organization(db.session.get(User, olive))
        assert f'href="/billing/{organization.id}"' in page


def test_with_billing_off_there_is_no_limit(app, client, build, auth):
    app.config["STRIPE_SECRET_KEY"] = None
    build.user("olive")
    headers = auth("olive")
    for number in range(SMALL.projects + 2):
        answer = client.post("/api/v1/projects", json={"name": f"P{number}"}, headers=headers)
        assert answer.status_code == 201
    assert projects_of(app) == SMALL.projects + 2


def test_a_member_past_the_limit_is_refused(app, build):
    ids = [build.user(name) for name in ("olive", "adam", "mia")]
    with app.app_context():
        olive, adam, mia = (db.session.get(User, user_id) for user_id in ids)
        organization = organizations.personal_organization(olive)
        organizations.enrol(organization, adam)  # olive and adam: 2 of 2
        db.session.commit()
        with pytest.raises(PlanLimit) as refused:
            organizations.enrol(organization, mia)
        assert refused.value.limit == "members"
        assert access.role_in(mia, organization) is None


def test_an_invitation_that_can_be_accepted_holds_a_seat(app, client, build, auth):
    olive = build.user("olive")
    with app.app_context():
        team = organizations.personal_organization(db.session.get(User, olive)).id
    invitations = f"/api/v1/organizations/{team}/invitations"
    headers = auth("olive")
    # olive is 1 of 2 members: one seat, which the first invitation holds.
    first = client.post(invitations, json={"email": "adam@example.org"}, headers=headers)
    assert first.status_code == 201
    second = client.post(invitations, json={"email": "mia@example.org"}, headers=headers)
    assert (second.status_code, second.get_json()["limit"]) == (402, "members")
    # Withdrawn, it frees the seat.
    client.delete(f"{invitations}/{first.get_json()['id']}", headers=headers)
    again = client.post(invitations, json={"email": "mia@example.org"}, headers=headers)
    assert again.status_code == 201


def test_invitations_racing_for_the_last_seat_send_one(app, build, auth):
    olive = build.user("olive")
    with app.app_context():
        team = organizations.personal_organization(db.session.get(User, olive)).id
    headers = auth("olive")
    path = f"/api/v1/organizations/{team}/invitations"
    with serving(app) as base:  # olive is 1 of 2 members: one seat for eight invitations
        answers = at_once(
            lambda n: api(base, "POST", path, {"email": f"i{n}@example.org"}, headers=headers),
            range(8),
        )
    statuses = sorted(status for status, _ in answers)
    assert statuses.count(201) == 1, statuses
    assert set(statuses) - {201} <= {402, 503}
    with app.app_context():
        assert db.session.scalar(select(func.count(Invitation.id))) == 1


def test_an_expired_invitation_sent_again_takes_a_seat_again(app, client, build, auth):
    olive = build.user("olive")
    with app.app_context():
        team = organizations.personal_organization(db.session.get(User, olive)).id
    headers = auth("olive")
    path = f"/api/v1/organizations/{team}/invitations"
    first = client.post(path, json={"email": "adam@example.org"}, headers=headers).get_json()
    with app.app_context():  # a week and a day later: expired, it holds no seat
        invitation = db.session.get(Invitation, first["id"])
        invitation.expires_at -= timedelta(days=8)
        invitation.last_sent_at -= timedelta(days=8)
        db.session.commit()
    second = client.post(path, json={"email": "mia@example.org"}, headers=headers)
    assert second.status_code == 201  # the seat was free
    again = client.post(f"{path}/{first['id']}/resend", headers=headers)
    assert (again.status_code, again.get_json()["limit"]) == (402, "members")


def test_storage_past_the_limit_is_refused_and_leaves_no_file(app, client, build, auth):
    olive = build.user("olive")
    task = build.task(build.project(olive), olive)
    headers = auth("olive")

    def upload(size):
        body = FileStorage(io.BytesIO(b"x" * size), "notes.txt")
        boundary, data = encode_multipart({"file": body})
        return client.post(
            f"/api/v1/tasks/{task}/attachments",
            data=data,
            headers=headers,
            content_type=f"multipart/form-data; boundary={boundary}",
        )

    assert upload(60).status_code == 201
    answer = upload(41)
    assert (answer.status_code, answer.get_json()["limit"]) == (402, "storage_bytes")
    assert upload(40).status_code == 201  # exactly the limit
    with app.app_context():
        assert db.session.scalar(select(func.sum(Attachment.size))) == SMALL.storage_bytes
    assert len(list(Path(app.config["UPLOAD_FOLDER"]).iterdir())) == 2


def test_sixteen_creates_racing_for_the_last_slot_create_one(app, client, build, auth):
    olive = build.user("olive")
    build.project(olive, name="the first")  # one slot of SMALL.projects left
    headers = auth("olive")
    with serving(app) as base:
        answers = at_once(
            lambda n: api(base, "POST", "/api/v1/projects", {"name": f"P{n}"}, headers=headers),
            range(CLIENTS),
        )
    statuses = sorted(status for status, _ in answers)
    assert statuses.count(201) == 1, statuses
    # The others are told the limit, or on SQLite, whose one writer turned them away
    # while the winner held the lock, to try again (503); a retry then gets the 402.
    assert set(statuses) - {201} <= {402, 503}
    assert projects_of(app) == SMALL.projects
