"""Server-side SVG bar charts: no script, a title and a description, served as an image with the
same numbers in a table beside it (architecture: charts)."""

from collections.abc import Sequence
from xml.sax.saxutils import escape

WIDTH, BAR, GAP, LABEL = 640, 22, 10, 220


def bar_chart(*, title: str, bars: Sequence[tuple[str, float]], unit: str, target: float | None = None) -> str:
    top = max([value for _, value in bars] + [target or 0, 1])
    scale = (WIDTH - LABEL - 60) / top
    height = 40 + len(bars) * (BAR + GAP) + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="Arial, sans-serif" font-size="14">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="20" font-weight="bold">{escape(title)}</text>',
    ]
    for index, (label, value) in enumerate(bars):
        y = 40 + index * (BAR + GAP)
        parts.append(f'<text x="0" y="{y + 16}">{escape(label)}</text>')
        parts.append(f'<rect x="{LABEL}" y="{y}" width="{value * scale:.1f}" height="{BAR}" fill="#005eb8"/>')
        parts.append(f'<text x="{LABEL + value * scale + 6:.1f}" y="{y + 16}">{value:g} {escape(unit)}</text>')
    if target is not None:
        x = LABEL + target * scale
        parts.append(f'<line x1="{x:.1f}" y1="30" x2="{x:.1f}" y2="{height - 10}" stroke="#d5281b" stroke-width="2"/>')
        parts.append(f'<text x="{x + 4:.1f}" y="{height - 4}" fill="#d5281b">target {target:g}</text>')
    parts.append("</svg>")
    return "".join(parts)
