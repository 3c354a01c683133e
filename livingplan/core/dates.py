"""How far back and ahead each kind of date may be: one rule, used by forms, API schemas and models.

Three kinds (ADR-017):

- `HAPPENED`: when something took place (an assessment, a decision, a registration, progress).
  It cannot be in the future: a "lacks capacity" assessment dated 2999 would otherwise outrank
  every real one. Not before 1900.
- `BIRTH`: a date of birth. Today or in the past, and not before 1900.
- `PLANNED`: when something is due or should happen (an action, the next review). Past dates
  are allowed (an overdue action), but not before 2000, and not more than 10 years ahead.

`problem(value, kind, what)` is the message for a date outside its kind's bounds, or "" when it
is inside: `what` names the date at the start of a sentence ("Date of birth", "The due date").
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

YEARS_AHEAD = 10


def _in_years(years: int) -> dt.date:
    today = timezone.localdate()
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February, in a year that has none
        return today.replace(year=today.year + years, day=28)


@dataclass(frozen=True)
class DateKind:
    name: str
    earliest: dt.date
    latest: Callable[[], dt.date]
    too_late: str  # completes "{what} must be ..."


HAPPENED = DateKind("happened", dt.date(1900, 1, 1), timezone.localdate, "today or in the past")
BIRTH = DateKind("birth", dt.date(1900, 1, 1), timezone.localdate, "today or in the past")
PLANNED = DateKind(
    "planned", dt.date(2000, 1, 1), lambda: _in_years(YEARS_AHEAD), f"within {YEARS_AHEAD} years from today"
)


def _long(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def problem(value: dt.date | None, kind: DateKind, what: str) -> str:
    """What is wrong with `value` as a date of this kind, in a sentence; "" if nothing is (or it is empty)."""
    if value is None:
        return ""
    if value > kind.latest():
        return f"{what} must be {kind.too_late}"
    if value < kind.earliest:
        return f"{what} must be on or after {_long(kind.earliest)}"
    return ""


def validate(value: dt.date | None, kind: DateKind, what: str) -> None:
    """`problem()` as a Django ValidationError, for forms and `Model.clean()`."""
    if message := problem(value, kind, what):
        raise ValidationError(message, code="out_of_range")


def validate_fields(**fields: tuple[dt.date | None, DateKind, str]) -> None:
    """For `Model.clean()`: `field=(value, kind, what)`; every problem found, each on its field."""
    errors = {name: problem(*checked) for name, checked in fields.items()}
    if any(errors.values()):
        raise ValidationError({name: message for name, message in errors.items() if message})
