"""Reading "times to avoid" as recorded (free text) into windows a text message waits out.

Only forms a reader would agree on are used: "before 10am", "after 8pm", "9pm to 8am",
"between 21:00 and 07:30", and the words mornings, afternoons, evenings and nights when no time
is given. Anything else is not understood, and the message goes at once (staff can see the
recorded words on the person's record). Pure functions, no database.
"""

import datetime as dt
import re

from django.utils import timezone

Window = tuple[dt.time, dt.time]  # start inclusive, end exclusive; end <= start wraps past midnight

_TIME = r"(?:(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)|(\d{1,2})[:.](\d{2})|noon|midday|midnight)"
_RANGE = re.compile(rf"(?:between\s+|from\s+)?(?P<a>{_TIME})\s*(?:and|to|until|till|-|\u2013)\s*(?P<b>{_TIME})", re.I)
_SINGLE = re.compile(rf"(?P<word>before|after|until|till|from)\s+(?P<t>{_TIME})", re.I)
_WORDS: dict[str, Window] = {
    "morning": (dt.time(0, 0), dt.time(12, 0)),
    "afternoon": (dt.time(12, 0), dt.time(17, 0)),
    "evening": (dt.time(18, 0), dt.time(0, 0)),
    "night": (dt.time(21, 0), dt.time(8, 0)),
}
MIDNIGHT = dt.time(0, 0)


def _parse_time(text: str) -> dt.time | None:
    text = text.strip().lower()
    if text in {"noon", "midday"}:
        return dt.time(12, 0)
    if text == "midnight":
        return MIDNIGHT
    match = re.fullmatch(_TIME, text, re.I)
    if match is None:
        return None
    hour_12, minute_12, suffix, hour_24, minute_24 = match.groups()
    if suffix:
        hour, minute = int(hour_12), int(minute_12 or 0)
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix.lower().startswith("p") else 0)
    else:
        hour, minute = int(hour_24), int(minute_24)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def windows(text: str) -> list[Window]:
    """The windows the words describe; empty when nothing is understood."""
    found: list[Window] = []
    rest = text
    for match in _RANGE.finditer(text):
        start, end = _parse_time(match["a"]), _parse_time(match["b"])
        if start is not None and end is not None and start != end:
            found.append((start, end))
            rest = rest.replace(match.group(0), " ")
    for match in _SINGLE.finditer(rest):
        at = _parse_time(match["t"])
        if at is None:
            continue
        word = match["word"].lower()
        found.append((MIDNIGHT, at) if word in {"before", "until", "till"} else (at, MIDNIGHT))
    if not found:
        lowered = text.lower()
        found = [window for word, window in _WORDS.items() if word in lowered]
    return found


def _inside(at: dt.time, window: Window) -> bool:
    start, end = window
    if end == MIDNIGHT or end <= start:  # runs past midnight
        return at >= start or at < end
    return start <= at < end


def held_until(now: dt.datetime, text: str) -> dt.datetime | None:
    """When a text queued at `now` may go, if `now` falls in a time to avoid; else None.

    Times are the person's (Europe/London). Windows that meet are waited out one after another.
    """
    found = windows(text)
    if not found:
        return None
    local = timezone.localtime(now)
    moved = False
    for _ in range(len(found) + 1):
        window = next((w for w in found if _inside(local.time().replace(tzinfo=None), w)), None)
        if window is None:
            break
        end = window[1]
        day = local.date() if local.time().replace(tzinfo=None) < end else local.date() + dt.timedelta(days=1)
        local = timezone.make_aware(dt.datetime.combine(day, end))
        moved = True
    return local if moved else None
