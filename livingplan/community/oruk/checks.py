"""Checking one value of an Open Referral record against what the UK profile's schema says (pure).

Each check returns the reason a value is wrong, in words an admin can act on, or "" when it is
fine. The schema itself is not read at run time (it is not part of the service); these follow it
for every field the directory keeps, and the tests check our export against the real schema.
"""

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

STATUSES = ("active", "inactive", "defunct", "temporarily closed")
LOCATION_TYPES = ("physical", "postal", "virtual")


def text(value: Any, *, required: bool = False, limit: int | None = None) -> str:
    if value is None:
        return "is missing: every service needs one" if required else ""
    if not isinstance(value, str):
        return f"must be text, not {_kind(value)}"
    if required and not value.strip():
        return "is empty: every service needs one"
    if limit is not None and len(value) > limit:
        return f"is {len(value)} characters long: it can be at most {limit}"
    return ""


def identifier(value: Any) -> str:
    problem = text(value, required=True)
    if problem:
        return problem
    try:
        uuid.UUID(str(value))
    except ValueError:
        return f"must be a UUID, like ac148810-d857-441c-9679-408f346de14b, not {str(value)[:40]!r}"
    return ""


def status(value: Any) -> str:
    problem = text(value, required=True)
    if problem:
        return problem
    if value not in STATUSES:
        return f"must be one of {', '.join(STATUSES)}, not {str(value)[:40]!r}"
    return ""


def email(value: Any) -> str:
    problem = text(value)
    if problem or not value:
        return problem
    try:
        validate_email(value)
    except ValidationError:
        return f"is not an email address: {str(value)[:60]!r}"
    return ""


def web_address(value: Any) -> str:
    problem = text(value, limit=500)
    if problem or not value:
        return problem
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return f"is not a web address starting http:// or https://: {str(value)[:60]!r}"
    return ""


def age(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be a number, not {_kind(value)}"
    if value < 0 or value > 150 or value != int(value):
        return f"must be a whole number of years from 0 to 150, not {value}"
    return ""


def number(value: Any) -> str:
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return ""
    return f"must be a number, not {_kind(value)}"


def objects(value: Any) -> str:
    """A list of records (schedules, contacts, ...), which may be absent."""
    if value is None:
        return ""
    if not isinstance(value, list):
        return f"must be a list, not {_kind(value)}"
    if any(not isinstance(item, dict) for item in value):
        return "must be a list of records, each in { }"
    return ""


def record(value: Any) -> str:
    if value is None or isinstance(value, dict):
        return ""
    return f"must be a record in {{ }}, not {_kind(value)}"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a record"
    return "empty (null)" if value is None else "text"
