"""Task pages: the filtered list, create and edit, the detail with comments, move, restore."""

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user
from flask_login import login_required

from capstone.database import db
from capstone.forms import CommentForm
from capstone.forms import TaskForm
from capstone.services import access
from capstone.services import archive
from capstone.services import attachments
from capstone.services import comments
from capstone.services import task_list
from capstone.services import tasks
from capstone.services.errors import Invalid
from capstone.tasks import bp
from capstone.tasks.query import query_from_args
from capstone.web import render_form
from capstone.web import show_errors


@bp.before_request
@login_required
def require_login():
    """Every task page needs a login."""


@bp.route("/projects/<id:project_id>/tasks")
def index(project_id):
    """The project's tasks: filters, sorting, pages."""
    project = access.project_for(current_user, project_id)
    query = query_from_args(request.args)
    page = task_list.list_tasks(project, query, assignees=True)
    return render_template("tasks/index.html", project=project, page=page, query=query)


@bp.route("/projects/<id:project_id>/tasks/new", methods=["GET", "POST"])
def new(project_id):
    """Create a task (members only)."""
    project = access.project_for(current_user, project_id)
    access.require_member(current_user, project)  # before showing the form; create_task checks
    form = TaskForm()
    form.set_members(project.members)
    if form.validate_on_submit():
        try:
            task = tasks.create_task(current_user, project, form.task_fields())
        except Invalid as invalid:
            show_errors(form, invalid)
        else:
            flash("Task created.", "success")
            return redirect(url_for("tasks.detail", task_id=task.id), code=303)
    return render_form("tasks/form.html", form, project=project, task=None)


def render_detail(task, form=None, upload_error=None, status=200):
    """The task page: the task, its comments and attachments, and their forms."""
    page = render_template(
        "tasks/detail.html",
        task=task,
        comments=db.session.scalars(comments.comments_of(task)).all(),
        attachments=db.session.scalars(attachments.attachments_of(task)).all(),
        form=form or CommentForm(),
        upload_error=upload_error,
    )
    return page, status


@bp.route("/tasks/<id:task_id>")
def detail(task_id):
    """One task, its comments and attachments."""
    return render_detail(access.task_for(current_user, task_id))


@bp.route("/tasks/<id:task_id>/edit", methods=["GET", "POST"])
def edit(task_id):
    """Change a task (members only)."""
    task = access.member_task(current_user, task_id)  # before showing the form
    form = TaskForm(obj=task, assignee_id=task.assignee_id or 0)
    form.set_members(task.project.members)
    if form.validate_on_submit():
        try:
            tasks.update_task(current_user, task, form.task_fields())
        except Invalid as invalid:
            show_errors(form, invalid)
        else:
            flash("Task saved.", "success")
            return redirect(url_for("tasks.detail", task_id=task.id), code=303)
    return render_form("tasks/form.html", form, project=task.project, task=task)


@bp.route("/tasks/<id:task_id>/status", methods=["POST"])
def move(task_id):
    """Move a task to another column of the board (members only)."""
    task = access.task_for(current_user, task_id)
    try:
        tasks.update_task(current_user, task, {"status": request.form.get("status", "")})
    except Invalid:
        abort(400, "That is not a status.")
    if request.form.get("back") == "board":
        return redirect(url_for("projects.board", project_id=task.project_id), code=303)
    return redirect(url_for("tasks.detail", task_id=task.id), code=303)


@bp.route("/tasks/<id:task_id>/restore", methods=["POST"])
def restore(task_id):
    """Bring an archived task back to the lists (members only)."""
    task = access.task_for(current_user, task_id)
    try:
        archive.restore_task(current_user, task)
    except Invalid:
        flash("This task is not archived.", "info")
    else:
        flash("Task restored.", "success")
    return redirect(url_for("tasks.detail", task_id=task.id), code=303)


@bp.route("/tasks/<id:task_id>/comments", methods=["POST"])
def comment(task_id):
    """Add a comment (members only)."""
    task = access.member_task(current_user, task_id)  # 403 before a bad form's 400
    form = CommentForm()
    if form.validate_on_submit():
        comments.add_comment(current_user, task, form.body.data)
        flash("Comment added.", "success")
        return redirect(url_for("tasks.detail", task_id=task.id, _anchor="comments"), code=303)
    return render_detail(task, form=form, status=400)


@bp.route("/comments/<id:comment_id>/delete", methods=["POST"])
def delete_comment(comment_id):
    """Delete a comment: its author or the project's owner may."""
    comment = access.comment_for(current_user, comment_id)
    task_id = comment.task_id
    comments.delete_comment(current_user, comment)
    flash("Comment deleted.", "info")
    return redirect(url_for("tasks.detail", task_id=task_id, _anchor="comments"), code=303)
