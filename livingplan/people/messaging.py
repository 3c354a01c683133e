"""Who a message goes to, from what the people app records: the notifications app knows none of our models.

A circle member has no communication needs of their own recorded: email if they gave one, else a
text to a UK mobile. A person's own needs (channel, times to avoid) choose for them.
"""

from django.conf import settings

from livingplan.accounts.models import User
from livingplan.notifications import attention, texts
from livingplan.notifications.recipients import Recipient, choose
from livingplan.people.models import CircleMember, CommunicationNeeds, ContactChannel, InformationFormat, Person

# Our recorded channel -> the outbox's. A phone call is not a message: the outbox still writes where it
# can and asks for the coordinator to call (`attention.CALL`, a task on their caseload, ADR-032).
_CHANNELS: dict[str, str] = {
    ContactChannel.EMAIL: "EMAIL",
    ContactChannel.TEXT: "SMS",
    ContactChannel.LETTER: "LETTER",
    ContactChannel.PHONE: attention.CALL,
}


# The format a letter to the person is printed in (documents' DocFormat values; braille, audio and
# BSL are made by staff from standard print).
_LETTER_FORMATS = {InformationFormat.LARGE_PRINT: "large-print", InformationFormat.EASY_READ: "easy-read"}


def letter_format(person: Person) -> str:
    needs = getattr(person, "communication_needs", None)
    return _LETTER_FORMATS.get(InformationFormat(needs.information_format), "standard") if needs else "standard"


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
        # Someone in the circle who signs in can be reached at their sign-in address if none is recorded.
        email=member.email or (member.user.email if member.user else ""),
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
        # A person who signs in can be reached at the address they sign in with, if none is recorded.
        email=person.email or (person.user.email if person.user else ""),
        phone=person.phone,
        postal_address=(person.full_name, *address),
        preferred=_CHANNELS.get(needs.preferred_channel, "") if needs else "",
        times_to_avoid=needs.times_to_avoid if needs else "",
        language=needs.language if needs else "",
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


def recipient_for_staff(user: User) -> Recipient:
    """A member of staff: by email, at the address they sign in with."""
    return Recipient(
        first_name=user.first_name or first_name(user.display_name),
        name=user.display_name,
        user_id=user.pk,
        email=user.email,
    )


def recipient_for_user(person: Person, user: User) -> Recipient:
    """Someone who signs in, reached as who they are to `person`: the person by their own recorded
    needs, someone in their circle by the details the person gave, anyone else (staff) by email."""
    if person.user_id == user.pk:
        return recipient_for_person(person)
    member = CircleMember.objects.filter(person=person, user=user).first()
    if member is not None:
        return recipient_for_circle_member(member)
    return recipient_for_staff(user)


def pronoun_fields(person: Person) -> dict[str, str]:
    """The personalisation that speaks of the person in the third person, by their pronouns."""
    return {
        "person_first_name": person.name_to_use,
        "person_name": person.full_name,
        "person_their": person.pronoun.their,
        "person_them": person.pronoun.them,
    }
