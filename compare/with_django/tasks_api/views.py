"""The two endpoints: DRF generic views, with the capstone's access rule in get_queryset.

Anything the caller may not see is a 404, as if it did not exist: admins see every
project, everyone else the projects they are a member of.
"""

from rest_framework import generics
from rest_framework.exceptions import NotFound

from tasks_api.models import Project
from tasks_api.models import Task
from tasks_api.query import LIST_PARAMETERS
from tasks_api.query import filter_tasks
from tasks_api.query import paging
from tasks_api.query import refuse_unknown
from tasks_api.serializers import TaskSerializer


def visible(queryset, user, membership):
    """`queryset` limited to what `user` may see; `membership` is the lookup to their projects."""
    return queryset if user.is_admin else queryset.filter(**{membership: user})


class KnownParameters:
    """Unknown query parameters are a 400 before the token is read, as in the capstone."""

    takes = frozenset()

    def initial(self, request, *args, **kwargs):
        """DRF's first step (authentication comes next), with the parameters checked first."""
        refuse_unknown(request.query_params, self.takes)
        super().initial(request, *args, **kwargs)


class ProjectTaskList(KnownParameters, generics.ListAPIView):
    """The project's tasks, filtered, sorted and paged."""

    serializer_class = TaskSerializer
    takes = LIST_PARAMETERS

    def get_queryset(self):
        """The project's tasks, in the capstone's order of checks: access, paging, filters."""
        projects = visible(Project.objects, self.request.user, "members")
        project = projects.filter(pk=self.kwargs["project_id"]).first()
        if project is None:
            raise NotFound("There is no such project.")
        self.paging = paging(self.request.query_params)  # the pagination class reads it
        return filter_tasks(Task.objects.filter(project=project), self.request.query_params)


class TaskDetail(KnownParameters, generics.RetrieveAPIView):
    """One task."""

    serializer_class = TaskSerializer

    def get_object(self):
        """The task, if the caller may see its project."""
        tasks = visible(Task.objects, self.request.user, "project__members")
        task = tasks.filter(pk=self.kwargs["task_id"]).first()
        if task is None:
            raise NotFound("There is no such task.")
        return task
