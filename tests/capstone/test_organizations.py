"""Organizations: everyone has a personal one, and projects belong to an organization."""

from sqlalchemy import select

from capstone.database import db
from capstone.models import Organization
from capstone.models import Project
from capstone.models import User
from capstone.services import admin
from capstone.services import projects
from tests.capstone.test_auth import GOOD


def owned_organizations(username):
    """[(name, personal)] of the organizations `username` owns."""
    user = db.session.scalar(select(User).where(User.username == username))
    return [
        (organization.name, organization.personal)
        for organization in db.session.scalars(select(Organization))
        for member in organization.memberships
        if member.user_id == user.id and member.role == "owner"
    ]


def test_registering_makes_a_personal_organization_owned_by_the_new_user(app, client):
    assert client.post("/auth/register", data=GOOD).status_code == 303
    with app.app_context():
        assert owned_organizations("grace") == [("grace", True)]
        personal = db.session.scalar(select(Organization).where(Organization.personal))
        assert personal.personal_user.username == "grace" and personal.plan == "free"


def test_the_admin_command_makes_a_personal_organization_for_a_new_admin(app):
    with app.app_context():
        admin.create_admin("root", "root@example.org", "a long enough password")
        assert owned_organizations("root") == [("root", True)]


def test_a_new_project_belongs_to_its_creators_personal_organization(app, build):
    alice = build.user("alice")
    with app.app_context():
        owner = db.session.get(User, alice)
        project = projects.create_project(owner, "Apollo")
        assert project.organization.personal_user_id == alice
        assert db.session.scalar(select(Project.organization_id)) == project.organization.id
