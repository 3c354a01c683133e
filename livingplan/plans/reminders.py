"""Reminders to an action's owner, if they sign in: the day before it is due, and once it is overdue.

Run by `livingplan db_worker` every quarter of an hour (registered with `notifications.periodic`)
and by `livingplan remind_actions`. Each reminder's key is the action and its due date, so running
again (or in two workers) never repeats one, and moving the date gives the new date its own.

From 9am London time only: nobody is texted about tomorrow at midnight. An action overdue for more
than a week is not announced, so the first run after a long stop, or on old data, is not a flood.
An owner who can no longer see the plan (off the care team, access stopped) is not told about it.
"""

import datetime as dt

from django.db import transaction
from django.urls import reverse

from livingplan.core.presenters import date_long
from livingplan.notifications import outbox
from livingplan.notifications.reminding import already_queued, daytime_now
from livingplan.people import messaging
from livingplan.plans.models import FINISHED_ACTION_STATUSES, Action

OVERDUE_FOR_AT_MOST = dt.timedelta(days=7)
EVERY_SECONDS = 15 * 60


def _key(template: str, action: Action) -> str:
    return f"{template.replace('_', '-')}-{action.pk}-{action.due_on:%Y-%m-%d}"


def _template(action: Action, today: dt.date) -> str:
    return "action_due" if action.due_on == today + dt.timedelta(days=1) else "action_overdue"


def remind_about_actions() -> int:
    """Queue the reminders due now and not yet queued. Returns how many were queued."""
    now = daytime_now()
    if now is None:
        return 0
    today = now.date()
    candidates = list(
        Action.objects.filter(
            owner__isnull=False,
            owner__is_active=True,
            outcome__is_active=True,
            due_on__gte=today - OVERDUE_FOR_AT_MOST,
            due_on__lte=today + dt.timedelta(days=1),
        )
        .exclude(due_on=today)
        .exclude(status__in=FINISHED_ACTION_STATUSES)
        .select_related("owner", "person__communication_needs")
        .order_by("due_on", "pk")
    )
    keys = {action.pk: _key(_template(action, today), action) for action in candidates}
    done = already_queued(keys.values())
    queued = 0
    for action in candidates:
        if keys[action.pk] not in done and _remind(action, _template(action, today), keys[action.pk]):
            queued += 1
    return queued


@transaction.atomic
def _remind(action: Action, template: str, key: str) -> bool:
    owner, person = action.owner, action.person
    if owner is None or not Action.objects.visible_to(owner).filter(pk=action.pk).exists():
        return False
    to = messaging.recipient_for_user(person, owner)
    mine = person.user_id == owner.pk
    message = outbox.queue(
        template=template,
        to=to,
        personalisation={
            "first_name": to.first_name,
            "plan_of": "your" if mine else f"{person.name_to_use}'s",
            "due_on": date_long(action.due_on),
            "link": messaging.link(reverse("plans:plan", kwargs={"person_pk": person.pk})),
        },
        key=key,
        person_id=person.pk,
    )
    return message is not None
