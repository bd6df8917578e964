"""The event registry: heard after the commit only, per app, each subscriber on its own."""

import logging

import pytest
from flask import g

from capstone import events
from capstone.database import db
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.services import comments
from capstone.services import tasks


@pytest.fixture
def own_app(app_config, make_app):
    """An app of this test's own: the shared test apps must not keep a test's subscribers."""
    return make_app(app_config)


def listen(app, name):
    """Subscribe a recorder to `name`; return the list of what it hears."""
    heard = []
    events.subscribe(name, lambda **data: heard.append(data), app)
    return heard


def test_subscribers_hear_an_event_after_the_commit_only(own_app):
    heard = listen(own_app, events.TASKS_ARCHIVED)
    with own_app.app_context():
        events.publish(events.TASKS_ARCHIVED, count=3)
        assert heard == []
        db.session.commit()
    assert heard == [{"count": 3}]


def test_a_rolled_back_change_is_never_heard(own_app):
    heard = listen(own_app, events.TASKS_ARCHIVED)
    with own_app.app_context():
        events.publish(events.TASKS_ARCHIVED, count=3)
        db.session.rollback()
        db.session.commit()
    assert heard == []


def test_two_apps_do_not_hear_each_other(app_config, make_app):
    first, second = make_app(app_config), make_app(app_config)
    heard_first, heard_second = listen(first, events.TASKS_ARCHIVED), []
    events.subscribe(events.TASKS_ARCHIVED, lambda **data: heard_second.append(data), second)
    with second.app_context():
        events.publish(events.TASKS_ARCHIVED, count=1)
        db.session.commit()
    assert (heard_first, heard_second) == ([], [{"count": 1}])


def test_an_unknown_event_name_is_refused_at_once(own_app):
    with pytest.raises(ValueError, match="is not an event"):
        events.subscribe("task.chnaged", print, own_app)
    with own_app.app_context(), pytest.raises(ValueError, match="is not an event"):
        events.publish("task.chnaged", task_id=1)


def test_a_failing_subscriber_is_logged_and_the_others_still_run(own_app, caplog):
    def broken(**data):
        raise RuntimeError("the cache is down")

    events.subscribe(events.TASKS_ARCHIVED, broken, own_app)
    heard = listen(own_app, events.TASKS_ARCHIVED)
    with own_app.app_context(), caplog.at_level(logging.ERROR):
        events.publish(events.TASKS_ARCHIVED, count=2)
        db.session.commit()
    assert "the cache is down" in caplog.text
    assert heard == [{"count": 2}]


def test_a_subscriber_reads_what_was_committed_in_a_session_of_its_own(own_app, build):
    owner = build.user("owner")
    task_id = build.task(build.project(owner), owner)
    seen = []

    def read(**data):
        seen.append((g.get("marker"), db.session.get(Task, task_id).title))

    events.subscribe(events.TASKS_ARCHIVED, read, own_app)
    with own_app.app_context():
        g.marker = "the publisher's context"
        db.session.get(Task, task_id).title = "Renamed"
        events.publish(events.TASKS_ARCHIVED, count=1)
        db.session.commit()
    assert seen == [(None, "Renamed")]


def test_the_task_services_publish_what_changed(own_app, build):
    owner = build.user("owner")
    project_id = build.project(owner)
    changed = listen(own_app, events.TASK_CHANGED)
    commented = listen(own_app, events.COMMENT_ADDED)
    with own_app.app_context():
        actor = db.session.get(User, owner)
        task = tasks.create_task(actor, db.session.get(Project, project_id), {"title": "Launch"})
        tasks.update_task(actor, task, {"status": "done"})
        comment = comments.add_comment(actor, task, "Shipped.")
    base = {"project_id": project_id, "task_id": task.id, "actor_id": owner, "title": "Launch"}
    assert changed == [
        {**base, "action": "created", "status": "todo", "assignee_id": None},
        {**base, "action": "completed", "status": "done", "assignee_id": None},
    ]
    assert commented == [
        {"project_id": project_id, "task_id": task.id, "comment_id": comment.id, "actor_id": owner}
    ]
