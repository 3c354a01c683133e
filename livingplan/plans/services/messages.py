"""Who is told when a plan is ready to agree and when it is agreed, queued in the verb's transaction.

- Ready for agreement: the person; or, when they have been assessed as lacking capacity to agree
  their plan, each attorney or deputy who may agree it for them (ADR-012).
- Agreed: the agreed version itself to the person (`plan_version`: an email with the link to its
  PDF, or a letter that is the PDF in their format), and a short "agreed" message to everyone else
  on the plan who signs in: the circle with access and the care team. The one who agreed it is
  not told what they have just done.

Messages hold no plan content: what happened, the version's own summary of changes (which the
versions page shows to everyone who may see the plan), and one link. Each recipient then reads
only what they may see, behind sign-in.
"""

import dataclasses

from django.urls import reverse

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.notifications import outbox
from livingplan.notifications.recipients import Recipient
from livingplan.people import messaging
from livingplan.people.models import (
    ContactChannel,
    Person,
)
from livingplan.plans.deciders import who_decides
from livingplan.plans.models import Plan, PlanVersion
from livingplan.plans.receipts import version_message_key


def _plan_link(person: Person) -> str:
    return messaging.link(reverse("plans:plan", args=[person.pk]))


def _recipient_for_staff(user: User) -> Recipient:
    return Recipient(
        first_name=user.first_name or messaging.first_name(user.display_name),
        name=user.display_name,
        user_id=user.pk,
        email=user.email,
    )


def tell_plan_ready(plan: Plan, *, by: User) -> None:
    """The plan was proposed: ask whoever decides to read and agree it."""
    person = plan.person
    common = {"person_first_name": person.name_to_use, "link": _plan_link(person)}
    for decider in who_decides(person):
        outbox.queue(
            template="plan_ready_on_behalf" if decider.on_behalf else "plan_ready",
            to=decider.to,
            personalisation={**common, "first_name": decider.to.first_name},
            key=f"plan-ready-{plan.pk}-r{plan.revision}-{decider.who}",
            person_id=person.pk,
        )


def _for_the_version(person: Person) -> Recipient:
    """A plan is a document: by email (a link to its PDF) if that is their channel, else by post."""
    to = messaging.recipient_for_person(person)
    needs = getattr(person, "communication_needs", None)
    by_email = needs is not None and needs.preferred_channel == ContactChannel.EMAIL
    return dataclasses.replace(to, preferred="EMAIL" if by_email else "LETTER")


def _others_on_the_plan(plan: Plan, *, by: User) -> list[Recipient]:
    """The circle with access and the current care team who may see the plan now, once each, not the
    person nor who agreed. A care team member whose organisation has no consent to see it is not told
    that it exists."""
    person = plan.person
    found: dict[int, tuple[User, Recipient]] = {}
    circle = person.circle.filter(has_access=True, user__isnull=False, user__is_active=True).select_related("user")
    for member in circle:
        if member.user is None:
            continue
        to = messaging.recipient_for_circle_member(member)
        if not to.email and member.user.email:
            to = dataclasses.replace(to, email=member.user.email)  # the address they sign in with
        found.setdefault(member.user.pk, (member.user, to))
    for team_member in person.care_team.filter(ended_on__isnull=True, user__is_active=True).select_related("user"):
        found.setdefault(team_member.user_id, (team_member.user, _recipient_for_staff(team_member.user)))
    for user_id in (by.pk, person.user_id):
        found.pop(user_id or 0, None)
    return [
        to for user_id, (user, to) in sorted(found.items()) if Plan.objects.visible_to(user).filter(pk=plan.pk).exists()
    ]


def tell_plan_agreed(version: PlanVersion, *, by: User) -> None:
    person = version.plan.person
    common = {
        "person_first_name": person.name_to_use,
        "agreed_on": date_long(version.agreed_at),
        "what_changed": version.summary_of_changes,
    }
    to = _for_the_version(person)
    pdf_link = messaging.link(reverse("documents:plan-pdf", args=[person.pk]))
    outbox.queue(
        template="plan_version",
        to=to,
        personalisation={
            **common,
            "first_name": to.first_name,
            "link": pdf_link,
            "version": str(version.number),
            "letter_format": messaging.letter_format(person),
        },
        key=version_message_key(version.pk),
        person_id=person.pk,
    )
    for other in _others_on_the_plan(version.plan, by=by):
        outbox.queue(
            template="plan_agreed_others",
            to=other,
            personalisation={**common, "first_name": other.first_name, "link": _plan_link(person)},
            key=f"plan-agreed-{version.pk}-user-{other.user_id}",
            person_id=person.pk,
        )
