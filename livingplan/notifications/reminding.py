"""What every job that sends reminders now and then shares (actions, appointments, priorities...).

Two rules, one place: nobody is messaged about tomorrow in the small hours, so reminders go from
9am London time; and a reminder's idempotency key is looked up before it is queued, so a run
after another (or in a second worker) queues nothing twice. The outbox would refuse the repeat
anyway (its key is unique); asking first keeps the refused inserts, and their savepoints, away.
"""

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from livingplan.notifications.models import OutboxMessage

REMIND_FROM = dt.time(9, 0)


def daytime_now() -> dt.datetime | None:
    """Now in London, or None before 9am, when reminders wait."""
    now = timezone.localtime()
    return None if now.time() < REMIND_FROM else now


def already_queued(keys: Iterable[str]) -> set[str]:
    """Which of these idempotency keys the outbox holds already (one query)."""
    return set(OutboxMessage.objects.filter(idempotency_key__in=list(keys)).values_list("idempotency_key", flat=True))
