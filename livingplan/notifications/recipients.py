"""Who a message goes to and by which channel, from what is recorded about them.

The caller (the people or plans app) builds a `Recipient` from its own records (the person's
communication needs, a circle member's contact details); this app knows nothing of those models.
"""

import re
from dataclasses import dataclass, field

from livingplan.notifications.models import Channel

# UK mobile numbers: 07 and nine more digits, or the same after +44 / 0044 (Notify's own rule
# for UK numbers). A landline cannot take a text, so it never chooses the SMS channel.
_MOBILE = re.compile(r"(?:\+44|0044|44|0)(7\d{9})")


def uk_mobile(number: str) -> str | None:
    """The number in the form 07xxxxxxxxx if it is a UK mobile, else None."""
    digits = re.sub(r"[\s()\-.]", "", number)
    match = _MOBILE.fullmatch(digits)
    return f"0{match.group(1)}" if match else None


@dataclass(frozen=True)
class Recipient:
    first_name: str
    name: str = ""
    user_id: int | None = None
    email: str = ""
    phone: str = ""
    postal_address: tuple[str, ...] = field(default_factory=tuple)  # lines, the postcode last
    preferred: str = ""  # a Channel value, or "" for no recorded preference
    times_to_avoid: str = ""
    language: str = ""  # as recorded ("Polish", "British Sign Language"); "" when none is


# Our wording is in English only. Anything else recorded means someone must check the person understood.
_ENGLISH = {"", "english", "en", "en-gb", "english (uk)", "british english"}


def in_english(recipient: Recipient) -> bool:
    """Whether English is the recipient's recorded language (or none is recorded)."""
    return recipient.language.strip().casefold() in _ENGLISH


def address_for(recipient: Recipient, channel: str) -> str | None:
    if channel == Channel.EMAIL:
        return recipient.email.strip() or None
    if channel == Channel.SMS:
        return uk_mobile(recipient.phone)
    if channel == Channel.LETTER:
        # Notify needs at least three lines, the last a postcode.
        lines = [line.strip() for line in recipient.postal_address if line.strip()]
        return "\n".join(lines) if len(lines) >= 3 else None
    return None


def choose(recipient: Recipient, allowed: tuple[str, ...]) -> tuple[str, str] | None:
    """The channel and address: the recorded preference when usable, then email, text, letter."""
    order = [recipient.preferred, Channel.EMAIL, Channel.SMS, Channel.LETTER]
    for channel in order:
        if channel in allowed and (address := address_for(recipient, channel)):
            return channel, address
    return None
