"""Reminders to a priority's owner: a week before it is due, and once it is overdue.

Run by `livingplan db_worker` every hour (registered with `notifications.periodic` in `apps.py`).
Each reminder's key is the priority and its date, so running again (or in two workers) never
repeats one. A priority done or stopped is left alone; one overdue for more than a fortnight is
not announced, so the first run after a long stop is not a flood. From 9am London time only.
"""

import datetime as dt

from django.db import transaction
from django.urls import reverse

from livingplan.core.presenters import date_long
from livingplan.notifications import outbox
from livingplan.notifications.reminding import already_queued, daytime_now
from livingplan.people import messaging
from livingplan.selfassessment.models import Priority, PriorityStatus

DUE_SOON = dt.timedelta(days=7)
OVERDUE_FOR_AT_MOST = dt.timedelta(days=14)
EVERY_SECONDS = 60 * 60
DUE = "selfassessment_priority_due"
OVERDUE = "selfassessment_priority_overdue"


def _key(template: str, priority: Priority) -> str:
    return f"{template.replace('_', '-')}-{priority.pk}-{priority.by_when:%Y-%m-%d}"


def remind_about_priorities() -> int:
    """Queue the reminders due now and not yet queued. Returns how many were queued."""
    now = daytime_now()
    if now is None:
        return 0
    today = now.date()
    waiting = list(
        Priority.objects.filter(
            owner__is_active=True,
            by_when__gte=today - OVERDUE_FOR_AT_MOST,
            by_when__lte=today + DUE_SOON,
        )
        .exclude(status__in=[PriorityStatus.DONE, PriorityStatus.STOPPED])
        .select_related("owner", "round__organisation")
        .order_by("by_when", "pk")
    )
    keys = {p.pk: _key(OVERDUE if p.by_when < today else DUE, p) for p in waiting}
    done = already_queued(keys.values())
    queued = 0
    for priority in waiting:
        template = OVERDUE if priority.by_when < today else DUE
        if keys[priority.pk] not in done and _remind(priority, template, keys[priority.pk]):
            queued += 1
    return queued


@transaction.atomic
def _remind(priority: Priority, template: str, key: str) -> bool:
    to = messaging.recipient_for_staff(priority.owner)
    link = reverse("selfassessment:priority", args=[priority.round_id, priority.pk])
    message = outbox.queue(
        template=template,
        to=to,
        personalisation={
            "first_name": to.first_name,
            "organisation": priority.round.organisation.name,
            "due_on": date_long(priority.by_when),
            "link": messaging.link(link),
        },
        key=key,
    )
    return message is not None
