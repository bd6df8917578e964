"""A bar chart drawn on the server as SVG: no JavaScript, no CDN, readable without CSS.

The geometry is computed here and the template only writes it out, so the arithmetic
is tested like any other function (tests/capstone/test_admin_statistics.py).
"""

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 220
TOP, BOTTOM, LEFT = 20, 40, 8  # room for the value above a bar and the label below it


@dataclass
class Bar:
    """One bar: where it is drawn, and what it says."""

    x: float
    y: float
    width: float
    height: float
    label: str
    value: int


def bar_chart(points, width=WIDTH, height=HEIGHT):
    """Bars for (label, value) pairs, scaled so the highest reaches the top (all 0: flat)."""
    if not points:
        return []
    highest = max(value for _, value in points) or 1
    slot = (width - LEFT) / len(points)
    usable = height - TOP - BOTTOM
    bars = []
    for index, (label, value) in enumerate(points):
        bar_height = usable * value / highest
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * 0.15, 1),
                y=round(TOP + usable - bar_height, 1),
                width=round(slot * 0.7, 1),
                height=round(bar_height, 1),
                label=label,
                value=value,
            )
        )
    return bars
