"""`livingplan sweep_outbox`: free messages left sending by a stopped worker and send what is due."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand

from livingplan.notifications import outbox


class Command(BaseCommand):
    help = "Free messages stuck in 'sending' and send the messages that are due"

    def handle(self, *args: Any, **options: Any) -> None:
        freed = outbox.sweep()
        sent = outbox.deliver_due(overdue_by=dt.timedelta(0))
        self.stdout.write(f"Freed {freed} stuck messages; tried {sent} due messages.")
