"""Small formatting helpers shared by every presenter (dates the NHS.UK way)."""

import datetime as dt

from django.utils import timezone


def date_long(value: dt.date | dt.datetime | None) -> str:
    """'3 March 2026' - the NHS.UK style for dates, with no leading zero."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return f"{value.day} {value:%B %Y}"


def datetime_short(value: dt.datetime | None) -> str:
    """'3 March 2026 at 2:05pm' in UK time."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    return f"{date_long(local.date())} at {hour}:{local:%M}{suffix}"
