"""A real `livingplan db_worker` killed (SIGKILL) mid-batch, then started again: every message once.

The messages are queued in a SQLite file by another process, sent by real worker processes to the
Notify stub through the real client, and counted at the stub. The stub takes a few milliseconds
per message, after recording it, so a kill usually lands while Notify has a message the worker
has not yet recorded: the case the sweep and the reference look-up exist for.
`benchmarks/notify.py --kill` does the same with 1,000 messages.
"""

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.notifications.notify_stub import NotifyStub
from tests.notifications.worker_harness import OutboxWorld

COUNT = int(os.environ.get("NOTIFY_KILL_TEST_MESSAGES", "200"))


@pytest.fixture
def stub() -> Iterator[NotifyStub]:
    stub = NotifyStub(delay_seconds=0.01).start()
    yield stub
    stub.stop()


def test_a_worker_killed_mid_batch_loses_and_repeats_nothing(tmp_path: Path, stub: NotifyStub) -> None:
    world = OutboxWorld(db=tmp_path / "outbox.sqlite3", stub=stub)
    world.migrate()
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
