"""Who an action can belong to: the person, someone in their circle who signs in, or their care team.

An owner chosen from these shows by their real name everywhere (the name is stored with the
action, so versions, PDFs and the API say the same), and the action appears under "My actions"
on their home. Free text stays for "someone else" (a neighbour, a club) who does not sign in.
"I" or "me" typed by someone who could own the action means them, so "me" never reaches a
page read by someone else.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from livingplan.accounts.models import User
from livingplan.people.models import CareTeamMember, CircleMember, Person

ME_WORDS = {"me", "i", "myself"}


@dataclass(frozen=True)
class PossibleOwner:
    user: User
    label: str


def possible_owners(person: Person) -> list[PossibleOwner]:
    """The person first, then their circle of support who sign in, then their current care team."""
    owners: list[PossibleOwner] = []
    if person.user is not None:
        owners.append(PossibleOwner(person.user, f"{person.full_name} (the person)"))
    circle = CircleMember.objects.filter(person=person, user__isnull=False, has_access=True).select_related("user")
    owners += [PossibleOwner(m.user, f"{m.name}, {m.relationship.lower()}") for m in circle if m.user]
    team = (
        CareTeamMember.objects.filter(person=person, ended_on__isnull=True)
        .select_related("user", "organisation")
        .order_by("-is_coordinator", "user__last_name")
    )
    for member in team:
        role = "coordinator" if member.is_coordinator else member.role_description or "care team"
        owners.append(PossibleOwner(member.user, f"{member.user.display_name}, {role}, {member.organisation.name}"))
    unique: dict[int, PossibleOwner] = {}
    for possible in owners:
        unique.setdefault(possible.user.pk, possible)  # someone both in the circle and on the team: once
    return list(unique.values())


def resolve_owner(person: Person, *, by: User, owner: User | None, owner_name: str) -> tuple[User | None, str]:
    """The owner and the name to store for them; refuses an owner who is not one of the person's people."""
    allowed = {o.user.pk: o.user for o in possible_owners(person)}
    if owner is None and owner_name.strip().lower() in ME_WORDS and by.pk in allowed:
        owner = by
    if owner is None:
        if not owner_name.strip():
            raise ValidationError({"owner_name": "Enter who will do it"})
        return None, owner_name.strip()
    if owner.pk not in allowed:
        raise ValidationError({"owner": "Choose someone from the list, or someone else"})
    return owner, owner.display_name
