"""Who a message goes to, from what the people app records: the notifications app knows none of our models.

A circle member has no communication needs of their own recorded: email if they gave one, else a
text to a UK mobile. A person's own needs (channel, times to avoid) choose for them.
"""

from django.conf import settings

from livingplan.notifications import attention, texts
from livingplan.notifications.recipients import Recipient, choose
from livingplan.people.models import CircleMember, CommunicationNeeds, ContactChannel, Person

# Our recorded channel -> the outbox's. A phone call is not a message: the outbox still writes where it
# can and asks for the coordinator to call (`attention.CALL`, a task on their caseload, ADR-032).
_CHANNELS: dict[str, str] = {
    ContactChannel.EMAIL: "EMAIL",
    ContactChannel.TEXT: "SMS",
    ContactChannel.LETTER: "LETTER",
    ContactChannel.PHONE: attention.CALL,
}


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def link(path: str) -> str:
    """An address for a message: the service's own address, as the recipient reaches it, plus `path`."""
    return settings.LIVINGPLAN_SITE_URL.rstrip("/") + path


def recipient_for_circle_member(member: CircleMember) -> Recipient:
    return Recipient(
        first_name=first_name(member.name),
        name=member.name,
        user_id=member.user_id,
        email=member.email,
        phone=member.phone,
    )


def recipient_for_person(person: Person) -> Recipient:
    needs: CommunicationNeeds | None = getattr(person, "communication_needs", None)
    address = [line for line in person.address.splitlines() if line.strip()]
    if person.postcode and person.postcode not in address:
        address.append(person.postcode)
    return Recipient(
        first_name=person.name_to_use.split()[0] if person.name_to_use else person.given_name,
        name=person.full_name,
        user_id=person.user_id,
        email=person.email,
        phone=person.phone,
        postal_address=(person.full_name, *address),
        preferred=_CHANNELS.get(needs.preferred_channel, "") if needs else "",
        times_to_avoid=needs.times_to_avoid if needs else "",
    )


_ROUTE_WORDS = {"EMAIL": "by email to {}", "SMS": "by text message to {}"}


def invitation_route(member: CircleMember) -> str | None:
    """How a circle member's invitation goes ("by email to jo@example.org"), or None when nothing
    recorded reaches them and the person must pass the link on themselves."""
    found = choose(recipient_for_circle_member(member), texts.TEMPLATES["circle_invitation"].channels)
    if found is None:
        return None
    channel, address = found
    return _ROUTE_WORDS.get(channel, "by post to {}").format(address.splitlines()[0])
