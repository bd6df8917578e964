"""The API's URLs, under /api/v1/ (hello_site/urls.py includes them)."""

from django.urls import path

from tasks_api import views

urlpatterns = [
    path("projects/<int:project_id>/tasks", views.ProjectTaskList.as_view()),
    path("tasks/<int:task_id>", views.TaskDetail.as_view()),
]
