"""The task manager's rules, written once: the web pages, the API and the jobs call these.

A service function takes the acting user and plain values, checks the access rules,
changes the database, and raises werkzeug.exceptions (NotFound, Forbidden, Conflict)
or services.errors.Invalid, which each caller turns into a page or a JSON answer.
Nothing here reads `request`: services can run in a job or a test as well.
"""
