"""Tables for the terminal, the performance targets the capstone must meet, and a run's JSON."""

import json
import platform
from datetime import UTC
from datetime import datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent.parent / ".bench"
# The targets: the capstone's task list and detail serve at least as many
# requests/s as each peer, and at least this share of the floor's, at most this many
# times its in-process cost; 100x the data at most doubles the p50s of table 3.
TARGETED = ("task list", "task detail")
MIN_FLOOR_SHARE = 0.35
MAX_FLOOR_COST = 4.0
MAX_GROWTH = 2.0


def table(title, header, rows):
    """A plain-text table with a title, columns aligned."""
    cells = [header, *[[str(cell) for cell in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [title, "-" * len(title)]
    for number, row in enumerate(cells):
        lines.append(
            "  ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def side_by_side_table(results):
    """Table 2: every server's figures per request, and their ratios to the floor."""
    rows = []
    for request in next(iter(results.values())):
        for name, figures in results.items():
            r = figures[request]
            cost = r["in_process_us"]
            rows.append(
                [
                    f"{request}: {name}",
                    f"{r['requests_per_second']:.0f}",
                    f"{r['rps_vs_floor']:.2f}",
                    f"{r['p50_ms']:.2f}",
                    f"{r['p99_ms']:.2f}",
                    f"{cost:.0f}" if cost else "-",  # none for ASGI
                    f"x{r['cost_vs_floor']:.1f}" if cost else "-",
                ]
            )
    return table(
        "2. The API beside Django (DRF), FastAPI and the floor (10,000 tasks; pages of 20)",
        ["request: server", "req/s", "vs floor", "p50 ms", "p99 ms", "µs in-process", "vs floor"],
        rows,
    )


def check_targets(results):
    """The targets met and missed, as (description, met) pairs."""
    checks = []
    served = results["side_by_side"]
    for request in TARGETED:
        ours = served["capstone"][request]
        for peer in sorted(served.keys() - {"capstone", "floor"}):
            theirs = served[peer][request]
            checks.append(
                (
                    f"{request}: the capstone serves at least {peer}'s requests/s "
                    f"({ours['requests_per_second']:.0f} vs {theirs['requests_per_second']:.0f})",
                    ours["requests_per_second"] >= theirs["requests_per_second"],
                )
            )
        checks.append(
            (
                f"{request}: the capstone serves >= {MIN_FLOOR_SHARE:.0%} of the floor's "
                f"requests/s ({ours['rps_vs_floor']:.0%})",
                ours["rps_vs_floor"] >= MIN_FLOOR_SHARE,
            )
        )
        checks.append(
            (
                f"{request}: the capstone costs at most x{MAX_FLOOR_COST:g} the floor in-process "
                f"(x{ours['cost_vs_floor']:.1f})",
                ours["cost_vs_floor"] <= MAX_FLOOR_COST,
            )
        )
    for name, growth in results["growth"].items():
        checks.append(
            (
                f"{name}: p50 x{growth['ratio']:.2f} from 1,000 to 100,000 tasks "
                f"(at most x{MAX_GROWTH:g})",
                growth["ratio"] <= MAX_GROWTH,
            )
        )
    for name, counts in results["statements"].items():
        distinct = sorted(set(counts.values()))
        checks.append(
            (
                f"{name}: {' or '.join(map(str, distinct))} SQL statements per request,"
                " whatever the data and page size",
                len(distinct) == 1,
            )
        )
    return checks


def save(results):
    """Write the run as JSON (timestamped, and as latest.json); return the path."""
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    results["machine"] = {"python": platform.python_version(), "platform": platform.platform()}
    results["when"] = stamp
    text = json.dumps(results, indent=2)
    (RESULTS / f"bench-{stamp}.json").write_text(text)
    (RESULTS / "latest.json").write_text(text)
    return RESULTS / f"bench-{stamp}.json"
