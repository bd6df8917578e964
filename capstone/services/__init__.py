"""The task manager's rules, written once: the web pages, the API and the jobs call these.

A service function takes the acting user first, then plain values or the objects the
access lookups found (`access.task_for`...). It checks the access rule itself
(membership, ownership, admin: access.require_*), so a view that forgets to check
cannot let anyone through; a view may check first only to choose which error comes
first (a 403 before a form's or a body's 400). It changes the database and raises
werkzeug.exceptions (NotFound, Forbidden, Conflict) or services.errors.Invalid, which
each caller turns into a page or a JSON answer. Nothing here reads `request`:
services run in a job or a test as well. Read models that pages show (the board's
columns, the member list, the comment list) are service functions too.

Who commits, one rule: a service that a view, a job or a command calls to change data
commits before it returns, so the change is made (and its events are on their way,
capstone/events.py) when the call returns, and a view never commits. A helper that
adds to someone else's change never commits, and its docstring says so:
notifications.notify, outbox.queue_email, admin.set_active and set_role (parts of
admin.change_user), idempotency.reserve (its key commits with the create it guards).
Two writers commit outside the services, each for a reason: seed.py, the demo data of
`flask seed-demo`, writes model rows in bulk and never runs in production; and the
email job (jobs/delivery.py) commits its claim before it talks to the mail server and
its outcome after, because each step must be on disk before the next network call.
"""
