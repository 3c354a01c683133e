"""The everyday messages a plan causes (issue 11): a suggestion waiting for the person, a note
or a review request for the coordinator. Each is queued in the transaction of the change, so a
change that rolls back tells nobody, and each goes to the recipient by their own channel.

Nobody is told about what they did themselves. Whether the recipient turned a kind of message
off is `outbox.queue`'s question (`notifications.preferences`), not ours.
"""

from django.urls import reverse
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.notifications import outbox
from livingplan.people import messaging
from livingplan.people.models import CareTeamMember, Person
from livingplan.plans.deciders import who_decides
from livingplan.plans.models import Outcome, Plan, PlanNote, Statement
from livingplan.plans.sections import SharingGroup
from livingplan.plans.sharing import groups_visible_to


def _plan_link(person: Person, name: str = "plans:plan") -> str:
    return messaging.link(reverse(name, kwargs={"person_pk": person.pk}))


def suggestion_waiting(item: Statement | Outcome, *, by: User) -> None:
    """Someone else suggested words for the person's own voice: whoever decides hears (the person,
    or their attorney or deputy once the person lacks capacity to decide, as for agreeing the plan).

    One message per plan a day, however many suggestions: they read them all at once.
    """
    plan: Plan = item.plan
    person = plan.person
    for decider in who_decides(person):
        if decider.to.user_id == by.pk:
            continue  # nobody is told about what they did themselves
        outbox.queue(
            template="suggestion_waiting_on_behalf" if decider.on_behalf else "suggestion_waiting",
            to=decider.to,
            personalisation={
                "first_name": decider.to.first_name,
                "person_first_name": person.name_to_use,
                "by_name": by.display_name,
                "link": _plan_link(person),
            },
            key=f"suggestion-waiting-{plan.pk}-{timezone.localdate():%Y-%m-%d}-{decider.who}",
            person_id=person.pk,
        )


def coordinator_of(person: Person) -> User | None:
    member = (
        CareTeamMember.objects.filter(person=person, is_coordinator=True, ended_on__isnull=True)
        .select_related("user")
        .first()
    )
    return member.user if member is not None and member.user.is_active else None


def note_added(note: PlanNote, *, by: User) -> None:
    """The coordinator hears of each note; a note asking for a review says so instead."""
    person = note.plan.person
    coordinator = coordinator_of(person)
    if coordinator is None or coordinator.pk == by.pk:
        return
    if SharingGroup.REVIEW not in groups_visible_to(coordinator, person):
        return  # the person does not share notes with them: not even that one was written
    template = "review_requested" if note.asks_for_review else "note_added"
    to = messaging.recipient_for_staff(coordinator)
    outbox.queue(
        template=template,
        to=to,
        personalisation={
            **messaging.pronoun_fields(person),
            "first_name": to.first_name,
            "by_name": by.display_name,
            "link": _plan_link(person, "plans:notes"),
        },
        key=f"{template.replace('_', '-')}-{note.pk}",
        person_id=person.pk,
    )
