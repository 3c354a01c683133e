"""Every number taken from a request, parsed one way: ASCII digits only, within the database's range.

Python's `int()` and `str.isdigit()` accept far more than 0-9: '²' passes `isdigit()` and then
fails `int()` (a 500), Arabic-Indic and fullwidth digits (U+0660-U+0669, U+FF10-U+FF19)
quietly become numbers, and a 20-digit id overflows SQLite's 64-bit integers inside `__in`
lookups and raw SQL (a 500 again).
So URL ids go through the `<id:...>` converter (a 404 when the number is not one), query
parameters through `whole_number()` (None: the view answers 404), and form numbers through
`core.forms.WholeNumberField` (a form error). ADR-017.
"""

import re

# The largest value a signed 64-bit integer column holds (BigAutoField, SQLite's INTEGER).
MAX_BIGINT = 2**63 - 1
# PositiveIntegerField and IntegerField columns (plan revision, version number) are 32-bit on PostgreSQL.
MAX_INT = 2**31 - 1

_ASCII_DIGITS = re.compile(r"[0-9]+")


def whole_number(value: object, *, maximum: int = MAX_BIGINT, minimum: int = 0) -> int | None:
    """`value` as an int if it is ASCII digits (nothing else, no sign or spaces) within the range, else None."""
    if not isinstance(value, str) or len(value) > len(str(maximum)) or not _ASCII_DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def has_other_digits(value: str) -> bool:
    """True if `value` holds a digit that is not 0-9: Arabic-Indic, fullwidth, superscript and the like."""
    return any(ch.isdigit() and not "0" <= ch <= "9" for ch in value)


class IdConverter:
    """`<id:pk>` in a URL pattern: a database id, 1 to 18 ASCII digits (always within a 64-bit integer).

    Anything else does not match the pattern, so the visitor gets the same 404 as for a record
    that does not exist or that they may not see.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        number = whole_number(value, minimum=1)
        if number is None:
            raise ValueError(value)  # Django reads a ValueError here as "this pattern does not match"
        return number

    def to_url(self, value: object) -> str:
        return str(value)
