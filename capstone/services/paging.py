"""Pages of a list: a COUNT and a LIMIT/OFFSET query, whatever the size of the list."""

import math
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy import select

from capstone.database import db


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


def paginate(query, page, per_page, rows=False, total=None):
    """Run a select() for page `page` (from 1), counting the whole list too.

    The items are the entities the select() names, or with rows=True whole rows (a
    select() of an entity and some counts, say). A caller who knows the `total` already
    saves the COUNT.
    """
    if total is None:
        total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    one_page = query.limit(per_page).offset((page - 1) * per_page)
    result = db.session.execute(one_page) if rows else db.session.scalars(one_page)
    return Page(result.unique().all(), page, per_page, total)
