"""Tables for the terminal, the performance targets the capstone must meet, and a run's JSON."""

import json
import platform
from datetime import UTC
from datetime import datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent.parent / ".bench"
# The targets: the capstone's task list serves at least this share of stage 04's hello
# page (same run, same server); 100x the data at most doubles these p50s.
MIN_LIST_SHARE = 0.35
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


def check_targets(results):
    """The targets met and missed, as (description, met) pairs."""
    share = results["capstone_served"]["task list"]["share_of_stage_04"]
    checks = [
        (
            f"task list at >= {MIN_LIST_SHARE:.0%} of stage 04's throughput ({share:.0%})",
            share >= MIN_LIST_SHARE,
        )
    ]
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
