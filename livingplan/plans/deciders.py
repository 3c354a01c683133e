"""Who decides for the person, as someone to tell: the person; or, once they have been assessed as
lacking capacity to agree their plan, each attorney or deputy who may agree it for them (ADR-012).

The same people agree the plan and accept suggested words for the person's own voice
(`rules.may_decide_suggestions`), so both messages ask the same people.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from livingplan.notifications.recipients import Recipient, uk_mobile
from livingplan.people import capacity, messaging
from livingplan.people.models import DecisionKind, LegalAuthority, Person


@dataclass(frozen=True)
class Decider:
    who: str  # for the message's key: "person", "authority-7", or "no-authority"
    to: Recipient
    on_behalf: bool  # an attorney or deputy deciding for the person


def who_decides(person: Person) -> list[Decider]:
    """The person, or those who may decide for them. When the person lacks capacity and nobody may
    decide for them, one recipient with nothing to reach them by: the outbox records it as a failure
    that staff see on "Messages sent", never a message skipped in silence."""
    if not _lacks_capacity_to_agree(person):
        return [Decider("person", messaging.recipient_for_person(person), on_behalf=False)]
    deciders = [Decider(f"authority-{a.pk}", _recipient_for_authority(a), on_behalf=True) for a in _authorities(person)]
    if deciders:
        return deciders
    nobody = Recipient(first_name="their attorney or deputy", name=f"{person.full_name}'s attorney or deputy")
    return [Decider("no-authority", nobody, on_behalf=True)]


def _lacks_capacity_to_agree(person: Person) -> bool:
    # Nobody in particular asks: only the latest assessment matters, not anyone's authority.
    return capacity.standing(AnonymousUser(), person, DecisionKind.AGREE_PLAN, fresh=True).person_lacks_capacity


def _authorities(person: Person) -> list[LegalAuthority]:
    """Attorneys (registered) and deputies for health and welfare: those who may agree for the person."""
    acting = person.legal_authorities.filter(
        kind__in=[LegalAuthority.Kind.DEPUTY_WELFARE, LegalAuthority.Kind.LPA_HEALTH_WELFARE]
    ).select_related("held_by")
    return [a for a in acting if a.kind == LegalAuthority.Kind.DEPUTY_WELFARE or a.registered_on is not None]


def _recipient_for_authority(authority: LegalAuthority) -> Recipient:
    user = authority.held_by
    contact = authority.contact.strip()
    email = user.email if user is not None and user.email else (contact if "@" in contact else "")
    return Recipient(
        first_name=messaging.first_name(authority.name),
        name=authority.name,
        user_id=user.pk if user is not None else None,
        email=email,
        phone=contact if uk_mobile(contact) else "",
    )
