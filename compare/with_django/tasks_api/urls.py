"""The API's URLs, under /api/v1/ (hello_site/urls.py includes them)."""

from django.urls import path
from django.urls import register_converter

from capstone.models.base import MAX_ID

from tasks_api import views


class IdConverter:
    """<id:name>: 1 to MAX_ID, so a larger number is a 404, not a database error."""

    regex = "[0-9]+"

    def to_python(self, value):
        """The id as an int; a ValueError makes Django try the next pattern (then 404)."""
        if not 1 <= int(value) <= MAX_ID:
            raise ValueError(value)
        return int(value)

    def to_url(self, value):
        """The id as text, for reverse()."""
        return str(value)


register_converter(IdConverter, "id")

urlpatterns = [
    path("projects/<id:project_id>/tasks", views.ProjectTaskList.as_view()),
    path("tasks/<id:task_id>", views.TaskDetail.as_view()),
]
