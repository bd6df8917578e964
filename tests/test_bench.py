"""The benchmark's own logic: reading wrk's output, the targets, the tables (no load run here)."""

import importlib

import pytest

from bench import frameworks
from bench.inprocess import microseconds_per_request
from bench.measure import ROOT
from bench.report import check_targets
from bench.report import table
from bench.served import percentile

WRK_OUTPUT = """
  Latency Distribution
     50%    1.52ms
     75%    2.01ms
     90%  812.00us
     99%    1.20s
Requests/sec:   6912.33
"""


def test_wrk_percentiles_are_read_in_milliseconds():
    assert percentile(WRK_OUTPUT, "50%") == pytest.approx(1.52)
    assert percentile(WRK_OUTPUT, "90%") == pytest.approx(0.812)
    assert percentile(WRK_OUTPUT, "99%") == pytest.approx(1200)


def served(capstone, peer, floor, cost=2.0):
    """One request's figures in table 2: req/s per server, the capstone's in-process ratio."""
    figures = {
        name: {"requests_per_second": rps} for name, rps in (("django", peer), ("floor", floor))
    }
    figures["capstone"] = {
        "requests_per_second": capstone,
        "rps_vs_floor": capstone / floor,
        "cost_vs_floor": cost,
    }
    return figures


def results(ratio, counts, **request_figures):
    by_server = {}
    for request in ("task list", "task detail"):
        for name, figures in request_figures.get(request, served(100, 90, 200)).items():
            by_server.setdefault(name, {})[request] = figures
    return {
        "side_by_side": by_server,
        "growth": {"task list": {"ratio": ratio}},
        "statements": {"task list": counts},
    }


def missed(checks):
    return [text for text, met in checks if not met]


def test_targets_are_met_only_within_their_bounds():
    assert missed(check_targets(results(1.9, {"a": 3, "b": 3}))) == []
    assert len(missed(check_targets(results(2.1, {"a": 3, "b": 4})))) == 2
    assert "3 or 4 SQL statements" in missed(check_targets(results(1.9, {"a": 3, "b": 4})))[0]


def test_each_miss_against_peers_and_floor_is_named():
    slower = results(1.0, {"a": 3}, **{"task detail": served(80, 90, 200)})
    assert missed(check_targets(slower)) == [
        "task detail: the capstone serves at least django's requests/s (80 vs 90)"
    ]
    far = results(1.0, {"a": 3}, **{"task list": served(100, 90, 300, cost=4.5)})
    assert missed(check_targets(far)) == [
        "task list: the capstone serves >= 35% of the floor's requests/s (33%)",
        "task list: the capstone costs at most x4 the floor in-process (x4.5)",
    ]


def test_tables_align_their_columns():
    text = table("T", ["name", "n"], [["a", 1], ["long name", 22]])
    lines = text.splitlines()
    assert lines[:2] == ["T", "-"]
    assert lines[2] == "name        n"
    assert lines[4] == "a           1" and lines[5] == "long name  22"


def test_in_process_timing_calls_the_app_and_refuses_errors():
    def app(environ, start_response):
        start_response("200 OK" if environ["PATH_INFO"] == "/" else "404 Not Found", [])
        return [b"hi"]

    assert microseconds_per_request(app, "/", calls=10, rounds=3) > 0
    with pytest.raises(RuntimeError, match="answered 404"):
        microseconds_per_request(app, "/missing", calls=1, rounds=1)


def test_compare_versions_are_served_by_worker_classes_that_exist():
    # gunicorn names its worker class by import path; uvicorn's own module is deprecated.
    for folder, target, worker in frameworks.VERSIONS.values():
        assert (ROOT / folder / "app.py").is_file()
        assert target.startswith("app:")
        if worker != "sync":
            module, _, name = worker.rpartition(".")
            assert callable(getattr(importlib.import_module(module), name))
