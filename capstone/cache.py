"""A server-side cache for the dashboard and the admin statistics, forgotten on every change.

Both pages are read far more often than what they show changes, and each costs several
aggregate queries. Flask-Caching keeps their data in Redis when REDIS_URL is set, so
every process shares one copy and one invalidation. Without Redis, development keeps
it in its one process (SimpleCache); production keeps nothing, since each gunicorn
worker would have a copy that a write in another never reaches. Usage::

    cache.dashboard_for(user)      # (projects with counts, my open tasks, overdue tasks)
    cache.site_statistics()        # statistics.SiteStatistics

What is cached is forgotten after each committed change that could alter it: init_app
subscribes to the events of capstone/events.py (tasks, projects, users, the archive
job). Everything is forgotten at once, by a generation that is part of every key: a
change to a project's tasks touches the dashboard of each of its members and every
admin, and keeping track of those would cost more than a miss. Each change sets a new,
random generation, kept without a timeout; one never comes back, even after the key was
evicted (a cache without one caches nothing until the next read sets one). A value
computed while a change commits is kept under the generation it read, which the change
has just ended, so it is never read back. Today's date is in the keys too: a task
becomes overdue at midnight without a write. With Redis unreachable the pages are
computed as if nothing were cached, and a warning is logged.
"""

import uuid

from flask import current_app
from flask_caching import Cache
from redis.exceptions import RedisError

from capstone import events
from capstone.models.task import today
from capstone.services import dashboard
from capstone.services import statistics

cache = Cache()
TIMEOUT_SECONDS = 300  # a bound on what a change made outside the app would leave stale
GENERATION = "generation"
# Everything but comments and emails changes a dashboard or the statistics.
CHANGES = (events.TASK_CHANGED, events.TASKS_ARCHIVED, events.PROJECT_CHANGED, events.USER_CHANGED)


def cache_settings(config):
    """Flask-Caching's settings for the app's `config` (CACHE_TYPE, REDIS_URL)."""
    kind, url = config["CACHE_TYPE"], config["REDIS_URL"]
    if kind in ("SimpleCache", "RedisCache") and url:
        return {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": url}
    return {"CACHE_TYPE": "NullCache" if kind == "RedisCache" else kind}


def init_app(app):
    """Configure the cache for `app` and forget what it keeps on each change."""
    settings = cache_settings(app.config) | {"CACHE_DEFAULT_TIMEOUT": TIMEOUT_SECONDS}
    settings["CACHE_NO_NULL_WARNING"] = True  # NullCache is a choice, not a slip
    settings["CACHE_KEY_PREFIX"] = app.config.get("CACHE_KEY_PREFIX", "capstone-cache:")
    cache.init_app(app, config=settings)
    for name in CHANGES:
        events.subscribe(name, forget, app)


def forget(**change):
    """Forget the statistics and every dashboard: a change was committed."""
    cache.set(GENERATION, uuid.uuid4().hex, timeout=0)  # 0: kept until the next change


def generation():
    """The current generation; a new one if the cache has none (evicted, or first use)."""
    if (current := cache.get(GENERATION)) is None:
        cache.add(GENERATION, uuid.uuid4().hex, timeout=0)  # one of two racing adds wins
        current = cache.get(GENERATION)
    return current


def cached(key, compute):
    """The value kept under `key` (with the generation and the date), or `compute()`'s, kept."""
    try:
        key = f"{key}:{generation()}:{today().isoformat()}"
        value = cache.get(key)
    except RedisError as error:
        unreachable(error)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value)
        except RedisError as error:
            unreachable(error)
    return value


def unreachable(error):
    """Log that Redis is unreachable: the page is computed, as if nothing were cached."""
    current_app.logger.warning("The cache is unreachable (%s): computing the page.", error)


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
