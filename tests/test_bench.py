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


def results(share, ratio, counts):
    return {
        "capstone_served": {"task list": {"share_of_stage_04": share}},
        "growth": {"task list": {"ratio": ratio}},
        "statements": {"task list": counts},
    }


def test_targets_are_met_only_within_their_bounds():
    assert all(met for _, met in check_targets(results(0.4, 1.9, {"a": 3, "b": 3})))
    missed = [text for text, met in check_targets(results(0.3, 2.1, {"a": 3, "b": 4})) if not met]
    assert len(missed) == 3
    assert "3 or 4 SQL statements" in missed[2]


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
