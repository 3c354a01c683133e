"""Asking the person "did it help?", some weeks after an action in their plan was linked to something local.

Run by `livingplan db_worker` every hour (registered with `notifications.periodic` in `apps.py`).
Each question's key is the link, so running again, or in two workers, never asks twice; once the
person has answered they are not asked at all. From 9am London time only, like the action reminders.
Only a person who signs in is asked: the answer is given on a page behind their sign-in (someone
without one tells their coordinator, who sees the link on the plan's local activities page).
A question more than `ASK_FOR_AT_MOST` overdue is not sent: the first run after a long stop, or on
old data, is not a flood about things long past.
"""

import datetime as dt

from django.db import transaction
from django.urls import reverse

from livingplan.community.models import ResourceLink
from livingplan.notifications import outbox
from livingplan.notifications.reminding import already_queued, daytime_now
from livingplan.people import messaging

TEMPLATE = "community_did_it_help"
ASK_FOR_AT_MOST = dt.timedelta(days=14)
EVERY_SECONDS = 60 * 60


def key(link: ResourceLink) -> str:
    return f"community-did-it-help-{link.pk}"


def ask_did_it_help() -> int:
    """Queue each question due now and not yet queued. Returns how many were queued."""
    now = daytime_now()
    if now is None:
        return 0
    today = now.date()
    # The worker reads every person's due links: nobody is in front of it to narrow by (as reminders).
    due = list(
        ResourceLink.objects.filter(
            ask_on__lte=today,
            ask_on__gte=today - ASK_FOR_AT_MOST,
            answer__isnull=True,
            person__user__isnull=False,
            person__user__is_active=True,
        )
        .select_related("person__communication_needs", "person__user")
        .order_by("ask_on", "pk")
    )
    keys = {link.pk: key(link) for link in due}
    done = already_queued(keys.values())
    return sum(1 for link in due if keys[link.pk] not in done and _ask(link))


@transaction.atomic
def _ask(link: ResourceLink) -> bool:
    person = link.person
    path = reverse("community:did-it-help", kwargs={"person_pk": person.pk, "pk": link.pk})
    to = messaging.recipient_for_person(person)
    message = outbox.queue(
        template=TEMPLATE,
        to=to,
        personalisation={"first_name": to.first_name, "link": messaging.link(path)},
        key=key(link),
        person_id=person.pk,
    )
    return message is not None
