"""Project pages: the list, the board by status, edit and delete, and members."""

from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from flask_login import current_user
from flask_login import login_required

from capstone.database import db
from capstone.forms import MemberForm
from capstone.forms import NewProjectForm
from capstone.forms import ProjectForm
from capstone.models import Project
from capstone.projects import bp
from capstone.services import access
from capstone.services import organizations
from capstone.services import projects
from capstone.services import users
from capstone.services.errors import Invalid
from capstone.services.errors import Taken
from capstone.web import render_form
from capstone.web import show_errors


@bp.before_request
@login_required
def require_login():
    """Every project page needs a login."""


@bp.route("/")
def index():
    """The projects the user can see."""
    visible = db.session.scalars(access.visible_projects(current_user).order_by(Project.name)).all()
    return render_template("projects/index.html", projects=visible)


@bp.route("/new", methods=["GET", "POST"])
def new():
    """Create a project in an organization I manage; its creator becomes its owner."""
    form = NewProjectForm()
    form.organization.choices = organizations.managed_choices(current_user)
    if form.validate_on_submit():
        chosen = form.organization.data  # None: my personal organization
        organization = None if chosen is None else access.organization_for(current_user, chosen)
        try:
            project = projects.create_project(
                current_user, form.name.data, form.description.data, organization
            )
        except Invalid as invalid:
            show_errors(form, invalid)
        else:
            flash(f"Project {project.name} created.", "success")
            return redirect(url_for("projects.board", project_id=project.id), code=303)
    return render_form("projects/form.html", form, project=None)


@bp.route("/<id:project_id>")
def board(project_id):
    """The project's board: a column per status."""
    project = access.project_for(current_user, project_id)
    columns = projects.board_columns(project)
    return render_template("projects/board.html", project=project, columns=columns)


@bp.route("/<id:project_id>/edit", methods=["GET", "POST"])
def edit(project_id):
    """Change the name and description (owner only)."""
    project = access.project_for(current_user, project_id, manage=True)  # before the form
    form = ProjectForm(obj=project)
    if form.validate_on_submit():
        try:
            projects.update_project(current_user, project, form.name.data, form.description.data)
        except Invalid as invalid:
            show_errors(form, invalid)
        else:
            flash("Project saved.", "success")
            return redirect(url_for("projects.board", project_id=project.id), code=303)
    return render_form("projects/form.html", form, project=project)


@bp.route("/<id:project_id>/delete", methods=["POST"])
def delete(project_id):
    """Delete the project and everything in it (owner only)."""
    project = access.project_for(current_user, project_id)
    projects.delete_project(current_user, project)
    flash(f"Project {project.name} deleted.", "info")
    return redirect(url_for("projects.index"), code=303)


@bp.route("/<id:project_id>/members", methods=["GET", "POST"])
def members(project_id):
    """See the members; the owner adds them here."""
    project = access.project_for(current_user, project_id)
    form = MemberForm()
    if form.is_submitted():
        access.require_owner(current_user, project)  # 403 before a bad form's 400
    if form.validate_on_submit():
        try:
            user = projects.add_member(current_user, project, users.find_user(form.user.data))
        except (Invalid, Taken) as problem:
            show_errors(form, problem)
        else:
            flash(f"{user.username} joined the project.", "success")
            return redirect(url_for("projects.members", project_id=project.id), code=303)
    members = db.session.scalars(projects.members_of(project)).all()
    return render_form("projects/members.html", form, project=project, members=members)


@bp.route("/<id:project_id>/members/<id:user_id>/remove", methods=["POST"])
def remove_member(project_id, user_id):
    """Remove a member (owner only); their tasks become unassigned."""
    project = access.project_for(current_user, project_id)
    try:
        projects.remove_member(current_user, project, user_id)
    except Invalid as invalid:
        flash(next(iter(invalid.fields.values())), "error")
    else:
        flash("Member removed.", "info")
    return redirect(url_for("projects.members", project_id=project.id), code=303)
