"""The task events the services publish, built in one place from the task that changed."""

from capstone import events


def task_changed(action, task, actor):
    """Publish that `actor` did `action` to `task` (sent after the commit, see events.py)."""
    events.publish(
        events.TASK_CHANGED,
        project_id=task.project_id,
        task_id=task.id,
        actor_id=actor.id,
        action=action,
        # Carried, not looked up later: a deleted task is gone once the event is heard.
        title=task.title,
        status=task.status,
        assignee_id=task.assignee_id,
    )


def change_of(task, was_status, was_assignee_id):
    """The word for what an update did to `task`: completed, moved, (un)assigned or updated."""
    if task.status != was_status:
        return "completed" if task.status == "done" else "moved"
    if task.assignee_id != was_assignee_id:
        return "assigned" if task.assignee_id else "unassigned"
    return "updated"
