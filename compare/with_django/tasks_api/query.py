"""The task list's query string, checked as the capstone checks it, into a queryset.

The values (statuses, priorities, the largest id) come from the capstone's models,
so a status added there is a status here. The order of the checks, and each
message, are the capstone's API contract: tests/compare's battery holds the three
versions to the same answers.
"""

from dataclasses import dataclass

from django.db.models import Case
from django.db.models import F
from django.db.models import Value
from django.db.models import When
from rest_framework.exceptions import ParseError

from capstone.models import PRIORITIES
from capstone.models import STATUSES
from capstone.models.base import MAX_ID

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
TRUE_FALSE = {"true": True, "false": False}


def rank(field, names):
    """An expression ranking `field` by its position in `names` (todo before done)."""
    return Case(*(When(**{field: name}, then=Value(i)) for i, name in enumerate(names)))


# The columns a list may be sorted by: an allowlist, never a column name from the client.
SORTS = {
    "created_at": F("created_at"),
    "updated_at": F("updated_at"),
    "due_date": F("due_date"),
    "priority": rank("priority", PRIORITIES),
    "status": rank("status", STATUSES),
    "title": F("title"),
}


class BadQuery(ParseError):
    """A query-string value that makes no sense (400), with a message per parameter."""

    def __init__(self, fields):
        super().__init__("Some query parameters are not valid.")
        self.fields = fields


# The query parameters of the task list (the capstone's OpenAPI document lists the same).
LIST_PARAMETERS = {"page", "per_page", "status", "priority", "assignee_id"}
LIST_PARAMETERS |= {"overdue", "archived", "q", "sort", "order"}
UNKNOWN = "This request takes no such parameter; the API's documentation lists those it takes."


def refuse_unknown(params, takes):
    """BadQuery naming each parameter not in `takes`: a typo (sort_by=) is not ignored."""
    unknown = sorted(set(params) - takes)
    if unknown:
        raise BadQuery(dict.fromkeys(unknown, UNKNOWN))


@dataclass
class Paging:
    """Which page, and how long a page is."""

    page: int
    per_page: int


def number(params, name, default, low, high):
    """A whole number from the query string, from `low` to `high`; BadQuery otherwise."""
    raw = params.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit() and len(raw) < 19 and low <= int(raw) <= high):
        raise BadQuery({name: f"A whole number from {low} to {high}."})
    return int(raw)


def paging(params):
    """The page and its length: 20 tasks by default, 100 at most."""
    page = number(params, "page", 1, 1, 10**9)
    return Paging(page, number(params, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE))


def filter_tasks(tasks, params):
    """The project's `tasks` filtered and sorted by the query string; BadQuery for nonsense."""
    flags = {name: params.get(name, "false") for name in ("overdue", "archived")}
    wrong = {name: "true or false." for name, value in flags.items() if value not in TRUE_FALSE}
    if wrong:
        raise BadQuery(wrong)
    assignee_id = number(params, "assignee_id", None, 1, MAX_ID)
    status, priority = params.get("status"), params.get("priority")
    sort, order = params.get("sort", "created_at"), params.get("order", "desc")
    errors = {}
    if status is not None and status not in STATUSES:
        errors["status"] = f"Choose one of: {', '.join(STATUSES)}."
    if priority is not None and priority not in PRIORITIES:
        errors["priority"] = f"Choose one of: {', '.join(PRIORITIES)}."
    if sort not in SORTS:
        errors["sort"] = f"Sort by one of: {', '.join(SORTS)}."
    if order not in ("asc", "desc"):
        errors["order"] = "The order is asc or desc."
    if errors:
        raise BadQuery(errors)
    tasks = tasks.filter(archived_at__isnull=not TRUE_FALSE[flags["archived"]])
    if status:
        tasks = tasks.filter(status=status)
    if priority:
        tasks = tasks.filter(priority=priority)
    if assignee_id is not None:
        tasks = tasks.filter(assignee_id=assignee_id)
    if TRUE_FALSE[flags["overdue"]]:
        tasks = tasks.overdue()
    if params.get("q"):
        tasks = tasks.filter(title__icontains=params["q"])
    column = SORTS[sort]
    ordering = column.asc(nulls_last=True) if order == "asc" else column.desc(nulls_last=True)
    # The id breaks ties, and puts tasks without a due date in a stable order.
    return tasks.order_by(ordering, "-id")
