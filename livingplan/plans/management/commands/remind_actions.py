"""`livingplan remind_actions`: queue today's reminders of actions due and overdue (for a cron job;
`livingplan db_worker` runs the same every quarter of an hour)."""

from typing import Any

from django.core.management.base import BaseCommand

from livingplan.plans import reminders


class Command(BaseCommand):
    help = "Queue reminders to the owners of actions due tomorrow or overdue (never the same one twice)"

    def handle(self, *args: Any, **options: Any) -> None:
        queued = reminders.remind_about_actions()
        self.stdout.write(f"Queued {queued} reminders.")
