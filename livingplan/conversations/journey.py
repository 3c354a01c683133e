"""What this app tells the planning journey (`journeys.facts`, which sits below us): part 2 of the
preparation, the person's own, and the planning conversations held. Registered at start-up."""

from collections.abc import Iterable

from django.urls import reverse

from livingplan.conversations import rules
from livingplan.conversations.models import Conversation, PreparationStatus
from livingplan.conversations.status import own_preparation_status
from livingplan.core.viewer import Viewer
from livingplan.journeys.facts import Fact, FactKind, PartStatus, PartSummary
from livingplan.people.models import Person

_STATUS = {
    PreparationStatus.NOT_STARTED: PartStatus.NOT_STARTED,
    PreparationStatus.IN_PROGRESS: PartStatus.IN_PROGRESS,
    PreparationStatus.DONE: PartStatus.DONE,
}
_DETAIL = {
    PreparationStatus.NOT_STARTED: "Nothing written yet.",
    PreparationStatus.IN_PROGRESS: "Some answers saved, not finished yet.",
    PreparationStatus.DONE: "Finished.",
}


def own_preparation_part(viewer: Viewer, person: Person) -> PartSummary:
    """Its status for anyone who sees the planning page; its page only for who may read it."""
    status = own_preparation_status(person)
    readable = rules.may_read_preparation(viewer, person, status)
    href = reverse("conversations:preparation", args=[person.pk]) if readable else ""
    return PartSummary(_STATUS[status], _DETAIL[status], href)


def conversations_held(viewer: Viewer, person: Person) -> Iterable[Fact]:
    held = (
        Conversation.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("recorded_by")
        .order_by("held_on", "pk")
    )
    return [Fact(FactKind.CONVERSATION_HELD, on=c.held_on, who=c.recorded_by.display_name) for c in held]
