"""Small server-side SVG charts: no JavaScript, no third-party assets.

Each chart has a <title> and a <desc> (read by screen readers through aria-labelledby), and
the page always shows the same numbers in a table next to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

PALETTE = ("#1f5f99", "#2e8540", "#c0392b", "#b7791f")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    color: str = PALETTE[0]


def _svg_open(width: int, height: int, chart_id: str, title: str, description: str) -> list[str]:
    """The opening of an accessible chart: role=img, labelled by its title and description."""
    return [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {} {}" '
            'aria-labelledby="{}-title {}-desc">',
            width,
            height,
            chart_id,
            chart_id,
        ),
        format_html(
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            chart_id,
            title,
            chart_id,
            description,
        ),
    ]


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return value


def column_chart(
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[Series],
    width: int = 720,
    height: int = 260,
) -> SafeString:
    """Grouped columns, one group per label (weeks, months)."""
    left, right, top, bottom = 48, 12, 16, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = _nice_max(max((v for s in series for v in s.values), default=0))
    groups = max(len(labels), 1)
    group_w = plot_w / groups
    bar_w = max(group_w * 0.8 / max(len(series), 1), 1.0)
    parts = _svg_open(width, height, chart_id, title, description)
    for i in range(5):
        value = peak * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ddd"/>'
                '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#444">{}</text>',
                left,
                width - right,
                f"{y:.1f}",
                f"{y:.1f}",
                left - 4,
                f"{y + 4:.1f}",
                f"{value:,.0f}".replace(",", "."),
            )
        )
    step = max(1, groups // 12)
    for g, label in enumerate(labels):
        x0 = left + g * group_w + group_w * 0.1
        for s_index, s in enumerate(series):
            value = s.values[g] if g < len(s.values) else 0
            h = plot_h * value / peak
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} — {}</title></rect>',
                    f"{x0 + s_index * bar_w:.1f}",
                    f"{top + plot_h - h:.1f}",
                    f"{bar_w:.1f}",
                    f"{h:.1f}",
                    s.color,
                    label,
                    s.name,
                    f"{value:,.0f}".replace(",", "."),
                )
            )
        if g % step == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#444">{}</text>',
                    f"{left + g * group_w + group_w / 2:.1f}",
                    height - bottom + 16,
                    label,
                )
            )
    for s_index, s in enumerate(series):
        x = left + s_index * 170
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
                '<text x="{}" y="{}" font-size="12" fill="#222">{}</text>',
                x,
                height - 16,
                s.color,
                x + 16,
                height - 6,
                s.name,
            )
        )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


def bar_list(
    chart_id: str,
    title: str,
    description: str,
    items: Sequence[tuple[str, float, str]],
    maximum: float | None = None,
    width: int = 720,
    color: str = PALETTE[0],
) -> SafeString:
    """Horizontal bars, one per (label, value, text shown)."""
    row_h, label_w, text_w = 22, 300, 80
    height = row_h * max(len(items), 1) + 8
    peak = maximum if maximum else _nice_max(max((v for _l, v, _t in items), default=0))
    plot_w = width - label_w - text_w
    parts = _svg_open(width, height, chart_id, title, description)
    for i, (label, value, text) in enumerate(items):
        y = 4 + i * row_h
        w = plot_w * max(value, 0) / peak if peak else 0
        short = label if len(label) <= 44 else label[:43] + "…"
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#222">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" font-size="12" fill="#222">{}</text>',
                label_w - 6,
                y + 14,
                short,
                label_w,
                y + 2,
                f"{w:.1f}",
                row_h - 6,
                color,
                label,
                text,
                f"{label_w + w + 4:.1f}",
                y + 14,
                text,
            )
        )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))
