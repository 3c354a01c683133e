"""NHS numbers: ten digits, the last a modulus 11 check digit. Pure functions.

Digits are 0 to 9 only: Python counts Arabic-Indic, fullwidth and superscript characters
(U+0660-U+0669, U+FF10-U+FF19, '²') as digits too, and such a number was once stored as typed (ADR-017).
"""

from django.core.exceptions import ValidationError

from livingplan.core.numbers import has_other_digits

OTHER_DIGITS = "Enter the NHS number using the digits 0 to 9"


def normalise(value: str) -> str:
    """Without spaces of any kind (a non-breaking space pasted from a letter too) or hyphens."""
    return "".join(ch for ch in value if not ch.isspace() and ch != "-")


def _ten_ascii_digits(digits: str) -> bool:
    return len(digits) == 10 and all("0" <= ch <= "9" for ch in digits)


def is_valid(value: str) -> bool:
    digits = normalise(value)
    if not _ten_ascii_digits(digits):
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - (total % 11)
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def validate(value: str) -> None:
    digits = normalise(value)
    if has_other_digits(digits):
        raise ValidationError(OTHER_DIGITS, code="other_digits")
    if not _ten_ascii_digits(digits):
        raise ValidationError("NHS number must be 10 digits", code="length")
    if not is_valid(digits):
        raise ValidationError("Enter a valid NHS number. Check you have typed it correctly", code="check_digit")


def formatted(value: str) -> str:
    """'943 476 5919', the way NHS numbers are written for people."""
    digits = normalise(value)
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if len(digits) == 10 else value
