"""Phone numbers and postcodes as typed: spaces made plain, digits 0 to 9 only. Pure functions.

A phone number in Arabic-Indic or fullwidth digits looks right on screen but no phone system or
GOV.UK Notify can dial it, so it is refused with a clear message rather than stored (ADR-017).
"""

from django.core.exceptions import ValidationError

from livingplan.core.numbers import has_other_digits


def plain_spaces(value: str) -> str:
    """Runs of any kind of space (tabs, non-breaking spaces) as one ordinary space, none at either end."""
    return " ".join(value.split())


def normalise_phone(value: str) -> str:
    return plain_spaces(value)


def normalise_postcode(value: str) -> str:
    return plain_spaces(value).upper()


def validate_phone(value: str) -> None:
    if has_other_digits(value):
        raise ValidationError("Enter the phone number using the digits 0 to 9", code="other_digits")


def validate_postcode(value: str) -> None:
    if has_other_digits(value):
        raise ValidationError("Enter the postcode using the digits 0 to 9", code="other_digits")
