"""Real `livingplan db_worker` processes sending a real outbox (a SQLite file) to the Notify stub.

Used by the SIGKILL test and `benchmarks/notify.py`. Messages are queued by a separate process
(`python -m tests.notifications.worker_harness queue N PREFIX`) through `outbox.queue`, so the
tasks are the database backend's, as in production; counts are read straight from the file.
"""

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.notifications.notify_stub import NotifyStub

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SETTINGS = "tests.notifications.worker_settings"
TEMPLATE_IDS = {
    "NOTIFY_EMAIL_TEMPLATE_ID": "f33517ff-2a88-4f6e-b855-c550268ce08a",
    "NOTIFY_SMS_TEMPLATE_ID": "2f9a3c4e-1b7d-4c8e-9a0f-5d6e7f8a9b0c",
    "NOTIFY_LETTER_TEMPLATE_ID": "7e1d2c3b-4a5f-4e6d-8c7b-9a0b1c2d3e4f",
}


@dataclass
class OutboxWorld:
    db: Path
    stub: NotifyStub
    sending_timeout: float = 3.0  # above the request timeout below, so only dead workers' rows are freed
    request_timeout: float = 1.0
    sqlite_timeout: float = 20.0

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            **TEMPLATE_IDS,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "SQLITE_TIMEOUT": str(self.sqlite_timeout),
            "BENCH_DB": str(self.db),
            "BENCH_TASKS": "db",
            "PYTHONPATH": str(ROOT),
            "NOTIFY_API_KEY": self.stub.api_key,
            "NOTIFY_BASE_URL": self.stub.url,
            "NOTIFY_REQUEST_TIMEOUT": str(self.request_timeout),
            "NOTIFICATIONS_SENDING_TIMEOUT": str(self.sending_timeout),
            "NOTIFICATIONS_RETRY_BASE_SECONDS": "0.2",
            "NOTIFICATIONS_RETRY_CAP_SECONDS": "2",
            "NOTIFICATIONS_BATCH_WAIT": str(self.sending_timeout + 5),
        }

    def run(self, *args: str) -> None:
        subprocess.run([str(BIN / "livingplan"), *args], env=self.env(), check=True, cwd=ROOT)  # noqa: S603 - ours

    def migrate(self) -> None:
        migrate(self.db)

    def queue(self, count: int, prefix: str, *, per_second: float = 0) -> None:
        """Queue `count` messages in transactions of 200, or one at a time at `per_second`."""
        subprocess.run(  # noqa: S603 - our own module
            [sys.executable, "-m", "tests.notifications.worker_harness", "queue", str(count), prefix, str(per_second)],
            env=self.env(),
            check=True,
            cwd=ROOT,
        )

    def worker(self, *, batch: bool = True) -> "subprocess.Popen[bytes]":
        args = [str(BIN / "livingplan"), "db_worker", "--no-startup-delay", "--interval", "0.1", "-v0"]
        if batch:
            args.append("--batch")
        return subprocess.Popen(args, env=self.env(), cwd=ROOT)  # noqa: S603 - our own command

    def statuses(self) -> Counter[str]:
        with sqlite3.connect(self.db, timeout=20) as db:
            rows = db.execute("SELECT status, count(*) FROM notifications_outboxmessage GROUP BY status").fetchall()
        return Counter(dict(rows))

    def sending_rows(self) -> list[str]:
        with sqlite3.connect(self.db, timeout=20) as db:
            rows = db.execute("SELECT idempotency_key FROM notifications_outboxmessage WHERE status = 'SENDING'")
            return [key for (key,) in rows.fetchall()]

    def freed_by_sweep(self) -> list[str]:
        with sqlite3.connect(self.db, timeout=20) as db:
            rows = db.execute(
                "SELECT m.idempotency_key FROM notifications_outboxstatuschange c"
                " JOIN notifications_outboxmessage m ON m.id = c.message_id"
                " WHERE c.from_status = 'SENDING' AND c.to_status = 'CREATED' AND c.note LIKE 'Left sending%'"
            )
            return [key for (key,) in rows.fetchall()]

    def send_latencies(self, prefix: str) -> list[float]:
        """Seconds from the row's commit to the provider taking it, for each sent message."""
        with sqlite3.connect(self.db, timeout=20) as db:
            rows = db.execute(
                "SELECT created_at, sent_at FROM notifications_outboxmessage WHERE sent_at IS NOT NULL"
                " AND idempotency_key LIKE ?",
                (f"{prefix}-%",),
            ).fetchall()
        return [(_when(sent) - _when(created)).total_seconds() for created, sent in rows]


def migrate(db: Path) -> None:
    """Make the tables in a new SQLite file (no stub needed: nothing is sent)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "BENCH_DB": str(db), "PYTHONPATH": str(ROOT)}
    subprocess.run([str(BIN / "livingplan"), "migrate", "--no-input", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603


def _when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _queue(count: int, prefix: str, per_second: float) -> None:
    import time

    import django

    django.setup()
    from django.db import transaction

    from livingplan.notifications import outbox
    from livingplan.notifications.recipients import Recipient

    size = 1 if per_second else 200
    for start in range(0, count, size):
        if per_second:
            time.sleep(1 / per_second)
        with transaction.atomic():
            for n in range(start, min(count, start + size)):
                outbox.queue(
                    template="circle_invitation",
                    to=Recipient(first_name="Sam", name="Sam Carter", email=f"sam{n}@example.com"),
                    personalisation={
                        "first_name": "Sam",
                        "person_first_name": "Alex",
                        "person_their": "his",
                        "link": f"https://x.example/{n}",
                    },
                    key=f"{prefix}-{n}",
                )


if __name__ == "__main__":
    if sys.argv[1] == "queue":
        _queue(int(sys.argv[2]), sys.argv[3], float(sys.argv[4]))
