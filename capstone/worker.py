"""The Celery app for worker and beat processes, made by the same factory as the web app.

    celery -A capstone.worker worker --loglevel INFO
    celery -A capstone.worker beat --loglevel INFO

They need a broker: REDIS_URL (or CELERY_BROKER_URL) in the environment, the same
settings as the web processes (DATABASE_URL, MAIL_*, PUBLIC_URL, ...).
"""

from capstone import create_app

flask_app = create_app()
celery = flask_app.extensions["celery"]
if celery.conf.task_always_eager:
    # Without a broker a worker would wait for jobs that the web processes run themselves.
    raise RuntimeError("A worker needs a broker: set REDIS_URL (or CELERY_BROKER_URL).")
