"""The task list's query string, read for the web page: filters, sorting, the page.

A value that makes no sense is a 400 naming each parameter and what it may be, like the
API's (api/tasks.py); the messages for status, priority, sort and order come from the
service's TaskQuery, where the choices are written once.
"""

from flask import current_app

from capstone.http import ExplainedBadRequest
from capstone.models.base import MAX_ID
from capstone.services import tasks
from capstone.services.errors import Invalid
from capstone.web import page_number
from capstone.web import whole_number

# The form's check boxes send 1; the API's flags are true/false instead.
FLAGS = ("overdue", "archived")


def query_from_args(args):
    """A TaskQuery from the list's query string; 400 saying which parameters are wrong."""
    problems = {}
    assignee = args.get("assignee_id") or None
    if assignee is not None and whole_number(assignee, MAX_ID) is None:
        problems["assignee_id"] = "A user's id, a whole number."
    page = page_number(args.get("page"))
    if page is None:
        problems["page"] = "A whole number from 1."
    for name in FLAGS:
        if args.get(name, "1") not in ("1", ""):
            problems[name] = "1 (the box ticked), or leave it out."
    try:
        query = tasks.TaskQuery(
            status=args.get("status") or None,
            priority=args.get("priority") or None,
            assignee_id=int(assignee) if assignee and not problems.get("assignee_id") else None,
            overdue=args.get("overdue") == "1",
            archived=args.get("archived") == "1",
            q=(args.get("q") or "").strip()[:200] or None,
            sort=args.get("sort", "created_at"),
            order=args.get("order", "desc"),
            page=page or 1,
            per_page=current_app.config["TASKS_PER_PAGE"],
        )
    except Invalid as invalid:
        problems |= invalid.fields
    if problems:
        named = "; ".join(f"{name}: {message}" for name, message in sorted(problems.items()))
        raise ExplainedBadRequest(f"The filters in the address are not valid. {named}")
    return query
