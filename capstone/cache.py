"""A server-side cache for the dashboard and the admin statistics, forgotten on every change.

Both pages are read far more often than what they show changes, and each costs several
aggregate queries. Flask-Caching keeps their data: in the process by default
(SimpleCache: each gunicorn worker has its own), in Redis when REDIS_URL is set, so
every process shares one copy and one invalidation. Usage::

    cache.dashboard_for(user)      # (projects with counts, my open tasks, overdue tasks)
    cache.site_statistics()        # statistics.SiteStatistics

What is cached is forgotten after each committed change that could alter it: init_app
subscribes to the events of capstone/events.py (tasks, projects, users, the archive
job). Everything is forgotten at once, by a generation number that is part of every
key: a change to a project's tasks touches the dashboard of each of its members and
every admin, and keeping track of those would cost more than a miss. A value computed
while a change commits is kept under the generation it read, which the change has just
ended, so it is never read back. Today's date is in the keys too: a task becomes
overdue at midnight without a write.
"""

import threading

from flask_caching import Cache

from capstone import events
from capstone.models.task import today
from capstone.services import dashboard
from capstone.services import statistics

cache = Cache()
TIMEOUT_SECONDS = 300  # a bound on what a change made outside the app would leave stale
GENERATION = "generation"
# Redis increments atomically; the in-process cache reads and writes, so threads take turns.
INCREMENT = threading.Lock()
# Everything but comments and emails changes a dashboard or the statistics.
CHANGES = (events.TASK_CHANGED, events.TASKS_ARCHIVED, events.PROJECT_CHANGED, events.USER_CHANGED)


def init_app(app):
    """Configure the cache for `app` (Redis with REDIS_URL) and forget it on each change."""
    config = {"CACHE_TYPE": app.config["CACHE_TYPE"], "CACHE_DEFAULT_TIMEOUT": TIMEOUT_SECONDS}
    config["CACHE_NO_NULL_WARNING"] = True  # NullCache is a choice (the tests'), not a slip
    if (url := app.config["REDIS_URL"]) and config["CACHE_TYPE"] == "SimpleCache":
        config |= {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": url}
        config["CACHE_KEY_PREFIX"] = app.config.get("CACHE_KEY_PREFIX", "capstone-cache:")
    cache.init_app(app, config=config)
    for name in CHANGES:
        events.subscribe(name, forget, app)


def forget(**change):
    """Forget the statistics and every dashboard: a change was committed."""
    with INCREMENT:
        cache.cache.inc(GENERATION)


def cached(key, compute):
    """The value kept under `key` (with the generation and the date), or `compute()`'s, kept."""
    key = f"{key}:{cache.get(GENERATION) or 0}:{today().isoformat()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value)
    return value


def dashboard_for(user):
    """The dashboard's three lists for `user`."""
    return cached(
        f"dashboard:{user.id}",
        lambda: (
            dashboard.projects_with_counts(user),
            dashboard.my_open_tasks(user),
            dashboard.overdue_tasks(user),
        ),
    )


def site_statistics():
    """The admin statistics."""
    return cached("statistics", statistics.site_statistics)
