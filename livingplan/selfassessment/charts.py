"""Server-side SVG: the heatmap of areas by levels, and the movement since the previous round.

Drawn by hand as plain SVG so it needs no library and no JavaScript; each chart is shown as an
image with the same numbers in a table beside it, and can go into a PDF unchanged.
"""

from collections.abc import Sequence
from xml.sax.saxutils import escape

from livingplan.selfassessment import instrument
from livingplan.selfassessment.combine import Combined

ROW = 18
LABEL = 330
CELL = 46
TOP = 34
# Blues of the NHS palette, lightest for one rater; white for nobody.
SHADES = ("#ffffff", "#d6e6f5", "#a9cdee", "#5c9bd6", "#005eb8", "#003087")
AGREED = "#ffb81c"
WAS = "#768692"
NOW = "#007f3b"


def _shade(count: int, most: int) -> str:
    if count == 0 or most == 0:
        return SHADES[0]
    step = 1 + round((count / most) * (len(SHADES) - 2))
    return SHADES[min(step, len(SHADES) - 1)]


def _header(width: int, height: int, title: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="Arial, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]


def _label(text: str, y: int) -> str:
    short = text if len(text) <= 52 else text[:50] + "…"
    return f'<text x="4" y="{y + ROW - 5}" fill="#212b32">{escape(short)}</text>'


def heatmap(rows: Sequence[Combined], *, title: str) -> str:
    """Areas down, levels across; each cell darker as more raters chose it; the agreed level outlined."""
    width = LABEL + CELL * instrument.LEVELS + 8
    height = TOP + ROW * len(rows) + 8
    most = max((max(r.counts()) for r in rows if r.votes), default=0)
    parts = _header(width, height, title)
    for n in range(1, instrument.LEVELS + 1):
        x = LABEL + CELL * (n - 1) + CELL // 2
        parts.append(f'<text x="{x}" y="{TOP - 10}" text-anchor="middle" font-weight="bold">Level {n}</text>')
    for i, row in enumerate(rows):
        y = TOP + ROW * i
        parts.append(_label(f"{row.area.title}", y))
        for n, count in enumerate(row.counts(), start=1):
            x = LABEL + CELL * (n - 1)
            outline = f'stroke="{AGREED}" stroke-width="3"' if row.agreed == n else 'stroke="#d8dde0"'
            fill = _shade(count, most)
            parts.append(f'<rect x="{x}" y="{y}" width="{CELL - 2}" height="{ROW - 2}" fill="{fill}" {outline}/>')
            if count:
                colour = "#ffffff" if fill in SHADES[3:] else "#212b32"
                at = f'x="{x + CELL // 2 - 1}" y="{y + ROW - 5}"'
                parts.append(f'<text {at} text-anchor="middle" fill="{colour}">{count}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def comparison(rows: Sequence[Combined], *, title: str) -> str:
    """Each area's agreed level in the previous round (grey) and this one (green), joined by a line."""
    width = LABEL + CELL * instrument.LEVELS + 8
    height = TOP + ROW * len(rows) + 8
    parts = _header(width, height, title)

    def centre(level: int) -> int:
        return LABEL + CELL * (level - 1) + CELL // 2

    for n in range(1, instrument.LEVELS + 1):
        parts.append(f'<text x="{centre(n)}" y="{TOP - 10}" text-anchor="middle" font-weight="bold">Level {n}</text>')
        parts.append(f'<line x1="{centre(n)}" y1="{TOP}" x2="{centre(n)}" y2="{height - 8}" stroke="#e8edee"/>')
    for i, row in enumerate(rows):
        y = TOP + ROW * i
        mid = y + ROW // 2
        parts.append(_label(row.area.title, y))
        if row.previous is not None and row.agreed is not None:
            parts.append(
                f'<line x1="{centre(row.previous)}" y1="{mid}" x2="{centre(row.agreed)}" y2="{mid}" '
                f'stroke="{NOW}" stroke-width="2"/>'
            )
        if row.previous is not None:
            parts.append(f'<circle cx="{centre(row.previous)}" cy="{mid}" r="5" fill="{WAS}"/>')
        if row.agreed is not None:
            parts.append(f'<circle cx="{centre(row.agreed)}" cy="{mid}" r="6" fill="{NOW}"/>')
    parts.append("</svg>")
    return "\n".join(parts)
