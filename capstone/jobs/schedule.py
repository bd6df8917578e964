"""The jobs that beat runs on a schedule (jobs.SCHEDULE): the daily digest, the weekly archive.

Both are safe to run twice: the digest's emails are keyed by user and day, and the
archive only touches tasks not archived yet.
"""

from celery import shared_task

from capstone.services import archive
from capstone.services import digest


@shared_task(name="capstone.send_digests")
def send_digests():
    """Queue today's digest emails; return how many."""
    return digest.send_digests()


@shared_task(name="capstone.archive_done_tasks")
def archive_done_tasks():
    """Archive tasks done long ago; return how many."""
    return archive.archive_done_tasks()
