"""Projects and members over the API."""

from flask import g

from capstone.api import bp
from capstone.api import conditional
from capstone.api.auth import token_required
from capstone.api.idempotency import idempotent
from capstone.api.inputs import body
from capstone.api.inputs import paging
from capstone.api.schemas import MemberIn
from capstone.api.schemas import ProjectIn
from capstone.api.schemas import ProjectPatch
from capstone.api.serialize import page_json
from capstone.api.serialize import project_json
from capstone.api.serialize import user_json
from capstone.models import Project
from capstone.services import access
from capstone.services import projects
from capstone.services import users
from capstone.services.paging import paginate


@bp.route("/projects")
@token_required
def list_projects():
    """The projects the caller may see, by name."""
    page = paginate(
        access.visible_projects(g.api_user).order_by(Project.name, Project.id), *paging()
    )
    return page_json("projects", page, project_json)


@bp.route("/projects", methods=["POST"])
@token_required
@idempotent
def create_project():
    """Create a project owned by the caller, in an organization they manage or their own."""
    data = body(ProjectIn)
    organization = None
    if data.get("organization_id") is not None:
        organization = access.organization_for(g.api_user, data["organization_id"])
    name, description = data["name"], data.get("description", "")
    return project_json(projects.create_project(g.api_user, name, description, organization)), 201


@bp.route("/projects/<id:project_id>")
@token_required
def get_project(project_id):
    """One project."""
    project = access.project_for(g.api_user, project_id)
    tag = conditional.project_etag(g.api_user, "project", project)
    return conditional.answer(tag, lambda: project_json(project))


@bp.route("/projects/<id:project_id>", methods=["PATCH"])
@token_required
def update_project(project_id):
    """Change the name or description (owner only)."""
    project = access.project_for(g.api_user, project_id, manage=True)  # 403 before a 422
    data = body(ProjectPatch)
    projects.update_project(
        g.api_user,
        project,
        data.get("name", project.name),
        data.get("description", project.description),
    )
    return project_json(project)


@bp.route("/projects/<id:project_id>", methods=["DELETE"])
@token_required
def delete_project(project_id):
    """Delete the project with its tasks and comments (owner only)."""
    projects.delete_project(g.api_user, access.project_for(g.api_user, project_id))
    return "", 204


@bp.route("/projects/<id:project_id>/members")
@token_required
def list_members(project_id):
    """The project's members, by username."""
    project = access.project_for(g.api_user, project_id)
    return page_json("members", paginate(projects.members_of(project), *paging()), user_json)


@bp.route("/projects/<id:project_id>/members", methods=["POST"])
@token_required
@idempotent
def add_member(project_id):
    """Add a member by user id (owner only)."""
    project = access.project_for(g.api_user, project_id, manage=True)  # 403 before a 422
    user = users.user_by_id(body(MemberIn)["user_id"])
    return user_json(projects.add_member(g.api_user, project, user)), 201


@bp.route("/projects/<id:project_id>/members/<id:user_id>", methods=["DELETE"])
@token_required
def remove_member(project_id, user_id):
    """Remove a member (owner only); the owner cannot be removed."""
    projects.remove_member(g.api_user, access.project_for(g.api_user, project_id), user_id)
    return "", 204
