"""Run every benchmark once and print the report (see bench/__init__.py)."""

import sys
import tempfile
from pathlib import Path

from bench import capstone_data
from bench import served
from bench.measure import HELLO
from bench.measure import ROOT
from bench.measure import SECONDS
from bench.measure import capstone_served
from bench.measure import growth_and_statements
from bench.measure import ladder
from bench.report import check_targets
from bench.report import save
from bench.report import side_by_side_table
from bench.report import table


def main():
    """Run, print, save; exit 1 when a target is missed."""
    if message := served.wrk_missing():
        print(message)
        return 2
    print(f"make bench: {SECONDS} s of load per URL, on loopback; figures vary by machine and run,")
    print("so each comparison below is a ratio within this run.\n")
    results = {"ladder": ladder()}
    base_us = results["ladder"]["01"]["in_process_us"]
    base_rps = results["ladder"]["01"]["requests_per_second"]
    rows = [
        [
            f"{n} {r['folder']}",
            f"{r['in_process_us']:.1f}" if r["in_process_us"] else "-",  # none for ASGI
            f"x{r['in_process_us'] / base_us:.0f}" if r["in_process_us"] else "-",
            f"{r['requests_per_second']:.0f}",
            f"{r['requests_per_second'] / base_rps:.2f}",
            f"{r['p50_ms']:.2f}",
            f"{r['p99_ms']:.2f}",
        ]
        for n, r in results["ladder"].items()
    ]
    print(
        table(
            f"1. The layer ladder: GET {HELLO}",
            ["stage", "µs in-process", "vs 01", "req/s served", "vs 01", "p50 ms", "p99 ms"],
            rows,
        )
        + "\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "capstone-10000.sqlite"
        project_id = capstone_data.build(database, 10_000)
        results["side_by_side"], results["capstone_served"] = capstone_served(database, project_id)
        print(side_by_side_table(results["side_by_side"]) + "\n")
        rows = [
            [name, f"{r['requests_per_second']:.0f}", f"{r['p50_ms']:.2f}", f"{r['p99_ms']:.2f}"]
            for name, r in results["capstone_served"].items()
        ]
        print(
            table(
                "2b. The capstone's caches: a 304 and a cache hit beside the full request",
                ["request", "req/s", "p50 ms", "p99 ms"],
                rows,
            )
            + "\n"
        )
        results["growth"], results["statements"] = growth_and_statements(folder)
    rows = [
        [name, f"{g['p50_1k_ms']:.2f}", f"{g['p50_100k_ms']:.2f}", f"x{g['ratio']:.2f}"]
        for name, g in results["growth"].items()
    ]
    print(
        table(
            "3. Growth, in-process p50 (ms)",
            ["request", "1,000 tasks", "100,000 tasks", "growth"],
            rows,
        )
        + "\n"
    )
    rows = [
        [name, " / ".join(f"{count}" for count in counts.values()), " / ".join(counts)]
        for name, counts in results["statements"].items()
    ]
    print(
        table("4. SQL statements per request", ["request", "statements", "measured with"], rows)
        + "\n"
    )
    checks = check_targets(results)
    for description, met in checks:
        print(("  met    " if met else "  MISSED ") + description)
    print(f"\nSaved {save(results).relative_to(ROOT)} (and .bench/latest.json).")
    return 0 if all(met for _, met in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
