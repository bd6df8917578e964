"""What the API sends for a task: a DRF serializer, field by field the capstone's task_json."""

from datetime import UTC

from rest_framework import serializers

from tasks_api.models import Task


class IsoDateTimeField(serializers.DateTimeField):
    """ISO 8601 as Python writes it ('+00:00'), as the capstone sends; DRF would write 'Z'."""

    def to_representation(self, value):
        """The datetime in UTC, as datetime.isoformat() writes it."""
        if value.tzinfo is None:  # PostgreSQL's `timestamp without time zone` holds UTC
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat()


class TaskSerializer(serializers.ModelSerializer):
    """A task, with whether it is overdue."""

    project_id = serializers.IntegerField()
    overdue = serializers.BooleanField(source="is_overdue")
    created_at = IsoDateTimeField()
    updated_at = IsoDateTimeField()
    completed_at = IsoDateTimeField()
    archived_at = IsoDateTimeField()

    class Meta:
        """The model, and the fields in the capstone's order."""

        model = Task
        fields = (
            "id",
            "project_id",
            "title",
            "description",
            "status",
            "priority",
            "due_date",
            "assignee_id",
            "creator_id",
            "overdue",
            "created_at",
            "updated_at",
            "completed_at",
            "archived_at",
        )
