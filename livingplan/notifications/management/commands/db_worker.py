"""`livingplan db_worker`: django-tasks-db's worker, plus the outbox's own pass (ADR-030).

A task killed with its worker stays "running" for ever in django-tasks-db, and a retry waiting
for its time is not "ready", so the plain worker's `--batch` would stop before the outbox is
empty. This worker also:
- at start, and every NOTIFICATIONS_SWEEP_INTERVAL seconds (a thread), frees rows stuck in
  SENDING and sends rows overdue for a minute or more (their task was lost);
- with `--batch`, once no task is ready, keeps sending due rows and waits for retries and stuck
  rows due within NOTIFICATIONS_BATCH_WAIT seconds, then exits: the queue is drained;
- on the same beat runs the periodic jobs other apps register (`periodic`: the plans app's
  reminders of actions due and overdue), each at its own interval, all of them at start.
"""

import datetime as dt
import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from livingplan.notifications import outbox, periodic

log = logging.getLogger("livingplan.notifications")
OVERDUE = dt.timedelta(minutes=1)


def outbox_pass(*, overdue_by: dt.timedelta, every_job: bool = False) -> int:
    periodic.run_due(every_job=every_job)  # what the jobs queue is sent by this pass, or by its own task
    freed = outbox.sweep()
    if freed:
        log.warning("Freed %s messages left sending by a stopped worker", freed)
    return freed + outbox.deliver_due(overdue_by=overdue_by)


class OutboxWorker(db_worker.Worker):
    def run(self) -> None:
        outbox_pass(overdue_by=OVERDUE, every_job=True)
        if not self.batch:
            threading.Thread(target=self._keep_sweeping, daemon=True, name="outbox-sweep").start()
            super().run()
            return
        super().run()
        self._drain()

    def _keep_sweeping(self) -> None:
        while self.running:
            time.sleep(settings.NOTIFICATIONS_SWEEP_INTERVAL)
            try:
                close_old_connections()
                outbox_pass(overdue_by=OVERDUE)
            except Exception:  # a lost database must not end the sweeping for good
                log.exception("The outbox sweep failed; trying again later")
            finally:
                connection.close()

    def _drain(self) -> None:
        horizon = dt.timedelta(seconds=settings.NOTIFICATIONS_BATCH_WAIT)
        while self.running:
            if outbox_pass(overdue_by=dt.timedelta(0)):
                continue
            when = outbox.next_due()
            now = timezone.now()
            if when is None or when > now + horizon:
                return
            time.sleep(min(max((when - now).total_seconds(), 0.05), 1.0))


class Command(db_worker.Command):
    help = db_worker.Command.help + ", and send the notifications outbox"

    def handle(self, *args: Any, **options: Any) -> None:
        # The parent builds its Worker by name; point that name at ours for this process.
        db_worker.Worker = OutboxWorker  # type: ignore[misc]
        super().handle(*args, **options)
