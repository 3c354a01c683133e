"""NHS numbers: ten digits, the last a modulus 11 check digit. Pure functions."""

from django.core.exceptions import ValidationError


def normalise(value: str) -> str:
    return "".join(ch for ch in value if not ch.isspace() and ch != "-")


def is_valid(value: str) -> bool:
    digits = normalise(value)
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - (total % 11)
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def validate(value: str) -> None:
    digits = normalise(value)
    if len(digits) != 10 or not digits.isdigit():
        raise ValidationError("NHS number must be 10 digits", code="length")
    if not is_valid(digits):
        raise ValidationError("Enter a valid NHS number. Check you have typed it correctly", code="check_digit")


def formatted(value: str) -> str:
    """'943 476 5919', the way NHS numbers are written for people."""
    digits = normalise(value)
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if len(digits) == 10 else value
