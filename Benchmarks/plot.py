#!/usr/bin/env python3
"""Growth chart of Benchmarks/run.sh's results, as an SVG written by hand (no plotting library).

    python3 Benchmarks/plot.py RESULTS OUT.svg

RESULTS has one line per measure, `SIZE TOOL WALL_S CPU_S PEAK_KIB` (or `SIZE TOOL failed`), as run.sh
writes them. Three panels against the number of documents: wall time and peak memory (both log-log), and
wall time per document on a linear scale from zero, where a cost that does not grow with the site's size
is a flat line. One line per tool: scholia (the clean build), hugo and floor.
"""

import math
import sys

TOOLS = [("scholia", "#c0392b"), ("hugo", "#2471a3"), ("floor", "#7f8c8d")]
PANEL_WIDTH, PANEL_HEIGHT = 300, 240
LEFT, RIGHT, TOP, BOTTOM = 62, 18, 34, 46


def read_results(path):
    """{tool: [(documents, wall s, peak MiB)]}, sorted by documents; failed runs left out."""
    series = {}
    with open(path) as file:
        for line in file:
            fields = line.split()
            if len(fields) == 5 and fields[2] != "failed":
                size, tool, wall, _cpu, rss = fields
                series.setdefault(tool, []).append((int(size), float(wall), int(rss) / 1024))
    return {tool: sorted(points) for tool, points in series.items()}


def short(value):
    """1000 → 1k, 0.5 → 0.5, 2000000 → 2M: tick labels that fit."""
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= limit:
            return f"{value / limit:g}{suffix}"
    return f"{value:g}"


def log_ticks(low, high):
    """The 1, 2, 5 × 10^k values within [low, high] (only the 10^k over more than three decades), after widening
    both ends to whole decades."""
    low = 10 ** math.floor(math.log10(low))
    high = 10 ** math.ceil(math.log10(high))
    if high <= low:
        high = low * 10
    steps = (1,) if math.log10(high / low) > 3.5 else (1, 2, 5)
    ticks = []
    decade = low
    while decade < high * 1.001:
        ticks += [decade * step for step in steps if decade * step <= high * 1.001]
        decade *= 10
    return low, high, ticks


def linear_ticks(high):
    """0 to a round top above high, in four or five steps."""
    if high <= 0:
        return 1, [0, 1]
    step = 10 ** math.floor(math.log10(high / 4))
    for factor in (1, 2, 2.5, 5, 10):
        if high / (step * factor) <= 5:
            step *= factor
            break
    top = math.ceil(high / step - 1e-9) * step
    return top, [round(step * index, 10) for index in range(int(round(top / step)) + 1)]


class Panel:
    """One chart: an x axis of documents (log, whole decades) and a y axis (log or linear), at an offset in the SVG."""

    def __init__(self, x_offset, title, y_label, sizes, values, y_log):
        self.x0, self.title, self.y_label = x_offset, title, y_label
        self.x_low, self.x_high, _ = log_ticks(min(sizes), max(sizes))
        self.x_ticks = sorted(set(sizes))  # the sizes measured, so each point sits on a labelled line
        self.y_log = y_log
        if y_log:
            self.y_low, self.y_high, self.y_ticks = log_ticks(min(values), max(values))
        else:
            self.y_low = 0
            self.y_high, self.y_ticks = linear_ticks(max(values))

    def x(self, documents):
        span = math.log10(self.x_high) - math.log10(self.x_low)
        return self.x0 + LEFT + (math.log10(documents) - math.log10(self.x_low)) / span * (PANEL_WIDTH - LEFT - RIGHT)

    def y(self, value):
        if self.y_log:
            fraction = (math.log10(value) - math.log10(self.y_low)) / (math.log10(self.y_high) - math.log10(self.y_low))
        else:
            fraction = (value - self.y_low) / (self.y_high - self.y_low)
        return PANEL_HEIGHT - BOTTOM - fraction * (PANEL_HEIGHT - TOP - BOTTOM)

    def frame(self):
        left, right = self.x0 + LEFT, self.x0 + PANEL_WIDTH - RIGHT
        top, bottom = TOP, PANEL_HEIGHT - BOTTOM
        parts = [f'<text x="{(left + right) / 2:.1f}" y="18" class="title">{self.title}</text>']
        for tick in self.y_ticks:
            y = self.y(tick)
            parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" class="grid"/>')
            parts.append(f'<text x="{left - 5}" y="{y + 4:.1f}" class="ylabel">{short(tick)}</text>')
        for tick in self.x_ticks:
            x = self.x(tick)
            parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" class="grid"/>')
            parts.append(f'<text x="{x:.1f}" y="{bottom + 16}" class="xlabel">{short(tick)}</text>')
        parts.append(f'<rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" class="frame"/>')
        parts.append(f'<text x="{(left + right) / 2:.1f}" y="{bottom + 34}" class="axis">documents (log)</text>')
        middle = (top + bottom) / 2
        parts.append(f'<text x="{self.x0 + 14}" y="{middle:.1f}" class="axis" transform="rotate(-90 {self.x0 + 14} {middle:.1f})">{self.y_label}</text>')
        return parts

    def line(self, points, colour):
        coordinates = " ".join(f"{self.x(d):.1f},{self.y(v):.1f}" for d, v in points)
        parts = [f'<polyline points="{coordinates}" fill="none" stroke="{colour}" stroke-width="2"/>']
        for documents, value in points:
            parts.append(f'<circle cx="{self.x(documents):.1f}" cy="{self.y(value):.1f}" r="3.5" fill="{colour}"/>')
        return parts


def svg(series):
    tools = [(tool, colour) for tool, colour in TOOLS if series.get(tool)]
    if not tools:
        sys.exit("plot.py: no scholia, hugo or floor results to plot")
    sizes = [d for tool, _ in tools for d, _, _ in series[tool]]
    measures = [
        ("Wall time", "seconds (log)", lambda d, wall, rss: wall, True),
        ("Peak memory", "MiB (log)", lambda d, wall, rss: rss, True),
        ("Wall time per document", "milliseconds", lambda d, wall, rss: wall / d * 1000, False),
    ]
    parts = []
    for index, (title, label, value, y_log) in enumerate(measures):
        values = [value(*point) for tool, _ in tools for point in series[tool]]
        panel = Panel(index * PANEL_WIDTH, title, label, sizes, [v for v in values if v > 0] or [1], y_log)
        parts += panel.frame()
        for tool, colour in tools:
            parts += panel.line([(point[0], max(value(*point), panel.y_low or 1e-9)) for point in series[tool]], colour)
    legend_y = PANEL_HEIGHT + 8
    for index, (tool, colour) in enumerate(tools):
        x = LEFT + index * 110
        parts.append(f'<line x1="{x}" y1="{legend_y}" x2="{x + 24}" y2="{legend_y}" stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<circle cx="{x + 12}" cy="{legend_y}" r="3.5" fill="{colour}"/>')
        parts.append(f'<text x="{x + 30}" y="{legend_y + 4}" class="legend">{tool}</text>')
    width, height = 3 * PANEL_WIDTH, PANEL_HEIGHT + 24
    style = (".title{font:bold 13px sans-serif;text-anchor:middle}.axis{font:11px sans-serif;text-anchor:middle}"
             ".xlabel{font:10px sans-serif;text-anchor:middle}.ylabel{font:10px sans-serif;text-anchor:end}"
             ".legend{font:12px sans-serif}.grid{stroke:#ddd;stroke-width:1}.frame{fill:none;stroke:#333;stroke-width:1}")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">\n'
            f'<style>{style}</style>\n<rect width="{width}" height="{height}" fill="white"/>\n'
            + "\n".join(parts) + "\n</svg>\n")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: plot.py RESULTS OUT.svg")
    with open(sys.argv[2], "w") as file:
        file.write(svg(read_results(sys.argv[1])))


if __name__ == "__main__":
    main()
