"""The task `livingplan db_worker` runs for each queued message (ADR-004, ADR-030)."""

from django_tasks import task

from livingplan.notifications import outbox


@task()
def send_message(message_id: int) -> str:
    return outbox.send_message(message_id)
