"""Money as integer pence: read from what people type, shown as pounds. Never a float."""

import re

# Nothing in a personal budget costs more than this a year; a bigger number is a typing slip.
MAX_YEARLY_PENCE = 2_000_000_00
MAX_UNIT_PENCE = 100_000_00

_POUNDS = re.compile(r"^\s*£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$")


class NotMoney(ValueError):
    pass


def parse_pounds(typed: str) -> int:
    """'£1,234.5' -> 123450. Refuses negatives, letters and more than two decimal places."""
    if typed.strip().startswith("-"):
        raise NotMoney("Enter an amount of £0 or more")
    found = _POUNDS.match(typed)
    if found is None:
        raise NotMoney("Enter an amount in pounds and pence, like 25.50")
    whole, fraction = found.group(1).replace(",", ""), (found.group(2) or "").ljust(2, "0")
    return int(whole) * 100 + int(fraction or "0")


def pounds(pence: int) -> str:
    """123450 -> '£1,234.50'; whole pounds keep their pence so columns line up."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{part:02d}"
