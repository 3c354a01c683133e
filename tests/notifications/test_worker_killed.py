"""Real `livingplan db_worker` processes meeting faults: killed (SIGKILL) mid-batch, or the database
gone while a message is at Notify. After a restart every message has been sent exactly once.

The messages are queued in a SQLite file by another process, sent by real worker processes to the
Notify stub through the real client, and counted at the stub. The stub takes a few milliseconds
per message, after recording it, so a kill usually lands while Notify has a message the worker
has not yet recorded: the case the sweep and the reference look-up exist for.
`benchmarks/notify.py --kill` does the same with 1,000 messages.
"""

import os
import shutil
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.notifications.notify_stub import Accepted, NotifyStub
from tests.notifications.worker_harness import OutboxWorld, migrate

COUNT = int(os.environ.get("NOTIFY_KILL_TEST_MESSAGES", "200"))


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database file, copied for each test (migrating takes about 20 s here)."""
    db = tmp_path_factory.mktemp("outbox") / "migrated.sqlite3"
    migrate(db)
    return db


@pytest.fixture
def stub() -> Iterator[NotifyStub]:
    stub = NotifyStub(delay_seconds=0.01).start()
    yield stub
    stub.stop()


def _world(migrated: Path, tmp_path: Path, stub: NotifyStub, **timings: float) -> OutboxWorld:
    db = tmp_path / "outbox.sqlite3"
    shutil.copy(migrated, db)
    return OutboxWorld(db=db, stub=stub, **timings)


def test_a_worker_killed_mid_batch_loses_and_repeats_nothing(migrated: Path, tmp_path: Path, stub: NotifyStub) -> None:
    world = _world(migrated, tmp_path, stub)
    world.queue(COUNT, "kill")

    first = world.worker()
    deadline = time.monotonic() + 300
    while len(stub.accepted) < COUNT // 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    first.wait()
    after_kill = world.statuses()
    assert 0 < after_kill["SENT"] < COUNT, "killed mid-batch"

    second = world.worker()
    assert second.wait(timeout=600) == 0

    assert world.statuses() == {"SENT": COUNT}, "nothing lost"
    references = stub.references()
    assert len(references) == COUNT
    assert stub.duplicates() == 0, "nothing sent twice"


def test_the_database_lost_while_notify_has_a_message_sends_nothing_twice(migrated: Path, tmp_path: Path) -> None:
    held: list[sqlite3.Connection] = []
    locked = threading.Event()

    def take_the_database_away(accepted: Accepted) -> None:
        # Once Notify has the first message, nothing can write to the database until we let go.
        if not held:
            db = sqlite3.connect(tmp_path / "outbox.sqlite3", timeout=20, isolation_level=None, check_same_thread=False)
            db.execute("BEGIN EXCLUSIVE")
            held.append(db)
            locked.set()

    stub = NotifyStub(on_accept=take_the_database_away).start()
    try:
        world = _world(migrated, tmp_path, stub, sqlite_timeout=1.0)
        world.queue(20, "lost")
        first = world.worker()
        assert locked.wait(timeout=120)
        time.sleep(3)  # longer than the worker waits for the database: recording the send fails
        held[0].execute("ROLLBACK")
        held[0].close()
        first.wait(timeout=300)  # it may carry on, or stop on the error; a supervisor would restart it

        second = world.worker()
        assert second.wait(timeout=300) == 0
        assert world.statuses() == {"SENT": 20}
        assert len(stub.references()) == 20
        assert stub.duplicates() == 0
        # The message Notify had was left "sending", freed by the sweep, and found at Notify by its reference.
        assert world.freed_by_sweep() == [stub.accepted[0].reference]
        assert stub.accepted[0].reference in stub.lookups
    finally:
        stub.stop()
