"""Projects: create, edit, delete, and members."""

from sqlalchemy import func
from sqlalchemy import select

from capstone.database import db
from capstone.models import Comment
from capstone.models import Project
from capstone.models import Task


def test_creating_a_project_makes_its_creator_the_owner_and_a_member(app, client, login, build):
    build.user("alice")
    login(client, "alice")
    response = client.post("/projects/new", data={"name": "  Gemini  ", "description": "Two seats"})
    assert response.status_code == 303
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.name == "Gemini"))
        assert project.owner.username == "alice"
        assert [m.username for m in project.members] == ["alice"]


def test_a_blank_name_is_a_field_error(client, login, build):
    build.user("alice")
    login(client, "alice")
    response = client.post("/projects/new", data={"name": "   "})
    assert response.status_code == 400
    assert 'id="name-error"' in response.text


def test_adding_a_member_by_email(app, client, login, team):
    login(client, "alice")
    assert (
        client.post(
            f"/projects/{team['project']}/members", data={"user": "CAROL@example.org"}
        ).status_code
        == 303
    )
    login_as_carol = app.test_client()
    login(login_as_carol, "carol")
    assert login_as_carol.get(f"/projects/{team['project']}").status_code == 200


def test_adding_an_unknown_or_existing_member_is_a_form_error(client, login, team):
    login(client, "alice")
    for name, message in (("nobody", "There is no such active user"), ("bob", "already a member")):
        response = client.post(f"/projects/{team['project']}/members", data={"user": name})
        assert response.status_code == 400
        assert message in response.text


def test_the_owner_cannot_be_removed(app, client, login, team):
    login(client, "alice")
    client.post(f"/projects/{team['project']}/members/{team['alice']}/remove")
    with app.app_context():
        assert team["alice"] in [m.id for m in db.session.get(Project, team["project"]).members]


def test_removing_a_member_unassigns_their_tasks_and_ends_their_access(app, client, login, team):
    login(client, "alice")
    client.post(f"/projects/{team['project']}/members/{team['bob']}/remove")
    with app.app_context():
        assert db.session.get(Task, team["task"]).assignee_id is None
    bob = app.test_client()
    login(bob, "bob")
    assert bob.get(f"/projects/{team['project']}").status_code == 404


def test_deleting_a_project_deletes_its_tasks_and_comments(app, client, login, team):
    login(client, "alice")
    client.post(f"/tasks/{team['task']}/comments", data={"body": "bye"})
    assert client.post(f"/projects/{team['project']}/delete").status_code == 303
    with app.app_context():
        for model in (Project, Task, Comment):
            assert db.session.scalar(select(func.count()).select_from(model)) == 0


def test_the_owner_edits_the_project(app, client, login, team):
    login(client, "alice")
    client.post(f"/projects/{team['project']}/edit", data={"name": "Artemis", "description": ""})
    with app.app_context():
        assert db.session.get(Project, team["project"]).name == "Artemis"


def test_a_comment_is_deleted_by_its_author_or_the_owner_only(app, client, login, team, build):
    build.user("dave")
    from capstone.models import Project
    from capstone.models import User

    with app.app_context():
        project = db.session.get(Project, team["project"])
        project.members.append(db.session.scalar(select(User).where(User.username == "dave")))
        db.session.commit()
    login(client, "bob")
    client.post(f"/tasks/{team['task']}/comments", data={"body": "bob's words"})
    with app.app_context():
        comment_id = db.session.scalar(select(Comment.id))
    dave = app.test_client()
    login(dave, "dave")
    assert dave.post(f"/comments/{comment_id}/delete").status_code == 403
    outsider = app.test_client()
    login(outsider, "carol")
    assert outsider.post(f"/comments/{comment_id}/delete").status_code == 404
    owner = app.test_client()
    login(owner, "alice")
    assert owner.post(f"/comments/{comment_id}/delete").status_code == 303
    assert count_comments(app) == 0


def count_comments(app):
    """How many comments there are."""
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Comment))
