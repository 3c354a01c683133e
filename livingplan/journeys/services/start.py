"""Starting to plan with a person: the first fact of their journey, and what they are told to expect."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core import dates
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.presenters import date_long
from livingplan.core.services import auditor
from livingplan.journeys import rules
from livingplan.journeys.models import PlanningStarted
from livingplan.notifications import outbox
from livingplan.people import messaging
from livingplan.people.models import CareTeamMember, CommunicationNeeds, InformationFormat, Person


def _coordinator_name(person: Person, by: User) -> str:
    current = (
        CareTeamMember.objects.filter(person=person, is_coordinator=True, ended_on__isnull=True)
        .select_related("user")
        .first()
    )
    return current.user.display_name if current is not None else by.display_name


@transaction.atomic
def start_planning(
    person: Person, *, by: User, conversation_by: dt.date, audit: AuditContext | None = None
) -> PlanningStarted:
    """Start planning with `person`, and send them what will happen and when, by their own channel."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if not rules.may_start_planning(by, person):
        raise PermissionDenied(f"Only {person.name_to_use}'s coordinator can start planning with them.")
    if PlanningStarted.objects.filter(person=person).exists():
        raise ValidationError(f"Planning has already started with {person.full_name}.")
    if problem := dates.problem(conversation_by, dates.PLANNED, "The date of the conversation"):
        raise ValidationError({"conversation_by": problem})
    if conversation_by < timezone.localdate():
        raise ValidationError({"conversation_by": "The date of the conversation must be today or in the future"})
    started = PlanningStarted.objects.create(person=person, started_by=by, conversation_by=conversation_by)
    auditor.record(
        "journeys.planning.started",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=started,
        detail={"conversation_by": conversation_by.isoformat()},
    )
    _send_what_to_expect(person, started, coordinator=_coordinator_name(person, by))
    return started


def _send_what_to_expect(person: Person, started: PlanningStarted, *, coordinator: str) -> None:
    """The same steps as their home shows, in the same transaction: no start without its message."""
    needs = CommunicationNeeds.objects.filter(person=person).first()
    easy = needs is not None and needs.information_format == InformationFormat.EASY_READ
    to = messaging.recipient_for_person(person)
    outbox.queue(
        template="what_to_expect_easy_read" if easy else "what_to_expect",
        to=to,
        personalisation={
            "first_name": to.first_name,
            "by_name": coordinator,
            "due_on": date_long(started.conversation_by),
            "link": messaging.link(reverse("home:home")),
            "letter_format": messaging.letter_format(person),
        },
        key=f"what-to-expect-{started.pk}",
        person_id=person.pk,
    )
