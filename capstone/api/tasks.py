"""Tasks and comments over the API."""

from flask import g
from flask import request

from capstone.api import bp
from capstone.api import conditional
from capstone.api import outputs
from capstone.api.auth import token_required
from capstone.api.idempotency import idempotent
from capstone.api.inputs import TRUE_FALSE
from capstone.api.inputs import BadQuery
from capstone.api.inputs import body
from capstone.api.inputs import number
from capstone.api.inputs import paging
from capstone.api.schemas import MAX_ID
from capstone.api.schemas import CommentIn
from capstone.api.schemas import TaskIn
from capstone.api.schemas import TaskPatch
from capstone.api.serialize import comment_json
from capstone.api.serialize import page_json
from capstone.api.serialize import task_json
from capstone.services import access
from capstone.services import archive
from capstone.services import comments
from capstone.services import task_list
from capstone.services import tasks
from capstone.services.errors import Invalid
from capstone.services.paging import paginate


def task_query():
    """The task list's filters, sorting and paging from the query string; 400 for nonsense."""
    page, per_page = paging()
    flags = {name: request.args.get(name, "false") for name in ("overdue", "archived")}
    wrong = {name: "true or false." for name, value in flags.items() if value not in TRUE_FALSE}
    if wrong:
        raise BadQuery(wrong)
    try:
        return tasks.TaskQuery(
            status=request.args.get("status"),
            priority=request.args.get("priority"),
            assignee_id=number("assignee_id", None, 1, MAX_ID),
            overdue=TRUE_FALSE[flags["overdue"]],
            archived=TRUE_FALSE[flags["archived"]],
            q=request.args.get("q") or None,
            sort=request.args.get("sort", "created_at"),
            order=request.args.get("order", "desc"),
            page=page,
            per_page=per_page,
        )
    except Invalid as invalid:
        raise BadQuery(invalid.fields) from None


@bp.route("/projects/<id:project_id>/tasks")
@token_required
def list_tasks(project_id):
    """The project's tasks, filtered, sorted and paged."""
    project = access.project_for(g.api_user, project_id)
    query = task_query()
    tag = conditional.project_etag(g.api_user, "tasks", project, query)
    return conditional.answer(
        tag, lambda: page_json("tasks", task_list.list_tasks(project, query), outputs.Task)
    )


@bp.route("/projects/<id:project_id>/tasks", methods=["POST"])
@token_required
@idempotent
def create_task(project_id):
    """Create a task (members only)."""
    project = access.project_for(g.api_user, project_id)
    access.require_member(g.api_user, project)  # 403 before the body's 422; create_task checks
    return task_json(tasks.create_task(g.api_user, project, body(TaskIn))), 201


@bp.route("/tasks/<id:task_id>")
@token_required
def get_task(task_id):
    """One task."""
    task, version = conditional.task_and_version(g.api_user, task_id)
    tag = conditional.etag(g.api_user, "task", task.id, task.created_at, version)
    return conditional.answer(tag, lambda: task_json(task))


@bp.route("/tasks/<id:task_id>", methods=["PATCH"])
@token_required
def update_task(task_id):
    """Change the fields sent (members only)."""
    task = access.member_task(g.api_user, task_id)  # 403 before the body's 422
    return task_json(tasks.update_task(g.api_user, task, body(TaskPatch)))


@bp.route("/tasks/<id:task_id>", methods=["DELETE"])
@token_required
def delete_task(task_id):
    """Delete a task: its creator or the project's owner may."""
    tasks.delete_task(g.api_user, access.task_for(g.api_user, task_id))
    return "", 204


@bp.route("/tasks/<id:task_id>/complete", methods=["POST"])
@token_required
def complete_task(task_id):
    """Mark the task done (members only)."""
    task = access.task_for(g.api_user, task_id)
    return task_json(tasks.update_task(g.api_user, task, {"status": "done"}))


@bp.route("/tasks/<id:task_id>/restore", methods=["POST"])
@token_required
def restore_task(task_id):
    """Bring an archived task back to the lists (members only); 422 if it is not archived."""
    return task_json(archive.restore_task(g.api_user, access.task_for(g.api_user, task_id)))


@bp.route("/tasks/<id:task_id>/comments")
@token_required
def list_comments(task_id):
    """The task's comments, oldest first."""
    task = access.task_for(g.api_user, task_id)
    return page_json("comments", paginate(comments.comments_of(task), *paging()), comment_json)


@bp.route("/tasks/<id:task_id>/comments", methods=["POST"])
@token_required
@idempotent
def add_comment(task_id):
    """Comment on a task (members only)."""
    task = access.member_task(g.api_user, task_id)  # 403 before the body's 422
    return comment_json(comments.add_comment(g.api_user, task, body(CommentIn)["body"])), 201


@bp.route("/comments/<id:comment_id>", methods=["DELETE"])
@token_required
def delete_comment(comment_id):
    """Delete a comment: its author or the project's owner may."""
    comments.delete_comment(g.api_user, access.comment_for(g.api_user, comment_id))
    return "", 204
