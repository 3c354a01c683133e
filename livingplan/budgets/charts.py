"""Server-side SVG bar charts: no script, a title and a description, served as an image with the
same numbers in a table beside it (architecture: charts)."""

from collections.abc import Sequence
from xml.sax.saxutils import escape

WIDTH, BAR, GAP, LABEL = 640, 22, 10, 20  # LABEL: the line of words above each bar


def bar_chart(*, title: str, bars: Sequence[tuple[str, float]], unit: str, target: float | None = None) -> str:
    top = max([value for _, value in bars] + [target or 0, 1])
    scale = (WIDTH - 100) / top
    height = 40 + len(bars) * (LABEL + BAR + GAP) + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="Arial, sans-serif" font-size="14">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="20" font-weight="bold">{escape(title)}</text>',
    ]
    for index, (label, value) in enumerate(bars):
        # A long team name gets a line of its own, so it never runs under the bar or its figure.
        y = 40 + index * (LABEL + BAR + GAP)
        parts.append(f'<text x="0" y="{y + 14}">{escape(label)}</text>')
        bar_y = y + LABEL
        parts.append(f'<rect x="0" y="{bar_y}" width="{value * scale:.1f}" height="{BAR}" fill="#005eb8"/>')
        parts.append(f'<text x="{value * scale + 6:.1f}" y="{bar_y + 16}">{value:g} {escape(unit)}</text>')
    if target is not None:
        x = target * scale
        parts.append(f'<line x1="{x:.1f}" y1="30" x2="{x:.1f}" y2="{height - 10}" stroke="#d5281b" stroke-width="2"/>')
        parts.append(f'<text x="{x + 4:.1f}" y="{height - 4}" fill="#d5281b">target {target:g}</text>')
    parts.append("</svg>")
    return "".join(parts)
