"""Phone numbers, email addresses and postcodes as typed: spaces made plain, checked the NHS way. Pure functions.

A phone number in Arabic-Indic or fullwidth digits looks right on screen but no phone system or
GOV.UK Notify can dial it, so it is refused with a clear message rather than stored (ADR-017).
A number someone chose to get text messages at must be a UK mobile (the rule GOV.UK Notify and
our outbox use, `notifications.recipients.uk_mobile`); a landline is fine for a phone call.
Forms, `Model.clean()` and the API all use these, so the same words come back every way in.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email as django_validate_email

from livingplan.core.numbers import has_other_digits
from livingplan.notifications.recipients import uk_mobile

EMAIL_MESSAGE = "Enter an email address in the correct format, like name@example.com"
PHONE_MESSAGE = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
MOBILE_MESSAGE = "Enter a UK mobile number, like 07700 900 982"
# What people type in a phone number besides digits: spaces, a leading +, brackets and dashes.
_PHONE_SHAPE = re.compile(r"\+?[0-9 ()\-]+")
_DIGITS = re.compile(r"[0-9]")


def plain_spaces(value: str) -> str:
    """Runs of any kind of space (tabs, non-breaking spaces) as one ordinary space, none at either end."""
    return " ".join(value.split())


def normalise_phone(value: str) -> str:
    return plain_spaces(value)


def normalise_postcode(value: str) -> str:
    return plain_spaces(value).upper()


def validate_phone(value: str) -> None:
    """A phone number anyone could dial: a UK number (10 or 11 digits) or an international one (up to 15)."""
    if not value:
        return
    if has_other_digits(value):
        raise ValidationError("Enter the phone number using the digits 0 to 9", code="other_digits")
    digits = len(_DIGITS.findall(value))
    if not _PHONE_SHAPE.fullmatch(value) or not 10 <= digits <= 15:
        raise ValidationError(PHONE_MESSAGE, code="invalid_phone")


def is_uk_mobile(value: str) -> bool:
    return uk_mobile(value) is not None


def validate_mobile(value: str) -> None:
    """A number for text messages: a UK mobile, 07700 900 982, +44 7700 900 982 or 0044 7700 900 982."""
    validate_phone(value)
    if not is_uk_mobile(value):
        raise ValidationError(MOBILE_MESSAGE, code="not_mobile")


def validate_email(value: str) -> None:
    if not value:
        return
    try:
        django_validate_email(value)
    except ValidationError as error:
        raise ValidationError(EMAIL_MESSAGE, code="invalid") from error


def validate_postcode(value: str) -> None:
    if has_other_digits(value):
        raise ValidationError("Enter the postcode using the digits 0 to 9", code="other_digits")
