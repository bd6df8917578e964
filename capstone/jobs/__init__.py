"""Background jobs with Celery, wired through the factory as in Flask's own Celery guide.

Every job runs inside an application context of the app that created the Celery app,
so `db.session`, `current_app.config` and `url_for` work in a job as in a view. The
jobs themselves are in delivery.py and schedule.py.

Without a broker (no REDIS_URL or CELERY_BROKER_URL), jobs run eagerly: in the same
process, at the moment they are queued. That is the development mode; `make run`
needs nothing else. With a broker, `celery -A capstone.worker worker` runs them and
`celery -A capstone.worker beat` queues the scheduled ones.

Services never queue a job: they publish an event (capstone/events.py), to which
init_app subscribes the queueing of the job. The event is heard only once the
transaction has committed, so a worker never looks for a row that is not there yet,
and a rolled-back change queues nothing.
"""

from celery import Celery
from celery import Task
from celery.schedules import crontab
from flask import current_app

from capstone import events
from capstone.jobs import delivery  # noqa: F401 (registers the jobs before Celery finalizes)
from capstone.jobs import schedule  # noqa: F401

SCHEDULE = {
    "daily-digest": {"task": "capstone.send_digests", "schedule": crontab(hour=8, minute=0)},
    "weekly-archive": {
        "task": "capstone.archive_done_tasks",
        "schedule": crontab(hour=3, minute=0, day_of_week="sunday"),
    },
    "outbox-sweep": {"task": "capstone.sweep_outbox", "schedule": crontab()},  # every minute
}


def celery_settings(config):
    """Celery's settings from the app's configuration."""
    broker = config["CELERY_BROKER_URL"] or config["REDIS_URL"]
    return {
        "broker_url": broker or "memory://",
        "task_always_eager": broker is None,
        # Propagating would also skip the retries; queue() logs failures instead.
        "task_eager_propagates": False,
        "task_ignore_result": True,
        # A worker that dies mid-job leaves the job to another worker; the jobs are
        # idempotent, so running one twice does no harm.
        "task_acks_late": True,
        "worker_prefetch_multiplier": 1,
        "broker_connection_retry_on_startup": True,
        "timezone": config["CELERY_TIMEZONE"],
        "beat_schedule": SCHEDULE,
    }


def init_app(app):
    """Create the app's Celery app, in app.extensions["celery"]; queue the jobs events ask for."""

    class FlaskTask(Task):
        """A Celery task that runs inside an application context of `app`."""

        def __call__(self, *args, **kwargs):
            with app.app_context():
                return self.run(*args, **kwargs)

    celery = Celery(app.import_name, task_cls=FlaskTask)
    celery.config_from_object(celery_settings(app.config))
    app.extensions["celery"] = celery
    events.subscribe(events.EMAIL_QUEUED, send_queued_email, app)
    return celery


def send_queued_email(email_id):
    """Queue the job that sends an outbox email (events.EMAIL_QUEUED, after the commit)."""
    queue("capstone.send_email", (email_id,))


def queue(name, args):
    """Queue the job now; in eager mode, log it if it failed (its outbox row stays unsent)."""
    celery = current_app.extensions["celery"]
    result = celery.tasks[name].delay(*args)
    if celery.conf.task_always_eager and result.failed():
        current_app.logger.error("The job %s%r failed: %r", name, args, result.result)
