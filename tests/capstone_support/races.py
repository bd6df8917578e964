"""Two ways to lose a check-then-change race on purpose, for the last-admin and last-owner rules.

`committed_just_before`: another request commits its change just before ours runs a
statement, on a connection of its own (SQLite, one writer: the closest it can come).
`side_by_side`: two calls in two threads, each holding its transaction open after its
statement until the other has run its own (PostgreSQL): only row locks stop both.
"""

import contextlib
import threading

from sqlalchemy import event


@contextlib.contextmanager
def committed_just_before(engine, prefix, other):
    """Inside: before the first statement starting with `prefix`, `other` runs and commits.

    Yields the list of statements it raced (one, once it has), for the test to check
    the race did happen.
    """
    raced = []

    def commit_first(conn, cursor, statement, *args):
        if statement.startswith(prefix) and not raced:
            raced.append(statement)
            with engine.begin() as elsewhere:
                elsewhere.execute(other)

    event.listen(engine, "before_cursor_execute", commit_first)
    try:
        yield raced
    finally:
        event.remove(engine, "before_cursor_execute", commit_first)


def side_by_side(engine, prefix, first, second):
    """Run `first` and `second` in two threads at once; their results, in finishing order.

    Each, after its statement starting with `prefix`, waits for the other to reach its
    own (2 s at most): with row locks the other cannot, and the wait times out.
    """
    both_ran = threading.Barrier(2, timeout=2)

    def hold(conn, cursor, statement, *args):
        if statement.startswith(prefix):
            with contextlib.suppress(threading.BrokenBarrierError):
                both_ran.wait()

    results = []
    event.listen(engine, "after_cursor_execute", hold)
    try:
        threads = [
            threading.Thread(target=lambda f=f: results.append(f())) for f in (first, second)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        event.remove(engine, "after_cursor_execute", hold)
    return results
