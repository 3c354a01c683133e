"""How far the person's own preparation has got, as a plain function other apps can call
(the journey's preparation overview wires it in): one query, no access check, so the caller
passes a person it loaded through `visible_to`."""

from livingplan.conversations.models import PreparationStatus, PreparationStatusChange
from livingplan.people.models import Person


def own_preparation_status(person: Person) -> PreparationStatus:
    """Not started, in progress (something saved) or done (the person said they have finished)."""
    latest = (
        PreparationStatusChange.objects.filter(person_id=person.pk)
        .order_by("-changed_at", "-pk")
        .values_list("to_status", flat=True)
        .first()
    )
    return PreparationStatus(latest) if latest else PreparationStatus.NOT_STARTED
