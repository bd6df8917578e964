"""Timing: the clock stops when the body has been sent (at close), not when the app returns."""

import pytest
from harness.pep3333 import Boom
from harness.pep3333 import Chunks
from harness.pep3333 import StrictServer
from harness.pep3333 import app_raising
from harness.pep3333 import app_returning

from wsgi_middleware import Timing
from wsgi_middleware.body import UNHANDLED


class FakeClock:
    """A clock that moves only when told to, so durations are exact."""

    def __init__(self):
        self.now = 100.0

    def __call__(self):
        """Return the current fake time."""
        return self.now


@pytest.mark.hint("Timing stops the clock in on_done, after the body was produced")
def test_time_spent_producing_the_body_is_counted():
    clock = FakeClock()
    reports = []

    class SlowChunks(Chunks):
        def __iter__(self):
            for chunk in super().__iter__():
                clock.now += 0.25  # Each chunk takes a quarter of a second to produce.
                yield chunk

    timing = Timing(app_returning(SlowChunks()), lambda *report: reports.append(report), clock)
    StrictServer(timing).run()
    [(_, status, seconds)] = reports
    assert (status, seconds) == ("200 OK", pytest.approx(0.75))


@pytest.mark.hint("watch_response calls on_done once, from close()")
def test_the_report_comes_once_at_close():
    reports = []
    timing = Timing(app_returning(Chunks()), lambda *report: reports.append(report))
    result = timing({"wsgi.errors": None}, lambda *a: None)
    list(result)
    assert reports == []
    result.close()
    result.close()
    assert len(reports) == 1


@pytest.mark.hint("Timing reports UNHANDLED when the app raises (watch_response does it)")
def test_an_app_that_raises_is_reported_as_unhandled():
    reports = []
    with pytest.raises(Boom):
        StrictServer(Timing(app_raising(), lambda *report: reports.append(report))).run()
    assert [status for _, status, _ in reports] == [UNHANDLED]
