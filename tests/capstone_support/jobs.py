"""Running the capstone's jobs in a test, in-process, as a worker or beat would run them."""


def run_job(app, name, *args):
    """Run job `name` with `args` in an application context of `app`; its return value.

    disable_sync_subtasks=False: Celery's guard against waiting for a result inside a
    task is one flag for the whole process, and in-process jobs running in several
    server threads at once (tests/capstone/test_races.py) can leave it set.
    """
    with app.app_context():
        job = app.extensions["celery"].tasks[name]
        return job.apply(args=args).get(disable_sync_subtasks=False)
