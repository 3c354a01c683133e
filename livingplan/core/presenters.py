"""Small formatting helpers shared by every presenter (dates the NHS.UK way)."""

import datetime as dt
from typing import Any

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


def change_rows(edit_url: str, rows: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """NHS.UK summary-list rows from (key, value, field id), each with its own "Change" link.

    The link goes to the field on the edit page, and its hidden text names the row, so a screen
    reader hears "Change phone" rather than ten links called "Change". No `edit_url` (the viewer
    may not edit) or no field id (the row cannot be changed there) gives a row with no link.
    """
    built = []
    for key, value, field_id in rows:
        row: dict[str, Any] = {"key": {"text": key}, "value": {"text": value}}
        if edit_url and field_id:
            hidden = key if key[:2].isupper() else key[0].lower() + key[1:]  # "NHS number", "phone"
            change = {"href": f"{edit_url}#{field_id}", "text": "Change", "visuallyHiddenText": hidden}
            row["actions"] = {"items": [change]}
        built.append(row)
    return built
