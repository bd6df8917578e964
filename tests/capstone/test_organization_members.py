"""Organization members: who manages whom, the last owner, and what leaving takes away.

In acme (a team organization): alice owns it, olga is an admin, bob and carol are
members; bob is in its project Apollo, assigned a task there. dave is outside acme;
root is a site admin outside it. Each service is called with objects straight from the
database, as a careless view would pass them: the service itself refuses.
test_access_organizations.py crosses the organization roles with the project roles.
"""

from types import SimpleNamespace

import pytest
from sqlalchemy import select
from werkzeug.exceptions import Conflict
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import NotFound

from capstone import events
from capstone.database import db
from capstone.models import Comment
from capstone.models import Organization
from capstone.models import OrganizationMember
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.services import access
from capstone.services import invitations
from capstone.services import organizations
from capstone.services import projects
from capstone.services.errors import Invalid
from capstone.services.organization_members import change_role
from capstone.services.organization_members import members_of
from capstone.services.organization_members import remove_member

OK = "ok"
WHO = ["alice", "olga", "carol", "dave"]  # owner, admin, member, outsider


def objects(ids):
    """The users and the organization by name, loaded in the current session."""
    found = {name: db.session.get(User, ids[name]) for name in (*WHO, "bob", "root")}
    return SimpleNamespace(**found, acme=db.session.get(Organization, ids["acme"]))


def roles(organization_id):
    """{username: role} in the organization, as committed."""
    db.session.expire_all()
    rows = db.session.execute(members_of(db.session.get(Organization, organization_id))).all()
    return {user.username: role for user, role in rows}


ACTIONS = [
    ("see", lambda a, o: access.organization_for(a, o.acme.id), [OK, OK, OK, NotFound]),
    ("promote to admin", lambda a, o: change_role(a, o.acme, o.bob.id, "admin"),
     [OK, OK, Forbidden, Forbidden]),
    ("make an owner", lambda a, o: change_role(a, o.acme, o.bob.id, "owner"),
     [OK, Forbidden, Forbidden, Forbidden]),
    ("demote the owner", lambda a, o: change_role(a, o.acme, o.alice.id, "admin"),
     [Conflict, Forbidden, Forbidden, Forbidden]),
    ("remove a member", lambda a, o: remove_member(a, o.acme, o.bob.id),
     [OK, OK, Forbidden, Forbidden]),
    ("remove the owner", lambda a, o: remove_member(a, o.acme, o.alice.id),
     [Conflict, Forbidden, Forbidden, Forbidden]),
    ("rename", lambda a, o: organizations.rename_organization(a, o.acme, "Acme Ltd"),
     [OK, OK, Forbidden, Forbidden]),
    ("create a project", lambda a, o: projects.create_project(a, "New", organization=o.acme),
     [OK, OK, Forbidden, Forbidden]),
]  # fmt: skip


@pytest.mark.parametrize(("action", "call", "outcomes"), ACTIONS, ids=[a[0] for a in ACTIONS])
@pytest.mark.parametrize("who", range(len(WHO)), ids=WHO)
def test_the_organization_roles_decide_who_may_do_what(app, acme, action, call, outcomes, who):
    with app.app_context():
        before = roles(acme["acme"])
        actor = objects(acme).__dict__[WHO[who]]
        if outcomes[who] == OK:
            call(actor, objects(acme))
        else:
            with pytest.raises(outcomes[who]):
                call(actor, objects(acme))
            db.session.rollback()
            assert roles(acme["acme"]) == before  # a refusal changes nothing


def test_a_site_admin_outside_sees_the_organization_but_manages_nothing(app, acme):
    with app.app_context():
        o = objects(acme)
        assert access.organization_for(o.root, o.acme.id) is o.acme
        with pytest.raises(Forbidden):
            change_role(o.root, o.acme, o.bob.id, "admin")


def test_there_is_always_an_owner_but_one_of_two_may_leave(app, acme):
    with app.app_context():
        o = objects(acme)
        with pytest.raises(Conflict):
            remove_member(o.alice, o.acme, o.alice.id)
        change_role(o.alice, o.acme, o.olga.id, "owner")
        remove_member(o.alice, o.acme, o.alice.id)
        assert roles(acme["acme"]) == {"bob": "member", "carol": "member", "olga": "owner"}
        with pytest.raises(Conflict):
            change_role(o.olga, o.acme, o.olga.id, "member")


def test_a_member_may_leave_on_their_own(app, acme):
    with app.app_context():
        o = objects(acme)
        remove_member(o.carol, o.acme, o.carol.id)
        assert "carol" not in roles(acme["acme"])


def test_removing_someone_takes_them_out_of_its_projects_only_and_keeps_their_work(
    app_config, make_app, build, acme
):
    own = make_app(app_config)  # its own subscribers: the shared apps must not keep ours
    heard = []
    events.subscribe(events.MEMBERSHIP_ENDED, lambda **data: heard.append(data), own)
    with own.app_context():
        o = objects(acme)
        remove_member(o.alice, o.acme, o.bob.id)
        apollo = db.session.get(Project, acme["apollo"])
        assert [m.username for m in apollo.members] == ["alice"]
        assert o.bob in db.session.get(Project, acme["elsewhere"]).members
        task = db.session.get(Task, acme["task"])
        assert task.assignee_id is None
        assert db.session.scalars(select(Comment.body).where(Comment.task_id == task.id)).all() == [
            "Mine"
        ]
        kept = db.session.scalars(
            select(Task.assignee_id).where(Task.project_id == acme["elsewhere"])
        )
        assert kept.all() == [acme["bob"]]
        with pytest.raises(NotFound):
            access.project_for(o.bob, acme["apollo"])
    assert heard == [
        {"organization_id": acme["acme"], "user_id": acme["bob"], "project_ids": [acme["apollo"]]}
    ]


def test_only_members_of_its_organization_can_join_a_project(app, acme):
    with app.app_context():
        o = objects(acme)
        apollo = db.session.get(Project, acme["apollo"])
        with pytest.raises(Invalid) as refused:
            projects.add_member(o.alice, apollo, o.dave)
        assert refused.value.fields == {"user": "dave is not in Acme: invite them first."}
        projects.add_member(o.alice, apollo, o.carol)
        assert o.carol in apollo.members


def test_my_organizations_are_the_personal_one_first_then_the_teams_with_my_role(app, acme):
    with app.app_context():
        o = objects(acme)
        organizations.create_organization(o.bob, "Zeta")
        listed = db.session.execute(organizations.my_organizations(o.bob)).all()
        assert [(org.name, org.personal, role) for org, role in listed] == [
            ("bob", True, "owner"),
            ("Acme", False, "member"),
            ("Zeta", False, "owner"),
        ]
        assert (
            db.session.scalar(
                select(OrganizationMember.role).where(OrganizationMember.user_id == o.dave.id)
            )
            == "owner"
        )  # of dave's personal organization, and of nothing else


def test_someone_added_to_a_personal_project_joins_that_personal_organization(app, build, acme):
    mine = build.project(acme["alice"], name="Mine")
    with app.app_context():
        o = objects(acme)
        projects.add_member(o.alice, db.session.get(Project, mine), o.dave)
        personal = organizations.personal_organization(o.alice)
        assert access.role_in(o.dave, personal) == "member"
        assert access.role_in(o.dave, o.acme) is None  # and of course not acme


def test_a_personal_organization_has_one_owner_its_user(app, build, acme):
    with app.app_context():
        o = objects(acme)
        personal = organizations.personal_organization(o.alice)
        organizations.enrol(personal, o.bob)
        db.session.commit()
        with pytest.raises(Invalid) as refused:
            change_role(o.alice, personal, o.bob.id, "owner")
        assert "personal" in refused.value.fields["role"]
        with pytest.raises(Invalid):
            invitations.invite(o.alice, personal, "erin@example.org", "owner")
        change_role(o.alice, personal, o.bob.id, "admin")  # other roles are fine
        assert roles(personal.id) == {"alice": "owner", "bob": "admin"}


def test_a_member_who_is_not_there_is_a_404(app, acme):
    with app.app_context():
        o = objects(acme)
        with pytest.raises(NotFound):
            change_role(o.alice, o.acme, o.dave.id, "admin")
        with pytest.raises(NotFound):
            remove_member(o.alice, o.acme, 10**6)


@pytest.mark.parametrize("leaving", [False, True], ids=["removed by alice", "leaving"])
def test_the_projects_of_someone_who_goes_pass_to_an_owner(app, build, acme, leaving):
    # olga, an admin of acme, made a project there; removed, or leaving, she would take
    # its only manager with her: it passes to who removed her, or on leaving to acme's
    # first owner, who becomes one of its members.
    theirs = build.project(acme["olga"], name="Olga's", organization_id=acme["acme"])
    shared = build.project(acme["olga"], "Shared", [acme["alice"]], organization_id=acme["acme"])
    with app.app_context():
        o = objects(acme)
        remove_member(o.olga if leaving else o.alice, o.acme, o.olga.id)
        for project_id in (theirs, shared):  # alice joins one; she was in the other already
            project = db.session.get(Project, project_id)
            assert project.owner == o.alice
            assert [member.username for member in project.members] == ["alice"]
