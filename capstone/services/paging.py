"""Pages of a list: the page's rows and the list's total, read in one statement.

Read one after the other, the total and the page can disagree: a task moved between
the two statements is counted in one and missing from the other (seen under load on
both databases). As a column of the page's own SELECT, the total is read from the same
snapshot as the rows. Both databases compute an uncorrelated subquery once, not per row.
"""

import math
from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import select

from capstone.database import db

MAX_PAGE = 10**9  # the highest page number asked for that is a page, past the end or not


@dataclass
class Page:
    """One page of a list, and the arithmetic around it."""

    items: list
    page: int
    per_page: int
    total: int

    @property
    def pages(self):
        """How many pages there are (at least 1, so page 1 of an empty list exists)."""
        return max(1, math.ceil(self.total / self.per_page))


def count_of(query):
    """A SELECT of the number of rows `query` returns."""
    return select(func.count()).select_from(query.order_by(None).subquery())


def paginate(query, page, per_page, rows=False, total=None):
    """Run a select() for page `page` (from 1), counting the whole list in the same statement.

    The items are the entities the select() names, or with rows=True whole rows (a
    select() of an entity and some counts, say). `total` is a SELECT of the count when
    the caller has a cheaper one than counting the rows (TaskCount, say). A page past
    the end has no row to carry the total, so it is counted on its own.
    """
    return fetch_page(*paged(query, total), page, per_page, rows=rows)


def paged(query, total=None):
    """(one page of `query` with the total as its last column, the total's SELECT).

    The page's size and position are bound parameters, so a caller may build this once
    and run it for every page (services/task_list.py does).
    """
    total = count_of(query) if total is None else total
    one_page = (
        query.add_columns(total.scalar_subquery().label("total"))
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
    return one_page, total


def fetch_page(one_page, total, page, per_page, params=None, rows=False):
    """Run a statement of `paged` for page `page` with `params`; the Page."""
    params = params or {}
    window = {"limit": per_page, "offset": (page - 1) * per_page}
    found = db.session.execute(one_page, {**params, **window}).unique().all()
    items = [tuple(row[:-1]) if rows else row[0] for row in found]
    count = found[0][-1] if found else db.session.scalar(total, params)
    return Page(items, page, per_page, count)
