"""Postcode districts: the "LS6" of "LS6 3AB", the area the directory is searched by (pure)."""

import re

# The outward code of a UK postcode: one or two letters, a digit, then a digit or letter (optional).
_DISTRICT = re.compile(r"[A-Z]{1,2}[0-9][0-9A-Z]?")
_FULL = re.compile(r"([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})")


def district(postcode: str) -> str:
    """The district of a full postcode or of a district typed alone; "" when it is neither.

    "ls6 3ab" -> "LS6", "LS63AB" -> "LS6", "LS6" -> "LS6"; "ABC 1234" (not a UK postcode) -> "".
    """
    text = " ".join(postcode.upper().split())
    full = _FULL.fullmatch(text)
    if full:
        return full.group(1)
    return text if _DISTRICT.fullmatch(text) else ""
