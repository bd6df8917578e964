"""The access matrix against the services themselves: a view that forgot its check lets nobody in.

Each service gets the objects straight from the database, as a careless view would
pass them, without the lookups that answer 404. Whoever the web pages and the API
refuse (403 or 404, test_access.py and api/test_resources.py), the service refuses
with Forbidden, and nothing is committed.
"""

import io
from types import SimpleNamespace

import pytest
from sqlalchemy import update
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import Forbidden

from capstone.database import db
from capstone.models import Attachment
from capstone.models import Comment
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.models.base import utcnow
from capstone.services import admin
from capstone.services import archive
from capstone.services import attachments
from capstone.services import comments
from capstone.services import projects
from capstone.services import tasks
from tests.capstone.test_access import ROUTES
from tests.capstone.test_access import USERNAMES
from tests.capstone.test_access import snapshot

WHO = ["owner", "member", "outsider", "admin"]
OK, NO = "ok", Forbidden


def upload():
    """A small text file, as a form's file field brings it."""
    return FileStorage(io.BytesIO(b"notes"), filename="notes.txt")


# (service, call, outcome for each of WHO, the web route doing the same, if any)
SERVICES = [
    ("create_task", lambda a, o: tasks.create_task(a, o.project, {"title": "N"}), [OK, OK, NO, NO],
     ("POST", "/projects/{p}/tasks/new")),
    ("update_task", lambda a, o: tasks.update_task(a, o.task, {"status": "done"}), [OK, OK, NO, NO],
     ("POST", "/tasks/{t}/status")),
    ("delete_task", lambda a, o: tasks.delete_task(a, o.task), [OK, NO, NO, NO], None),
    ("restore_task", lambda a, o: archive.restore_task(a, o.archived), [OK, OK, NO, NO], None),
    ("add_comment", lambda a, o: comments.add_comment(a, o.task, "Hi"), [OK, OK, NO, NO],
     ("POST", "/tasks/{t}/comments")),
    ("delete_comment", lambda a, o: comments.delete_comment(a, o.comment), [OK, OK, NO, NO], None),
    ("save_attachment", lambda a, o: attachments.save(a, o.task, upload()), [OK, OK, NO, NO], None),
    ("send_attachment", lambda a, o: attachments.send(a, o.attachment).close(), [OK, OK, NO, NO],
     None),
    ("delete_attachment", lambda a, o: attachments.delete(a, o.attachment), [OK, OK, NO, NO],
     None),
    ("update_project", lambda a, o: projects.update_project(a, o.project, "R", ""),
     [OK, NO, NO, NO], ("POST", "/projects/{p}/edit")),
    ("delete_project", lambda a, o: projects.delete_project(a, o.project), [OK, NO, NO, NO],
     ("POST", "/projects/{p}/delete")),
    ("add_member", lambda a, o: projects.add_member(a, o.project, o.carol), [OK, NO, NO, NO],
     ("POST", "/projects/{p}/members")),
    ("remove_member", lambda a, o: projects.remove_member(a, o.project, o.bob), [OK, NO, NO, NO],
     ("POST", "/projects/{p}/members/{bob}/remove")),
    ("change_user", lambda a, o: admin.change_user(a, o.carol, role="admin"), [NO, NO, NO, OK],
     None),
    ("user_for", lambda a, o: admin.user_for(a, o.carol.id), [NO, NO, NO, OK], None),
]  # fmt: skip
CASES = [
    pytest.param(call, who, outcomes[i], id=f"{who}-{name}")
    for name, call, outcomes, _ in SERVICES
    for i, who in enumerate(WHO)
]


@pytest.fixture
def world(app, team, build):
    """The team, with an archived task, and a comment and a file of bob's on the task."""
    archived = build.task(team["project"], team["alice"], status="done", archived_at=utcnow())
    with app.app_context():
        bob, task = db.session.get(User, team["bob"]), db.session.get(Task, team["task"])
        comment = comments.add_comment(bob, task, "Mine")
        attachment = attachments.save(bob, task, upload())
        return {**team, "archived": archived, "comment": comment.id, "file": attachment.id}


def objects(ids):
    """What the services act on, loaded straight from the database."""
    get = db.session.get
    return SimpleNamespace(
        project=get(Project, ids["project"]),
        task=get(Task, ids["task"]),
        archived=get(Task, ids["archived"]),
        comment=get(Comment, ids["comment"]),
        attachment=get(Attachment, ids["file"]),
        carol=get(User, ids["carol"]),
        bob=ids["bob"],
    )


@pytest.mark.parametrize(("call", "who", "outcome"), CASES)
def test_the_services_hold_the_access_rules(app, world, call, who, outcome):
    before = snapshot(app)
    with app.test_request_context():  # send_attachment answers with a file
        actor = db.session.get(User, world[USERNAMES[who]])
        if outcome is OK:
            call(actor, objects(world))
            return
        with pytest.raises(Forbidden):
            call(actor, objects(world))
    assert snapshot(app) == before, "a refused service changed the database"


@pytest.mark.parametrize(
    ("name", "outcomes", "route"), [(s[0], s[2], s[3]) for s in SERVICES if s[3]]
)
def test_the_services_refuse_whom_the_web_pages_refuse(name, outcomes, route):
    [statuses] = [statuses for method, path, _, statuses in ROUTES if (method, path) == route]
    refused_by_the_page = [status in (403, 404) for status in statuses[: len(WHO)]]
    assert [outcome is NO for outcome in outcomes] == refused_by_the_page


@pytest.mark.parametrize(
    "call",
    [
        lambda a, o: tasks.delete_task(a, o.task),
        lambda a, o: comments.delete_comment(a, o.comment),
        lambda a, o: attachments.delete(a, o.attachment),
    ],
    ids=["delete_task", "delete_comment", "delete_attachment"],
)
def test_an_author_no_longer_a_member_deletes_nothing(app, world, call):
    # bob wrote the comment and uploaded the file; removed from the project, he still
    # sees it as an admin, who only looks: his own things are the project's now.
    with app.app_context():
        bob = db.session.get(User, world["bob"])
        projects.remove_member(db.session.get(User, world["alice"]), objects(world).project, bob.id)
        bob.role = "admin"
        db.session.commit()
        db.session.execute(update(Task).values(creator_id=bob.id))
        db.session.commit()
    before = snapshot(app)
    with app.test_request_context(), pytest.raises(Forbidden):
        call(db.session.get(User, world["bob"]), objects(world))
    assert snapshot(app) == before
