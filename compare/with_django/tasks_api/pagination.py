"""The capstone's paging as a DRF pagination class: a page past the end is empty, not a 404.

DRF's PageNumberPagination answers 404 for a page past the last one and quietly
clamps a too-large page size; the capstone answers an empty page and a 400. So
this class takes the already-checked Paging (tasks_api/query.py) and does the
COUNT and the LIMIT/OFFSET itself.
"""

import math

from rest_framework.pagination import BasePagination
from rest_framework.response import Response


class CapstonePagination(BasePagination):
    """{"tasks": [...], "pagination": {"page", "per_page", "pages", "total"}}."""

    def paginate_queryset(self, queryset, request, view=None):
        """One page of `queryset`, as view.paging says; remembers the total for the response."""
        self.paging = view.paging
        self.total = queryset.count()
        start = (self.paging.page - 1) * self.paging.per_page
        return list(queryset[start : start + self.paging.per_page])

    def get_paginated_response(self, data):
        """The page and the arithmetic around it (at least 1 page, so page 1 always exists)."""
        pages = max(1, math.ceil(self.total / self.paging.per_page))
        pagination = {
            "page": self.paging.page,
            "per_page": self.paging.per_page,
            "pages": pages,
            "total": self.total,
        }
        return Response({"tasks": data, "pagination": pagination})
